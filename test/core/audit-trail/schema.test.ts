import { describe, expect, it } from 'vitest';
import { auditSearch } from '../../../src/core/audit-trail/schema.js';

const fields = (input: unknown) => {
  const r = auditSearch.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
};

describe('audit trail search', () => {
  it('reads the filters as a query string gives them, 50 entries a page by default', () => {
    expect(auditSearch.parse({})).toEqual({ limit: 50 });
    expect(auditSearch.parse({ person: 'Anna', client: 'JS-000123', from: '2026-12-01', to: '2026-12-07', before: '120', limit: '500' })).toEqual({
      person: 'Anna',
      client: 'JS-000123',
      from: '2026-12-01',
      to: '2026-12-07',
      before: 120,
      limit: 500,
    });
  });

  it('refuses pages beyond 500, days that do not exist and unknown filters, naming each', () => {
    expect(fields({ limit: '501' })).toEqual(['limit']);
    expect(fields({ limit: '0' })).toEqual(['limit']);
    expect(fields({ from: '2026-02-30' })).toEqual(['from']);
    expect(fields({ before: 'x' })).toEqual(['before']);
    expect(fields({ person: 'a\nb' })).toEqual(['person']);
    expect(fields({ detail: 'reason' })).toEqual(['']);
  });
});
