import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/vectors.ts at smoke size', () => {
  it('vectors: HNSW against exact search, filtered search, build size', () => {
    const r = runBenchmark('vectors.ts', '--sizes', '2000', '--queries', '20', '--efs', '16,64');
    expect(r.status, r.stderr).toBe(0);
    const hnsw = r.json.rows.filter((row: { search: string }) => row.search === 'HNSW');
    expect(hnsw).toHaveLength(4); // k=10 at ef 16 and 64, k=50 at ef 50 (raised to k) and 64
    for (const row of hnsw) expect(row.recallAt10).toBeGreaterThan(0.9);
  });
});
