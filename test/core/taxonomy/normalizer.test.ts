import { beforeAll, describe, expect, it } from 'vitest';
import type { SkillNormalizer } from '../../../src/core/taxonomy/normalizer.js';
import { MIG, TIG, WELDER, curatedNormalizer } from '../../helpers/taxonomy.js';

const skill = (key: string) => `urn:kohtaanto:skill:${key}`;
let normalizer: SkillNormalizer;
beforeAll(async () => {
  normalizer = await curatedNormalizer();
});

/**
 * What the normaliser derives from a profile and an ad, on the curated test taxonomy and the lexical
 * embedder (extraction quality on labelled examples: extraction.test.ts).
 */
describe('SkillNormalizer', () => {
  it("reads a client's listed skills, the skills their text says they hold, their languages, their occupation and wishes", async () => {
    const derived = await normalizer.forJobseeker({
      title: 'hitsaaja',
      skills: ['MIG-hitsaus', 'sukellus 3000'],
      summary: 'Osaan piirustusten lukemisen. Haluaisin oppia TIG-hitsauksen.',
      languages: ['fi'],
      wishedOccupations: ['levyseppä'],
    });
    expect(derived.skills.map((s) => [s.uri, s.source, s.method])).toEqual([
      [MIG, 'skills', 'label'],
      ['text:sukellus 3000', 'skills', 'unmatched'],
      [skill('blueprints'), 'text', 'inflected'],
      [skill('finnish'), 'languages', 'label'],
    ]);
    // A skill the client wishes to learn is a wish, never held.
    expect(derived.wishes.map((s) => s.uri)).toEqual([TIG]);
    expect(derived.occupations.map((o) => [o.uri, o.method])).toEqual([
      [WELDER, 'title'],
      ['urn:kohtaanto:occupation:7214-87', 'wish'],
    ]);
  });

  it("reads a vacancy's required and optional skills, what its text only mentions, its occupation and its hard requirements", async () => {
    const derived = await normalizer.forVacancy({
      title: 'hitsaaja',
      skills: ['MIG-hitsaus'],
      optionalSkills: ['tulityökortti'],
      description: 'Hitsaaja. Hygieniapassi on eduksi. B-ajokortti vaaditaan.',
      languages: [],
      municipality: '837',
    } as never);
    expect(derived.occupation).toEqual({ uri: WELDER, isco: '7212', label: 'hitsaaja', method: 'title', evidence: 'hitsaaja' });
    expect(derived.essential.map((s) => s.uri)).toEqual([MIG]);
    expect(derived.optional.map((s) => s.uri)).toEqual([skill('hotWork'), skill('hygienePassport')]);
    expect(derived.mentioned.map((s) => s.uri)).toEqual([skill('welding'), skill('driving')]);
    expect(derived.requirements).toEqual({
      licences: [{ class: 'B', required: true, evidence: 'B-ajokortti vaaditaan.' }],
      cards: [{ id: 'hygiene-passport', required: false, evidence: 'Hygieniapassi on eduksi.' }],
      languages: [],
    });
  });

  it('finds an occupation by its title, or within the ISCO group given', async () => {
    expect(await normalizer.occupationOf('hitsaaja', undefined)).toMatchObject({ uri: WELDER, method: 'title' });
    expect(await normalizer.occupationOf('Työntekijä', '7212')).toEqual({ uri: WELDER, isco: '7212', label: 'hitsaaja', method: 'given', evidence: '7212' });
  });

  it('names the skill concept of a language, and identifies itself by taxonomy and settings', () => {
    expect(normalizer.languageSkill('sv')).toBe(skill('swedish'));
    expect(normalizer.languageSkill('xx')).toBeUndefined();
    expect(normalizer.id).toMatch(/^taxonomy:[0-9a-f]{12}\|nn:lexical-ngram-v1-384@0\.6\|r\d+$/);
  });
});
