import { occupationWordsOf } from '../core/record-search.js';
import { selectEmbedder } from '../adapters/embedders/select.js';
import { SqliteAnalyticsSource } from '../adapters/sqlite/analytics-source.js';
import { SqliteWhatWorksSource } from '../adapters/sqlite/what-works-source.js';
import { ApiKeyStore } from '../adapters/sqlite/api-keys.js';
import { AuditLog } from '../adapters/sqlite/audit-log.js';
import { CandidateBudgetStore } from '../adapters/sqlite/candidate-budget.js';
import { openDatabase } from '../adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../adapters/sqlite/decision-log.js';
import { SqliteJobSearchStore } from '../adapters/sqlite/job-search.js';
import { SqliteJobSuggestionStore } from '../adapters/sqlite/job-suggestions.js';
import { SqliteNotificationSource } from '../adapters/sqlite/notifications.js';
import { OrganisationStore } from '../adapters/sqlite/organisations.js';
import { OverrideStore } from '../adapters/sqlite/overrides.js';
import { SqliteOversightSource } from '../adapters/sqlite/oversight-source.js';
import { PersonSessionStore } from '../adapters/sqlite/person-sessions.js';
import { SqliteReferralStore } from '../adapters/sqlite/referrals.js';
import { SqliteOutcomeStore } from '../adapters/sqlite/outcomes.js';
import { SessionStore } from '../adapters/sqlite/sessions.js';
import { ShareStore } from '../adapters/sqlite/shares.js';
import { SignInMappingStore } from '../adapters/sqlite/signin-mappings.js';
import { AuditTrailSearch } from '../core/audit-trail/service.js';
import { SignInMappings } from '../core/signin-mappings/service.js';
import { keyedTombstones } from '../adapters/sqlite/tombstones.js';
import { SqliteTrainingStore } from '../adapters/sqlite/training-store.js';
import { SqliteTransferStore } from '../adapters/sqlite/transfers.js';
import { VacancyOwnerStore } from '../adapters/sqlite/vacancy-owners.js';
import { DEFAULT_MATCH_SETTINGS, DEFAULT_NOTIFICATION_SETTINGS, DEFAULT_TRAINING_EVIDENCE, GAP_EVIDENCE_MINUTES, SIGNIN_RECHECK_MINUTES, type Config } from '../config.js';
import { DemandSupply } from '../core/analytics/demand-supply.js';
import { MismatchSummary } from '../core/analytics/mismatch.js';
import { WhatWorksReport } from '../core/what-works/service.js';
import { DEFAULT_PLAN_SETTINGS, TrainingPlanner } from '../core/analytics/training-plan.js';
import { evidenceFromOutcomes, rememberedEvidence } from '../core/analytics/training-evidence.js';
import { CandidateLists } from '../core/candidates.js';
import { Concepts } from '../core/concepts/service.js';
import { dayOf, type Clock } from '../core/clock.js';
import { vacancyDuplicates } from '../core/duplicates.js';
import { eraseJobseekers, type ErasurePorts } from '../core/erasure.js';
import { DEFAULT_GAP_SETTINGS, GapAnalysis } from '../core/gaps.js';
import { Gaps } from '../core/gaps/service.js';
import { Guard } from '../core/guard.js';
import { Health } from '../core/health/service.js';
import { indexing } from '../core/health/service.js';
import { JobSearch } from '../core/job-search/service.js';
import { JobSuggestions } from '../core/job-suggestions/service.js';
import { Notifications } from '../core/notifications/service.js';
import { jobseekerKind, matchableToday, vacancyKind } from '../core/kinds.js';
import { bestVacancies, candidateIds } from '../core/matches/rankings.js';
import { Matches } from '../core/matches/service.js';
import { Matcher } from '../core/matching.js';
import { Organisations } from '../core/organisations.js';
import { Decisions } from '../core/oversight/decisions.js';
import { Oversight } from '../core/oversight/oversight.js';
import { Suggestions } from '../core/oversight/suggestions.js';
import { PersonalData } from '../core/personal-data.js';
import type { Embedder } from '../core/ports.js';
import { jobseekerAccess, vacancyAccess } from '../core/record-access.js';
import { RecordUseCases } from '../core/record-use-cases.js';
import { Referrals } from '../core/referrals/service.js';
import { Outcomes } from '../core/outcomes/service.js';
import { employmentAreaIdOf } from '../core/regions/employment-areas-model.js';
import { regions } from '../core/regions/regions.js';
import { DEFAULT_SESSION_SETTINGS, Sessions } from '../core/sessions.js';
import { Sharing } from '../core/sharing.js';
import { ClientSharesList } from '../core/privacy/client-shares.js';
import { PersonSessions } from '../core/signin/sessions.js';
import { TrainingCatalogue } from '../core/trainings.js';
import { Transfers } from '../core/transfers/service.js';
import { systemClock } from './clock.js';
import { databaseFile, openDataDir } from './data-dir.js';
import { openEmploymentAreas } from './employment-areas.js';
import { indexFile, openKind } from './indexes.js';
import type { EngineLog } from './log.js';
import { followerMaintenance, followOtherWorkers, startMaintenance } from './maintenance.js';
import { startRetention } from './retention.js';
import { serviceMetrics } from './metrics.js';
import { storageFigures } from '../adapters/sqlite/storage-figures.js';
import { installationKey } from './secret.js';
import { prepareRecords, seedTrainings } from './seeding.js';
import { storageStatus } from './storage.js';
import { openConceptSearch, openNormalizer } from './taxonomy.js';

