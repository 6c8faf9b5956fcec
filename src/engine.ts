import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectEmbedder } from './adapters/embedders/select.js';
import { SqliteAnalyticsSource } from './adapters/sqlite/analytics-source.js';
import { ApiKeyStore } from './adapters/sqlite/api-keys.js';
import { AuditLog } from './adapters/sqlite/audit-log.js';
import { SqliteDecisionLog } from './adapters/sqlite/decision-log.js';
import { openDatabase } from './adapters/sqlite/database.js';
import { ReferralStore } from './adapters/sqlite/referrals.js';
import { OrganisationStore } from './adapters/sqlite/organisations.js';
import { ShareStore } from './adapters/sqlite/shares.js';
import { CandidateBudgetStore } from './adapters/sqlite/candidate-budget.js';
import { CandidateLists } from './core/candidates.js';
import { VacancyOwnerStore } from './adapters/sqlite/vacancy-owners.js';
import { keyedTombstones } from './adapters/sqlite/tombstones.js';
import { SqliteTrainingStore } from './adapters/sqlite/training-store.js';
import { SqliteTransferStore } from './adapters/sqlite/transfers.js';
import { SqliteJobSuggestionStore } from './adapters/sqlite/job-suggestions.js';
import { JobSuggestions } from './core/job-suggestions/service.js';
import { SqliteJobSearchStore } from './adapters/sqlite/job-search.js';
import { JobSearch } from './core/job-search/service.js';
import { Transfers } from './core/transfers/service.js';
import { SIGNIN_RECHECK_MINUTES, type Config } from './config.js';
import { DemandSupply } from './core/analytics/demand-supply.js';
import { MismatchSummary } from './core/analytics/mismatch.js';
import { DEFAULT_PLAN_SETTINGS, TrainingPlanner } from './core/analytics/training-plan.js';
import { eraseJobseekers, type ErasurePorts } from './core/erasure.js';
import { DEFAULT_GAP_SETTINGS, GapAnalysis } from './core/gaps.js';
import { Guard } from './core/guard.js';
import { Organisations } from './core/organisations.js';
import { PersonalData } from './core/personal-data.js';
import { jobseekerAccess, vacancyAccess, type RecordAccess } from './core/record-access.js';
import { Referrals } from './core/referrals/service.js';
import { Sharing } from './core/sharing.js';
import { DEFAULT_SESSION_SETTINGS, Sessions } from './core/sessions.js';
import { SessionStore } from './adapters/sqlite/sessions.js';
import { PersonSessions } from './core/signin/sessions.js';
import { PersonSessionStore } from './adapters/sqlite/person-sessions.js';
import { jobseekerKind, vacancyKind, type BaseRecord } from './core/kinds.js';
import { occupationWordsOf } from './core/record-search.js';
import { Matcher } from './core/matching.js';
import type { Embedder } from './core/ports.js';
import type { RecordService } from './core/records.js';
import { defaultEmploymentAreas, EmploymentAreas } from './core/regions/employment-areas-model.js';
import { regions } from './core/regions/regions.js';
import type { Jobseeker } from './core/jobseekers/schema.js';
import type { Vacancy } from './core/vacancies/schema.js';
import type { SkillNormalizer } from './core/taxonomy/normalizer.js';
import type { ConceptSearch } from './core/taxonomy/search.js';
import { TrainingCatalogue } from './core/trainings.js';
import { indexFile, openKind } from './runtime/indexes.js';
import { vacancyDuplicates } from './core/duplicates.js';
import { followerMaintenance, startMaintenance } from './runtime/maintenance.js';
import { startRetention } from './runtime/retention.js';
import { Decisions } from './core/oversight/decisions.js';
import { Oversight } from './core/oversight/oversight.js';
import { Suggestions } from './core/oversight/suggestions.js';
import { OverrideStore } from './adapters/sqlite/overrides.js';
import { SqliteOversightSource } from './adapters/sqlite/oversight-source.js';
import { lockDataDir } from './runtime/lock.js';
import { secureDataDir } from './runtime/permissions.js';
import type { EngineLog } from './runtime/log.js';
import { installationKey } from './runtime/secret.js';
import { seedFixtures, seedTrainings } from './runtime/seeding.js';
import { storageStatus } from './runtime/storage.js';
import { openConceptSearch, openNormalizer } from './runtime/taxonomy.js';
import { systemClock } from './runtime/clock.js';
import type { Clock } from './core/clock.js';

