import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/http.ts at smoke size', () => {
  it('http: ingest and matches under load against the service it starts', () => {
    const r = runBenchmarkOnCuratedTaxonomy('http.ts', '--built', '--ingest', '500', '--seconds', '1', '--warm-up', '0', '--connections', '2', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    const load = r.json.rows.filter((row: { requestsPerSecond?: number }) => row.requestsPerSecond !== undefined);
    // three kinds of match and the trivial route beside them, with two workers and with one process
    expect(load.map((row: { measure: string }) => /\((2 workers|1 process, baseline)\)$/.exec(row.measure)?.[1])).toEqual([
      ...Array(4).fill('2 workers'),
      ...Array(4).fill('1 process, baseline'),
    ]);
    for (const row of load) expect([row.requestsPerSecond > 0, row.errors, row.cpuPerRequestMs >= 0]).toEqual([true, 0, true]);
    const restarts = r.json.rows.filter((row: { measure: string }) => row.measure.startsWith('restart'));
    expect(restarts.map((row: { measure: string }) => /caught up|full rebuild/.exec(row.measure)?.[0])).toEqual(['caught up', 'full rebuild']);
    // Caught up from the change log, the index holds exactly what a full rebuild from SQLite holds.
    expect(restarts[0].vacancies.indexed).toBeGreaterThan(500);
    for (const row of restarts) expect(row.seconds).toBeLessThanOrEqual(row.currentIndexSeconds);
    expect(restarts[0].vacancies).toEqual(restarts[1].vacancies);
  }, 240_000);
});
