import { describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/service.js';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/responsiveness.ts at smoke size', () => {
  it("responsiveness: each role's pages in Chromium, their API calls' server time, the autocomplete and the page loads", () => {
    const data = tempDir('kohtaanto-responsiveness-smoke-'); // empty: the first start loads the fixtures
    try {
      const r = runBenchmarkOnCuratedTaxonomy('responsiveness.ts', '--built', '--data', data, '--rounds', '1', '--workers', '1', '--words', '2');
      expect(r.status, r.stderr).toBe(0);
      const pages = r.json.rows.map((row: { role: string; page: string }) => `${row.role}: ${row.page}`);
      expect(pages).toEqual([
        'counsellor: clients',
        'counsellor: client: matches',
        'counsellor: client: gaps and training',
        'counsellor: client: profile',
        'employer-service: vacancies',
        'employer-service: vacancy: candidates',
        'planner: area dashboard',
        'admin: keys',
        'admin: audit trail',
      ]);
      // Every page made API calls, timed by the service, and showed its data.
      for (const row of r.json.rows) expect([row.page, row.callsPerVisit > 0, row.apiP95Ms > 0, row.loadP95Ms > 0, row.failed]).toEqual([row.page, true, true, true, 0]);
      const [summary] = r.json.summary;
      expect(summary.autocompleteCalls).toBeGreaterThan(10); // "hitsaus" and "sairaanhoito", a prefix at a time
      expect(summary.autocompleteP95Ms).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/\| this tree \([0-9a-f]+/);
    } finally {
      removeDir(data);
    }
  }, 300_000);
});
