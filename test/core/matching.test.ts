import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { loadEscoCsv } from '../../src/adapters/taxonomy/esco-csv.js';
import { vacancyDuplicates } from '../../src/core/duplicates.js';
import { jobseekerKind, vacancyKind } from '../../src/core/kinds.js';
import { Matcher } from '../../src/core/matching.js';
import { RecordService } from '../../src/core/records.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';
import { vacancyInput, type StoredVacancy, type Vacancy } from '../../src/core/vacancies/schema.js';
import { DEFAULT_MATCH_SETTINGS, DEFAULT_WEIGHTS } from '../../src/config.js';
import { SkillNormalizer } from '../../src/core/taxonomy/normalizer.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { FIXTURES } from '../helpers/files.js';
import { sampleJobseeker, sampleVacancy } from '../helpers/samples.js';
import { systemClock } from '../../src/runtime/clock.js';

/**
 * The core's matching and record services over in-memory adapters (test doubles for SQLite and
 * HNSW, see test/helpers): no file, no native index, no HTTP — the core alone, in milliseconds.
 */
const embedder = new LexicalEmbedder();
let normalizer: SkillNormalizer;

beforeAll(async () => {
  normalizer = await SkillNormalizer.create(loadEscoCsv(join(FIXTURES, 'taxonomy')), embedder, { nnThreshold: 0.6 });
});

function services() {
  const jobseekers = new RecordService<Jobseeker>(jobseekerKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
    maxBatch: 10,
    now: systemClock,
    derive: { id: normalizer.id, run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })) },
  });
  const vacancyIndex = new ExactIndex();
  const vacancies = new RecordService<Vacancy>(vacancyKind, new MemoryRecordStore<any>(), vacancyIndex, embedder, {
    maxBatch: 10,
    now: systemClock,
    derive: { id: normalizer.id, run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })) },
    duplicates: vacancyDuplicates,
  });
  const matcher = new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);
  return { jobseekers, vacancies, vacancyIndex, matcher };
}

const vacancy = (id: string, overrides: Record<string, unknown> = {}) => vacancyInput.parse(sampleVacancy(id, { municipality: '837', ...overrides }));
const nurse = (id: string, municipality: string) =>
  vacancy(id, {
    title: 'sairaanhoitaja',
    description: 'Sairaala hakee sairaanhoitajaa. Edellytämme lääkehoidon osaamista ja potilastyön kokemusta.',
    skills: ['lääkehoito', 'potilastyö'],
    employer: 'Sairaala',
    municipality,
  });