export type { EngineLog };
export { indexFile };

export type ServicesConfig = Partial<Pick<Config, 'signIn' | 'auditGroupMs' | 'notifications' | 'paySubsidyPoolFactor' | 'trainingEvidence'>> & Pick<
  Config,
  | 'dataDir'
  | 'decisionRetentionDays'
  | 'auditRetentionDays'
  | 'retentionBatch'
  | 'retentionIntervalMinutes'
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
  | 'fitOccupation'
  | 'commute'
  | 'candidateCommute'
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

export { databaseFile };

/**
 * What this process does on the data directory: `single` (the only process: takes the lock,
 * maintains the files), `maintainer` (the worker that maintains them; the primary process holds
 * the lock) or `follower` (another worker: reads the index files and follows the change log; the
 * maintainer has seeded, refreshed and closed expired records before it starts).
 */
export type ServicesRole = 'single' | 'maintainer' | 'follower';

/** The use-case services, stores and lifecycle of one process, as `compose` wires them. */
export type Services = Awaited<ReturnType<typeof compose>>;

/**
 * The composition root, and nothing else: opens the resources (data directory, SQLite, embedder,
 * taxonomy, one record kind per table: src/runtime/*, each opening and closing its own), constructs
 * the stores and the core use cases over them, and starts the maintenance timers. `clock` is "now"
 * for every use case (src/core/clock.ts): the system clock unless a test fixes the date. `close`
 * (idempotent) stops the timers, writes what waits and closes the database.
 */
