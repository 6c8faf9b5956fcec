import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/analytics.ts at smoke size', () => {
  it('analytics: demand vs supply, mismatch summary and training plan per area', () => {
    const r = runBenchmarkOnCuratedTaxonomy('analytics.ts', '--vacancies', '2500', '--jobseekers', '2500', '--repeat', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(19);
    // The planner's figures per area; what a page marks suitable is a part of what score and skills alone call so.
    expect(r.json.figures).toHaveLength(5);
    for (const f of r.json.figures) {
      expect(f.byScorePage.suitable, f.area).toBe(f.onPage);
      expect(f.onPage, f.area).toBeLessThanOrEqual(f.byScore);
    }
  }, 240_000);
});
