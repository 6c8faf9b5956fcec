import { occupationWordsOf } from '../core/record-search.js';
import { selectEmbedder } from '../adapters/embedders/select.js';
import { ApiKeyStore } from '../adapters/sqlite/api-keys.js';
import { AuditLog } from '../adapters/sqlite/audit-log.js';
import { openDatabase } from '../adapters/sqlite/database.js';
import { OrganisationStore } from '../adapters/sqlite/organisations.js';
import { AuditTrailSearch } from '../core/audit-trail/service.js';
import { SignInMappings } from '../core/signin-mappings/service.js';
import { keyedTombstones } from '../adapters/sqlite/tombstones.js';
import { VacancyOwnerStore } from '../adapters/sqlite/vacancy-owners.js';
import { DEFAULT_GAP_SETTINGS, DEFAULT_MATCH_SETTINGS, DEFAULT_NOTIFICATION_SETTINGS, DEFAULT_NOISY_REPORTS_PER_DAY, DEFAULT_PLAN_MINIMUM_CLIENTS, DEFAULT_PLAN_SETTINGS, DEFAULT_SESSION_SETTINGS, DEFAULT_TRAINING_EVIDENCE, EXPOSURE_DEFAULT_DAYS, GAP_EVIDENCE_MINUTES, KEPT_GAP_REPORTS, SIGNIN_RECHECK_MINUTES, type Config } from '../config.js';
import { DemandSupply } from '../core/analytics/demand-supply.js';
import { MismatchSummary } from '../core/analytics/mismatch.js';
import { MatchedFiguresCount } from '../core/analytics/matched-figures.js';
import { WhatWorksReport } from '../core/what-works/service.js';
import { TrainingPlanner } from '../core/analytics/training-plan.js';
import { PublishedTrainingPlan } from '../core/analytics/published-plan.js';
import { evidenceFromOutcomes, rememberedEvidence } from '../core/analytics/training-evidence.js';
import { CandidateLists } from '../core/candidates.js';
import { Concepts } from '../core/concepts/service.js';
import { dayOf, type Clock } from '../core/clock.js';
import { vacancyDuplicates, type DuplicateRule } from '../core/duplicates.js';
import { eraseJobseekers, type ErasurePorts } from '../core/erasure.js';
import { GapAnalysis } from '../core/gaps.js';
import { TrainingAdvisor } from '../core/training-advice.js';
import { Gaps } from '../core/gaps/service.js';
import { KeptGapReports } from '../core/gaps/kept-reports.js';
import { Guard } from '../core/guard.js';
import { Health } from '../core/health/service.js';
import { indexing } from '../core/health/service.js';
import { JobSearch } from '../core/job-search/service.js';
import { JobSuggestions } from '../core/job-suggestions/service.js';
import { Notifications } from '../core/notifications/service.js';
import { jobseekerKind, matchableToday, vacancyKind, type BaseRecord, type RecordKind, type Stored } from '../core/kinds.js';
import type { Jobseeker } from '../core/jobseekers/schema.js';
import type { Vacancy } from '../core/vacancies/schema.js';
import { bestVacancies, candidateIds } from '../core/matches/rankings.js';
import { Matches } from '../core/matches/service.js';
import { Matcher } from '../core/matching.js';
import { Organisations } from '../core/organisations.js';
import { Decisions } from '../core/oversight/decisions.js';
import { Oversight } from '../core/oversight/oversight.js';
import { keepPlannerAnswers, plannerAnswerPorts } from './kept-answers.js';
import { AnalyticsQuestions } from '../core/analytics/service.js';
import { ExposureReports, type Exposure } from '../core/oversight/exposure-reports.js';
import { ReportBudget } from '../core/analytics/report-budget.js';
import { KeptAnswers } from '../core/analytics/kept-answers.js';
import { KeptMatchedFigures } from '../core/analytics/kept-figures.js';
import type { OccupationRow, SkillRow } from '../core/analytics/demand-supply.js';
import { Suggestions } from '../core/oversight/suggestions.js';
import { PersonalData } from '../core/personal-data.js';
import type { Embedder } from '../core/ports.js';
import { jobseekerAccess, vacancyAccess } from '../core/record-access.js';
import { RecordUseCases } from '../core/record-use-cases.js';
import { Referrals } from '../core/referrals/service.js';
import { Outcomes } from '../core/outcomes/service.js';
import { employmentAreaIdOf } from '../core/regions/employment-areas-model.js';
import { regions } from '../core/regions/regions.js';
import { Sessions } from '../core/sessions.js';
import { Sharing } from '../core/sharing.js';
import { ClientSharesList } from '../core/privacy/client-shares.js';
import { PersonSessions } from '../core/signin/sessions.js';
import { TrainingCatalogue } from '../core/trainings.js';
import { Transfers } from '../core/transfers/service.js';
import { systemClock } from './clock.js';
import { databaseFile } from './data-dir.js';
import { openEmploymentAreas } from './employment-areas.js';
import { indexFile, openKind, readIndexesAhead, type KindStore, type RecordsOver } from './indexes.js';
import { RecordService, type Derivation } from '../core/records.js';
import { nativeScan } from '../adapters/hnsw/native-scan.js';
import type { EngineLog } from './log.js';
import { followerMaintenance, followOtherWorkers, startMaintenance } from './maintenance.js';
import { startRetention } from './retention.js';
import { keepMismatchFigures, matchedFiguresPorts } from './kept-figures.js';
import { serviceMetrics } from './metrics.js';
import { installationKey } from './secret.js';
import { prepareRecords, seedTrainings } from './seeding.js';
import { rederiveInBackground } from './rederivation.js';
import { followNodes } from './nodes.js';
import { openStores } from './stores.js';
import { singleMachine, type Leadership } from '../core/leadership.js';
import { leadByAdvisoryLock } from '../adapters/postgres/leadership.js';
import { PostgresApiKeyStore } from '../adapters/postgres/api-keys.js';
import { PostgresAuditLog } from '../adapters/postgres/audit-log.js';
import { migratePostgres } from '../adapters/postgres/migrate.js';
import { PostgresOrganisationStore } from '../adapters/postgres/organisations.js';
import { openPool, primaryOf } from '../adapters/postgres/pool.js';
import { PostgresVacancyOwnerStore } from '../adapters/postgres/vacancy-owners.js';
import { storageStatus } from './storage.js';
import { openConceptSearch, openNormalizer } from './taxonomy.js';
import { messageOf } from '../core/thrown.js';

