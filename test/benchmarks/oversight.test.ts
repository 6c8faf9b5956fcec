import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/oversight.ts at smoke size', () => {
  it('oversight: the exposure report from decisions and by replay, beside the occupations report', () => {
    const r = runBenchmarkOnCuratedTaxonomy('oversight.ts', '--vacancies', '2500', '--jobseekers', '2500', '--decisions', '60', '--sample', '30', '--repeat', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(3);
    expect(r.json.rows[2].decisions.rankings).toBeGreaterThan(0);
  }, 240_000);
});
