import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/outcomes.ts at smoke size', () => {
  it('plays a simulated labour market through the API and reads the planted effects back from What works', () => {
    const r = runBenchmarkOnCuratedTaxonomy('outcomes.ts', '--seeds', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.seeds).toEqual([1]);
    // Every training gets an effect with an interval, the zero-effect one is not flagged, and both plans are made.
    expect(r.json.coverage).toHaveLength(6);
    for (const c of r.json.coverage) expect(c.seedsWithEffect).toBe(1);
    expect(r.json.checks.zeroEffectNeverFlagged).toBe(true);
    expect(r.json.checks.plannerSeesNoClient).toBe(true);
    expect(r.json.checks.publishedPlanIsTheEnginePlan).toBe(true);
    // The rank check has its baseline in the same run: the simulator's own hires.
    expect(typeof r.json.runs[0].simulatedFallsWithRank).toBe('boolean');
    expect(r.json.checks.reportAgreesWithSimulation).toBeGreaterThanOrEqual(0);
    expect(r.json.runs[0].plans.employment.places).toBeGreaterThan(0);
    expect(r.json.runs[0].plans.employment.basis.strong).toMatch(/^measured \(\d+\)$/);
  }, 240_000);
});
