import { describe, expect, it } from 'vitest';
import { KohtaantoError } from '../../src/core/errors.js';
import { parseNdjson } from '../../src/core/ndjson.js';
import { vacancyInput } from '../../src/core/vacancies/schema.js';

const good = { id: 'V1', title: 'kokki', description: 'Ravintola hakee kokkia.', municipality: '091' };

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KohtaantoError);
    return error as KohtaantoError;
  }
  throw new Error('expected an error');
}

describe('parseNdjson', () => {
  it('parses one record per line, skipping blank lines, applying defaults', () => {
    const records = parseNdjson(`${JSON.stringify(good)}\n\n${JSON.stringify({ ...good, id: 'V2' })}\n`, vacancyInput, 10);
    expect(records.map((r) => r.id)).toEqual(['V1', 'V2']);
    expect(records[0]!.status).toBe('open');
  });

  it('reports every bad line with its number and field', () => {
    const text = [JSON.stringify(good), '{not json', JSON.stringify({ ...good, id: 'V3', municipality: 'Atlantis' })].join('\n');
    const error = problemsOf(() => parseNdjson(text, vacancyInput, 10));
    expect(error.code).toBe('invalid_input');
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'body' }),
      expect.objectContaining({ line: 3, field: 'municipality' }),
    ]);
  });

  it('refuses more records than the limit', () => {
    const text = Array.from({ length: 4 }, (_, i) => JSON.stringify({ ...good, id: `V${i}` })).join('\n');
    expect(problemsOf(() => parseNdjson(text, vacancyInput, 3)).code).toBe('too_many_records');
  });

  it('refuses an empty body', () => {
    expect(problemsOf(() => parseNdjson('\n\n', vacancyInput, 3)).problems[0]!.field).toBe('body');
  });
});
