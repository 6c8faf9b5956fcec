import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from './adapters/sqlite/audit-log.js';
import { ApiKeyStore } from './adapters/sqlite/api-keys.js';
import { selectEmbedder } from './adapters/embedders/select.js';
import { openIndexFile, saveIndexFile } from './adapters/hnsw/index-file.js';
import type { HnswVectorIndex } from './adapters/hnsw/hnsw-index.js';
import { openDatabase, type Db } from './adapters/sqlite/database.js';
import { SqliteRecordStore, type RecordTable } from './adapters/sqlite/record-store.js';
import { installationSecret } from './adapters/sqlite/settings.js';
import { ShareStore } from './adapters/sqlite/shares.js';
import type { Config } from './config.js';
import { eraseJobseekers, type ErasurePorts } from './core/erasure.js';
import { jobseekerKind, vacancyKind, type BaseRecord, type RecordKind, type Stored } from './core/kinds.js';
import { DEFAULT_MATCH_SETTINGS, Matcher } from './core/matching.js';
import { parseNdjson } from './core/ndjson.js';
import type { Embedder } from './core/ports.js';
import { LabelVectors } from './core/taxonomy/label-vectors.js';
import { ConceptSearch } from './core/taxonomy/search.js';
import { RecordService, type Derivation } from './core/records.js';
import { DemandSupply } from './core/analytics/demand-supply.js';
import { MismatchSummary } from './core/analytics/mismatch.js';
import { DEFAULT_PLAN_SETTINGS, TrainingPlanner } from './core/analytics/training-plan.js';
import { defaultEmploymentAreas, EmploymentAreas } from './core/regions/employment-areas-model.js';
import { regions } from './core/regions/regions.js';
import { SqliteAnalyticsSource } from './adapters/sqlite/analytics-source.js';
import { DEFAULT_GAP_SETTINGS, GapAnalysis } from './core/gaps.js';
import { trainingInput } from './core/schemas/training.js';
import { TrainingCatalogue } from './core/trainings.js';
import { SqliteTrainingStore } from './adapters/sqlite/training-store.js';
import { ReferralStore } from './adapters/sqlite/referrals.js';
import { SkillNormalizer } from './core/taxonomy/normalizer.js';
import { isTaxonomyDir, loadEscoCsv } from './adapters/taxonomy/esco-csv.js';
import { eldDetector } from './adapters/language/eld-detector.js';
import { jobseekerInput, type Jobseeker } from './core/schemas/jobseeker.js';
import { vacancyInput, type Vacancy } from './core/schemas/vacancy.js';

export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface Engine {
  jobseekers: RecordService<Jobseeker>;
  vacancies: RecordService<Vacancy>;
  matcher: Matcher;
  embedder: Embedder;
  /** Skill and occupation search (autocomplete, job titles): lexical and, with a model, semantic. */
  conceptSearch: { skills: ConceptSearch; occupations: ConceptSearch };
  normalizer: SkillNormalizer;
  keys: ApiKeyStore;
  audit: AuditLog;
  shares: ShareStore;
  /** Stable pseudonym of a jobseeker id for employer services (keyed with an installation secret). */
  pseudonym(jobseekerId: string): string;
  /** GDPR erasure (see src/core/erasure.ts). */
  eraseJobseekers(ids: string[], keyId?: string): { erased: string[]; notFound: string[] };
  /** Rebuilds indexes holding deleted points, so erased vectors leave the index files too. */
  compact(): { jobseekers: number; vacancies: number };
  trainings: TrainingCatalogue;
  referrals: ReferralStore;
  gaps: GapAnalysis;
  /** Municipalities grouped into employment areas (KOHTAANTO_EMPLOYMENT_AREAS_FILE or the committed table). */
  employmentAreas: EmploymentAreas;
  analytics: { demandSupply: DemandSupply; mismatch: MismatchSummary; planner: TrainingPlanner };
  /** Writes changed indexes to disk (also done periodically and on close); compacts when due. */
  flush(): void;
  close(): void;
}

