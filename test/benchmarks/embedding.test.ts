import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/embedding.ts at smoke size', () => {
  it('embedding: throughput per batch size, in the main thread and (lexical) in workers', () => {
    const r = runBenchmark('embedding.ts', '--texts', '20');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(14);
    for (const row of r.json.rows) expect(row.textsPerSecond).toBeGreaterThan(0);
  });
});
