import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/extraction.ts', () => {
  it('skill extraction on ESCO: precision, recall and F1 per language against a character n-gram baseline', () => {
    // The baseline build (a git worktree built with tsc) is left to the real run: `npm run bench:extraction`.
    const r = runBenchmark('extraction.ts', '--baseline', 'none');
    expect(r.status, r.stderr).toBe(0);
    const row = (method: string, lang: string) => r.json.rows.find((x: { method: string; lang: string }) => x.method === method && x.lang === lang);
    expect(r.json.sentences).toBeGreaterThanOrEqual(300);
    for (const lang of ['fi', 'sv', 'en']) {
      expect(row('kohtaanto', lang).sentences).toBeGreaterThanOrEqual(100);
      expect(row('kohtaanto', lang).precision).toBeGreaterThan(row('char n-grams', lang).precision);
      expect(row('kohtaanto', lang).f1).toBeGreaterThan(0.5);
    }
    expect(row('kohtaanto', 'all').noSkillWithHit).toBeLessThan(row('char n-grams', 'all').noSkillWithHit);
  }, 240_000);
});
