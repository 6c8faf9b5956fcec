import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../../src/adapters/embedders/lexical.js';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { SkillNormalizer } from '../../../src/core/taxonomy/normalizer.js';
import { ConceptSearch, type SemanticSignal } from '../../../src/core/taxonomy/search.js';
import type { Taxonomy } from '../../../src/core/taxonomy/taxonomy.js';
import { FIXTURES, removeDir, ROOT, SHARED_ESCO, tempDir } from '../../helpers/service.js';

const ESCO = 'http://data.europa.eu/esco';

/** The export, read once for the file's tests (each only reads it): ~45 MB of CSV. */
let shared: Taxonomy | undefined;
const sharedEsco = () => (shared ??= loadEscoCsv(SHARED_ESCO));

describe('the curated default taxonomy (fixtures/taxonomy, ESCO CSV layout)', () => {
  it('has a few hundred skills and over a hundred occupations, each in Finnish, Swedish and English', () => {
    const t = loadEscoCsv(join(FIXTURES, 'taxonomy'));
    expect(t.skills.size).toBeGreaterThanOrEqual(200);
    expect(t.occupations.size).toBeGreaterThanOrEqual(100);
    expect(t.languages).toEqual(['en', 'fi', 'sv']);
    for (const concept of [...t.skills.values(), ...t.occupations.values()]) {
      expect(Object.keys(concept.labels).sort(), concept.uri).toEqual(['en', 'fi', 'sv']);
    }
    for (const o of t.occupations.values()) {
      expect(o.essential.length, o.uri).toBeGreaterThan(0);
      for (const s of [...o.essential, ...o.optional]) expect(t.skills.has(s), s).toBe(true);
    }
    expect(t.label('urn:kohtaanto:skill:welding', 'sv')).toBe('svetsning');
    expect(t.occupationFor('7212')?.labels.fi?.preferred).toBe('hitsaaja');
  });
});

describe.skipIf(!existsSync(SHARED_ESCO))('the official ESCO export (../shared/esco, English)', () => {
  let esco: Taxonomy;
  let normalizer: SkillNormalizer;
  beforeAll(async () => {
    esco = sharedEsco();
    normalizer = await SkillNormalizer.create(esco, new LexicalEmbedder(), { nnThreshold: 0.6 });
  }, 60_000);

  it('loads every skill, occupation and relation, with multi-line alternative labels', () => {
    expect(esco.skills.size).toBe(13_896);
    expect(esco.occupations.size).toBe(3_007);
    const forklift = esco.skills.get(`${ESCO}/skill/28cb374e-6261-4133-8371-f9a5470145da`)!;
    expect(forklift.labels.en!.preferred).toBe('operate forklift');
    expect(forklift.labels.en!.alt).toEqual(expect.arrayContaining(['use a forklift', 'drive forklift']));
    const welder = esco.occupationFor('welder')!;
    expect(welder.iscoGroup).toBe('7212');
    expect(welder.essential.length).toBeGreaterThan(5);
    const relations = [...esco.occupations.values()].reduce((n, o) => n + o.essential.length + o.optional.length, 0);
    expect(relations).toBeGreaterThan(120_000);
  });

  it('extracts ESCO concepts from English text, inflected forms included', () => {
    const found = normalizer.fromText('Experienced welder: welding, operating forklifts, customer service and JavaScript.');
    const labels = found.map((r) => esco.label(r.uri, 'en'));
    expect(labels).toEqual(expect.arrayContaining(['join metals', 'operate forklift', 'customer service', 'JavaScript']));
    expect(found.find((r) => r.evidence === 'operating forklifts')?.method).toBe('inflected');
  });

  it("derives a vacancy's essential skills from the ESCO occupation when it lists none", async () => {
    const v = await normalizer.forVacancy({ skills: [], occupation: 'welder', description: 'Welder wanted.' });
    expect(v.essential.length).toBe(esco.occupationFor('welder')!.essential.length);
    expect(v.essential.every((s) => s.source === 'occupation')).toBe(true);
  });

  it('finds concepts for autocomplete', async () => {
    const search = new ConceptSearch(esco, () => esco.skills.values());
    const hits = await search.search('forkl', 'en', 5);
    expect(hits[0]!.label).toBe('operate forklift');
  });
});