describe('Matcher and RecordService on in-memory adapters', () => {
  it('ranks a client\'s vacancies by skills and distance, explains them, honours filters and leaves closed ones out', async () => {
    const { jobseekers, vacancies, matcher } = services();
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-WELDER')));
    await vacancies.putMany([
      vacancy('V-TAMPERE'),
      vacancy('V-HELSINKI', { municipality: '091', employer: 'Helsingin Konepaja Oy' }),
      vacancy('V-CLOSED', { employer: 'Suljettu Oy', status: 'closed' }),
      nurse('V-NURSE', '837'),
    ]);

    const hits = await matcher.vacanciesForJobseeker('J-WELDER', { k: 10, lang: 'fi' });
    // Helsinki is beyond a Tampere client's commuting range: after everything within it, with the
    // reason, except other work two ISCO skill levels from the client's (a nurse's post for a welder),
    // which follows the client's own work beyond the range.
    expect(hits.map((h) => h.id)).toEqual(['V-TAMPERE', 'V-HELSINKI', 'V-NURSE']);
    expect(hits[0]!.score).toBeGreaterThan(hits[2]!.score + 0.2);
    expect(hits[1]!.distanceKm).toBeGreaterThan(100);
    expect(hits[1]!.gates.commute).toBe('fail');
    expect(hits[1]!.commute).toMatchObject({ rangeKm: 30, beyondRange: true });
    expect(hits[0]!.matchedSkills.map((s) => s.label)).toEqual(expect.arrayContaining(['MIG-hitsaus', 'piirustusten lukeminen']));
    // TIG welding is covered by the client's broader skill, and said so; the nurse's skills are missing.
    expect(hits[0]!.matchedSkills).toContainEqual(expect.objectContaining({ label: 'TIG-hitsaus', via: 'hitsaus' }));
    expect(hits[0]!.missingSkills).toEqual([]);
    // (a skill the test taxonomy does not know is a free-text note: shown, never scored or missing)
    expect([...hits[2]!.missingSkills.map((s) => s.label), ...(hits[2]!.notes ?? [])].sort()).toEqual(['lääkehoito', 'potilastyö']);

    // Under `fits` the welding job beyond the range comes after the nearby one failing a hard
    // requirement (Swedish) and before the nearby job of other work (a no-fit).
    await vacancies.putMany([vacancy('V-SWEDISH', { employer: 'Svenska Verkstaden Ab', languages: ['sv'] })]);
    const fits = new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, commute: 'fits', weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);
    const byFits = await fits.vacanciesForJobseeker('J-WELDER', { k: 10, lang: 'fi' });
    expect(byFits.map((h) => h.id)).toEqual(['V-TAMPERE', 'V-SWEDISH', 'V-HELSINKI', 'V-NURSE']);
    expect(byFits[1]!.gates.language).toBe('fail');
    expect(byFits[2]!.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_SETTINGS.fitFloor);
    expect(byFits[3]!.score).toBeLessThan(DEFAULT_MATCH_SETTINGS.fitFloor);

    expect((await matcher.vacanciesForJobseeker('J-WELDER', { k: 10, lang: 'fi', municipality: '091' })).map((h) => h.id)).toEqual(['V-HELSINKI']);
    const candidates = await matcher.candidatesForVacancy('V-TAMPERE', { k: 5, lang: 'fi' });
    expect(candidates.map((h) => h.id)).toEqual(['J-WELDER']);
  });

  it("ranks a vacancy's candidates beyond their own commuting range after those within it who fit, and before people of other work nearby", async () => {
    const { jobseekers, vacancies, matcher } = services();
    await vacancies.putMany([vacancy('V-WELD')]);
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-NEAR')));
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-FAR', { municipality: '091', summary: 'Kokenut hitsaaja, MIG-hitsaus ja piirustusten lukeminen.' })));
    await jobseekers.create(
      jobseekerInput.parse(sampleJobseeker('J-SHOP', { title: 'myyjä', summary: 'Myyjä, asiakaspalvelu ja kassatyö.', skills: ['asiakaspalvelu'] })),
    );
    const hits = await matcher.candidatesForVacancy('V-WELD', { k: 10, lang: 'fi' });
    // The welder in Helsinki lives beyond their range of Tampere: a failed requirement (the default
    // `gate` for candidates), still before the shop assistant next door, who is no welder.
    expect(hits.map((h) => h.id)).toEqual(['J-NEAR', 'J-FAR', 'J-SHOP']);
    expect(hits[1]!.gates.commute).toBe('fail');
    expect(DEFAULT_MATCH_SETTINGS.candidateCommute).toBe('gate');
    // A client's own list stays `strict` (the suitable work nearby first); so would candidates under it.
    const strict = new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, candidateCommute: 'strict', weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);
    expect((await strict.candidatesForVacancy('V-WELD', { k: 10, lang: 'fi' })).map((h) => h.id)).toEqual(['J-NEAR', 'J-SHOP', 'J-FAR']);
  });

  it('puts other work whose skills partly transfer before other work the client holds none of the skills of', async () => {
    const { jobseekers, vacancies, matcher } = services();
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-WELDER')));
    await vacancies.putMany([
      // Next door, other work at the same skill level, listing no skill the welder holds: only the place speaks for it.
      vacancy('V-SHOP', { title: 'myyjä', description: 'Kauppa hakee myyjää.', skills: [], employer: 'Kauppa Oy' }),
      // 15 km away, other work listing one skill the welder holds among four: by skills and place alone it would follow the shop.
      vacancy('V-PLUMBER', {
        title: 'putkiasentaja',
        description: 'Putkiasennuksia. Piirustusten lukeminen vaaditaan.',
        skills: ['piirustusten lukeminen', 'putkiasennus', 'ilmanvaihtoasennus', 'lämpöpumppuasennus'],
        employer: 'LVI Oy',
        municipality: '536',
      }),
    ]);
    const hits = await matcher.vacanciesForJobseeker('J-WELDER', { k: 10, lang: 'fi' });
    expect(hits.map((h) => [h.id, h.parts.occupation])).toEqual([
      ['V-PLUMBER', 0],
      ['V-SHOP', 0],
    ]);
    expect(hits[1]!.parts.location).toBeGreaterThan(hits[0]!.parts.location!);
  });

  it('puts other work a skill level above the client after other work at or below it, even next door', async () => {
    const { jobseekers, vacancies, matcher } = services();
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-WELDER')));
    await vacancies.putMany([
      // Next door, a real-estate agent's post (ISCO 3334, a level above the welder's 7212): it asks for what the welder has not shown.
      vacancy('V-AGENT', { title: 'kiinteistönvälittäjä', description: 'Kiinteistönvälitys hakee kiinteistönvälittäjää asuntomyyntiin.', skills: [], employer: 'Välitys Oy' }),
      // 15 km away, cleaning work (9112, a level below): nothing held either, but work the welder could take up.
      vacancy('V-CLEANER', { title: 'siivooja', description: 'Siivousliike hakee siivoojaa.', skills: [], employer: 'Siivous Oy', municipality: '536' }),
    ]);
    const hits = await matcher.vacanciesForJobseeker('J-WELDER', { k: 10, lang: 'fi' });
    expect(hits.map((h) => [h.id, h.parts.occupation])).toEqual([
      ['V-CLEANER', 0],
      ['V-AGENT', 0],
    ]);
    expect(hits[1]!.parts.location).toBeGreaterThan(hits[0]!.parts.location!);
  });

  it('puts other work whose language the client does not work in after other work they could take up as they are, even next door', async () => {
    const { jobseekers, vacancies, matcher } = services();
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-WELDER', { languages: ['fi'] })));
    await vacancies.putMany([
      // Next door, a shop assistant's post in Swedish, which the welder does not speak.
      vacancy('V-BUTIK', { title: 'myyjä', description: 'Butik söker butiksbiträde.', skills: [], employer: 'Butik Ab', languages: ['sv'] }),
      // 15 km away, the same work in Finnish.
      vacancy('V-SHOP', { title: 'myyjä', description: 'Kauppa hakee myyjää.', skills: [], employer: 'Kauppa Oy', languages: ['fi'], municipality: '536' }),
    ]);
    const hits = await matcher.vacanciesForJobseeker('J-WELDER', { k: 10, lang: 'fi' });
    expect(hits.map((h) => [h.id, h.parts.occupation, h.gates.language])).toEqual([
      ['V-SHOP', 0, 'pass'],
      ['V-BUTIK', 0, 'fail'],
    ]);
    expect(hits[1]!.parts.location).toBeGreaterThan(hits[0]!.parts.location!);
  });

  it('keeps the index in step with every write: replace, close, delete, and a repeated posting linked to its original', async () => {
    const { vacancies, vacancyIndex, matcher, jobseekers } = services();
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-WELDER')));
    await vacancies.create(vacancy('V-1'));
    expect(vacancyIndex.size).toBe(1);
    // The same posting from another source: linked, not indexed, listed with the original's hit.
    await vacancies.create(vacancy('V-1-AGAIN', { description: `${vacancy('V-1').description} Hae heti!` }));
    expect(vacancyIndex.size).toBe(1);
    expect(((await vacancies.get('V-1-AGAIN')) as StoredVacancy).normalized.duplicateOf).toBe('V-1');
    const [hit] = await matcher.vacanciesForJobseeker('J-WELDER', { k: 5, lang: 'fi' });
    expect(hit).toMatchObject({ id: 'V-1', alsoPublishedAs: ['V-1-AGAIN'] });

    // Closing the original puts the repeat in its place.
    await vacancies.put(vacancy('V-1', { status: 'closed' }));
    expect((await matcher.vacanciesForJobseeker('J-WELDER', { k: 5, lang: 'fi' })).map((h) => h.id)).toEqual(['V-1-AGAIN']);
    expect(vacancyIndex.size).toBe(1);
    expect((await vacancies.removeMany(['V-1-AGAIN', 'NOPE']))).toEqual({ removed: 1, notFound: ['NOPE'] });
    expect(vacancyIndex.size).toBe(0);
    expect(await matcher.vacanciesForJobseeker('J-WELDER', { k: 5, lang: 'fi' })).toEqual([]);
    await expect(vacancies.putMany(Array.from({ length: 11 }, (_, i) => vacancy(`V-${i}`)))).rejects.toThrow(/at most 10 records/);
  });
});
