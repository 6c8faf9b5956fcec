import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/pay-subsidy.ts at smoke size', () => {
  it('pay subsidy: k hits per client with the default widening, fewer for some with the usual pool', () => {
    const wide = runBenchmark('pay-subsidy.ts', '--clients', '30', '--every', '20', '--factor', '8');
    expect(wide.status, wide.stderr).toBe(0);
    expect(wide.json).toMatchObject({ clients: 30, acceptingSubsidy: 120, clientsWithFewerThanK: 0 });
    const usual = runBenchmark('pay-subsidy.ts', '--clients', '30', '--every', '20', '--factor', '1');
    expect(usual.status, usual.stderr).toBe(0);
    expect(usual.json.clientsWithFewerThanK).toBeGreaterThan(0);
  }, 240_000);
});
