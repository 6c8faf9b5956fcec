import { beforeAll, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteTrainingStore } from '../../src/adapters/sqlite/training-store.js';
import { fixedClock } from '../../src/core/clock.js';
import { jobseekerInput, type Jobseeker, type StoredJobseeker } from '../../src/core/jobseekers/schema.js';
import { jobseekerKind } from '../../src/core/kinds.js';
import { RecordService } from '../../src/core/records.js';
import type { OccupationRef } from '../../src/core/schemas/skills.js';
import {
  ADVICE_RULES,
  NO_ADVICE_RULES,
  SHORT_COURSE_DAYS,
  TrainingAdvisor,
  belowClient,
  buyable,
  defaultReachKm,
  isProgramme,
  skillLevel,
} from '../../src/core/training-advice.js';
import { TrainingCatalogue } from '../../src/core/trainings.js';
import { trainingInput } from '../../src/core/trainings/schema.js';
import type { SkillNormalizer } from '../../src/core/taxonomy/normalizer.js';
import { TIG, WELDER, curatedNormalizer } from '../helpers/taxonomy.js';

const HOT_WORK = 'urn:kohtaanto:skill:hotWork';
const ref = (isco: string, uri?: string): OccupationRef => ({ isco, ...(uri ? { uri } : {}), label: isco, method: 'given', evidence: isco });
const client = (occupations: StoredJobseeker['normalized']['occupations']) => ({ normalized: { occupations } }) as unknown as StoredJobseeker;

describe('the rules of training advice', () => {
  it('reads the ISCO skill level of the highest occupation by its major group', () => {
    expect([ref('2221'), ref('3251'), ref('7212'), ref('9112'), ref('4110')].map((o) => skillLevel([o]))).toEqual([4, 3, 2, 1, 2]);
    expect(skillLevel([ref('9112'), ref('3251')])).toBe(3);
    expect(skillLevel([{}, { isco: '0110' }])).toBeUndefined();
    expect(skillLevel([])).toBeUndefined();
  });

  it('knows programmes from courses', () => {
    expect(['vocational-qualification', 'apprenticeship', 'further-vocational', 'specialist-vocational', 'degree-programme'].every((k) => isProgramme(k as never))).toBe(true);
    expect(['licence-or-card', 'language-for-work', 'updating-course', 'other'].some((k) => isProgramme(k as never))).toBe(false);
    expect(SHORT_COURSE_DAYS).toBe(60);
  });

  it('buys no degree, and no programme for a profession that needs one, but its updating courses', () => {
    expect(buyable('degree-programme', undefined)).toBe(false);
    expect(buyable('vocational-qualification', ref('2221'))).toBe(false);
    expect(buyable('updating-course', ref('2221'))).toBe(true);
    expect(buyable('vocational-qualification', ref('5322'))).toBe(true);
    expect(buyable('vocational-qualification', undefined)).toBe(true);
  });

  it("offers no programme for an occupation the client holds at that level, nor one below the client's skill level", () => {
    const welder = client([{ ...ref('7212', WELDER), method: 'title' }]);
    // A welder (ISCO level 2, qualified at perustutkinto) is not sent to a welder's perustutkinto, but to an ammattitutkinto.
    expect(belowClient('vocational-qualification', ref('7212', WELDER), welder)).toBe(true);
    expect(belowClient('further-vocational', ref('7212', WELDER), welder)).toBe(false);
    // The same ISCO unit group counts as the same occupation.
    expect(belowClient('vocational-qualification', ref('7212'), welder)).toBe(true);
    // A registered nurse is not sent to practical-nurse training; a wish is not an occupation held.
    expect(belowClient('vocational-qualification', ref('5322'), client([ref('2221')]))).toBe(true);
    expect(belowClient('vocational-qualification', ref('7212', WELDER), client([{ ...ref('7212', WELDER), method: 'wish' }]))).toBe(false);
    // Courses are never left out by this rule.
    expect(belowClient('updating-course', ref('7212', WELDER), welder)).toBe(false);
  });

  it("reaches in person as far as the client's commute, in straight-line km", () => {
    expect(defaultReachKm({ municipality: '837', commuteKm: 52 } as StoredJobseeker)).toBe(40);
  });
});