export type { EngineLog };

export interface Engine {
  /** "Now" for every use case: the system clock, or the fixed one a test opened the engine with. */
  clock: Clock;
  jobseekers: RecordService<Jobseeker>;
  vacancies: RecordService<Vacancy>;
  matcher: Matcher;
  embedder: Embedder;
  /** Skill and occupation search (autocomplete, job titles): lexical and, with a model, semantic. */
  conceptSearch: { skills: ConceptSearch; occupations: ConceptSearch };
  normalizer: SkillNormalizer;
  /** Verifies presented API keys (authentication). */
  keys: ApiKeyStore;
  /** Every ranking served, with what produced it (see core/oversight/decisions.ts). */
  decisions: Decisions;
  /** A client's suggestions with counsellors' overrides and the person's explanation. */
  suggestions: Suggestions;
  /** The exposure report over the rankings (see core/oversight/exposure.ts). */
  oversight: Oversight;
  /** Where the audit entries of requests go. */
  audit: AuditLog;
  /** The organisation boundary (whose clients, whose vacancies). */
  guard: Guard;
  access: { jobseekers: RecordAccess; vacancies: RecordAccess };
  /** Candidates as each caller may see them, shares, the harvest limits. */
  sharing: Sharing;
  /** A vacancy's candidates, and candidates for ad-hoc text, as the caller may see them. */
  candidates: CandidateLists;
  organisations: Organisations;
  personalData: PersonalData;
  /** Web app sign-in sessions. */
  sessions: Sessions;
  /** Sessions of people signed in with an identity provider (OpenID Connect). */
  people: PersonSessions;
  /** GDPR erasure (see src/core/erasure.ts). */
  eraseJobseekers(ids: string[], keyId?: string): { erased: string[]; notFound: string[] };
  /** Rebuilds indexes holding deleted points, so erased vectors leave the index files too. */
  compact(): { jobseekers: number; vacancies: number };
  trainings: TrainingCatalogue;
  referrals: Referrals;
  /** Transfers of clients between employment areas: asked, approved or refused, expiring. */
  transfers: Transfers;
  /** Vacancies suggested to clients and what became of them (applied, interview, hired, ...). */
  jobSuggestions: JobSuggestions;
  /** The job-search obligation per client and month, the applications counted, the suitable vacancies. */
  jobSearch: JobSearch;
  gaps: GapAnalysis;
  /** Municipalities grouped into employment areas (KOHTAANTO_EMPLOYMENT_AREAS_FILE or the committed table). */
  employmentAreas: EmploymentAreas;
  analytics: { demandSupply: DemandSupply; mismatch: MismatchSummary; planner: TrainingPlanner };
  /** Free space on the data disk and what is wrong with storage (for /health). */
  storage(): { freeBytes: number; problems: string[] };
  /** Writes changed indexes to disk (also done periodically and on close); compacts when due. */
  flush(): void;
  /**
   * Catches up on what the service's other worker processes wrote (records, trainings): called
   * before each request and every second when KOHTAANTO_WORKERS > 1. Throws when this process is
   * too far behind to catch up from the change log (it must be restarted).
   */
  sync(): void;
  /** Resolves when both indexes are complete (at once, unless one is rebuilt in the background). */
  ready: Promise<void>;
  /** Indexes still being rebuilt in the background, as sentences for /health (empty when none). */
  indexing(): string[];
  close(): void;
}

type EngineConfig = Partial<Pick<Config, 'signIn' | 'auditGroupMs'>> & Pick<
  Config,
  | 'dataDir'
  | 'decisionRetentionDays'
  | 'fixturesDir'
  | 'seedFixtures'
  | 'embedder'
  | 'model'
  | 'hnsw'
  | 'indexFlushSeconds'
  | 'compactSeconds'
  | 'weights'
  | 'poolFactor'
  | 'minPool'
  | 'taxonomyDir'
  | 'taxonomyExtension'
  | 'suitableScore'
  | 'skillNnThreshold'
  | 'exactScanRatio'
  | 'exactScanLimit'
  | 'fitFloor'
  | 'commute'
  | 'areaCacheVectors'
  | 'recordCacheBytes'
  | 'employmentAreasFile'
  | 'analyticsSample'
  | 'suitablePool'
  | 'bulkMaxRecords'
  | 'sharing'
  | 'minFreeBytes'
  | 'transfers'
