import { describe, expect, it } from 'vitest';
import { sessionInput, signInLangQuery } from '../../../src/core/signin/schema.js';
import { refused } from '../../helpers/schema.js';

describe('sign-in schemas', () => {
  it('takes an API key of 1 to 200 characters, trimmed', () => {
    expect(sessionInput.parse({ key: ' kht_abc ' })).toEqual({ key: 'kht_abc' });
    expect(refused(sessionInput, { key: '   ' })).toEqual(['key']);
    expect(refused(sessionInput, { key: 'x'.repeat(201) })).toEqual(['key']);
    expect(refused(sessionInput, { key: 'k', remember: true })).toEqual(['remember']);
  });

  it('takes the language of the sign-in page', () => {
    expect(refused(signInLangQuery, { lang: 'sv' })).toEqual([]);
    expect(refused(signInLangQuery, { lang: 'se' })).toEqual(['lang']);
  });
});
