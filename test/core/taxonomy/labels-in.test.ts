import { describe, expect, it } from 'vitest';
import { labelledIn } from '../../../src/core/taxonomy/labels-in.js';
import { MIG, TIG, WELDER, curatedTaxonomy } from '../../helpers/taxonomy.js';

describe('labelledIn', () => {
  const taxonomy = curatedTaxonomy();
  const label = (uri: string, lang: 'fi' | 'sv' | 'en') => taxonomy.label(uri, lang);
  /** A Finnish vacancy's derived concepts as stored: labels in the language of its text. */
  const stored = {
    id: 'V-1',
    title: 'Hitsaaja',
    normalized: {
      occupation: { uri: WELDER, label: taxonomy.label(WELDER, 'fi'), isco: '7212' },
      essential: [
        { uri: MIG, label: taxonomy.label(MIG, 'fi'), score: 1 },
        { uri: 'text:laserleikkaus', label: 'Laserleikkaus', score: 1 }, // the uri is the words normalised, the label as written
      ],
      optional: [{ uri: TIG, label: taxonomy.label(TIG, 'fi') }],
    },
  };

  it('labels every concept in the language asked for, at any depth, and leaves the rest as it was', () => {
    for (const lang of ['sv', 'en'] as const) {
      const read = labelledIn(stored, lang, label);
      expect(read.normalized.occupation).toEqual({ ...stored.normalized.occupation, label: taxonomy.label(WELDER, lang) });
      expect(read.normalized.essential[0]).toEqual({ uri: MIG, label: taxonomy.label(MIG, lang), score: 1 });
      expect(read.normalized.optional[0]!.label).toBe(taxonomy.label(TIG, lang));
      expect(read.normalized.essential[0]!.label).not.toBe(stored.normalized.essential[0]!.label);
      expect(read.title).toBe('Hitsaaja');
    }
  });

  it('keeps a free-text skill\'s own words in every language', () => {
    expect(labelledIn(stored, 'en', label).normalized.essential[1]).toEqual({ uri: 'text:laserleikkaus', label: 'Laserleikkaus', score: 1 });
  });

  it('returns a copy: the stored record keeps its own labels', () => {
    const before = JSON.stringify(stored);
    const read = labelledIn(stored, 'sv', label);
    expect(read).not.toBe(stored);
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('relabels only what has both a text uri and a text label', () => {
    const asked: string[] = [];
    const counting = (uri: string) => (asked.push(uri), 'X');
    const read = labelledIn({ a: { uri: MIG }, b: { label: 'MIG' }, c: { uri: 7, label: 'seven' }, d: [{ uri: TIG, label: 'TIG' }] }, 'en', counting);
    expect(asked).toEqual([TIG]);
    expect(read).toEqual({ a: { uri: MIG }, b: { label: 'MIG' }, c: { uri: 7, label: 'seven' }, d: [{ uri: TIG, label: 'X' }] });
  });

  it('says the language of a label the taxonomy has only in another language than the one asked for, and nothing when it has one', () => {
    // The curated taxonomy has every concept in fi, sv and en: its own answer adds nothing.
    const fallback = (uri: string, lang: 'fi' | 'sv' | 'en') => taxonomy.fallbackLanguage(uri, lang);
    expect(labelledIn(stored, 'sv', label, fallback)).toEqual(labelledIn(stored, 'sv', label));
    expect(taxonomy.fallbackLanguage(MIG, 'sv')).toBeUndefined();
    expect(taxonomy.fallbackLanguage(MIG, 'de')).toBe('en');
    expect(taxonomy.fallbackLanguage('urn:unknown', 'sv')).toBeUndefined();
    // A taxonomy without Swedish for the MIG concept: its label is another language's, and says which.
    const noSwedish = (uri: string, lang: string) => (uri === MIG && lang === 'sv' ? 'en' : undefined);
    const read = labelledIn(stored, 'sv', label, noSwedish);
    expect(read.normalized.essential[0]).toEqual({ uri: MIG, label: taxonomy.label(MIG, 'sv'), score: 1, fallbackLanguage: 'en' });
    expect(read.normalized.optional[0]).not.toHaveProperty('fallbackLanguage');
    expect(read.normalized.essential[1]).toEqual(stored.normalized.essential[1]);
  });
});
