import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/gaps.ts at smoke size', () => {
  it('gaps: latency in steady state, while publishing, after an import, and the baseline', () => {
    const r = runBenchmarkOnCuratedTaxonomy('gaps.ts', '--vacancies', '2500', '--clients', '3');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(8);
  }, 240_000);
});
