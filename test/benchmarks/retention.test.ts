import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/retention.ts at smoke size', () => {
  it('retention: times the batches of a round over an expired backlog, per batch size', () => {
    const r = runBenchmark('retention.ts', '--rows', '600', '--batch', '50,200');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows.map((row: { batch: number }) => row.batch)).toEqual([50, 200]);
    for (const row of r.json.rows) expect([row.auditRows, row.decisionRows, row.auditBatchMedianMs > 0]).toEqual([600, 600, true]);
  });
});
