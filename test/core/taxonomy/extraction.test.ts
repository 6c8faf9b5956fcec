import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../../src/adapters/embedders/lexical.js';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { SkillNormalizer } from '../../../src/core/taxonomy/normalizer.js';
import { wordSimilarity } from '../../../src/core/taxonomy/phrases.js';
import { FIXTURES } from '../../helpers/files.js';
import { EXAMPLES } from './examples.js';

const uri = (key: string) => `urn:kohtaanto:skill:${key}`;
let normalizer: SkillNormalizer;

beforeAll(async () => {
  normalizer = await SkillNormalizer.create(loadEscoCsv(join(FIXTURES, 'taxonomy')), new LexicalEmbedder(), { nnThreshold: 0.6 });
});

describe('word forms', () => {
  it('treats Finnish inflected and derived forms as one word, unrelated words not', () => {
    for (const form of ['hitsauksen', 'hitsauksesta', 'hitsaaja', 'hitsaajaa', 'hitsaustyö']) {
      expect(wordSimilarity(form, 'hitsaus'), form).toBeGreaterThan(0);
    }
    expect(wordSimilarity('trukkikortin', 'trukkikortti')).toBeGreaterThan(0);
    for (const [a, b] of [['sairaala', 'sairaanhoito'], ['kirjaaminen', 'kirjanpito'], ['programming', 'programvarutestning'], ['sql', 'sq']]) {
      expect(wordSimilarity(a!, b!), `${a} ~ ${b}`).toBe(0);
    }
  });
});

describe(`skill extraction on ${EXAMPLES.length} labelled examples (curated taxonomy)`, () => {
  it('finds every labelled skill, in Finnish, Swedish and English, inflected forms included', () => {
    const misses: string[] = [];
    for (const example of EXAMPLES) {
      const found = new Set(normalizer.fromText(example.text).map((r) => r.uri));
      for (const key of example.skills) if (!found.has(uri(key))) misses.push(`${example.lang}: ${key} in "${example.text}"`);
    }
    expect(misses).toEqual([]);
  });

  it('finds little that is not there (precision >= 0.85 over all examples)', () => {
    let found = 0;
    let right = 0;
    for (const example of EXAMPLES) {
      const expected = new Set(example.skills.map(uri));
      for (const ref of normalizer.fromText(example.text)) {
        found++;
        if (expected.has(ref.uri)) right++;
      }
    }
    expect(right / found).toBeGreaterThanOrEqual(0.85);
  });

  it('gives each concept its span, evidence and confidence', () => {
    const text = 'Edellytämme voimassa olevaa trukkikorttia.';
    const [ref] = normalizer.fromText(text);
    expect(ref).toMatchObject({ uri: uri('forklift'), source: 'text', method: 'inflected', evidence: 'trukkikorttia' });
    expect(text.slice(ref!.start, ref!.end)).toBe('trukkikorttia');
    expect(ref!.confidence).toBeGreaterThan(0.5);
    expect(ref!.confidence).toBeLessThan(1);
  });
});

describe('skill strings', () => {
  it('map to concepts by label in any language, by nearest label embedding, or stay plain text', async () => {
    const refs = await normalizer.fromStrings(['Svetsning', 'trukkikortin', 'Python-koodaus', 'hygienpasset', 'kantelensoitto'], 'skills');
    expect(refs.map((r) => [r.uri, r.method])).toEqual([
      [uri('welding'), 'label'],
      [uri('forklift'), 'inflected'],
      [uri('python'), 'embedding'],
      [uri('hygienePassport'), 'inflected'],
      ['text:kantelensoitto', 'unmatched'],
    ]);
  });
});

describe('vacancy skills: required is not mentioned', () => {
  it('takes listed skills as essential and optional, a card the text counts as an advantage as optional, and other text-only skills as mentioned', async () => {
    const v = await normalizer.forVacancy({
      skills: ['MIG-hitsaus'],
      optionalSkills: ['tulityökortti'],
      description: 'Hitsaajan työssä eduksi trukkikortti. MIG-hitsaus on välttämätöntä.',
    });
    expect(v.essential.map((s) => s.uri)).toEqual([uri('mig')]);
    expect(v.optional.map((s) => s.uri)).toEqual([uri('hotWork'), uri('forklift')]);
    expect(v.requirements.cards).toEqual([expect.objectContaining({ id: 'forklift', required: false })]);
    expect(v.mentioned.map((s) => s.uri).sort()).toEqual([uri('welding')]);
  });

  it("derives required skills from the occupation's relations when none are listed", async () => {
    const v = await normalizer.forVacancy({ skills: [], occupation: '7212', description: 'Konepaja hakee hitsaajaa.' });
    expect(v.essential.map((s) => s.uri)).toEqual([uri('mig'), uri('blueprints')]);
    expect(v.optional.map((s) => s.uri)).toEqual([uri('tig'), uri('hotWork'), uri('safetyCard')]);
    expect(v.essential[0]!.source).toBe('occupation');
  });
});
