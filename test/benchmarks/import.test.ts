import { describe, expect, it } from 'vitest';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/import.ts at smoke size', () => {
  it('import: JobPostings through npm run import against the bulk baseline, again, and a tenth of the file', () => {
    const r = runBenchmarkOnCuratedTaxonomy('import.ts', '--built', '--records', '300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(4);
    expect(r.json.rows[1].summary).toContain('300 read, 300 created');
    expect(r.json.rows[2].summary).toContain('300 unchanged');
  });
});