export type { EngineLog };
export { indexFile };

export type ServicesConfig = Partial<Pick<Config, 'signIn' | 'auditGroupMs' | 'notifications' | 'paySubsidyPoolFactor' | 'trainingEvidence' | 'planMinimumClients' | 'noisyReportsPerDay' | 'database'>> & Pick<
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
  | 'conceptWaitMs'
  | 'employmentAreasFile'
  | 'analyticsSample'
  | 'analyticsRefreshMinutes'
  | 'analyticsCountAtStart'
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
  // The index files are read (checksum, structure, the graph) in the thread pool while the taxonomy builds.
  const ahead = readIndexesAhead(config);
  const stores = await openStores(config, role, clock, log);
  let feed: { close(): Promise<void> } | undefined;
  let leadership: Leadership | undefined;
  try {
    const chosen = metrics.timed(embedder ?? (await selectEmbedder(config.embedder, config.model, log)));
    const normalizer = await openNormalizer(config, chosen, log);
    const occupationWords = occupationWordsOf(normalizer.taxonomy); // searches by occupation in any language
    const jobseekerStore = await stores.records<Stored<Jobseeker>>('jobseekers');
    const vacancyStore = await stores.records<Stored<Vacancy>>('vacancies');
    // Each kind's RecordService, over the index its runtime opens (src/runtime/indexes.ts) and the generation that index reflects.
    const recordsOf =
      <In extends BaseRecord>(kind: RecordKind<In>, store: KindStore<Stored<In>>, derive: Derivation<In>, duplicates?: DuplicateRule<Stored<In>>): RecordsOver<In> =>
      (index, indexGeneration) =>
        new RecordService(kind, store, index, chosen, {
          maxBatch: config.bulkMaxRecords,
          now: clock,
          derive,
          duplicates,
          areaCacheVectors: config.areaCacheVectors,
          exactScan: nativeScan,
          recordCacheBytes: config.recordCacheBytes,
          conceptWaitMs: config.conceptWaitMs,
          indexGeneration,
        });
    const jobseekerIndex = await openKind(
      jobseekerStore,
      'jobseekers',
      chosen,
      config,
      log,
      recordsOf(jobseekerKind, jobseekerStore, { id: normalizer.id, run: (j) => normalizer.forJobseeker(j).then((normalized) => ({ normalized })), occupationWords }),
      follower,
      ahead.jobseekers,
    );
    const vacancyIndex = await openKind(
      vacancyStore,
      'vacancies',
      chosen,
      config,
      log,
      recordsOf(
        vacancyKind,
        vacancyStore,
        // "+links": vacancies stored before near-duplicates were linked are linked once at start.
        { id: `${normalizer.id}+links`, run: (v) => normalizer.forVacancy(v).then((normalized) => ({ normalized })), occupationWords },
        vacancyDuplicates,
      ),
      follower,
      ahead.vacancies,
    );
    const jobseekers = jobseekerIndex.service;
    const vacancies = vacancyIndex.service;
    let rederivation = rederiveInBackground([], normalizer.taxonomy.id, log);
    if (!follower) {
      const settings = { seed: config.seedFixtures, fixturesDir: config.fixturesDir, embedder: chosen.id, taxonomy: normalizer.taxonomy.id };
      rederivation = rederiveInBackground(await prepareRecords(jobseekers, vacancies, settings, log), normalizer.taxonomy.id, log, [jobseekers, vacancies]);
    }

    const conceptSearch = await openConceptSearch(normalizer, chosen);
    const trainings = await TrainingCatalogue.open(stores.trainings, normalizer, config.bulkMaxRecords, clock);
    if (!follower && config.seedFixtures && trainings.count() === 0) await seedTrainings(config.fixturesDir, trainings, log);
    const { secret, referrals: referralStore, shares, owners, audit, decisionLog, keys, organisations: organisationStore } = stores;
    const indexes = { jobseekers: jobseekerIndex, vacancies: vacancyIndex };
    // The jobs on the data of record (closing expired vacancies, retention) run on one node at a time:
    // on PostgreSQL the holder of an advisory lock, moving to another node when it dies; on one machine the maintaining process.
    leadership = stores.followChanges ? leadByAdvisoryLock(primaryOf(stores.followChanges.url), { warn: log.warn }) : singleMachine(!follower);
    const leads = () => leadership!.leading();
    // Each node maintains its own index files (flush, compaction); the expiry sweep only where it leads.
    const maintenance = follower
      ? followerMaintenance(stores.compactionDue)
      : await startMaintenance({ due: stores.compactionDue, checkpoint: stores.checkpoint }, indexes, () => (leads() ? vacancies.closeExpired() : Promise.resolve(0)), config, log);
    // On PostgreSQL: what the other nodes write reaches this node's copy and indexes (LISTEN/NOTIFY and the generations).
    if (stores.followChanges) {
      feed = followNodes(
        stores.followChanges.url,
        { jobseekers: { service: jobseekers, store: jobseekerStore }, vacancies: { service: vacancies, store: vacancyStore } },
        trainings,
        log,
      );
    }
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
      suitableScore: config.suitableScore,
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
      : startRetention(
          stores.vacuumed,
          {
            audit: { pruneBefore: (at, limit) => (leads() ? audit.pruneBefore(at, limit) : Promise.resolve(0)) },
            decisions: { prune: (limit) => (leads() ? decisions.prune(limit) : Promise.resolve(0)), retentionDays: decisions.retentionDays },
          },
          config,
          clock,
          log,
        );
    const employmentAreas = openEmploymentAreas(config);
    const transferStore = stores.transfers;
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
        refuseIds: (p, refused, audit) => transfers.refuseIds(p, refused, audit),
      },
      employmentAreas,
    );
    const jobseeker = (id: string) => jobseekers.get(id);
    const vacancy = (id: string) => vacancies.get(id);
    const analyticsSource = stores.analytics;
    const demandSupply = new DemandSupply(analyticsSource, normalizer.taxonomy, secret);
    const whatWorksSource = stores.whatWorks;
    const trainingEvidence = config.trainingEvidence ?? DEFAULT_TRAINING_EVIDENCE;
    const gapEvidence = rememberedEvidence(evidenceFromOutcomes(whatWorksSource, trainingEvidence, secret), clock, GAP_EVIDENCE_MINUTES);
    const generations = () => `${vacancies.reflects}:${jobseekers.reflects}`;
    const counter = new MatchedFiguresCount(analyticsSource, matcher, { suitableScore: config.suitableScore, sample: config.analyticsSample });
    const keptFigures = keepMismatchFigures(
      {
        counter,
        regions,
        areas: employmentAreas,
        clock,
        log,
        ready: Promise.all([jobseekerIndex.ready, vacancyIndex.ready]).then(() => undefined),
      },
      new KeptMatchedFigures(...matchedFiguresPorts({ counter, generations, clock, log }, { refreshMinutes: config.analyticsRefreshMinutes })),
      { refreshMinutes: config.analyticsRefreshMinutes, countAtStart: config.analyticsCountAtStart },
    );
    const planner = new TrainingPlanner(
      analyticsSource,
      jobseekers,
      matcher,
      normalizer,
      trainings,
      chosen,
      { ...DEFAULT_PLAN_SETTINGS, suitableScore: config.suitableScore, evidence: trainingEvidence },
      evidenceFromOutcomes(whatWorksSource, trainingEvidence, secret),
    );
    const analytics = {
      demandSupply,
      /** The mismatch shares kept per area (see runtime/kept-figures.ts): counted in the background, refreshed after changes. */
      keptFigures,
      mismatch: new MismatchSummary(demandSupply, keptFigures.source, { suitableScore: config.suitableScore }, secret),
      /** The exact plan, picks and all: the engine's view (benchmarks, tests); planners see `trainingPlan`. */
      planner,
      /** The training plan as published to planners (src/core/analytics/published-plan.ts). */
      trainingPlan: new PublishedTrainingPlan(planner, secret, { minimumClients: config.planMinimumClients ?? DEFAULT_PLAN_MINIMUM_CLIENTS }),
      whatWorks: new WhatWorksReport(whatWorksSource, clock, secret),
    };
    const overrides = stores.overrides;
    const suggestions = new Suggestions({ matcher, overrides, isOpen: (id) => matchableToday(vacancies, id), guard, decisions, now: clock });
    const oversightSource = stores.oversight;
    const oversight = new Oversight({
      decisions: decisionLog,
      factsOf: (ids) => oversightSource.factsOf(ids),
      eligible: (municipalities) => oversightSource.eligible(municipalities),
      openVacancies: (municipalities) => oversightSource.openVacancies(municipalities),
      rankCandidates: candidateIds(matcher),
      regions,
      areas: employmentAreas,
    }, secret);
    /** The planner's demand against supply and the exposure report, kept per question (see runtime/kept-answers.ts). */
    const answerPorts = plannerAnswerPorts({ generations, decisions: () => decisionLog.extent(), clock, log }, { refreshMinutes: config.analyticsRefreshMinutes });
    const keptAnswers = keepPlannerAnswers(
      { demandSupply, oversight, log },
      {
        skills: new KeptAnswers<SkillRow[]>(...answerPorts.records),
        occupations: new KeptAnswers<OccupationRow[]>(...answerPorts.records),
        exposure: new KeptAnswers<Exposure>(...answerPorts.exposure),
      },
      { refreshMinutes: config.analyticsRefreshMinutes },
    );
    const jobSuggestionStore = stores.jobSuggestions;
    const sharing = new Sharing(
      {
        shares,
        owners,
        budget: stores.budget,
        vacancy,
        jobseeker,
        guard,
        pseudonymKey: secret,
        consentWithdrawn: (vacancyId, jobseekerId) => jobSuggestionStore.withdrawConsent(vacancyId, jobseekerId),
        now: clock,
      },
      config.sharing,
    );
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
    const notificationSource = stores.notifications;
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
    const jobSearchStore = stores.jobSearch;
    const jobSearch = new JobSearch(
      { store: jobSearchStore, guard, jobseeker, suggestions: (id) => jobSuggestionStore.ofJobseeker(id), matches: bestVacancies(matcher), now: clock },
      { suitableScore: config.suitableScore, suitablePool: config.suitablePool },
    );
    const referrals = new Referrals({ store: referralStore, jobseeker, training: (id) => trainings.get(id), guard, now: clock });
    const outcomeStore = stores.outcomes;
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
      checkpoint: stores.checkpoint,
    };
    const eraseClients = (ids: string[], keyId?: string) => eraseJobseekers(erasure, ids, keyId);
    const candidates = new CandidateLists({ guard, matcher, sharing, decisions });
    const gapSettings = { ...DEFAULT_GAP_SETTINGS, suitableScore: config.suitableScore };
    const advisor = new TrainingAdvisor(trainings, normalizer, gapSettings.rules, gapSettings.reachKm, gapSettings.trainingsPerSkill);
    const gaps = new GapAnalysis(jobseekers, vacancies, matcher, normalizer, advisor, chosen, gapSettings, clock);
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
      ...(stores.storage ? { storage: stores.storage } : {}),
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
        gaps: new KeptGapReports({ analysis: gaps, version: () => `${vacancies.reflects}:${jobseekers.reflects}:${trainings.reflects} ${dayOf(clock())}` }, KEPT_GAP_REPORTS),
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
        rederiving: rederivation.status,
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
        store: stores.signInMappings,
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
      keptAnswers,
      /** The planners' questions (src/core/analytics/service.ts): the place and the day resolved, then the figures counted or read kept. */
      planning: new AnalyticsQuestions({
        regions,
        areas: employmentAreas,
        clock,
        demand: keptAnswers,
        mismatch: analytics.mismatch,
        whatWorks: analytics.whatWorks,
        trainingPlan: analytics.trainingPlan,
      }),
      /** The exposure report with its default period and day (src/core/oversight/exposure-reports.ts). */
      exposureReports: new ExposureReports({ exposure: keptAnswers.exposure, clock }, { defaultDays: EXPOSURE_DEFAULT_DAYS }),
      /** The daily budget of distinct noisy planner reports per key (src/core/analytics/report-budget.ts), counted in the harvest limit's store. */
      reportBudget: new ReportBudget(
        { count: (counter, day, questions, limit) => stores.budget.views(counter, day, questions, limit), now: clock },
        secret,
        { perDay: config.noisyReportsPerDay ?? DEFAULT_NOISY_REPORTS_PER_DAY },
      ),
      suggestions,
      sessions: new Sessions({ keys, store: stores.sessions, organisationName: (id) => organisations.nameOf(id), now: clock }, DEFAULT_SESSION_SETTINGS),
      people: new PersonSessions(
        {
          store: stores.personSessions,
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
      /** Whether this node runs the jobs on the data of record (expiry, retention): on PostgreSQL one node at a time. */
      leads: () => leadership!.leading(),
      /** Resolves when both indexes are complete (at once, unless one is rebuilt in the background). */
      ready: Promise.all([jobseekerIndex.ready, vacancyIndex.ready]).then(() => undefined),
      /** Indexes still being rebuilt in the background, as sentences for /health (empty when none). */
      indexing: () => indexing(rebuilding),
      /** The records an earlier taxonomy build derived, derived again in the background once the service listens. */
      rederivation,
      /** Stops the timers, writes what waits and closes the database (on PostgreSQL a promise: the writes go over the network). */
      close(): void | Promise<void> {
        if (closed) return;
        closed = true;
        const following = Promise.all([feed?.close(), leadership?.close()]);
        try {
          rederivation.stop();
          maintenance.stop();
          retention?.stop();
          keptFigures.stop();
          keptAnswers.stop();
          if (stores.engine === 'sqlite') {
            stores.audit.flush();
            stores.decisionLog.close();
          }
        } catch (error) {
          log.warn(`closing: ${messageOf(error)}${audit.problem() ? `; lost: ${audit.problem()}` : ''}`);
        }
        if (stores.engine === 'sqlite') return stores.close();
        return following.catch(() => undefined).then(() => stores.close());
      },
    };
  } catch (error) {
    await feed?.close().catch(() => undefined);
    await leadership?.close().catch(() => undefined);
    await stores.close();
    throw error;
  }
}

