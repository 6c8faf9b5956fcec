import { describe, expect, it } from 'vitest';
import { Taxonomy } from '../../../src/core/taxonomy/taxonomy.js';
import { MIG, PRACTICAL_NURSE, TIG, WELDER, curatedTaxonomy } from '../../helpers/taxonomy.js';

/** The taxonomy's look-ups, on the curated test taxonomy (the skill hierarchy: hierarchy.test.ts). */
describe('Taxonomy', () => {
  const taxonomy = curatedTaxonomy();

  it('labels a concept in the language asked for, else in English, Finnish, Swedish; free text and unknown URIs as they are', () => {
    expect([taxonomy.label(MIG, 'fi'), taxonomy.label(MIG, 'sv'), taxonomy.label(MIG, 'en')]).toEqual(['MIG-hitsaus', 'MIG-svetsning', 'MIG welding']);
    expect(taxonomy.label(MIG, 'de')).toBe('MIG welding');
    expect(taxonomy.label(WELDER, 'fi')).toBe('hitsaaja');
    expect(taxonomy.label('text:harvinainen taito', 'fi')).toBe('harvinainen taito');
    expect(taxonomy.label('urn:unknown', 'fi')).toBe('urn:unknown');
    const onlySwedish = new Taxonomy('t', 'test', [{ uri: 'urn:s', skillType: 'skill', labels: { sv: { preferred: 'svetsning', alt: [] } } }], []);
    expect(onlySwedish.label('urn:s', 'en')).toBe('svetsning');
  });

  it('finds an occupation by URI, code, ISCO group (its first occupation) or preferred label in any language', () => {
    expect(taxonomy.occupationFor(WELDER)?.uri).toBe(WELDER);
    expect(taxonomy.occupationFor('7212.11')?.uri).toBe(WELDER);
    expect(taxonomy.occupationFor(' Hitsaaja ')?.uri).toBe(WELDER);
    expect(taxonomy.occupationFor('welder')?.uri).toBe(WELDER);
    expect(taxonomy.occupationFor('närvårdare')?.uri).toBe(PRACTICAL_NURSE);
    expect(taxonomy.occupationFor('5322')?.uri).toBe(PRACTICAL_NURSE);
    expect(taxonomy.occupationFor('astronaut')).toBeUndefined();
    expect(taxonomy.occupationRef('hitsaaja')).toEqual({ uri: WELDER, isco: '7212', label: 'hitsaaja' });
    expect(taxonomy.occupationRef('astronaut')).toBeUndefined();
  });

  it('tells an ISCO group code from other references, and lists its occupations', () => {
    expect(taxonomy.iscoGroupOf('7212')).toBe('7212');
    expect(taxonomy.iscoGroupOf('72')).toBe('72');
    expect(taxonomy.iscoGroupOf('9331')).toBeUndefined();
    expect(taxonomy.iscoGroupOf('hitsaaja')).toBeUndefined();
    expect(taxonomy.occupationsIn('7212').map((o) => o.uri)).toEqual([WELDER]);
    expect(taxonomy.occupationsIn('72').every((o) => o.iscoGroup.startsWith('72'))).toBe(true);
    expect(taxonomy.occupationGroup(WELDER)).toBe('7212');
    expect(taxonomy.occupationGroup('urn:unknown')).toBeUndefined();
  });

  it('relates two occupations by the share of the smaller essential-skill profile they share', () => {
    expect(taxonomy.occupationRelation(WELDER, WELDER)).toBe(1);
    expect(taxonomy.occupationRelation(WELDER, PRACTICAL_NURSE)).toBe(0);
    expect(taxonomy.occupationRelation(WELDER, 'urn:unknown')).toBe(0);
    // A registered nurse (3 essential skills) and a dental nurse (2) share one: half the smaller profile.
    expect(taxonomy.occupationRelation('urn:kohtaanto:occupation:2221-2', 'urn:kohtaanto:occupation:3251-127')).toBe(0.5);
    expect(taxonomy.occupationRelation('urn:kohtaanto:occupation:3251-127', 'urn:kohtaanto:occupation:2221-2')).toBe(0.5);
    expect(taxonomy.occupations.get(WELDER)!.essential).toEqual([MIG, 'urn:kohtaanto:skill:blueprints']);
    expect(taxonomy.occupations.get(WELDER)!.optional).toContain(TIG);
  });

  it('knows the languages of its labels', () => {
    expect(taxonomy.languages).toEqual(['en', 'fi', 'sv']);
  });
});