>;

export const databaseFile = (dataDir: string) => join(dataDir, 'kohtaanto.sqlite');

/**
 * What this process does on the data directory: `single` (the only process: takes the lock,
 * maintains the files), `maintainer` (the worker that maintains them; the primary process holds
 * the lock) or `follower` (another worker: reads the index files and follows the change log; the
 * maintainer has seeded, refreshed and closed expired records before it starts).
 */
export type EngineRole = 'single' | 'maintainer' | 'follower';
export { indexFile };

/**
 * The composition root: opens the SQLite store, picks the embedder, opens the taxonomy and one
 * record kind per table (src/runtime/*: each opens and closes its own resource), seeds the fixture
 * data on first start, starts the maintenance timers and wires the core services. `clock` is "now"
 * for every use case (src/core/clock.ts): the system clock unless a test fixes the date.
 */
export async function openEngine(
  config: EngineConfig,
  log: EngineLog,
  embedder?: Embedder,
  role: EngineRole = 'single',
  clock: Clock = systemClock,
): Promise<Engine> {
  secureDataDir(config.dataDir); // 0700 and 0600 on every start, whatever an earlier release left
  const lock = role === 'single' ? lockDataDir(config.dataDir) : { release: () => undefined };
  const follower = role === 'follower';
  const db = openDatabase(databaseFile(config.dataDir), follower ? undefined : (line) => log.info(line));
  try {
    const chosen = embedder ?? (await selectEmbedder(config.embedder, config.model, log));
    const normalizer = await openNormalizer(config, chosen, log);
    const occupationWords = occupationWordsOf(normalizer.taxonomy); // searches by occupation in any language
    const jobseekers = openKind(
      db,
      jobseekerKind,
      'jobseekers',
      chosen,
      config,
      log,
      clock,
      { id: normalizer.id, run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })), occupationWords },
      undefined,
      follower,
    );
    const vacancies = openKind(
      db,
      vacancyKind,
      'vacancies',
      chosen,
      config,
      log,
      clock,
      // "+links": vacancies stored before near-duplicates were linked are linked once at start.
      { id: `${normalizer.id}+links`, run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })), occupationWords },
      vacancyDuplicates,
      follower,
    );

    if (!follower) {
      for (const service of [jobseekers.service, vacancies.service] as RecordService<BaseRecord>[]) {
        const redone = await service.refreshStale((n) => log.info(`refreshing ${service.kind.name} records: ${n}`));
        if (redone > 0) log.info(`refreshed ${redone} ${service.kind.name} records (embedder ${chosen.id}, taxonomy ${normalizer.taxonomy.id})`);
      }
      if (config.seedFixtures && jobseekers.service.count() === 0 && vacancies.service.count() === 0) {
        await seedFixtures(config.fixturesDir, jobseekers.service, vacancies.service, log);
      }
      const closed = await vacancies.service.closeExpired();
      if (closed > 0) log.info(`closed ${closed} expired vacancies`);
    }

    const conceptSearch = await openConceptSearch(normalizer, chosen);
    const trainings = await TrainingCatalogue.open(new SqliteTrainingStore(db), normalizer, config.bulkMaxRecords, clock);
    if (!follower && config.seedFixtures && trainings.count() === 0) await seedTrainings(config.fixturesDir, trainings, log);
    const secret = installationKey(config.dataDir);
    const tombstones = keyedTombstones(secret);
    const referralStore = new ReferralStore(db, tombstones, clock);
    const shares = new ShareStore(db);
    const owners = new VacancyOwnerStore(db);
    const audit = new AuditLog(db, tombstones, log.warn, clock, config.auditGroupMs);
    const decisionLog = new SqliteDecisionLog(db, log.warn, config.auditGroupMs);
    const keys = new ApiKeyStore(db, clock);
    const organisationStore = new OrganisationStore(db, clock);
    const maintenance = follower
      ? followerMaintenance(db)
      : startMaintenance(db, { jobseekers, vacancies }, () => vacancies.service.closeExpired(), config, log);
    const matcher = new Matcher(jobseekers.service, vacancies.service, chosen, normalizer, {
      weights: config.weights,
      poolFactor: config.poolFactor,
      minPool: config.minPool,
      exactScanRatio: config.exactScanRatio,
      exactScanLimit: config.exactScanLimit,
      fitFloor: config.fitFloor,
      commute: config.commute,
    }, normalizer.taxonomy);
    const decisions = new Decisions(
      {
        log: decisionLog,
        context: () => ({ model: chosen.id, taxonomy: normalizer.taxonomy.id, settings: matcher.settingsInUse }),
        municipalityOf: (kind, id) => (kind === 'jobseeker' ? jobseekers.service : vacancies.service).municipalityOf(id),
      },
      config.decisionRetentionDays,
      clock,
    );
    const retention = follower ? { stop: () => undefined } : startRetention(decisions, log);
    const employmentAreas = config.employmentAreasFile
      ? EmploymentAreas.parse(readFileSync(config.employmentAreasFile, 'utf8'), regions)
      : defaultEmploymentAreas(regions);
    const transferStore = new SqliteTransferStore(db);
    const transfers = new Transfers(
      {
        store: transferStore,
        clientArea: (id) => {
          const municipality = jobseekers.service.municipalityOf(id);
          const code = municipality === undefined ? undefined : regions.municipality(municipality)?.code;
          return code === undefined ? undefined : employmentAreas.areaOf(code)?.id;
        },
        // Each access to a client made under a transfer leaves an entry of its own in the audit trail.
        auditUse: (p, t) =>
          audit.record({
            keyId: p.keyId,
            role: p.role,
            method: 'TRANSFER',
            route: '/v1/transfers/:id (access under transfer)',
            status: 200,
            jobseekers: [t.jobseekerId],
            detail: { transfer: t.id, fromArea: t.fromArea, toArea: t.toArea },
          }),
        now: clock,
      },
      config.transfers,
    );
    const guard = new Guard(
      {
        jobseekerMunicipality: (id) => jobseekers.service.municipalityOf(id),
        vacancyOwner: (id) => (vacancies.service.find(id) ? { owner: owners.ownerOf(id) } : undefined),
        transferAdmits: (p, id) => transfers.admits(p, id),
      },
      employmentAreas,
    );
    const jobseeker = (id: string) => jobseekers.service.get(id);
    const vacancy = (id: string) => vacancies.service.get(id);
    const analyticsSource = new SqliteAnalyticsSource(db, clock);
    const demandSupply = new DemandSupply(analyticsSource, normalizer.taxonomy);
    const analytics = {
      demandSupply,
      mismatch: new MismatchSummary(analyticsSource, demandSupply, matcher, { suitableScore: config.suitableScore, sample: config.analyticsSample }),
      planner: new TrainingPlanner(analyticsSource, jobseekers.service, matcher, normalizer, trainings, chosen, {
        ...DEFAULT_PLAN_SETTINGS,
        suitableScore: config.suitableScore,
      }),
    };
    const overrides = new OverrideStore(db);
    const suggestions = new Suggestions({
      matcher,
      overrides,
      isOpen: (id) => {
        const v = vacancies.service.find(id);
        return v !== undefined && vacancies.service.kind.isMatchable(v, vacancies.service.today());
      },
      guard,
      decisions,
      now: clock,
    });
    const oversightSource = new SqliteOversightSource(db);
    const oversight = new Oversight({
      decisions: decisionLog,
      factsOf: (ids) => oversightSource.factsOf(ids),
      eligible: (municipalities) => oversightSource.eligible(municipalities),
      openVacancies: (municipalities) => oversightSource.openVacancies(municipalities),
      rankCandidates: async (id, k) => (await matcher.candidatesForVacancy(id, { k, lang: 'fi' })).map((h) => h.id),
      regions,
      areas: employmentAreas,
    });
    const sharing = new Sharing({ shares, owners, budget: new CandidateBudgetStore(db), vacancy, jobseeker, guard, pseudonymKey: secret, now: clock }, config.sharing);
    const jobSuggestionStore = new SqliteJobSuggestionStore(db);
    const jobSuggestions = new JobSuggestions({
      store: jobSuggestionStore,
      guard,
      jobseeker,
      vacancy,
      ownerOf: (id) => owners.ownerOf(id),
      share: (p, vacancyId, jobseekerId) => void sharing.share(p, vacancyId, jobseekerId),
      now: clock,
    });
    const jobSearchStore = new SqliteJobSearchStore(db);
    const jobSearch = new JobSearch(
      {
        store: jobSearchStore,
        guard,
        jobseeker,
        suggestions: (id) => jobSuggestionStore.ofJobseeker(id),
        matches: (id, k) => matcher.vacanciesForJobseeker(id, { k, lang: 'fi' }),
        now: clock,
      },
      { suitableScore: config.suitableScore, suitablePool: config.suitablePool },
    );
    const erasure: ErasurePorts = {
      jobseekers: jobseekers.service,
      shares: { forgetJobseeker: (id) => (shares.forgetJobseeker(id), sharing.forgetJobseeker(id)) },
      referrals: referralStore,
      audit,
      decisions,
      overrides,
      transfers: transferStore,
      jobSuggestions: jobSuggestionStore,
      jobSearch: jobSearchStore,
      scheduleCompaction: maintenance.scheduleCompaction,
      checkpoint: () => db.pragma('wal_checkpoint(TRUNCATE)'),
    };
    return {
      clock,
      jobseekers: jobseekers.service,
      vacancies: vacancies.service,
      matcher,
      embedder: chosen,
      conceptSearch,
      normalizer,
      trainings,
      referrals: new Referrals({ store: referralStore, jobseeker, training: (id) => trainings.get(id), guard }),
      gaps: new GapAnalysis(jobseekers.service, vacancies.service, matcher, normalizer, trainings, chosen, {
        ...DEFAULT_GAP_SETTINGS,
        suitableScore: config.suitableScore,
      }, clock),
      employmentAreas,
      analytics,
      keys,
      audit,
      guard,
      access: { jobseekers: jobseekerAccess(guard), vacancies: vacancyAccess(guard, owners, shares) },
      sharing,
      candidates: new CandidateLists({ guard, matcher, sharing, decisions }),
      organisations: new Organisations({
        organisations: organisationStore,
        keys,
        owners,
        shares,
        vacancy,
        areas: employmentAreas,
      }),
      personalData: new PersonalData({ jobseeker, shares, referrals: referralStore, audit, guard, decisions, overrides, transfers, jobSuggestions, jobSearch }),
      transfers,
      jobSuggestions,
      jobSearch,
      decisions,
      oversight,
      suggestions,
      sessions: new Sessions({ keys, store: new SessionStore(db), now: clock }, DEFAULT_SESSION_SETTINGS),
      people: new PersonSessions(
        {
          store: new PersonSessionStore(db),
          organisation: (id) => {
            const o = organisationStore.get(id);
            return o && { id: o.id, kind: o.kind, ...(o.area ? { area: o.area } : {}) };
          },
          now: clock,
        },
        { ...DEFAULT_SESSION_SETTINGS, recheckMinutes: config.signIn?.recheckMinutes ?? SIGNIN_RECHECK_MINUTES },
      ),
      eraseJobseekers: (ids, keyId) => eraseJobseekers(erasure, ids, keyId),
      compact: maintenance.compact,
      flush: maintenance.flush,
      sync() {
        for (const service of [jobseekers.service, vacancies.service] as RecordService<BaseRecord>[]) {
          if (service.sync() === undefined) throw new Error(`${service.kind.name}: this process fell behind the change log; restart it`);
        }
        trainings.sync();
      },
      ready: Promise.all([jobseekers.ready, vacancies.ready]).then(() => undefined),
      indexing: () =>
        (['jobseekers', 'vacancies'] as const).flatMap((name) => {
          const building = { jobseekers, vacancies }[name].building();
          return building
            ? [`the ${name} index is being rebuilt from the database: ${building.done} of ${building.total} records, about ${building.secondsLeft} s left; matching answers 503 until then`]
            : [];
        }),
      storage: storageStatus(config.dataDir, config.minFreeBytes, () => maintenance.failure() ?? audit.problem()),
      close() {
        try {
          maintenance.stop();
          retention.stop();
          audit.flush();
          decisionLog.close();
        } catch (error) {
          log.warn(`closing: ${(error as Error).message}${audit.problem() ? `; lost: ${audit.problem()}` : ''}`);
        } finally {
          db.close();
          lock.release();
        }
      },
    };
  } catch (error) {
    db.close();
    lock.release();
    throw error;
  }
}
