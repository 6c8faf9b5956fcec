/**
 * The pay-subsidy filter (issue 33, item 7): of k=10 asked, how many vacancies accepting a
 * pay-subsidised hire a client assessed eligible gets, when one fixture vacancy in `--every`
 * accepts one, with the pool widened `--factor` times (MatchSettings.paySubsidyPoolFactor; 1 is the
 * usual pool, the baseline), and the vacancies scored per ranking (the work the widening costs).
 * The core's matcher over in-memory adapters, the lexical embedder and the test taxonomy
 * (fixtures/taxonomy): the pool's make-up, not the shipped model's quality, is what it measures.
 *
 *   npx tsx benchmarks/pay-subsidy.ts --every 10 --factor 1      # the usual pool
 *   npx tsx benchmarks/pay-subsidy.ts --every 40 --factor 8      # the default widening, rarer vacancies
 *
 * Writes benchmarks/results/pay-subsidy-<every>-<factor>-<date>.json (or into --out).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LexicalEmbedder } from '../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../src/adapters/memory/record-store.js';
import { loadEscoCsv } from '../src/adapters/taxonomy/esco-csv.js';
import { DEFAULT_MATCH_SETTINGS, DEFAULT_WEIGHTS } from '../src/config.js';
import { fixedClock } from '../src/core/clock.js';
import { vacancyDuplicates } from '../src/core/duplicates.js';
import { jobseekerInput, type Jobseeker } from '../src/core/jobseekers/schema.js';
import { jobseekerKind, vacancyKind } from '../src/core/kinds.js';
import { Matcher } from '../src/core/matching.js';
import { RecordService } from '../src/core/records.js';
import { SkillNormalizer } from '../src/core/taxonomy/normalizer.js';
import { vacancyInput, type Vacancy } from '../src/core/vacancies/schema.js';

const { values } = parseArgs({
  options: {
    every: { type: 'string', default: '10' },
    factor: { type: 'string', default: String(DEFAULT_MATCH_SETTINGS.paySubsidyPoolFactor) },
    clients: { type: 'string', default: '300' },
    out: { type: 'string', default: join('benchmarks', 'results') },
  },
});
const every = Number(values.every);
const factor = Number(values.factor);
const ROOT = join(import.meta.dirname, '..');

const embedder = new LexicalEmbedder();
const normalizer = await SkillNormalizer.create(loadEscoCsv(join(ROOT, 'fixtures', 'taxonomy')), embedder, { nnThreshold: 0.6 });
const now = fixedClock('2026-06-01T00:00:00Z');
const jobseekers = new RecordService<Jobseeker>(jobseekerKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
  maxBatch: 500,
  now,
  derive: { id: normalizer.id, run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })) },
});
const vacancies = new RecordService<Vacancy>(vacancyKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
  maxBatch: 500,
  now,
  derive: { id: normalizer.id, run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })) },
  duplicates: vacancyDuplicates,
});
const lines = (file: string) => readFileSync(join(ROOT, 'fixtures', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const offered = lines('vacancies.ndjson').map((v, i) => vacancyInput.parse({ ...v, expiresAt: undefined, paySubsidy: i % every === 0 }));
for (let i = 0; i < offered.length; i += 500) await vacancies.putMany(offered.slice(i, i + 500));
const clients = lines('jobseekers.ndjson')
  .slice(0, Number(values.clients))
  .map((j) => jobseekerInput.parse({ ...j, unemployedSince: undefined, paySubsidyEligible: true }));
for (let i = 0; i < clients.length; i += 500) await jobseekers.putMany(clients.slice(i, i + 500));
const matcher = new Matcher(jobseekers, vacancies, embedder, normalizer, { ...DEFAULT_MATCH_SETTINGS, paySubsidyPoolFactor: factor, weights: DEFAULT_WEIGHTS }, normalizer.taxonomy);

const returned = new Map<number, number>();
for (const client of clients) {
  const hits = await matcher.vacanciesForJobseeker(client.id, { k: 10, lang: 'fi', paySubsidy: true });
  if (hits.some((h) => !h.paySubsidy)) throw new Error(`${client.id}: a vacancy not accepting a subsidised hire came back`);
  returned.set(hits.length, (returned.get(hits.length) ?? 0) + 1);
}
const pool = Math.max(10 * DEFAULT_MATCH_SETTINGS.poolFactor, DEFAULT_MATCH_SETTINGS.minPool.vacancies) * factor;
const result = {
  benchmark: 'pay-subsidy',
  every,
  factor,
  vacancies: offered.length,
  acceptingSubsidy: offered.filter((v) => v.paySubsidy).length,
  clients: clients.length,
  k: 10,
  textPoolPerRanking: pool,
  /** How many clients got each number of hits. */
  hitsReturned: Object.fromEntries([...returned].sort((a, b) => a[0] - b[0])),
  clientsWithFewerThanK: clients.length - (returned.get(10) ?? 0),
};
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, `pay-subsidy-${every}-${factor}-${new Date().toISOString().slice(0, 10)}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result));