type EngineConfig = Pick<
  Config,
  | 'dataDir'
  | 'fixturesDir'
  | 'seedFixtures'
  | 'embedder'
  | 'model'
  | 'hnsw'
  | 'indexFlushSeconds'
  | 'compactSeconds'
  | 'weights'
  | 'taxonomyDir'
  | 'suitableScore'
  | 'skillNnThreshold'
  | 'exactScanRatio'
  | 'exactScanLimit'
  | 'fitFloor'
  | 'areaCacheVectors'
  | 'recordCacheSize'
  | 'employmentAreasFile'
  | 'analyticsSample'
  | 'bulkMaxRecords'
>;

/** Lowest similarity at which a title goes to the nearest occupation label (with a model). */
const OCCUPATION_NN_THRESHOLD = 0.5;

/** How often vacancies past their expiry date are closed (they are never returned in between either). */
const EXPIRY_SWEEP_MS = 60 * 60 * 1000;

export const databaseFile = (dataDir: string) => join(dataDir, 'kohtaanto.sqlite');
export const indexFile = (dataDir: string, table: RecordTable) => join(dataDir, `${table}.hnsw`);

/**
 * The composition root: opens the SQLite store, picks the embedder, opens (or rebuilds) one HNSW
 * index per record kind, seeds the fixture data on first start and wires the core services.
 */
