import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/engine.ts at smoke size', () => {
  it('engine: start, match latency, HNSW against exact scan', () => {
    const r = runBenchmarkOnCuratedTaxonomy('engine.ts', '--extra', '200', '--queries', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('| measure | value | unit |');
    expect(r.json.rows.some((row: { measure: string }) => row.measure.startsWith('HNSW recall@10'))).toBe(true);
  }, 240_000);
});
