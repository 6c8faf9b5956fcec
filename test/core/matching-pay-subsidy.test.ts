import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { loadEscoCsv } from '../../src/adapters/taxonomy/esco-csv.js';
import { DEFAULT_MATCH_SETTINGS, DEFAULT_WEIGHTS } from '../../src/config.js';
import { vacancyDuplicates } from '../../src/core/duplicates.js';
import { KohtaantoError } from '../../src/core/errors.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';
import { jobseekerKind, vacancyKind } from '../../src/core/kinds.js';
import { jobseekerMatchQuery, matchQuery } from '../../src/core/matches/schema.js';
import { Matcher } from '../../src/core/matching.js';
import { RecordService } from '../../src/core/records.js';
import { SkillNormalizer } from '../../src/core/taxonomy/normalizer.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';
import { systemClock } from '../../src/runtime/clock.js';
import { FIXTURES } from '../helpers/files.js';
import { sampleJobseeker, sampleVacancy } from '../helpers/samples.js';

/**
 * The pay-subsidy filter of a client's vacancies (issue 33, item 7): only vacancies whose employer
 * accepts a pay-subsidised hire, and only for a client their counsellor assessed eligible. Candidate
 * lists take no such filter and never show the assessment.
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
  const vacancies = new RecordService<Vacancy>(vacancyKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
    maxBatch: 10,
    now: systemClock,
    derive: { id: normalizer.id, run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })) },
    duplicates: vacancyDuplicates,
  });
  const matcher = new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);
  return { jobseekers, vacancies, matcher };
}

const vacancy = (id: string, overrides: Record<string, unknown> = {}) => vacancyInput.parse(sampleVacancy(id, { municipality: '837', employer: `Konepaja ${id}`, ...overrides }));

async function market() {
  const s = services();
  await s.jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-ELIGIBLE', { paySubsidyEligible: true })));
  await s.jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-NOT-ASSESSED')));
  await s.jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-NOT-ELIGIBLE', { paySubsidyEligible: false })));
  await s.vacancies.putMany([
    vacancy('V-OPEN-1'),
    vacancy('V-OPEN-2', { paySubsidy: false }),
    vacancy('V-SUBSIDY-1', { paySubsidy: true }),
    vacancy('V-SUBSIDY-2', { paySubsidy: true, municipality: '536' }),
    vacancy('V-SUBSIDY-CLOSED', { paySubsidy: true, status: 'closed' }),
  ]);
  return s;
}

describe('pay subsidy in matching', () => {
  it('a client assessed eligible gets only the vacancies accepting a subsidised hire, each saying so', async () => {
    const { matcher } = await market();
    const all = await matcher.vacanciesForJobseeker('J-ELIGIBLE', { k: 10, lang: 'fi' });
    expect(all.map((h) => h.id).sort()).toEqual(['V-OPEN-1', 'V-OPEN-2', 'V-SUBSIDY-1', 'V-SUBSIDY-2']);
    expect(all.filter((h) => h.paySubsidy).map((h) => h.id).sort()).toEqual(['V-SUBSIDY-1', 'V-SUBSIDY-2']);

    const subsidised = await matcher.vacanciesForJobseeker('J-ELIGIBLE', { k: 10, lang: 'fi', paySubsidy: true });
    expect(subsidised.map((h) => h.id)).toEqual(all.filter((h) => h.paySubsidy).map((h) => h.id));
    expect(subsidised.every((h) => h.paySubsidy === true)).toBe(true);
    // With the other filters: Nokia (536) only.
    expect((await matcher.vacanciesForJobseeker('J-ELIGIBLE', { k: 10, lang: 'fi', paySubsidy: true, municipality: '536' })).map((h) => h.id)).toEqual(['V-SUBSIDY-2']);
    // The filter off is the ranking as before.
    expect((await matcher.vacanciesForJobseeker('J-ELIGIBLE', { k: 10, lang: 'fi', paySubsidy: false })).map((h) => h.id)).toEqual(all.map((h) => h.id));
  });

  it('widens the pool for the filter: k hits when few vacancies accept a subsidised hire', async () => {
    const { jobseekers, vacancies } = services();
    await jobseekers.create(jobseekerInput.parse(sampleJobseeker('J-ELIGIBLE', { paySubsidyEligible: true })));
    // 150 welding posts in Tampere, one in ten accepting a subsidised hire.
    const posts = Array.from({ length: 150 }, (_, i) => vacancy(`V-${String(i).padStart(3, '0')}`, { paySubsidy: i % 10 === 0 }));
    for (let i = 0; i < posts.length; i += 10) await vacancies.putMany(posts.slice(i, i + 10));
    const widened = (factor: number) =>
      new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, paySubsidyPoolFactor: factor, weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);
    const usual = await widened(1).vacanciesForJobseeker('J-ELIGIBLE', { k: 10, lang: 'fi', paySubsidy: true });
    const wide = await widened(DEFAULT_MATCH_SETTINGS.paySubsidyPoolFactor).vacanciesForJobseeker('J-ELIGIBLE', { k: 10, lang: 'fi', paySubsidy: true });
    // The usual pool (50) holds about five of them; eight times as wide, all ten are found.
    expect(usual.length).toBeLessThan(10);
    expect(wide.length).toBe(10);
    expect(wide.every((h) => h.paySubsidy)).toBe(true);
  });

  it('refuses the filter for a client not assessed eligible (absent or false), naming the field in fi and sv', async () => {
    const { matcher } = await market();
    for (const id of ['J-NOT-ASSESSED', 'J-NOT-ELIGIBLE']) {
      const error = await matcher.vacanciesForJobseeker(id, { k: 10, lang: 'fi', paySubsidy: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(KohtaantoError);
      const e = error as KohtaantoError;
      expect([e.code, e.problems.map((p) => p.field)]).toEqual(['invalid_input', ['paySubsidy']]);
      expect(e.text('fi')).toContain('paySubsidy: asiakasta');
      expect(e.text('fi')).toContain('palkkatukeen');
      expect(e.text('sv')).toContain('lönesubvention');
    }
    // Without the filter they are matched as everyone is.
    expect((await matcher.vacanciesForJobseeker('J-NOT-ASSESSED', { k: 10, lang: 'fi' })).length).toBe(4);
  });

  it("a vacancy's candidates do not depend on, or show, the clients' assessment", async () => {
    const { matcher, jobseekers } = await market();
    const before = await matcher.candidatesForVacancy('V-SUBSIDY-1', { k: 10, lang: 'fi' });
    expect(before.map((h) => h.id).sort()).toEqual(['J-ELIGIBLE', 'J-NOT-ASSESSED', 'J-NOT-ELIGIBLE']);
    for (const hit of before) {
      // (the ids here name it; the rest of the hit must not)
      expect(JSON.stringify({ ...hit, id: undefined })).not.toMatch(/subsid|eligible/i);
    }
    // The same three clients, the assessment swapped around: the same scores and parts.
    await jobseekers.putMany([
      jobseekerInput.parse(sampleJobseeker('J-ELIGIBLE', { paySubsidyEligible: false })),
      jobseekerInput.parse(sampleJobseeker('J-NOT-ELIGIBLE', { paySubsidyEligible: true })),
    ]);
    const after = await matcher.candidatesForVacancy('V-SUBSIDY-1', { k: 10, lang: 'fi' });
    const scores = (hits: typeof before) => Object.fromEntries(hits.map((h) => [h.id, [h.score, h.parts]]));
    expect(scores(after)).toEqual(scores(before));
  });

  it('the query strings: the filter only on a client\'s vacancies, as true or false', () => {
    expect(jobseekerMatchQuery.parse({ paySubsidy: 'true' }).paySubsidy).toBe(true);
    expect(jobseekerMatchQuery.parse({}).paySubsidy).toBe(false);
    expect(jobseekerMatchQuery.safeParse({ paySubsidy: 'yes' }).success).toBe(false);
    // A vacancy's candidates (the employer services' list): an unknown parameter.
    expect(matchQuery.safeParse({ paySubsidy: 'true' }).success).toBe(false);
  });
});