describe('TrainingAdvisor.offers', () => {
  let normalizer: SkillNormalizer;
  let stored: StoredJobseeker;
  let catalogue: TrainingCatalogue;
  const training = (id: string, fields: Record<string, unknown>) =>
    trainingInput.parse({ id, title: `Kurssi ${id}`, description: 'Kurssi.', provider: 'Tredu', kind: 'updating-course', municipality: '837', durationDays: 10, cost: 800, skills: ['TIG-hitsaus'], ...fields });

  beforeAll(async () => {
    normalizer = await curatedNormalizer();
    const now = fixedClock('2026-12-06T10:00:00Z');
    const jobseekers = new RecordService<Jobseeker>(jobseekerKind, new MemoryRecordStore<any>(), new ExactIndex(), new LexicalEmbedder(), {
      maxBatch: 10,
      now,
      derive: { id: normalizer.id, run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })) },
    });
    stored = (await jobseekers.create(
      jobseekerInput.parse({ id: 'J-1', title: 'hitsaaja', summary: 'Hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '837', languages: ['fi'], commuteKm: 39 }),
    )) as StoredJobseeker;
    catalogue = await TrainingCatalogue.open(new SqliteTrainingStore(openDatabase(':memory:')), normalizer, 50, now);
    await catalogue.putMany([
      training('T-SHORT', { title: 'TIG-hitsauksen kurssi', startDates: ['2026-12-01', '2027-01-15'] }),
      training('T-PROG', { title: 'Hitsaajan perustutkinto', kind: 'vocational-qualification', occupation: 'hitsaaja', durationDays: 200 }),
      training('T-DEGREE', { title: 'Konetekniikan insinööri', kind: 'degree-programme', durationDays: 800 }),
      training('T-FAR', { municipality: '091' }),
      training('T-PAST', { startDates: ['2026-11-01'] }),
      training('T-ONLINE', { municipality: undefined, online: true, durationDays: 70, cost: 500 }),
      training('T-SV', { language: 'sv', durationDays: 5 }),
      training('T-NOKIA', { title: 'Hitsaajan ammattitutkinto', kind: 'further-vocational', occupation: 'hitsaaja', municipality: '536', durationDays: 120, skills: ['TIG-hitsaus', 'tulityökortti'] }),
    ]);
  });

  it("offers buyable trainings within reach, in the client's language first, a short course first, then by the gap covered", async () => {
    const advisor = new TrainingAdvisor(catalogue, normalizer, ADVICE_RULES, defaultReachKm, 10);
    const offers = await advisor.offers(TIG, new Set([TIG, HOT_WORK]), stored, { lang: 'fi', today: '2026-12-06' });
    expect(offers.map((o) => [o.id, o.reason, o.distance, o.distanceKm, o.nextStart, o.covers.map((c) => c.label)])).toEqual([
      ['T-SHORT', 'short-course', 'local or online', 0, '2027-01-15', ['TIG-hitsaus']],
      ['T-NOKIA', 'near', 'same region', 14, null, ['TIG-hitsaus', 'tulityökortti']],
      ['T-ONLINE', 'online', 'local or online', 0, null, ['TIG-hitsaus']],
      ['T-SV', 'short-course', 'local or online', 0, null, ['TIG-hitsaus']],
    ]);
    expect(offers[0]!.explanation).toBe('Koulutus: TIG-hitsauksen kurssi (Tredu, Tampere, 10 pv, alkaa 2027-01-15).');
    expect(offers[2]!.explanation).toBe('Koulutus: Kurssi T-ONLINE (Tredu, verkossa, 70 pv, jatkuva haku).');
    expect((await advisor.offers(TIG, new Set([TIG]), stored, { lang: 'en', today: '2026-12-06' }))[0]!.explanation).toBe(
      'Training: TIG-hitsauksen kurssi (Tredu, Tampere, 10 days, starts 2027-01-15).',
    );
  });

  it('offers at most perSkill, and with every rule off also what is out of reach or not for this client (never one whose starts are past)', async () => {
    const one = new TrainingAdvisor(catalogue, normalizer, ADVICE_RULES, defaultReachKm, 1);
    expect((await one.offers(TIG, new Set([TIG]), stored, { lang: 'fi', today: '2026-12-06' })).map((o) => o.id)).toEqual(['T-SHORT']);
    const all = new TrainingAdvisor(catalogue, normalizer, NO_ADVICE_RULES, defaultReachKm, 20);
    const ids = (await all.offers(TIG, new Set([TIG]), stored, { lang: 'fi', today: '2026-12-06' })).map((o) => o.id);
    expect([...ids].sort()).toEqual(['T-DEGREE', 'T-FAR', 'T-NOKIA', 'T-ONLINE', 'T-PROG', 'T-SHORT', 'T-SV']);
    // Out of reach after everything within it; another language last.
    expect(ids.slice(-2)).toEqual(['T-FAR', 'T-SV']);
  });

  it('measures distances from another municipality when asked', async () => {
    const advisor = new TrainingAdvisor(catalogue, normalizer, ADVICE_RULES, () => 500, 10);
    const offers = await advisor.offers(TIG, new Set([TIG]), stored, { lang: 'fi', municipality: '091', today: '2026-12-06' });
    expect(offers.find((o) => o.id === 'T-FAR')).toMatchObject({ distance: 'local or online', distanceKm: 0 });
    expect(offers.find((o) => o.id === 'T-SHORT')).toMatchObject({ distance: 'further away', distanceKm: 161 });
  });
});
