import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/auth.ts at smoke size', () => {
  it('auth: times verify for unknown key ids, known ids with a wrong secret and valid keys', () => {
    const r = runBenchmark('auth.ts', '--keys', '20', '--rounds', '200');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(6);
    for (const row of r.json.rows) expect(row.medianMicros).toBeGreaterThan(0);
    expect(Object.keys(r.json.medianGapMicros)).toEqual(['this change', 'before (main)']);
  });
});
