import { describe, expect, it } from 'vitest';
import { conceptSearchQuery, extractionInput } from '../../../src/core/taxonomy/schema.js';
import { refused } from '../../helpers/schema.js';

describe('taxonomy schemas', () => {
  it('searches concepts by one line of words, 20 by default and at most 100', () => {
    expect(conceptSearchQuery.parse({ q: ' hitsa ' })).toEqual({ q: 'hitsa', lang: 'fi', limit: 20 });
    expect(refused(conceptSearchQuery, {})).toEqual(['q']);
    expect(refused(conceptSearchQuery, { q: 'a\nb' })).toEqual(['q']);
    expect(refused(conceptSearchQuery, { q: 'x', limit: '101' })).toEqual(['limit']);
    expect(refused(conceptSearchQuery, { q: 'x', lang: 'no' })).toEqual(['lang']);
  });

  it('extracts skills from a text, suggesting 0 to 50 more', () => {
    expect(extractionInput.parse({ text: 'Osaan MIG-hitsauksen.' })).toEqual({ text: 'Osaan MIG-hitsauksen.', skills: [], lang: 'fi', suggest: 0 });
    expect(refused(extractionInput, { text: 'x', suggest: 51 })).toEqual(['suggest']);
    expect(refused(extractionInput, { text: 'x', suggest: 1.5 })).toEqual(['suggest']);
    expect(refused(extractionInput, { text: '' })).toEqual(['text']);
    expect(refused(extractionInput, { text: 'x', skills: 'MIG' })).toEqual(['skills']);
  });
});
