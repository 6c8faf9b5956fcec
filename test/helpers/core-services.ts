import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { DEFAULT_MATCH_SETTINGS, DEFAULT_WEIGHTS } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';
import { vacancyDuplicates } from '../../src/core/duplicates.js';
import type { Jobseeker } from '../../src/core/jobseekers/schema.js';
import { jobseekerKind, vacancyKind } from '../../src/core/kinds.js';
import { Matcher } from '../../src/core/matching.js';
import { RecordService } from '../../src/core/records.js';
import type { Vacancy } from '../../src/core/vacancies/schema.js';
import { curatedNormalizer } from './taxonomy.js';

/**
 * The core's record services and matcher over the in-memory store and exact index (test doubles for
 * SQLite and HNSW), the lexical embedder (a test double for the model) and the curated test taxonomy:
 * the use cases built on matching, in-process, in milliseconds (see test/core/matching.test.ts).
 */
export async function coreServices(now: Clock) {
  const normalizer = await curatedNormalizer();
  const embedder = new LexicalEmbedder();
  const jobseekers = new RecordService<Jobseeker>(jobseekerKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
    maxBatch: 50,
    now,
    derive: { id: normalizer.id, run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })) },
  });
  const vacancies = new RecordService<Vacancy>(vacancyKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
    maxBatch: 50,
    now,
    derive: { id: normalizer.id, run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })) },
    duplicates: vacancyDuplicates,
  });
  const matcher = new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);
  return { normalizer, embedder, jobseekers, vacancies, matcher };
}
