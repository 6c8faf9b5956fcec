import { describe, expect, it } from 'vitest';
import { whatWorksQuery } from '../../../src/core/what-works/schema.js';

const fields = (input: unknown) => {
  const r = whatWorksQuery.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
};

describe('What works query', () => {
  it('reads a place, a period and the answer format, JSON by default', () => {
    const q = whatWorksQuery.parse({ area: 'Vaasan seutu', from: '2026-01-01', to: '2026-06-30', format: 'csv' });
    expect(q).toMatchObject({ area: 'Vaasan seutu', from: '2026-01-01', to: '2026-06-30', format: 'csv' });
    expect(whatWorksQuery.parse({}).format).toBe('json');
  });

  it('refuses days that do not exist, unknown formats and fields, naming each', () => {
    expect(fields({ from: '2026-02-30' })).toEqual(['from']);
    expect(fields({ to: '30.6.2026' })).toEqual(['to']);
    expect(fields({ format: 'xlsx' })).toEqual(['format']);
    expect(fields({ municipality: 'x'.repeat(101) })).toEqual(['municipality']);
    // A jobseeker's id is no parameter of an aggregate report.
    expect(fields({ jobseekerId: 'JS-1' })).toEqual(['']);
  });
});
