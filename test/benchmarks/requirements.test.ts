import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/requirements.ts', () => {
  it('requirement extraction: precision and recall per language against today and plain mentions', () => {
    const r = runBenchmark('requirements.ts');
    expect(r.status, r.stderr).toBe(0);
    type Row = { set: string; method: string; lang: string; precision: number; recall: number };
    const row = (method: string, lang: string, set = 'in-sample') => r.json.rows.find((x: Row) => x.set === set && x.method === method && x.lang === lang) as Row;
    expect(row('today', 'all').recall).toBe(0);
    for (const lang of ['fi', 'sv', 'en']) {
      expect(row('kohtaanto', lang).precision).toBeGreaterThan(row('mention', lang).precision);
      expect(row('kohtaanto', lang).recall).toBeGreaterThanOrEqual(0.9);
      // The held-out set, reported apart: better than naming every mention as essential.
      expect(row('kohtaanto', lang, 'held-out').precision).toBeGreaterThan(row('mention', lang, 'held-out').precision);
    }
    expect(r.json.sentences.heldOut).toBeGreaterThanOrEqual(60);
  });
});