describe('occupation search on the real ESCO export in Swedish', () => {
  let search: ConceptSearch;
  let esco: Taxonomy;
  beforeAll(() => {
    esco = sharedEsco();
    search = new ConceptSearch(esco, () => esco.occupations.values());
  });
  const english = async (q: string, n: number) => (await search.search(q, 'sv', n)).map((h) => esco.label(h.uri, 'en'));

  it('puts the concept a query names exactly first, a preferred label before an alternative one, whatever the model says', async () => {
    const plumber = [...esco.occupations.values()].find((o) => o.labels.en?.preferred === 'plumber')!;
    const drain = [...esco.occupations.values()].find((o) => o.labels.en?.preferred === 'drain technician')!;
    // Test double for the model: its nearest labels are three other occupations, then the drain technician (alt label "rörmokare").
    const others = [...esco.occupations.values()].slice(0, 3).map((o) => o.uri);
    const semantic = {
      embedder: { id: 'test-double', dimensions: 2, embed: async (texts: string[]) => texts.map(() => new Float32Array([1, 0])) },
      labels: { nearest: () => [...others, drain.uri].map((uri, i) => ({ uri, similarity: 0.9 - i / 100 })) },
    } as unknown as SemanticSignal;
    const withModel = new ConceptSearch(esco, () => esco.occupations.values(), semantic);
    const hits = (await withModel.search('Rörmokare', 'sv', 3)).map((h) => h.uri);
    expect(hits.slice(0, 2)).toEqual([plumber.uri, drain.uri]);
  });

  it('knows everyday Swedish job words ESCO translates from English (väktare, lastbilschaufför, bilmekaniker)', async () => {
    expect(await english('väktare', 2)).toContain('security guard');
    expect(await english('lastbilschaufför', 3)).toContain('cargo vehicle driver');
    expect(await english('bilmekaniker', 3)).toContain('vehicle technician');
  });
});

describe.skipIf(!existsSync(SHARED_ESCO))('the committed compact ESCO build (taxonomy/esco-1.1.1, gzipped CSV)', () => {
  it('holds the same concepts, labels and relations as the export it was built from, without descriptions', () => {
    const built = loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1'));
    const esco = sharedEsco();
    expect(built.skills.size).toBe(esco.skills.size);
    expect(built.occupations.size).toBe(esco.occupations.size);
    expect(built.iscoGroups.size).toBe(esco.iscoGroups.size);
    expect(built.languages).toEqual(['en', 'fi', 'sv']);
    for (const o of esco.occupations.values()) {
      const b = built.occupations.get(o.uri)!;
      expect([b.iscoGroup, b.code, b.labels.fi?.preferred, b.essential.length, b.optional.length]).toEqual([o.iscoGroup, o.code, o.labels.fi?.preferred, o.essential.length, o.optional.length]);
      expect(b.labels.en!.alt.length).toBeGreaterThanOrEqual(o.labels.en!.alt.length - 1);
    }
    // skillSkillRelations and the skill hierarchy came along: a related skill gives part credit.
    const [a, b] = [`${ESCO}/skill/00064735-8fad-454b-90c7-ed858cc993f2`, `${ESCO}/skill/d4a0744a-508b-4a5e-97a5-ad1fc7f55e6e`];
    expect(built.skillCredit(new Set([b]), a).credit).toBeGreaterThan(0);
    expect(built.skillCredit(new Set([b]), a)).toEqual(esco.skillCredit(new Set([b]), a));
  });
});

