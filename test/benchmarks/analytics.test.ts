import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/analytics.ts at smoke size', () => {
  it('analytics: demand vs supply, mismatch summary and training plan per area', () => {
    const r = runBenchmarkOnCuratedTaxonomy('analytics.ts', '--vacancies', '2500', '--jobseekers', '2500', '--repeat', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(19);
  }, 240_000);
});
