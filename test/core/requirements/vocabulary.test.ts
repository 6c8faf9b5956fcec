import { describe, expect, it } from 'vitest';
import {
  CARD_IDS,
  CARDS,
  LANGUAGE_LEVELS,
  LICENCE_CLASSES,
  cardOfSkill,
  cardUri,
  levelRank,
  licenceCover,
  licenceOfSkill,
  licenceUri,
} from '../../../src/core/requirements/vocabulary.js';

const cover = (...held: (typeof LICENCE_CLASSES)[number][]) => [...licenceCover(held)].sort();

describe('licence classes', () => {
  it('cover the classes they include, transitively', () => {
    expect(cover('B')).toEqual(['AM', 'B', 'T']);
    expect(cover('C')).toEqual(['AM', 'B', 'C', 'C1', 'T']);
    expect(cover('CE')).toEqual(['AM', 'B', 'BE', 'C', 'C1', 'C1E', 'CE', 'T']);
    expect(cover('A')).toEqual(['A', 'A1', 'A2', 'AM']);
    expect(cover('T')).toEqual(['T']);
    expect(cover()).toEqual([]);
    expect(cover('A1', 'D1')).toEqual(['A1', 'AM', 'B', 'D1', 'T']);
  });

  it('never lets a lower class cover a higher one', () => {
    for (const c of LICENCE_CLASSES) expect(licenceCover([c]).has(c)).toBe(true);
    expect(licenceCover(['B']).has('C1')).toBe(false);
    expect(licenceCover(['C1']).has('C')).toBe(false);
    expect(licenceCover(['D']).has('C')).toBe(false);
  });

  it('maps licence concepts of the taxonomies to classes, and back', () => {
    expect(licenceOfSkill.get('urn:kohtaanto:skill:licenceCE')).toBe('CE');
    expect(licenceUri('C')).toBe('urn:kohtaanto:skill:licenceC');
    expect(licenceUri('C', (uri) => uri.startsWith('urn:kohtaanto:local:'))).toBe('urn:kohtaanto:local:skill:driving-licence-c');
    expect(licenceUri('A')).toBeUndefined();
  });
});

describe('language levels', () => {
  it('rank from basic to native', () => {
    expect(LANGUAGE_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(levelRank('fluent') > levelRank('good')).toBe(true);
  });
});

describe('cards', () => {
  it('have unique ids and names in fi, sv and en', () => {
    expect(new Set(CARD_IDS).size).toBe(CARDS.length);
    expect(CARD_IDS).toContain('hygiene-passport');
    for (const c of CARDS) expect(Object.keys(c.names).sort()).toEqual(['en', 'fi', 'sv']);
  });

  it('map their taxonomy concepts to the card, and back to the first concept a taxonomy knows', () => {
    expect(cardOfSkill.get('urn:kohtaanto:skill:forklift')).toBe('forklift');
    expect(cardOfSkill.get('http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da')).toBe('forklift');
    expect(cardUri('hot-work')).toBe('urn:kohtaanto:skill:hotWork');
    expect(cardUri('hot-work', (uri) => !uri.startsWith('urn:kohtaanto:skill:'))).toBe('urn:kohtaanto:local:skill:hot-work-card');
    expect(cardUri('valtti')).toBeUndefined();
  });
});
