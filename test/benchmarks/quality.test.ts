import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/quality.ts at smoke size', () => {
  it('quality: labelled match set and taxonomy search against their baselines', () => {
    const r = runBenchmarkOnCuratedTaxonomy('quality.ts', '--limit', '5', '--concepts', '100', '--embedders', 'lexical');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.matches.set.jobseekers).toBeGreaterThanOrEqual(40);
    expect(r.json.matches.set.vacancies).toBeGreaterThanOrEqual(120);
    const rankings = r.json.matches.rows.map((row: { ranking: string }) => row.ranking);
    expect(rankings).toEqual(expect.arrayContaining([expect.stringMatching(/Kohtaanto/), expect.stringMatching(/text only/), expect.stringMatching(/BM25/)]));
    for (const row of r.json.matches.rows.filter((row: { ranking: string }) => row.ranking.startsWith('Kohtaanto'))) {
      expect(row.clientToVacancies.expiredReturned).toBe(0);
    }
    expect(r.json.taxonomy.rows.length).toBe(9);
  }, 240_000);
});
