import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/scale.ts at smoke size', () => {
  it('scale: every figure at the baseline size and beside it at the target size, in one data directory', () => {
    const r = runBenchmark(
      'scale.ts',
      '--built', '--taxonomy', 'fixtures/taxonomy',
      '--baseline-vacancies', '200', '--vacancies', '400', '--jobseekers', '300',
      '--seconds', '1', '--connections', '2', '--samples', '3', '--workers', '1', // six starts of one process: within the smoke run's 240 s on busy cores
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('| measure | 200 vacancies, 300 jobseekers | 400 vacancies, 300 jobseekers | target |');
    const [baseline, target] = r.json.rows;
    expect([baseline.vacancies, target.vacancies, r.json.rows.length]).toEqual([200, 400, 2]);
    // The target's run ingests only what the baseline's data directory lacks (its 200 and the 1,000 of its restart exceed 400: none).
    expect([baseline.ingest.vacancies.records, baseline.ingest.jobseekers.records, target.ingest.jobseekers.records]).toEqual([200, 300, 0]);
    for (const row of r.json.rows) {
      expect(row.memory.rssMiB).toHaveLength(1); // one figure per worker (one process: no primary)
      for (const m of row.memory.rssMiB) expect(m).toBeGreaterThan(50);
      for (const load of [row.match, row.filteredMatch]) expect([load.requestsPerSecond > 0, load.errors, load.p99Ms > 0]).toEqual([true, 0, true]);
      expect([row.gaps.errors, row.mismatch.errors]).toEqual([0, 0]);
      // A current index after SIGKILL, never a rebuild: loaded and caught up on the 1,000 written just
      // before, or loaded whole when the flush timer wrote the file first (on a busy machine it may).
      expect(row.restartAfterKill.how).toMatch(/^loaded from /);
      expect(row.restartAfterKill.listeningSeconds).toBeLessThanOrEqual(row.restartAfterKill.currentIndexSeconds);
      expect(row.disk.sqliteMiB).toBeGreaterThan(0);
      expect(row.disk.indexMiB).toBeGreaterThan(0);
    }
  }, 240_000);
});
