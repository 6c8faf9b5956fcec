import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/metrics-hook.ts at smoke size', () => {
  it('metrics-hook: times the request-latency hook against an empty one and the plain prom-client call', () => {
    const r = runBenchmark('metrics-hook.ts', '--calls', '20000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows.map((row: { variant: string }) => row.variant)).toEqual(['empty hook (baseline)', 'route timer (as installed)', 'prom-client, label object per request']);
    for (const row of r.json.rows) expect(row.nsPerCall).toBeGreaterThan(0);
  });
});
