import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/model.ts at smoke size', () => {
  it('model: held-out retrieval against hashing and BM25, concept search, throughput', () => {
    const r = runBenchmark('model.ts', '--concepts', '300', '--limit', '10', '--texts', '40');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows.map((row: { task: string }) => row.task)).toContain('occupation fi→en');
    for (const row of r.json.rows) expect(row.model.r1).toBeGreaterThanOrEqual(0);
    expect(r.json.search).toHaveLength(2);
    expect(r.json.throughput).toHaveLength(8);
  });
});