export async function compose(config: ServicesConfig, log: EngineLog, embedder?: Embedder, role: ServicesRole = 'single', clock: Clock = systemClock, worker?: string) {
  const follower = role === 'follower';
  // Prometheus series (src/runtime/metrics.ts): `worker` labels them when several processes serve.
  const metrics = serviceMetrics(worker);
  const dataDir = openDataDir(config.dataDir, role === 'single', !follower, log);
  const { db } = dataDir;
  try {
    const chosen = metrics.timed(embedder ?? (await selectEmbedder(config.embedder, config.model, log)));
    const normalizer = await openNormalizer(config, chosen, log);
    const occupationWords = occupationWordsOf(normalizer.taxonomy); // searches by occupation in any language
    const jobseekerIndex = openKind(
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
    const vacancyIndex = openKind(
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
    const jobseekers = jobseekerIndex.service;
    const vacancies = vacancyIndex.service;
    if (!follower) {
      const settings = { seed: config.seedFixtures, fixturesDir: config.fixturesDir, embedder: chosen.id, taxonomy: normalizer.taxonomy.id };
      await prepareRecords(jobseekers, vacancies, settings, log);
    }

    const conceptSearch = await openConceptSearch(normalizer, chosen);
    const trainings = await TrainingCatalogue.open(new SqliteTrainingStore(db), normalizer, config.bulkMaxRecords, clock);
    if (!follower && config.seedFixtures && trainings.count() === 0) await seedTrainings(config.fixturesDir, trainings, log);
    const secret = installationKey(config.dataDir);
    const tombstones = keyedTombstones(secret);
    const referralStore = new SqliteReferralStore(db, tombstones);
    const shares = new ShareStore(db);
    const owners = new VacancyOwnerStore(db);
    const audit = new AuditLog(db, tombstones, log.warn, clock, config.auditGroupMs);
    const decisionLog = new SqliteDecisionLog(db, log.warn, config.auditGroupMs);
    const keys = new ApiKeyStore(db, clock);
    const organisationStore = new OrganisationStore(db, clock);
    const indexes = { jobseekers: jobseekerIndex, vacancies: vacancyIndex };
    const maintenance = follower ? followerMaintenance(db) : await startMaintenance(db, indexes, () => vacancies.closeExpired(), config, log);
    const matcher = new Matcher(jobseekers, vacancies, chosen, normalizer, {
      weights: config.weights,
      poolFactor: config.poolFactor,
      paySubsidyPoolFactor: config.paySubsidyPoolFactor ?? DEFAULT_MATCH_SETTINGS.paySubsidyPoolFactor,
      minPool: config.minPool,
      exactScanRatio: config.exactScanRatio,
      exactScanLimit: config.exactScanLimit,
      fitFloor: config.fitFloor,
      fitOccupation: config.fitOccupation,
      commute: config.commute,
      candidateCommute: config.candidateCommute,
    }, normalizer.taxonomy);
    const decisions = new Decisions(
      {
        log: metrics.counted(decisionLog),
        context: () => ({ model: chosen.id, taxonomy: normalizer.taxonomy.id, settings: matcher.settingsInUse }),
        municipalityOf: (kind, id) => (kind === 'jobseeker' ? jobseekers : vacancies).municipalityOf(id),
      },
      config.decisionRetentionDays,
      clock,
    );
    const retention = follower
      ? undefined
      : startRetention(db, { audit, decisions }, config, clock, log);
    const employmentAreas = openEmploymentAreas(config);
    const transferStore = new SqliteTransferStore(db);
    const transfers = new Transfers(
      {
        store: transferStore,
        clientArea: (id) => employmentAreaIdOf(employmentAreas, regions, jobseekers.municipalityOf(id)),
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
            // As the HTTP audit names them (src/http/audit.ts): the admins' filters by person and organisation find it.
            ...(p.keyId.startsWith('person:') ? { person: p.name } : {}),
            organisation: p.organisation.id,
          }),
        now: clock,
      },
      config.transfers,
    );
    const guard = new Guard(
      {
        jobseekerMunicipality: (id) => jobseekers.municipalityOf(id),
        vacancyOwner: async (id) => ((await vacancies.find(id)) ? { owner: await owners.ownerOf(id) } : undefined),
        transferAdmits: (p, id) => transfers.admits(p, id),
      },
      employmentAreas,
    );
    const jobseeker = (id: string) => jobseekers.get(id);
    const vacancy = (id: string) => vacancies.get(id);
    const analyticsSource = new SqliteAnalyticsSource(db, clock);
    const demandSupply = new DemandSupply(analyticsSource, normalizer.taxonomy);
    const whatWorksSource = new SqliteWhatWorksSource(db, () => decisionLog.flush());
    const trainingEvidence = config.trainingEvidence ?? DEFAULT_TRAINING_EVIDENCE;
    const gapEvidence = rememberedEvidence(evidenceFromOutcomes(whatWorksSource, trainingEvidence, secret), clock, GAP_EVIDENCE_MINUTES);
    const analytics = {
      demandSupply,
      mismatch: new MismatchSummary(analyticsSource, demandSupply, matcher, { suitableScore: config.suitableScore, sample: config.analyticsSample }),
      planner: new TrainingPlanner(
        analyticsSource,
        jobseekers,
        matcher,
        normalizer,
        trainings,
        chosen,
        { ...DEFAULT_PLAN_SETTINGS, suitableScore: config.suitableScore, evidence: trainingEvidence },
        evidenceFromOutcomes(whatWorksSource, trainingEvidence, secret),
      ),
      whatWorks: new WhatWorksReport(whatWorksSource, clock, secret),
    };
    const overrides = new OverrideStore(db);
    const suggestions = new Suggestions({ matcher, overrides, isOpen: (id) => matchableToday(vacancies, id), guard, decisions, now: clock });
    const oversightSource = new SqliteOversightSource(db);
    const oversight = new Oversight({
      decisions: decisionLog,
      factsOf: (ids) => oversightSource.factsOf(ids),
      eligible: (municipalities) => oversightSource.eligible(municipalities),
      openVacancies: (municipalities) => oversightSource.openVacancies(municipalities),
      rankCandidates: candidateIds(matcher),
      regions,
      areas: employmentAreas,
    });
    const sharing = new Sharing({ shares, owners, budget: new CandidateBudgetStore(db), vacancy, jobseeker, guard, pseudonymKey: secret, now: clock }, config.sharing);
    const jobSuggestionStore = new SqliteJobSuggestionStore(db, () => decisionLog.flush());
    const jobSuggestions = new JobSuggestions({
      store: jobSuggestionStore,
      guard,
      jobseeker,
      vacancy,
      ownerOf: (id) => owners.ownerOf(id),
      share: async (p, vacancyId, jobseekerId) => void (await sharing.share(p, vacancyId, jobseekerId)),
      candidate: (vacancyId, jobseekerId) => sharing.candidateOf(vacancyId, jobseekerId),
      now: clock,
    });
    const notificationSource = new SqliteNotificationSource(db);
    const notifications = new Notifications(
      {
        source: notificationSource,
        seen: notificationSource,
        guard,
        ownerOf: (id) => owners.ownerOf(id),
        vacancyTitle: async (id) => {
          try {
            return (await vacancy(id)).title;
          } catch {
            return undefined; // deleted since
          }
        },
        candidate: (vacancyId, jobseekerId) => sharing.candidateOf(vacancyId, jobseekerId),
        clientName: async (id) => {
          try {
            return (await jobseeker(id)).name;
          } catch {
            return undefined; // erased meanwhile
          }
        },
        now: clock,
      },
      config.notifications ?? DEFAULT_NOTIFICATION_SETTINGS,
    );
    const jobSearchStore = new SqliteJobSearchStore(db);
    const jobSearch = new JobSearch(
      { store: jobSearchStore, guard, jobseeker, suggestions: (id) => jobSuggestionStore.ofJobseeker(id), matches: bestVacancies(matcher), now: clock },
      { suitableScore: config.suitableScore, suitablePool: config.suitablePool },
    );
    const referrals = new Referrals({ store: referralStore, jobseeker, training: (id) => trainings.get(id), guard, now: clock });
    const outcomeStore = new SqliteOutcomeStore(db);
    const outcomes = new Outcomes({ store: outcomeStore, guard, jobseeker, now: clock }, config.bulkMaxRecords);
    const erasure: ErasurePorts = {
      jobseekers,
      shares: {
        forgetJobseeker: async (id) => {
          await shares.forgetJobseeker(id);
          await sharing.forgetJobseeker(id);
        },
      },
      referrals: referralStore,
      audit,
      decisions,
      overrides,
      transfers: transferStore,
      jobSuggestions: jobSuggestionStore,
      jobSearch: jobSearchStore,
      outcomes: outcomeStore,
      scheduleCompaction: maintenance.scheduleCompaction,
      checkpoint: () => db.pragma('wal_checkpoint(TRUNCATE)'),
    };
    const eraseClients = (ids: string[], keyId?: string) => eraseJobseekers(erasure, ids, keyId);
    const candidates = new CandidateLists({ guard, matcher, sharing, decisions });
    const gaps = new GapAnalysis(jobseekers, vacancies, matcher, normalizer, trainings, chosen, { ...DEFAULT_GAP_SETTINGS, suitableScore: config.suitableScore }, clock);
    const access = { jobseekers: jobseekerAccess(guard), vacancies: vacancyAccess(guard, owners) };
    const storage = storageStatus(config.dataDir, config.minFreeBytes, () => maintenance.failure() ?? audit.problem());
    const rebuilding = { jobseekers: jobseekerIndex.building, vacancies: vacancyIndex.building };
    const watched = (kind: typeof jobseekerIndex | typeof vacancyIndex) => ({
      size: () => kind.service.index.size,
      behind: kind.behind,
      rebuild: kind.building,
    });
    metrics.watch({
      now: clock,
      indexes: { jobseekers: watched(jobseekerIndex), vacancies: watched(vacancyIndex) },
      backlog: { audit: () => audit.waiting, decisions: () => decisionLog.waiting },
      ...(follower ? {} : { storage: storageFigures(db, databaseFile(config.dataDir)) }),
      ...(retention ? { pruned: retention.pruned } : {}),
    });
    const organisations = new Organisations({ organisations: organisationStore, keys, owners, vacancy, areas: employmentAreas });
    let closed = false;
    return {
      clock,
      // Use cases, one per resource the HTTP routes serve (each authorises, acts, notes the audit).
      matches: new Matches({ embedder: chosen.id, suggestions, candidates, matcher, decisions }),
      clientGaps: new Gaps({
        guard,
        gaps,
        measuredFor: async (id) => {
          const municipality = jobseekers.municipalityOf(id);
          if (municipality === undefined) return new Map();
          return gapEvidence.measured({ municipalities: employmentAreas.areaOf(municipality).municipalities }, dayOf(clock()));
        },
      }),
      concepts: new Concepts({ taxonomy: normalizer.taxonomy, search: conceptSearch, normalizer }),
      health: new Health({
        embedder: chosen,
        taxonomy: normalizer.taxonomy,
        jobseekers,
        vacancies,
        storageProblems: () => storage().problems,
        rebuilding,
      }),
      jobseekerRecords: new RecordUseCases({ records: jobseekers, access: access.jobseekers, erase: eraseClients }),
      vacancyRecords: new RecordUseCases({ records: vacancies, access: access.vacancies }),
      jobseekers,
      vacancies,
      matcher,
      embedder: chosen,
      normalizer,
      trainings,
      referrals,
      gaps,
      employmentAreas,
      analytics,
      keys,
      audit,
      sharing,
      organisations,
      signInMappings: new SignInMappings({
        store: new SignInMappingStore(db, clock),
        checkOrganisation: async (id, role, field) => void (await organisations.holding(id, role, field, 'mapping')),
        providers: config.signIn?.providers ?? [],
      }),
      auditTrail: new AuditTrailSearch({ search: (q) => audit.search(q) }),
      clientShares: new ClientSharesList({
        shares,
        ownerOf: (id) => owners.ownerOf(id),
        vacancyTitle: async (id) => (await vacancies.find(id))?.title,
        unitName: async (id) => (await organisationStore.get(id))?.name,
        jobseeker,
        guard,
        now: clock,
      }),
      personalData: new PersonalData({ jobseeker, shares, referrals, audit, guard, decisions, overrides, transfers, jobSuggestions, jobSearch, outcomes }),
      transfers,
      jobSuggestions,
      notifications,
      jobSearch,
      outcomes,
      decisions,
      oversight,
      suggestions,
      sessions: new Sessions({ keys, store: new SessionStore(db), now: clock }, DEFAULT_SESSION_SETTINGS),
      people: new PersonSessions(
        {
          store: new PersonSessionStore(db),
          organisation: async (id) => {
            const o = await organisationStore.get(id);
            return o && { id: o.id, kind: o.kind, ...(o.area ? { area: o.area } : {}) };
          },
          now: clock,
        },
        { ...DEFAULT_SESSION_SETTINGS, recheckMinutes: config.signIn?.recheckMinutes ?? SIGNIN_RECHECK_MINUTES },
      ),
      /** Rebuilds indexes holding deleted points, so erased vectors leave the index files too. */
      compact: maintenance.compact,
      /** Writes changed indexes to disk (also done periodically and on close); compacts when due. */
      flush: maintenance.flush,
      /** Catches up on the other worker processes' writes (see followOtherWorkers). */
      sync: followOtherWorkers([jobseekers, vacancies], trainings),
      /** Prometheus series of this process (GET /metrics). */
      metrics,
      /** Removes audit entries and decisions past their retention now (also on a timer in the maintaining process). */
      retention: () => retention?.run() ?? Promise.resolve(),
      /** Resolves when both indexes are complete (at once, unless one is rebuilt in the background). */
      ready: Promise.all([jobseekerIndex.ready, vacancyIndex.ready]).then(() => undefined),
      /** Indexes still being rebuilt in the background, as sentences for /health (empty when none). */
      indexing: () => indexing(rebuilding),
      close() {
        if (closed) return;
        closed = true;
        try {
          maintenance.stop();
          retention?.stop();
          audit.flush();
          decisionLog.close();
        } catch (error) {
          log.warn(`closing: ${(error as Error).message}${audit.problem() ? `; lost: ${audit.problem()}` : ''}`);
        } finally {
          dataDir.close();
        }
      },
    };
  } catch (error) {
    dataDir.close();
    throw error;
  }
}

/**
 * The organisations and their API keys alone, on the service's SQLite file (`npm run keys`; works
 * while the service runs).
 */
export function composeKeyAdministration(config: Pick<Config, 'dataDir' | 'employmentAreasFile'>) {
  const db = openDatabase(databaseFile(config.dataDir));
  const organisations = new Organisations({
    organisations: new OrganisationStore(db),
    keys: new ApiKeyStore(db),
    owners: new VacancyOwnerStore(db),
    vacancy: async () => undefined,
    areas: openEmploymentAreas(config),
  });
  return { organisations, close: () => db.close() };
}

/** The audit trail's erasures and the tombstones that stand for erased people (`npm run logs:scrub`). */
export function composeErasureRecord(dataDir: string) {
  const tombstones = keyedTombstones(installationKey(dataDir));
  const db = openDatabase(databaseFile(dataDir));
  const audit = new AuditLog(db, tombstones);
  return { erasureOf: (id: string) => audit.erasureOf(id), tombstones, close: () => db.close() };
}
