import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../src/core/schemas/error-answer.js';
import { refused } from '../../helpers/schema.js';

describe('errorBody', () => {
  it('is a code and a message, with the problems by field (and line) and their number when more were found', () => {
    const body = { error: 'invalid_input', message: 'municipality: unknown', problems: [{ field: 'municipality', message: 'unknown', line: 3 }], problemCount: 140 };
    expect(errorBody.parse(body)).toEqual(body);
    expect(refused(errorBody, { error: 'not_found' })).toEqual(['message']);
    expect(refused(errorBody, { error: 'x', message: 'y', problems: [{ message: 'z' }] })).toEqual(['problems.0.field']);
  });
});
