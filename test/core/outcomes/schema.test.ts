import { describe, expect, it } from 'vitest';
import { OUTCOME_EVENTS, OUTCOME_LABELS, outcomeImportQuery, outcomeInput } from '../../../src/core/outcomes/schema.js';

const fieldsOf = (input: unknown) => {
  const r = outcomeInput.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
};

describe('outcome schema', () => {
  it('reads a dated event of a client, with or without its source', () => {
    expect(outcomeInput.parse({ jobseekerId: 'JS-000123', event: 'employed-open', date: '2026-03-01' })).toEqual({ jobseekerId: 'JS-000123', event: 'employed-open', date: '2026-03-01' });
    expect(outcomeInput.parse({ jobseekerId: 'JS-1', event: 'training', date: '2026-03-01', source: 'URA 2026-05' }).source).toBe('URA 2026-05');
  });

  it('refuses an unknown event, an impossible or future day, an unknown field and a multi-line source, naming each field', () => {
    expect(fieldsOf({ jobseekerId: 'JS-1', event: 'hired', date: '2026-03-01' })).toEqual(['event']);
    expect(fieldsOf({ jobseekerId: 'JS-1', event: 'training', date: '2026-02-30' })).toEqual(['date']);
    expect(fieldsOf({ jobseekerId: 'JS-1', event: 'training', date: '2999-01-01' })).toEqual(['date']);
    expect(fieldsOf({ jobseekerId: 'JS-1', event: 'training', date: '2026-03-01', source: 'a\nb' })).toEqual(['source']);
    expect(fieldsOf({ jobseekerId: 'JS-1', event: 'training', date: '2026-03-01', salary: 3000 })).toEqual(['']);
    expect(fieldsOf({ event: 'training', date: '2026-03-01' })).toEqual(['jobseekerId']);
  });

  it('names every event in Finnish, Swedish and English, no name meaning two events in one language', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const names = OUTCOME_EVENTS.flatMap((e) => OUTCOME_LABELS[e][lang].map((n) => n.toLowerCase()));
      expect(names.length).toBeGreaterThanOrEqual(OUTCOME_EVENTS.length);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('takes dryRun as true or false only (a query string)', () => {
    expect(outcomeImportQuery.parse({}).dryRun).toBe(false);
    expect(outcomeImportQuery.parse({ dryRun: 'true' }).dryRun).toBe(true);
    expect(outcomeImportQuery.safeParse({ dryRun: 'yes' }).success).toBe(false);
  });
});
