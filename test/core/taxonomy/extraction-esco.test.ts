import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../../src/adapters/embedders/transformers.js';
import { eldDetector } from '../../../src/adapters/language/eld-detector.js';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { loadConfig } from '../../../src/config.js';
import type { Taxonomy } from '../../../src/core/taxonomy/taxonomy.js';
import { SkillNormalizer } from '../../../src/core/taxonomy/normalizer.js';
import { ROOT, SHIPPED_MODEL, SHIPPED_MODEL_DIR } from '../../helpers/service.js';

/** Issue 29's extraction examples, on the committed ESCO build with the local extension and the shipped model. */
const ESCO = 'http://data.europa.eu/esco/skill/';
const COMPUTER_TECHNOLOGY = `${ESCO}ddc3119d-1d6e-4324-9125-a3380d299ac5`; // alt label "IT"
let taxonomy: Taxonomy;
let normalizer: SkillNormalizer;
const byLabel = (label: string) => {
  const hit = [...taxonomy.skills.values()].find((s) => s.labels.en?.preferred === label);
  if (!hit) throw new Error(`no ESCO skill "${label}"`);
  return hit.uri;
};
const heldIn = async (text: string, lang?: string) => (await normalizer.read(text, lang)).held.map((r) => r.uri);

beforeAll(async () => {
  taxonomy = loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1'), { extension: join(ROOT, 'taxonomy', 'local-extension.csv') });
  const embedder = await TransformersEmbedder.load(loadConfig({ KOHTAANTO_MODEL_DIR: SHIPPED_MODEL_DIR, KOHTAANTO_MODEL: SHIPPED_MODEL }).model);
  normalizer = await SkillNormalizer.create(taxonomy, embedder, { nnThreshold: 0.85 }, eldDetector);
}, 120_000);

describe('extraction reads meaning, not words (issue 29, ESCO v1.1.1)', () => {
  it('the pronoun "It" is not the acronym IT; "IT" as written still is', async () => {
    expect(taxonomy.skills.get(COMPUTER_TECHNOLOGY)?.labels.en?.alt).toContain('IT');
    expect(await heldIn('It is a fast-paced environment where no two days are the same.')).not.toContain(COMPUTER_TECHNOLOGY);
    expect(await heldIn('It is important that you are punctual and reliable.', 'en')).not.toContain(COMPUTER_TECHNOLOGY);
    expect(await heldIn('You have a degree in IT and five years in support.', 'en')).toContain(COMPUTER_TECHNOLOGY);
  });

  it('"reporting to the Head of Sales" is neither journalism nor selling', async () => {
    const found = await heldIn('You will be reporting to the Head of Sales and work closely with our marketing team.', 'en');
    expect(found).not.toContain(byLabel('journalism'));
    expect(found).not.toContain(byLabel('carry out active selling'));
  });

  it('"business school" is not Schoology (a word is not a shortened form of a longer label word)', async () => {
    expect(await heldIn('Applicants with a degree from a business school are encouraged to apply.', 'en')).not.toContain(byLabel('Schoology'));
  });

  it('an English text does not take a Swedish label that is an English word ("operation" is surgery in Swedish)', async () => {
    const surgery = byLabel('surgery');
    expect(taxonomy.skills.get(surgery)?.labels.sv?.preferred.toLowerCase()).toBe('operation');
    expect(await heldIn('You will be in charge of the daily operation of the warehouse.', 'en')).not.toContain(surgery);
    expect(await heldIn('Sjukhuset söker en sjuksköterska med erfarenhet av operation.', 'sv')).toContain(surgery);
  });

  it('names are found in any language and inflected in Finnish ("Excelin", "Mavenia"), marked when the label is another language\'s', async () => {
    const refs = (await normalizer.read('Hallitset Python-ohjelmoinnin ja Excelin, ja olet käyttänyt Mavenia.', 'fi')).held;
    const maven = [...taxonomy.skills.values()].find((s) => s.labels.en?.alt.includes('Maven') || s.labels.en?.preferred === 'Maven')!.uri;
    expect(refs.map((r) => r.uri)).toEqual(expect.arrayContaining([byLabel('Python (computer programming)'), byLabel('use spreadsheets software'), maven]));
    expect(refs.find((r) => r.uri === maven)?.labelLanguage).toBe('en');
    expect(refs.find((r) => r.uri === byLabel('use spreadsheets software'))?.labelLanguage).toBeUndefined(); // ESCO's Finnish labels name Excel too
  });

  it('inflected Finnish forms of ESCO labels are found ("MIG/MAG-hitsausta", "MIG/MAG-hitsauksesta")', async () => {
    const mig = byLabel('perform metal inert gas welding');
    expect(await heldIn('Työ on pääasiassa MIG/MAG-hitsausta.', 'fi')).toContain(mig);
    expect(await heldIn('Edellytämme kokemusta MIG/MAG-hitsauksesta.', 'fi')).toContain(mig);
  });

  it('"rapporterar avvikelser" is not financial statements', async () => {
    expect(await heldIn('Du rapporterar avvikelser till arbetsledaren.', 'sv')).not.toContain(byLabel('financial statements'));
  });

  it('"Körkort krävs inte" names no driving-licence skill; "Körkort krävs" does', async () => {
    const licence = (uris: string[]) => uris.filter((u) => /licen[cs]e|driv/i.test(taxonomy.label(u, 'en')));
    expect(licence(await heldIn('Körkort krävs inte.', 'sv'))).toEqual([]);
    expect(licence(await heldIn('Tjänsten förutsätter inte körkort.', 'sv'))).toEqual([]);
    expect(licence(await heldIn('A driving licence is not required for this role.', 'en'))).toEqual([]);
    expect(licence(await heldIn('Ajokortti ei ole välttämätön.', 'fi'))).toEqual([]);
    expect(licence(await heldIn('C-körkort krävs.', 'sv'))).not.toEqual([]);
  });

  it('"työterveyshuolto" among the benefits is not occupational medicine', async () => {
    const medicine = byLabel('occupational medicine');
    expect(await heldIn('Tarjoamme työterveyshuollon, lounasedun ja liikuntasetelit.', 'fi')).not.toContain(medicine);
    expect(await heldIn('Vi erbjuder företagshälsovård och lunchförmån.', 'sv')).toEqual([]);
    expect(await heldIn('We offer occupational health care, lunch benefit and a sports allowance.', 'en')).toEqual([]);
    // Offering a skill to clients is still the skill: "offer" counts only after the employer.
    expect(await heldIn('You will offer customer service in our shop.', 'en')).toContain(byLabel('customer service'));
  });

  it('a cue that ends its clause governs it: "ruotsia opiskelen" is a wish, "suomea" held', async () => {
    const { held, wishes } = await normalizer.read('Puhun sujuvasti suomea ja englantia, ruotsia opiskelen.', 'fi');
    expect(held.map((r) => r.uri)).toEqual(expect.arrayContaining([byLabel('Finnish'), byLabel('English')]));
    expect(held.map((r) => r.uri)).not.toContain(byLabel('Swedish'));
    expect(wishes.map((r) => r.uri)).toContain(byLabel('Swedish'));
  });

  it('a long sentence in a skill list is read for the skills it names, never kept as one skill', async () => {
    const v = await normalizer.forVacancy({ description: '', skills: ['Hyvä suomen kielen taito ja kokemus asiakaspalvelusta on välttämätön'] });
    expect(v.essential.map((s) => s.uri)).toEqual(expect.arrayContaining([byLabel('Finnish'), byLabel('customer service')]));
    expect(v.essential.filter((s) => s.uri.startsWith('text:'))).toEqual([]);
  });
});
