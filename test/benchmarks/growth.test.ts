import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/growth.ts at smoke size', () => {
  it('growth: rows and bytes per request kind, the steady state they make, and a short soak read from /metrics', () => {
    const r = runBenchmarkOnCuratedTaxonomy('growth.ts', '--built', '--requests', '200', '--connections', '2', '--minutes', '0.1', '--rate', '20', '--sample', '2');
    expect(r.status, r.stderr).toBe(0);
    const [match, read] = r.json.growth;
    // A match leaves an audit entry and a decision record; a read an audit entry only.
    expect([match.kind, match.auditRowsPerRequest, match.decisionsPerRequest, match.decisionBytesPerRequest > 0]).toEqual(['stored-profile match', 1, 1, true]);
    expect([read.kind, read.auditRowsPerRequest, read.decisionsPerRequest]).toEqual(['record read', 1, 0]);
    expect(r.json.steadyState.rows).toHaveLength(2);
    expect(r.json.soak.length).toBeGreaterThanOrEqual(2);
    for (const s of r.json.soak) expect([s.fileMiB > 0, s.rssMiB > 0, s.failures]).toEqual([true, true, 0]);
  }, 240_000);
});
