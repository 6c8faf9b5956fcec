import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/review.ts at smoke size', () => {
  it('review: the personas and vacancies checked, violations counted per check, fixture shares', () => {
    const r = runBenchmarkOnCuratedTaxonomy('review.ts', '--fixture-clients', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.personas).toBeGreaterThanOrEqual(40);
    expect(r.json.vacancies).toBeGreaterThanOrEqual(20);
    expect(r.json.rows).toHaveLength(1);
    const row = r.json.rows[0];
    expect(Object.keys(row.violations).sort()).toEqual(['commute', 'countsDisagree', 'noFitAsFit', 'ownProgramme', 'ownTarget', 'requirements', 'trap', 'zeroLead']);
    expect(row.fixture.clients).toBe(5);
    expect(r.stdout).toMatch(/\| check \(violations; target 0\)/);
  }, 240_000);
});