export async function openEngine(config: EngineConfig, log: EngineLog, embedder?: Embedder): Promise<Engine> {
  const db = openDatabase(databaseFile(config.dataDir));
  try {
    const chosen = embedder ?? (await selectEmbedder(config.embedder, config.model, log));
    const normalizer = await openNormalizer(config, chosen, log);
    const jobseekers = openKind(db, jobseekerKind, 'jobseekers', chosen, config, log, {
      id: normalizer.id,
      run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })),
    });
    const vacancies = openKind(db, vacancyKind, 'vacancies', chosen, config, log, {
      id: normalizer.id,
      run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })),
    });

    for (const service of [jobseekers.service, vacancies.service] as RecordService<BaseRecord>[]) {
      const redone = await service.refreshStale((n) => log.info(`refreshing ${service.kind.name} records: ${n}`));
      if (redone > 0) log.info(`refreshed ${redone} ${service.kind.name} records (embedder ${chosen.id}, taxonomy ${normalizer.taxonomy.id})`);
    }
    if (config.seedFixtures && jobseekers.service.count() === 0 && vacancies.service.count() === 0) {
      await seedFixtures(config.fixturesDir, jobseekers.service, vacancies.service, log);
    }
    const closeExpired = async () => {
      const closed = await vacancies.service.closeExpired();
      if (closed > 0) log.info(`closed ${closed} expired vacancies`);
    };
    await closeExpired();

    const conceptSearch = await openConceptSearch(normalizer, chosen);
    const trainings = await TrainingCatalogue.open(new SqliteTrainingStore(db), normalizer, config.bulkMaxRecords);
    if (config.seedFixtures && trainings.count() === 0) await seedTrainings(config.fixturesDir, trainings, log);
    const referrals = new ReferralStore(db);
    const shares = new ShareStore(db);
    const audit = new AuditLog(db);
    const pseudonymKey = installationSecret(db, 'pseudonym-key');
    let compactionDue = false;
    let lastCompaction = Date.now();
    const compact = () => {
      const dropped = { jobseekers: jobseekers.compact(), vacancies: vacancies.compact() };
      compactionDue = false;
      lastCompaction = Date.now();
      db.pragma('wal_checkpoint(TRUNCATE)'); // erased rows leave the write-ahead log too
      return dropped;
    };
    const flush = () => {
      if (compactionDue && Date.now() - lastCompaction >= config.compactSeconds * 1000) compact();
      for (const kind of [jobseekers, vacancies]) kind.flush();
    };
    flush();
    const timer = setInterval(flush, config.indexFlushSeconds * 1000);
    timer.unref();
    const expiryTimer = setInterval(() => void closeExpired().catch((e: Error) => log.warn(`closing expired vacancies failed: ${e.message}`)), EXPIRY_SWEEP_MS);
    expiryTimer.unref();
    const matcher = new Matcher(jobseekers.service, vacancies.service, chosen, normalizer, {
      weights: config.weights,
      poolFactor: DEFAULT_MATCH_SETTINGS.poolFactor,
      minPool: DEFAULT_MATCH_SETTINGS.minPool,
      exactScanRatio: config.exactScanRatio,
      exactScanLimit: config.exactScanLimit,
      fitFloor: config.fitFloor,
    }, normalizer.taxonomy);
    const employmentAreas = config.employmentAreasFile
      ? EmploymentAreas.parse(readFileSync(config.employmentAreasFile, 'utf8'), regions)
      : defaultEmploymentAreas(regions);
    const analyticsSource = new SqliteAnalyticsSource(db);
    const demandSupply = new DemandSupply(analyticsSource, normalizer.taxonomy);
    const analytics = {
      demandSupply,
      mismatch: new MismatchSummary(analyticsSource, demandSupply, matcher, { suitableScore: config.suitableScore, sample: config.analyticsSample }),
      planner: new TrainingPlanner(analyticsSource, jobseekers.service, matcher, normalizer, trainings, chosen, {
        ...DEFAULT_PLAN_SETTINGS,
        suitableScore: config.suitableScore,
      }),
    };
    const erasure: ErasurePorts = {
      jobseekers: jobseekers.service,
      shares,
      referrals,
      audit,
      scheduleCompaction: () => {
        compactionDue = true;
      },
    };
    return {
      jobseekers: jobseekers.service,
      vacancies: vacancies.service,
      matcher,
      embedder: chosen,
      conceptSearch,
      normalizer,
      trainings,
      referrals,
      gaps: new GapAnalysis(jobseekers.service, vacancies.service, matcher, normalizer, trainings, chosen, {
        ...DEFAULT_GAP_SETTINGS,
        suitableScore: config.suitableScore,
      }),
      employmentAreas,
      analytics,
      keys: new ApiKeyStore(db),
      audit,
      shares,
      pseudonym: (id) => `cand-${createHmac('sha256', pseudonymKey).update(id).digest('hex').slice(0, 16)}`,
      eraseJobseekers: (ids, keyId) => eraseJobseekers(erasure, ids, keyId),
      compact,
      flush,
      close() {
        clearInterval(timer);
        clearInterval(expiryTimer);
        if (compactionDue) compact();
        flush();
        audit.flush();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The taxonomy from KOHTAANTO_TAXONOMY_DIR (ESCO CSV layout; default the curated one in fixtures/taxonomy). */
async function openNormalizer(config: EngineConfig, embedder: Embedder, log: EngineLog): Promise<SkillNormalizer> {
  if (!isTaxonomyDir(config.taxonomyDir)) {
    throw new Error(`KOHTAANTO_TAXONOMY_DIR=${config.taxonomyDir} holds no skills_<lang>.csv (an ESCO CSV export is expected)`);
  }
  const started = Date.now();
  const taxonomy = loadEscoCsv(config.taxonomyDir);
  const lexical = embedder.id.startsWith('lexical');
  const nnThreshold = config.skillNnThreshold ?? (lexical ? 0.6 : 0.85);
  // Titles no occupation label names go to the nearest label only with a model (hashing vectors know no
  // synonyms). 0.5 chosen on bench:quality: vacancy → candidates nDCG@10 0.715 at 0.8, 0.731 at 0.6,
  // 0.772 at 0.5, 0.786 at 0.3; below 0.5 nearly every title gets an occupation, unrelated ones too.
  const normalizer = await SkillNormalizer.create(taxonomy, embedder, { nnThreshold, occupationNnThreshold: lexical ? 0 : OCCUPATION_NN_THRESHOLD }, eldDetector);
  log.info(
    `Taxonomy: ${taxonomy.skills.size} skills, ${taxonomy.occupations.size} occupations (${taxonomy.languages.join(', ')}) ` +
      `from ${taxonomy.source} (KOHTAANTO_TAXONOMY_DIR) in ${Date.now() - started} ms`,
  );
  return normalizer;
}

/** Concept search over the taxonomy; the semantic signal only with a model (hashing vectors know no synonyms). */
async function openConceptSearch(normalizer: SkillNormalizer, embedder: Embedder) {
  const taxonomy = normalizer.taxonomy;
  const semantic = !embedder.id.startsWith('lexical');
  const skillLabels = normalizer.labelVectors;
  const occupationLabels = semantic ? (normalizer.occupationVectors ?? (await LabelVectors.build(embedder, taxonomy.occupations.values(), { alt: true }))) : undefined;
  return {
    skills: new ConceptSearch(taxonomy, () => taxonomy.skills.values(), semantic && skillLabels ? { embedder, labels: skillLabels } : undefined),
    occupations: new ConceptSearch(taxonomy, () => taxonomy.occupations.values(), occupationLabels && { embedder, labels: occupationLabels }),
  };
}

function openKind<In extends BaseRecord>(
  db: Db,
  kind: RecordKind<In>,
  table: RecordTable,
  embedder: Embedder,
  config: EngineConfig,
  log: EngineLog,
  derive: Derivation<In>,
) {
  const store = new SqliteRecordStore<Stored<In>>(db, table);
  const file = indexFile(config.dataDir, table);
  const started = Date.now();
  const vectors = () => store.matchableVectors(embedder.id);
  const { index, rebuilt, caughtUp } = openIndexFile(
    file,
    {
      embedder: embedder.id,
      dimension: embedder.dimension,
      generation: store.generation(),
      liveLabels: () => store.matchableLabels({}, embedder.id),
      vectors,
      changedSince: (generation) => store.changedSince(generation),
      vectorsOf: (labels) => store.vectorsOf(labels),
    },
    config.hnsw,
  );
  const ms = Date.now() - started;
  if (rebuilt && index.size > 0) log.warn(`${table} index rebuilt from SQLite (${rebuilt}): ${index.size} vectors in ${ms} ms`);
  else log.info(`${table} index ${rebuilt ? `created (${rebuilt})` : `loaded from ${file}${caughtUp ? ` and caught up on ${caughtUp} changed records` : ''}`}: ${index.size} vectors in ${ms} ms`);
  const service = new RecordService(kind, store, index, embedder, {
    maxBatch: config.bulkMaxRecords,
    derive,
    areaCacheVectors: config.areaCacheVectors,
    recordCacheSize: config.recordCacheSize,
  });
  const flush = () => flushIndex(file, index, store, embedder);
  const compact = () => {
    const dropped = index.deletedPoints;
    if (dropped === 0) return 0;
    index.compact(vectors());
    flush();
    log.info(`${table} index compacted: ${dropped} deleted points dropped`);
    return dropped;
  };
  return { service, flush, compact };
}

async function seedTrainings(dir: string, trainings: TrainingCatalogue, log: EngineLog) {
  const path = join(dir, 'trainings.ndjson');
  if (!existsSync(path)) return;
  const records = parseNdjson(readFileSync(path, 'utf8'), trainingInput, Number.MAX_SAFE_INTEGER);
  await trainings.putMany(records);
  log.info(`loaded ${records.length} trainings from ${path}`);
}

function flushIndex(file: string, index: HnswVectorIndex, store: { generation(): number; pruneChanges(generation: number): void }, embedder: Embedder) {
  if (!index.dirty) return;
  const generation = store.generation();
  saveIndexFile(file, index, embedder.id, generation);
  store.pruneChanges(generation);
}

async function seedFixtures(
  dir: string,
  jobseekers: RecordService<Jobseeker>,
  vacancies: RecordService<Vacancy>,
  log: EngineLog,
): Promise<void> {
  const started = Date.now();
  const load = async <In extends BaseRecord>(service: RecordService<In>, file: string, schema: typeof jobseekerInput | typeof vacancyInput) => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      log.warn(`no fixture file ${path}; starting empty`);
      return 0;
    }
    const records = parseNdjson(readFileSync(path, 'utf8'), schema, Number.MAX_SAFE_INTEGER) as unknown as In[];
    for (let i = 0; i < records.length; i += 1000) await service.putMany(records.slice(i, i + 1000));
    return records.length;
  };
  const v = await load(vacancies, 'vacancies.ndjson', vacancyInput);
  const j = await load(jobseekers, 'jobseekers.ndjson', jobseekerInput);
  log.info(`loaded fixtures from ${dir}: ${v} vacancies, ${j} jobseekers in ${Date.now() - started} ms`);
}
