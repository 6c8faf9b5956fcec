import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/requirements.ts', () => {
  it('requirement extraction: precision and recall per language against today and plain mentions', () => {
    const r = runBenchmark('requirements.ts');
    expect(r.status, r.stderr).toBe(0);
    const row = (method: string, lang: string) => r.json.rows.find((x: { method: string; lang: string }) => x.method === method && x.lang === lang);
    expect(row('today', 'all').recall).toBe(0);
    for (const lang of ['fi', 'sv', 'en']) {
      expect(row('kohtaanto', lang).precision).toBeGreaterThan(row('mention', lang).precision);
      expect(row('kohtaanto', lang).recall).toBeGreaterThanOrEqual(0.9);
    }
  });
});