/**
 * The organisations and their API keys alone, on the database of record (`npm run keys`; works
 * while the service runs): the SQLite file, or PostgreSQL when `database` is set.
 */
export async function composeKeyAdministration(config: Pick<Config, 'dataDir' | 'employmentAreasFile'> & Partial<Pick<Config, 'database'>>) {
  const areas = openEmploymentAreas(config);
  if (config.database !== undefined) {
    const pool = await openPool(config.database);
    await migratePostgres(pool);
    const organisations = new Organisations({
      organisations: new PostgresOrganisationStore(pool),
      keys: new PostgresApiKeyStore(pool),
      owners: new PostgresVacancyOwnerStore(pool),
      vacancy: async () => undefined,
      areas,
    });
    return { organisations, close: () => void pool.end() };
  }
  const db = openDatabase(databaseFile(config.dataDir));
  const organisations = new Organisations({
    organisations: new OrganisationStore(db),
    keys: new ApiKeyStore(db),
    owners: new VacancyOwnerStore(db),
    vacancy: async () => undefined,
    areas,
  });
  return { organisations, close: () => db.close() };
}

/** The audit trail's erasures and the tombstones that stand for erased people (`npm run logs:scrub`), on the database of record. */
export async function composeErasureRecord(dataDir: string, database?: string) {
  const tombstones = keyedTombstones(installationKey(dataDir));
  if (database !== undefined) {
    const pool = await openPool(database);
    const audit = new PostgresAuditLog(pool, tombstones);
    return { erasureOf: (id: string) => audit.erasureOf(id), tombstones, close: () => void pool.end() };
  }
  const db = openDatabase(databaseFile(dataDir));
  const audit = new AuditLog(db, tombstones);
  return { erasureOf: (id: string) => audit.erasureOf(id), tombstones, close: () => db.close() };
}
