import { describe, expect, it } from 'vitest';
import { LANGS, isLang } from '../../src/core/languages.js';

describe('languages', () => {
  it('are Finnish, Swedish and English, in that order', () => {
    expect(LANGS).toEqual(['fi', 'sv', 'en']);
  });

  it('tells a language code from anything else, exactly', () => {
    expect(LANGS.filter(isLang)).toEqual(['fi', 'sv', 'en']);
    expect(['FI', 'fi-FI', 'se', 'de', '', undefined, null, 1, ['fi']].filter(isLang)).toEqual([]);
  });
});
