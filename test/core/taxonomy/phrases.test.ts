import { describe, expect, it } from 'vitest';
import { STEM_SIMILARITY, WORD_SIMILARITY_THRESHOLD, englishStem, tokenize, wordSimilarity } from '../../../src/core/taxonomy/phrases.js';

/** The word-level parts of finding labels in text (the phrase index on real labels: extraction*.test.ts). */
describe('tokenize', () => {
  it('splits text into lower-cased words with their offsets, keeping + and # (C++, C#) and the written form', () => {
    expect(tokenize('MIG-hitsaus, C++ ja C#!')).toEqual([
      { norm: 'mig', start: 0, end: 3, raw: 'MIG' },
      { norm: 'hitsaus', start: 4, end: 11, raw: 'hitsaus' },
      { norm: 'c++', start: 13, end: 16, raw: 'C++' },
      { norm: 'ja', start: 17, end: 19, raw: 'ja' },
      { norm: 'c#', start: 20, end: 22, raw: 'C#' },
    ]);
    expect(tokenize('Ｈｉｔｓａｕｓ').map((t) => t.norm)).toEqual(['hitsaus']);
    expect(tokenize(' ,.;')).toEqual([]);
  });
});

describe('englishStem', () => {
  it('takes off common suffixes and maps irregular verbs to their base, so that forms of one word meet', () => {
    expect(['welding', 'welded', 'welders', 'welds'].map(englishStem)).toEqual(['weld', 'weld', 'weld', 'weld']);
    expect(['drove', 'driving', 'drive'].map(englishStem)).toEqual(['driv', 'driv', 'driv']);
    expect(englishStem('planning')).toBe('plan');
    expect(englishStem('cat')).toBe('cat');
  });
});

describe('wordSimilarity', () => {
  it('is 1 for the same word and the stem similarity for two English forms of one word', () => {
    expect(wordSimilarity('hitsaus', 'hitsaus')).toBe(1);
    expect(wordSimilarity('welded', 'welding')).toBe(STEM_SIMILARITY);
  });

  it('finds Finnish inflected forms holding the label word, and keeps other words and compounds apart', () => {
    expect(wordSimilarity('hitsauksen', 'hitsaus')).toBeGreaterThanOrEqual(WORD_SIMILARITY_THRESHOLD);
    expect(wordSimilarity('trukkikortin', 'trukkikortti')).toBeGreaterThanOrEqual(WORD_SIMILARITY_THRESHOLD);
    expect(wordSimilarity('hitsaaja', 'hiihto')).toBe(0);
    expect(wordSimilarity('programming', 'programvarutestning')).toBe(0);
    // Half the label word's trigrams is not enough, however alike the two look.
    expect(wordSimilarity('hitsari', 'hitsaaja')).toBe(0);
  });

  it('matches short words (abbreviations) only exactly', () => {
    expect(wordSimilarity('sql', 'sql')).toBe(1);
    expect(wordSimilarity('sqls', 'sql')).toBe(0);
    expect(wordSimilarity('mig', 'tig')).toBe(0);
    expect(wordSimilarity('javax', 'java')).toBe(0);
  });
});