describe('a broken export', () => {
  it('names the file and the line of a quoted field that is never closed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'skills_en.csv'), 'conceptUri,preferredLabel,altLabels\nurn:s1,welding,"MIG welding\nTIG welding\n');
    expect(() => loadEscoCsv(dir)).toThrow(`${join(dir, 'skills_en.csv')}: line 2: a quoted field is not closed`);
    removeDir(dir);
  });
});

describe('the local extension layered on ESCO (taxonomy/local-extension.csv)', () => {
  const built = () => loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1'), { extension: join(ROOT, 'taxonomy', 'local-extension.csv') });

  it('adds working-life names ESCO lacks as alternative labels of ESCO concepts, and a few local concepts', () => {
    const t = built();
    const caretaker = t.occupationFor('5153') && [...t.occupations.values()].find((o) => o.labels.en?.preferred === 'building caretaker')!;
    expect(caretaker!.labels.fi!.alt).toEqual(expect.arrayContaining(['kiinteistönhoitaja', 'huoltomies']));
    const cleaner = [...t.occupations.values()].find((o) => o.labels.en?.preferred === 'building cleaner')!;
    expect(cleaner.labels.fi!.alt).toContain('laitoshuoltaja');
    const hygiene = t.skills.get('urn:kohtaanto:local:skill:hygiene-passport')!;
    expect([hygiene.labels.fi!.preferred, hygiene.labels.sv!.preferred, hygiene.labels.en!.preferred]).toEqual(['hygieniapassi', 'hygienpass', 'hygiene passport']);
    expect(t.source).toMatch(/local-extension\.csv \(\d+ labels, \d+ local concepts, \d+ labels taken from other occupations\)$/);
  });

  it("takes its occupation labels from the ESCO occupations that also hold them in that language (Finland's reading of a word)", () => {
    const t = built();
    const holders = (lang: string, label: string) =>
      [...t.occupations.values()].filter((o) => [o.labels[lang]?.preferred, ...(o.labels[lang]?.alt ?? [])].includes(label)).map((o) => o.labels.en?.preferred);
    // ESCO's sv "personlig assistent" is the disability support worker's preferred label, "kock" the chef's:
    // in Finland's ads and CVs they are henkilökohtainen avustaja (as the Finnish row says) and the cook.
    expect(holders('sv', 'personlig assistent')).toEqual(holders('fi', 'henkilökohtainen avustaja'));
    expect(holders('sv', 'kock')).toEqual(['cook']);
    const chef = [...t.occupations.values()].find((o) => o.labels.en?.preferred === 'chef')!;
    expect(chef.labels.sv).toBeUndefined();
    expect(chef.labels.fi?.preferred).toBeTruthy();
    const support = [...t.occupations.values()].find((o) => o.labels.en?.preferred === 'disability support worker')!;
    // It keeps its Finnish and English labels; its only Swedish one went to the extension's concept.
    expect(support.labels.fi?.preferred).toBeTruthy();
    expect(support.labels.sv).toBeUndefined();
  });

  it('changes the taxonomy id (records are normalised again) and skips rows of ESCO concepts a taxonomy lacks', () => {
    const curated = loadEscoCsv(join(FIXTURES, 'taxonomy'), { extension: join(ROOT, 'taxonomy', 'local-extension.csv') });
    expect(curated.source).toMatch(/rows of concepts not in this taxonomy skipped/);
    expect(built().id).not.toBe(loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1')).id);
  });

  it('names the line of a row without its source note', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'skills_en.csv'), 'conceptUri,preferredLabel\nurn:s1,welding\n');
    writeFileSync(join(dir, 'ext.csv'), 'conceptUri,type,lang,label,source\nurn:s1,skill,fi,hitsaus,\n');
    expect(() => loadEscoCsv(dir, { extension: join(dir, 'ext.csv') })).toThrow(`${join(dir, 'ext.csv')}: line 2: conceptUri, type (skill or occupation), lang, label and source are required`);
    removeDir(dir);
  });
});
