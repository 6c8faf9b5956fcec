import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../../src/adapters/embedders/transformers.js';
import { eldDetector } from '../../../src/adapters/language/eld-detector.js';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { vectorFile } from '../../../src/adapters/taxonomy/vector-file.js';
import { loadConfig } from '../../../src/config.js';
import type { Taxonomy } from '../../../src/core/taxonomy/taxonomy.js';
import { SkillNormalizer } from '../../../src/core/taxonomy/normalizer.js';
import { ROOT, SHIPPED_MODEL, SHIPPED_MODEL_DIR } from '../../helpers/service.js';

/** Job titles read as occupations on the committed ESCO build with the local extension and the shipped model (issue 29). */
let taxonomy: Taxonomy;
let normalizer: SkillNormalizer;
/** The ESCO occupation whose English preferred label this is. */
const occupation = (label: string) => {
  const hit = [...taxonomy.occupations.values()].find((o) => o.labels.en?.preferred === label);
  if (!hit) throw new Error(`no ESCO occupation "${label}"`);
  return hit.uri;
};
const read = async (title: string, lang: string, given?: string) => normalizer.occupationOf(title, given, lang);

beforeAll(async () => {
  taxonomy = loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1'), { extension: join(ROOT, 'taxonomy', 'local-extension.csv') });
  const embedder = await TransformersEmbedder.load(loadConfig({ KOHTAANTO_MODEL_DIR: SHIPPED_MODEL_DIR, KOHTAANTO_MODEL: SHIPPED_MODEL }).model);
  // The service's title reading (src/runtime/taxonomy.ts): every occupation label embedded (~1-2 min on 2 cores;
  // kept between runs in the temporary directory, keyed by the model and the labels). No skill label vectors: titles only.
  const cache = (labels: string) => vectorFile(join(tmpdir(), `kohtaanto-test-esco-${labels}.labels`));
  normalizer = await SkillNormalizer.create(taxonomy, embedder, { nnThreshold: 0, occupationNnThreshold: 0.5 }, eldDetector, cache);
}, 400_000);

describe('job titles on ESCO (issue 29)', () => {
  it('reads Finnish and Swedish working-life titles ESCO lacks through the local extension', async () => {
    expect((await read('Henkilökohtainen avustaja', 'fi'))?.uri).toBe(occupation('home care aide'));
    expect((await read('Rakennuspuuseppä', 'fi'))?.uri).toBe(occupation('carpenter')); // not "seppä", the smith
    expect((await read('Hammashoitaja', 'fi'))?.uri).toBe(occupation('dental chairside assistant')); // not the dentist
    expect((await read('Lastentarhanopettaja', 'fi'))?.uri).toBe(occupation('early years teacher'));
    expect((await read('Lärare inom småbarnspedagogik', 'sv'))?.uri).toBe(occupation('early years teacher'));
    expect((await read('Kundtjänstmedarbetare', 'sv'))?.uri).toBe(occupation('customer service representative'));
  });

  it('reads common Finnish and Swedish titles ESCO reads as other work through the local extension', async () => {
    for (const [title, lang, label] of [
      ['Sähkömies', 'fi', 'electrician'], // not the electrical equipment installer
      ['Ohjelmistosuunnittelija', 'fi', 'software developer'], // not a programme planner in the arts
      ['Myyntineuvottelija', 'fi', 'commercial sales representative'],
      ['Undersköterska', 'sv', 'healthcare assistant'], // not a home care coordinator
      ['Kundservicemedarbetare', 'sv', 'customer service representative'], // not the ICT help desk
    ] as const) {
      expect([title, (await read(title, lang))?.uri]).toEqual([title, occupation(label)]);
    }
  });

  it('reads a dishwasher in fi, sv and en as the kitchen porter, not the appliance repairer', async () => {
    for (const [title, lang] of [['Tiskaaja', 'fi'], ['Diskare', 'sv'], ['Dishwasher', 'en']] as const) {
      expect([title, (await read(title, lang))?.uri]).toEqual([title, occupation('kitchen porter')]);
    }
  });

  it('reads English property-maintenance titles as the building caretaker (ESCO: prop master, facilities manager)', async () => {
    for (const title of ['Property maintenance technician', 'Facility maintenance worker']) {
      expect([title, (await read(title, 'en'))?.uri]).toEqual([title, occupation('building caretaker')]);
    }
  });

  it('reads the title proper before a comma, unless a label names more of the title', async () => {
    expect((await read('Warehouse worker, airport cargo', 'en'))?.uri).toBe(occupation('warehouse worker'));
    expect((await read('Sairaanhoitaja, sisätautien osasto', 'fi'))?.uri).toBe(occupation('nurse responsible for general care'));
    expect((await read('Security officer, airport', 'en'))?.uri).toBe(occupation('airport security officer'));
  });

  it("takes the occupation a title names in another ISCO group than the one given, keeping the group given", async () => {
    // The fixture registry files "varastotyöntekijä" in 4321; ESCO's (and Statistics Finland's) warehouse worker is 9333.
    expect(await read('varastotyöntekijä', 'fi', '4321')).toMatchObject({ uri: occupation('warehouse worker'), isco: '4321', method: 'given' });
    // 5322 has one ESCO occupation (home care aide); the title names ESCO's lähihoitaja (5321).
    expect(await read('lähihoitaja', 'fi', '5322')).toMatchObject({ uri: occupation('healthcare assistant'), isco: '5322' });
    // A title naming one of the group's own occupations keeps it ("kock" is also ESCO's chef, 3434).
    expect(await read('kock', 'sv', '5120')).toMatchObject({ uri: occupation('cook'), isco: '5120' });
    expect(await read('myyjä', 'fi', '5223')).toMatchObject({ uri: occupation('sales assistant'), isco: '5223' });
  });

  it('counts a card the ad names as an advantage as an optional skill by its concept on ESCO (the local extension)', async () => {
    const v = await normalizer.forVacancy({ skills: [], description: 'Vartiointiliike hakee vartijaa. Vartijakortti on eduksi.' });
    expect(v.optional.map((s) => s.uri)).toContain('urn:kohtaanto:local:skill:security-guard-card');
  });
});
