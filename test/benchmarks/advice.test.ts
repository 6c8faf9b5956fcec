import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/advice.ts at smoke size', () => {
  it('advice: today\'s rules and issue 29\'s over a few fixture clients', () => {
    const r = runBenchmarkOnCuratedTaxonomy('advice.ts', '--clients', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(2);
    expect(r.json.rows[1].nonBuyable).toBe(0);
  }, 240_000);
});
