import { COMMUTE_RULES, type MatchSettings } from './core/matching.js';
import type { Weights } from './core/scoring.js';
import type { NotificationSettings } from './core/notifications/service.js';
import type { SharingSettings } from './core/sharing.js';
import type { TrainingEvidenceSettings } from './core/analytics/training-evidence.js';
import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.js';
import { readFileSync } from 'node:fs';
import { signInProviders, type SignInProvider } from './core/signin/providers.js';
import { messageOf } from './core/thrown.js';
import type { GapSettings } from './core/gaps.js';
import type { TrainingPlanSettings } from './core/analytics/training-plan.js';
import type { SessionSettings } from './core/sessions.js';
import { ADVICE_RULES, defaultReachKm } from './core/training-advice.js';

/**
 * Every setting with its default and its meaning, in one place: docs/configuration.md is generated
 * from this file (`npm run docs:config`) and test/config.test.ts fails when the two differ.
 */

/**
 * Relative weights (the score is their weighted mean over the known parts), chosen on the labelled
 * match set (`npm run bench:quality -- --tune`, figures in benchmarks/README.md): the grid point
 * with the best mean nDCG@10 over both directions and both embedders among those giving the
 * essential skills at least 0.2 — below that a missing essential skill barely moves a score, and
 * the gap analysis (which skill opens most vacancies) and the explanations rest on it. The best
 * point without that floor (essential 0.05, occupation 1, location 0.4) scored 0.014 higher.
 */
export const DEFAULT_WEIGHTS: Weights = { semantic: 0.4, essential: 0.2, optional: 0.1, location: 0.3, occupation: 0.6 };

/**
 * How a ranking gathers and orders its pool (see MatchSettings in src/core/matching.ts for each):
 * the pool sizes were chosen on bench:quality at k=10 (vacancies for a client lose nothing at 50,
 * nDCG@10 0.926 → 0.925, for half the work; candidates for a vacancy lose 0.015 at 50 and keep 100).
 */
/** From this match score a vacancy is suitable for a client (gaps, training plan, mismatch, job search, a hit's `standing`). */
export const DEFAULT_SUITABLE_SCORE = 0.55;

export const DEFAULT_MATCH_SETTINGS: Omit<MatchSettings, 'weights'> = {
  poolFactor: 5,
  minPool: { vacancies: 50, jobseekers: 100 },
  exactScanRatio: 0.1,
  exactScanLimit: 20_000,
  fitFloor: 0.4,
  fitOccupation: 0.4,
  commute: 'strict',
  candidateCommute: 'gate',
  paySubsidyPoolFactor: 8,
  suitableScore: DEFAULT_SUITABLE_SCORE,
};

const number = (fallback: number) => z.coerce.number().finite().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A setting's meaning for docs/configuration.md, and its default in words when it is not a fixed value. */
const doc = (meaning: string, shownDefault?: string) => ({ description: meaning, ...(shownDefault !== undefined && { shownDefault }) });

/**
 * One worker process per core, as many as the memory holds: each keeps the model, both indexes and
 * its caches (~0.9 GB at 100,000 vacancies), so a big many-core host does not start 64 of them.
 */
function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 30 / 1.5)));
}

/** How often a signed-in person's claims are checked with their identity provider again (minutes). */
export const SIGNIN_RECHECK_MINUTES = 10;

/** The HNSW graph: degree, build candidate list, search candidate list. */
export const DEFAULT_HNSW = { m: 16, efConstruction: 200, ef: 64 } as const;

/**
 * How long audit entries and decision records may wait to be written together (one transaction per
 * group and log): a longer window writes fewer, fuller pages per request; a crash (not a stop: a
 * stop writes them) loses at most this window's entries.
 */
export const DEFAULT_AUDIT_GROUP_MS = 25;

/** V8's semi-space of each worker (MB; see KOHTAANTO_WORKER_SEMI_SPACE_MB). */
export const DEFAULT_WORKER_SEMI_SPACE_MB = 64;

/**
 * How long a match waits for a worker's concept index being filled (src/core/records.ts,
 * conceptsReady) before answering 503: the background fill after start costs ~7 s of CPU at national
 * scale (283,000 matchable jobseekers and 65,000 vacancies, read from their concepts column;
 * benchmarks/concept-fill.ts), longer on a loaded machine; the web app does not retry a 503, so a
 * request rather waits (the worker serving others meanwhile) than fails.
 */
export const DEFAULT_CONCEPT_WAIT_MS = 20_000;

/** Refused API keys and sign-ins per address and minute before that address waits (429). */
export const DEFAULT_FAILED_AUTH_PER_MINUTE = 60;


/** The fewest clients examined (as published) a training plan is shown for (src/core/analytics/published-plan.ts). */
export const DEFAULT_PLAN_MINIMUM_CLIENTS = 20;

/**
 * A skill string no label names goes to the nearest skill label above this similarity; the
 * embedders' similarity scales differ (hashing vectors against a trained model).
 */
export const DEFAULT_SKILL_NN_THRESHOLD = { lexical: 0.6, model: 0.85 } as const;

/**
 * Lowest similarity at which a title goes to the nearest occupation label (with a model only: hashing
 * vectors know no synonyms). 0.5 chosen on bench:quality: vacancy → candidates nDCG@10 0.715 at 0.8,
 * 0.731 at 0.6, 0.772 at 0.5, 0.786 at 0.3; below 0.5 nearly every title gets an occupation, unrelated ones too.
 */
export const OCCUPATION_NN_THRESHOLD = 0.5;

/** Shares, ad-hoc candidate searches and the daily harvest limit (src/core/sharing.ts). */
/**
 * Distinct noisy planner reports a key or person may ask a day (src/core/analytics/report-budget.ts). A place's
 * dashboard asks 5 (mismatch, skills, occupations, exposure, what works): 60 is 12 places a day — an area, its
 * region and ten municipalities. Averaging the exposure report's noise to read one person at two standard
 * deviations takes about 18 different reports (9 pairs), at 99.9 % about 41; a 0.031 move 42 and 94.
 */
export const DEFAULT_NOISY_REPORTS_PER_DAY = 60;
export const DEFAULT_SHARING_SETTINGS: SharingSettings = { shareDays: 30, adHocSearchesPerHour: 30, adHocMaxK: 20, candidatesPerDay: 1000 };

/** In-app notifications (src/core/notifications/service.ts): days shown, most answered, most events read per source. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { days: 14, most: 50, scan: 5000 };

/**
 * How the training plan finds a place's expected employment gain (src/core/analytics/training-evidence.ts):
 * the effect measured 6 months after the end over the last 36 months of referrals, shrunk toward the
 * skill-based estimate with the weight of 40 participants; that estimate is 0.02 per vacancy a place
 * newly puts within reach, at most 0.2 a place. The estimate's two figures are assumptions, not
 * fitted to outcomes: where outcomes exist, they decide (bench:outcomes measures the result).
 */
/** How long a counsellor's gap reports reuse an area's measured training effects (minutes; outcomes arrive with monthly register imports). */
export const GAP_EVIDENCE_MINUTES = 10;
/**
 * How long after a worker listens its first background count of the mismatch shares starts (seconds):
 * a first ranking in a new process reads every matchable record into memory (tens of seconds at
 * national scale, the event loop held), which the first requests' own rankings do meanwhile.
 */
export const MISMATCH_FIRST_COUNT_AFTER_SECONDS = 90;
/** A web app session's length: at most this long after sign-in, and this long without a request (src/core/sessions.ts). */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = { maxHours: 10, idleMinutes: 60 };
/** The gap analysis' own defaults (src/core/gaps.ts); `suitableScore` is a setting (KOHTAANTO_SUITABLE_SCORE). */
export const DEFAULT_GAP_SETTINGS: Omit<GapSettings, 'suitableScore'> = {
  pool: 100,
  skillsTested: 10,
  bundleMaxSkills: 4,
  bundlesTested: 5,
  trainingsPerSkill: 3,
  reuseAcrossWhatIfs: true,
  rules: { ...ADVICE_RULES, positiveUpliftOnly: true, plausibleTargets: true },
  reachKm: defaultReachKm,
  targetMinSimilarity: 0.35,
  targetMinSharedSkills: 0.05,
  targetMinOverlap: 0.34,
};

/** The training plan's own defaults (src/core/analytics/training-plan.ts); `suitableScore` and `evidence` are settings. */
export const DEFAULT_PLAN_SETTINGS: Omit<TrainingPlanSettings, 'suitableScore' | 'evidence'> = {
  clientsExamined: 60,
  skillsPerClient: 3,
  trainingsPerSkill: 2,
  pool: 50,
};

/** The exposure report's period when the request names no first day: the decisions of this many days to today (GET /v1/oversight/exposure). */
export const EXPOSURE_DEFAULT_DAYS = 30;
/** Clients' gap reports each process keeps while the records they were computed from stay the same (src/core/gaps/kept-reports.ts). */
export const KEPT_GAP_REPORTS = 500;
export const DEFAULT_TRAINING_EVIDENCE: TrainingEvidenceSettings = { horizonMonths: 6, periodMonths: 36, priorParticipants: 40, gainPerVacancy: 0.02, maxEstimatedGain: 0.2 };

/**
 * PostgreSQL timings (src/adapters/postgres/): how long one host may take to accept a connection
 * before the next is tried; connections per node; the Retry-After of a write refused while no
 * primary is reachable; how soon a dedicated connection (change feed, leadership) is opened again
 * after it was lost; how often a node tries to take the background jobs' lock; and how often the
 * change feed reads the generations without being woken (a notification can be missed; the
 * generations cannot); how many API keys' principals and clients' overrides a node keeps as last
 * read, to answer matches from memory while no primary is reachable (src/adapters/postgres/last-read.ts);
 * how long a node answers an API key it verified from memory before reading it again (a key revoked
 * or rotated, or its organisation's area changed, on another node or with `npm run keys` is seen
 * within this; on the node that did it at once).
 */
export const DEFAULT_POSTGRES = {
  connectTimeoutMs: 5000,
  maxConnections: 10,
  retryAfterSeconds: 5,
  reconnectMs: 1000,
  leadershipTryMs: 2000,
  changeFeedPollMs: 5000,
  lastReadsKept: 10_000,
  keyRecheckMs: 1000,
} as const;

/** Every setting of the service, read once from the environment at start-up. */
export const envSchema = z.object({
  KOHTAANTO_WORKER_SEMI_SPACE_MB: z.coerce.number().int().min(1).max(1024).default(DEFAULT_WORKER_SEMI_SPACE_MB).meta(
    doc('V8\'s semi-space size of each worker process (`--max-semi-space-size`; the young generation is up to three times it): a match makes short-lived objects beside large long-lived caches, and with V8\'s 16 MB default a worker scavenged ~3.5× as often, ~10 % of a stored-profile match. Applies to forked workers (`KOHTAANTO_WORKERS` > 1); a single process takes `node --max-semi-space-size=N`'),
  ),
  KOHTAANTO_HOST: z.string().default('127.0.0.1').meta(doc('the address the HTTP service listens on')),
  KOHTAANTO_PORT: z.coerce.number().int().min(0).max(65535).default(8080).meta(doc('the port the HTTP service listens on')),
  KOHTAANTO_WORKERS: z.coerce.number().int().min(1).max(64).default(defaultWorkers()).meta(
    doc(
      'server processes sharing the port and the data directory (`1`: one process, no primary); each holds the model, the indexes and its caches (~0.9 GB at 100,000 vacancies); see [architecture](architecture.md), *Several worker processes*',
      'number of cores (at most one per 1.5 GB of memory)',
    ),
  ),
  KOHTAANTO_DATA_DIR: z.string().default('data').meta(
    doc('SQLite file `kohtaanto.sqlite`, the index files `jobseekers.hnsw`, `vacancies.hnsw`, and the taxonomy\'s label vectors `skills.labels`, `occupations.labels` (kept between starts: embedding the ESCO labels takes ~6 s per process)'),
  ),
  KOHTAANTO_DATABASE: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^/?]+\/[^?]+/, 'a PostgreSQL connection string: postgres://user@host:port[,host:port…]/database[?target_session_attrs=read-write]')
    .optional()
    .meta(
      doc(
        'the database of record: unset, the SQLite file in `KOHTAANTO_DATA_DIR`; `postgres://…` (several hosts with `target_session_attrs=read-write` for a primary and its standby), PostgreSQL for several service nodes, each keeping its indexes and a copy of the records in its own data directory. The service refuses to start on PostgreSQL while any store lacks its PostgreSQL adapter (it names them) rather than keep some data in SQLite. See [PostgreSQL](operations/postgresql.md)',
        'SQLite',
      ),
    ),
  KOHTAANTO_FIXTURES_DIR: z.string().default('fixtures').meta(doc('where the fixture files are')),
  KOHTAANTO_SEED_FIXTURES: bool(true).meta(doc('load `fixtures/*.ndjson` on first start (when the store is empty)')),
  KOHTAANTO_DEMO: z.enum(['regional', 'off']).default('regional').meta(
    doc(
      '`regional`: on the first start of the service with the fixtures (`npm start` on an empty data directory), add the demo population after it listens, in the background: 17,400 jobseekers and 2,245 vacancies whose numbers per region follow the employment statistics, scaled 1:20 (`fixtures/demo/`, [demo data](demo-data.md)); `off`: the fixtures alone',
    ),
  ),
  KOHTAANTO_EMBEDDER: z.enum(['auto', 'transformers', 'lexical']).default('auto').meta(
    doc('`auto` (the model if it loads, else the lexical fallback with a warning), `transformers` (the model or no start), `lexical`; see [Which embedder is in use](matching-and-skills.md#which-embedder-is-in-use)'),
  ),
  KOHTAANTO_MODEL_DIR: z.string().default('models').meta(doc('local model directory (Hugging Face layout)')),
  KOHTAANTO_MODEL: z.string().default('kohtaanto-jobs-fi-sv-en').meta(
    doc('model name inside it (the shipped model; e.g. `Xenova/multilingual-e5-small` after `npm run model:fetch`)'),
  ),
  KOHTAANTO_MODEL_QUANTIZED: bool(true).meta(doc('prefer `onnx/model_quantized.onnx` (int8) when present')),
  KOHTAANTO_EMBED_BATCH: z.coerce.number().int().min(1).max(256).default(16).meta(doc('texts per inference call')),
  KOHTAANTO_HNSW_M: z.coerce.number().int().min(4).max(96).default(DEFAULT_HNSW.m).meta(doc('HNSW graph degree')),
  KOHTAANTO_HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(10).max(2000).default(DEFAULT_HNSW.efConstruction).meta(doc('HNSW build candidate list')),
  KOHTAANTO_HNSW_EF: z.coerce.number().int().min(10).max(2000).default(DEFAULT_HNSW.ef).meta(doc('HNSW search candidate list (raised to the pool size)')),
  KOHTAANTO_INDEX_FLUSH_SECONDS: z.coerce.number().min(1).default(30).meta(doc('how often changed indexes are written to disk (also on shutdown)')),
  KOHTAANTO_COMPACT_SECONDS: z.coerce.number().min(0).default(3600).meta(
    doc('after an erasure, the index files are rebuilt without the erased vectors at the next flush at most this long after the previous compaction (also on shutdown and `POST /v1/admin/compact`)'),
  ),
  KOHTAANTO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200).meta(doc('requests per minute per API key, all workers together (429 beyond)')),
  KOHTAANTO_FAILED_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_FAILED_AUTH_PER_MINUTE).meta(
    doc('wrong API keys and failed sign-ins an address may present per minute; then wrong ones get 429 with `Retry-After` until the minute ends. Valid keys always pass; requests without a key and ended session cookies are refused (401) but not counted. Every refusal is audited with the address and key id'),
  ),
  KOHTAANTO_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const trust = parseTrustProxy(v);
      if (typeof trust === 'object' && 'error' in trust) {
        ctx.addIssue({ code: 'custom', message: trust.error });
        return z.NEVER;
      }
      return trust;
    })
    .meta(
      doc('whose `X-Forwarded-For` gives the client address (rate limits, audit, request log): `false` (ignored), a hop count (`1`: one nginx or load balancer in front), the proxies\' addresses/CIDRs comma-separated (`10.0.0.5,10.1.0.0/16`, `loopback`), or `true` (any sender: only if nothing but the proxy reaches the port). See [Behind a reverse proxy](operations/reverse-proxy.md)'),
    ),
  KOHTAANTO_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30).meta(
    doc('headers, and then a body, must arrive within this, else 408 and the connection is closed (slow senders hold no connection)'),
  ),
  KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120).meta(
    doc('the same for a whole bulk request (`/bulk`, `/bulk-delete`): a 500-record `npm run import` batch (~0.3 MB of fixture-sized records, a few MB with long descriptions) on a link of ≥ 0.5 Mbit/s; raise it for slower links or bigger `--batch`'),
  ),
  // The committed ESCO v1.1.1 build (ESCO, European Commission) and the reviewed local extension
  // layered on it; KOHTAANTO_TAXONOMY_EXTENSION='' for none, fixtures/taxonomy for the curated test double.
  KOHTAANTO_TAXONOMY_DIR: z.string().default('taxonomy/esco-1.1.1').meta(
    doc('skills/occupations taxonomy in the ESCO CSV export layout (`skills_<lang>.csv`, `occupations_<lang>.csv`, `occupationSkillRelations.csv`): the committed ESCO v1.1.1 build, or an official ESCO export (any version, any languages); `fixtures/taxonomy` is the small curated test double'),
  ),
  KOHTAANTO_TAXONOMY_EXTENSION: z.string().default('taxonomy/local-extension.csv').meta(
    doc('local labels and concepts layered on the taxonomy (`conceptUri,type,lang,label,source` rows); empty for none'),
  ),
  KOHTAANTO_SKILL_NN_THRESHOLD: z.coerce.number().min(0).max(1).optional().meta(
    doc(
      'a skill string no label matches maps to the nearest skill label by embedding above this similarity (`0` disables). Shipped model on held-out ESCO alternative labels: 0.85 → 96 % of mappings right, 35 % of strings mapped; 0.75 → 92 % / 65 %',
      `${DEFAULT_SKILL_NN_THRESHOLD.lexical} lexical / ${DEFAULT_SKILL_NN_THRESHOLD.model} model`,
    ),
  ),
  KOHTAANTO_WEIGHT_SEMANTIC: number(DEFAULT_WEIGHTS.semantic).meta(doc('relative score weight of the texts\' similarity (the weights chosen by `bench:quality -- --tune`)')),
  KOHTAANTO_WEIGHT_ESSENTIAL: number(DEFAULT_WEIGHTS.essential).meta(doc('relative score weight of the essential skills covered')),
  KOHTAANTO_WEIGHT_OPTIONAL: number(DEFAULT_WEIGHTS.optional).meta(doc('relative score weight of the optional skills covered')),
  KOHTAANTO_WEIGHT_LOCATION: number(DEFAULT_WEIGHTS.location).meta(doc('relative score weight of the distance')),
  KOHTAANTO_WEIGHT_OCCUPATION: number(DEFAULT_WEIGHTS.occupation).meta(doc('relative score weight of the occupation fit')),
  KOHTAANTO_FIT_FLOOR: z.coerce.number().min(0).max(1).default(DEFAULT_MATCH_SETTINGS.fitFloor).meta(
    doc('a hit scoring below this is no fit: it ranks after the fits failing a language or working-time gate (chosen on `bench:quality`)'),
  ),
  KOHTAANTO_FIT_OCCUPATION: z.coerce.number().min(0).max(1).default(DEFAULT_MATCH_SETTINGS.fitOccupation).meta(
    doc('where both sides name their occupation, a fit also needs this much credit for the two occupations (0.8 the same ISCO unit group, 0.5 the same minor group or closely related work); below it the hit is related work and ranks after the fits (chosen on `bench:quality`)'),
  ),
  KOHTAANTO_SUITABLE_SCORE: z.coerce.number().min(0).max(1).default(DEFAULT_SUITABLE_SCORE).meta(
    doc('from this score a vacancy counts as suitable for a client (gap analysis, training plan, mismatch figures, job search, a match hit\'s `standing`)'),
  ),
  KOHTAANTO_COMMUTE_RULE: z.enum(COMMUTE_RULES).default(DEFAULT_MATCH_SETTINGS.commute).meta(
    doc('where vacancies beyond a client\'s commuting range rank (see [Commuting](matching-and-skills.md#commuting)): `strict` after every hit within it, `fits` after every fit within it but before the no-fits (other work) nearby, `gate` as a failed hard requirement, `off` as if there were no range'),
  ),
  KOHTAANTO_CANDIDATE_COMMUTE_RULE: z.enum(COMMUTE_RULES).default(DEFAULT_MATCH_SETTINGS.candidateCommute).meta(
    doc('the same for a vacancy\'s candidates (each candidate\'s own range from the workplace): by default a candidate beyond it ranks as one failing a hard requirement, after those within it who fit and before people of other work nearby'),
  ),
  KOHTAANTO_EXACT_SCAN_RATIO: z.coerce.number().min(0).max(1).default(DEFAULT_MATCH_SETTINGS.exactScanRatio).meta(
    doc('a location filter leaving at most this share of records (and at most `KOHTAANTO_EXACT_SCAN_LIMIT`) is scored exactly instead of walking the graph'),
  ),
  KOHTAANTO_EXACT_SCAN_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_MATCH_SETTINGS.exactScanLimit).meta(doc('the most records a location filter may leave to be scored exactly')),
  KOHTAANTO_EMPLOYMENT_AREAS_FILE: z.string().optional().meta(
    doc('employment areas, `id;name_fi;name_sv;municipalities` per line (see [analytics](analytics.md), *Employment areas*)', '(committed table)'),
  ),
  KOHTAANTO_ANALYTICS_SAMPLE: z.coerce.number().int().min(1).default(100).meta(
    doc('most vacancies and most long-term unemployed the mismatch summary puts through the match engine'),
  ),
  KOHTAANTO_ANALYTICS_REFRESH_MINUTES: z.coerce.number().min(0).max(1440).default(10).meta(
    doc('the mismatch summary\'s match-engine shares, demand against supply per skill and occupation, and the exposure report are kept per area and question once counted, and one asked for after its records changed is counted again in the background this often; 0: counted at every request (see [analytics](analytics.md))'),
  ),
  KOHTAANTO_ANALYTICS_COUNT_AT_START: z.enum(['on', 'off']).default('on').meta(
    doc('`on`: each worker counts the mismatch shares of every employment area and region (then Finland) in the background from 90 s after it listens, so that no planner waits for a first count (~3 s of CPU per region at 297,600 jobseekers); `off`: an area is counted when first asked for in a worker (see [analytics](analytics.md))'),
  ),
  KOHTAANTO_PLAN_EVIDENCE_PRIOR: z.coerce.number().min(0).max(100_000).default(DEFAULT_TRAINING_EVIDENCE.priorParticipants).meta(
    doc('the weight, in participants, of the skill-based estimate a training\'s measured employment effect is shrunk toward in the training plan (see [analytics](analytics.md), *Training plan*)'),
  ),
  KOHTAANTO_PLAN_EVIDENCE_MONTHS: z.coerce.number().int().min(1).max(36).default(DEFAULT_TRAINING_EVIDENCE.periodMonths).meta(
    doc('how many months of training referrals (up to the plan\'s day) the training plan measures effects over'),
  ),
  KOHTAANTO_PLAN_GAIN_PER_VACANCY: z.coerce.number().min(0).max(1).default(DEFAULT_TRAINING_EVIDENCE.gainPerVacancy).meta(
    doc('the employment gain the training plan\'s skill-based estimate gives a place per vacancy it newly puts within reach'),
  ),
  KOHTAANTO_PLAN_MAX_ESTIMATED_GAIN: z.coerce.number().min(0).max(1).default(DEFAULT_TRAINING_EVIDENCE.maxEstimatedGain).meta(
    doc('the most employment gain the training plan\'s skill-based estimate gives one place'),
  ),
  KOHTAANTO_NOISY_REPORTS_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_NOISY_REPORTS_PER_DAY).meta(
    doc('distinct planner reports of people (demand and supply, mismatch, what works, training plan, exposure) a key or signed-in person may ask a UTC day; the same question again is free (admins: unlimited; see [privacy](privacy-and-oversight.md), *Statistics*)'),
  ),
  KOHTAANTO_PLAN_MIN_CLIENTS: z.coerce.number().int().min(5).max(60).default(DEFAULT_PLAN_MINIMUM_CLIENTS).meta(
    doc('the fewest clients examined (as published, rounded at random to 5) a training plan is shown for; a place with fewer gets no plan, only a message why (see [analytics](analytics.md), *Training plan*)'),
  ),
  KOHTAANTO_SUITABLE_POOL: z.coerce.number().int().min(10).max(1000).default(100).meta(
    doc('how many of a client\'s best matches the job-search page looks at to count the suitable open vacancies within their commuting range'),
  ),
  KOHTAANTO_RECORD_CACHE_MB: z.coerce.number().min(0).default(256).meta(
    doc('estimated memory for parsed records kept between matches, for each record kind (least recently used out first; ~4 KB each, estimated from their stored text): 256 holds every open vacancy of a national feed of 100,000; at 1,000,000 vacancies 512 cost ~550 MB more per worker for no faster match (benchmarks/README.md, eighth stop)'),
  ),
  KOHTAANTO_CONCEPT_WAIT_MS: z.coerce.number().int().min(0).default(DEFAULT_CONCEPT_WAIT_MS).meta(
    doc('how long a match waits for a worker\'s concept index (records by occupation and skills, filled in the background after start) before answering 503 with a retry time; the request does not read the records itself'),
  ),
  KOHTAANTO_AREA_CACHE_VECTORS: z.coerce.number().int().min(0).default(500_000).meta(
    doc('most vectors of open records kept in memory for exact searches within a municipality or a commuting reach (~1.1 KB each at 256 dimensions; patched by every write; least recently used areas dropped first): size it to hold every open vacancy'),
  ),
  KOHTAANTO_SHARE_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_SHARING_SETTINGS.shareDays).meta(
    doc('how long a shared candidate\'s contact details stay visible to the vacancy\'s unit'),
  ),
  KOHTAANTO_ADHOC_CANDIDATE_SEARCHES_PER_HOUR: z.coerce.number().int().min(0).default(DEFAULT_SHARING_SETTINGS.adHocSearchesPerHour).meta(
    doc(`ad-hoc searches for jobseekers (\`POST /v1/match\`, \`target=jobseekers\`, at most ${DEFAULT_SHARING_SETTINGS.adHocMaxK} hits) per key and hour (admins: unlimited)`),
  ),
  KOHTAANTO_CANDIDATES_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_SHARING_SETTINGS.candidatesPerDay).meta(
    doc('distinct pseudonymous candidates an organisation is shown a day over all its candidate lists and ad-hoc searches (admins: unlimited)'),
  ),
  KOHTAANTO_NOTIFICATION_DAYS: z.coerce.number().int().min(1).max(90).default(DEFAULT_NOTIFICATION_SETTINGS.days).meta(
    doc('how many days back the in-app notifications reach (states employer units set, clients shared, deadlines passed)'),
  ),
  KOHTAANTO_TRANSFER_DAYS: z.coerce.number().int().min(1).max(90).default(14).meta(doc('how long an approved transfer lets the asking area read and change the client')),
  KOHTAANTO_TRANSFER_REQUEST_DAYS: z.coerce.number().int().min(1).max(90).default(7).meta(doc('how long a transfer request waits for a decision before it lapses')),
  KOHTAANTO_TRANSFER_REQUESTS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(10).meta(
    doc("transfer requests one key may make in 24 hours, its writes refused because the id is another area's client counted with them (counted in the database; once spent, the key creates no new clients until one is 24 hours old)"),
  ),
  KOHTAANTO_TRANSFER_ALERT_PER_DAY: z.coerce.number().int().min(0).max(1000).default(3).meta(
    doc('more transfer requests than this by one key in a day are an alert in `GET /v1/audit/alerts`'),
  ),
  KOHTAANTO_REFUSED_IDS_ALERT_PER_DAY: z.coerce.number().int().min(0).max(1000).default(1).meta(
    doc("more writes refused because the id is another area's client than this by one key in a day are an alert in `GET /v1/audit/alerts` (`refusedIds`)"),
  ),
  // The EU AI Act (art. 26(6)) asks deployers of high-risk systems to keep the logs at least six months.
  KOHTAANTO_AUDIT_GROUP_MS: z.coerce.number().int().min(0).max(1000).default(DEFAULT_AUDIT_GROUP_MS).meta(
    doc('audit entries and decision records wait at most this long (ms) to be written in one transaction with others; reads of the trail, erasures and a stop write them first; a crash loses at most this window'),
  ),
  KOHTAANTO_DECISION_RETENTION_DAYS: z.coerce.number().int().min(183, 'at least 183 days (six months, EU AI Act art. 26(6))').max(3650).default(365).meta(
    doc('how long each ranking served is kept as a decision record (at least 183: six months, EU AI Act art. 26(6))'),
  ),
  // Audit of personal-data access: the Act on Information Management in Public Administration (906/2019) s. 17 asks for logs of the
  // use and disclosure of personal data without fixing a period; five years outlasts the prosecution limit of the misuse an entry
  // evidences (breach of official secrecy, Criminal Code 40:5, and computer break-in, 38:8: five years by 8:1) and the three years
  // of a damages claim from its discovery (GDPR art. 82; Tort Liability Act 412/1974 and Limitation Act 728/2003). See docs/operations/retention.md.
  KOHTAANTO_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(183, 'at least 183 days (six months, EU AI Act art. 26(6))').max(7305).default(1827).meta(
    doc('how long each audit entry (who read or changed which client\'s data, refused requests too) is kept; see [Retention](operations/retention.md) for the provisions this default rests on (at least 183: six months, EU AI Act art. 26(6))'),
  ),
  KOHTAANTO_RETENTION_BATCH: z.coerce.number().int().min(10).max(100_000).default(200).meta(
    doc('audit entries or decision records removed per transaction when their retention ends (the event loop runs between batches, requests are answered in between); 200: 2–3 ms per batch (500: ~10 ms) on 2 shared cores, `npm run bench:retention`'),
  ),
  KOHTAANTO_RETENTION_INTERVAL_MINUTES: z.coerce.number().min(1).max(1440).default(60).meta(
    doc('how often the maintaining worker removes audit entries and decision records past their retention (and gives free pages back to the disk); also once at start'),
  ),
  KOHTAANTO_METRICS: z.enum(['loopback', 'key', 'off']).default('loopback').meta(
    doc('who may read `GET /metrics` (Prometheus): `loopback` only callers on this machine connecting directly (from a loopback address, not relayed by a proxy), `key` anyone presenting `KOHTAANTO_METRICS_KEY` as a bearer token, `off` nobody (404). See [Monitoring](operations/monitoring.md)'),
  ),
  KOHTAANTO_METRICS_KEY: z.string().min(32, 'at least 32 characters').optional().meta(doc('the bearer token `GET /metrics` asks for when `KOHTAANTO_METRICS=key` (e.g. `openssl rand -hex 32`)')),
  KOHTAANTO_MIN_FREE_MB: z.coerce.number().min(0).default(100).meta(doc('below this much free space on the data disk `/health` says `degraded`')),
  KOHTAANTO_BODY_LIMIT: z.coerce.number().int().min(1024).default(1024 * 1024).meta(doc('largest JSON body (bytes)')),
  KOHTAANTO_BULK_BODY_LIMIT: z.coerce.number().int().min(1024).default(16 * 1024 * 1024).meta(doc('largest NDJSON bulk body (bytes)')),
  KOHTAANTO_BULK_MAX_RECORDS: z.coerce.number().int().min(1).default(10_000).meta(doc('records per bulk request')),
  // Sign-in with identity providers (OpenID Connect): a JSON file listing them (docs/sign-in.md).
  KOHTAANTO_SIGNIN_PROVIDERS_FILE: z.string().optional().meta(
    doc('a JSON file of identity providers people sign in with (OpenID Connect: issuer, client, redirect URL, claim-to-organisation-and-role mapping); each provider\'s discovery document is read at start, and a bad entry stops the start naming it. See [sign-in](sign-in.md)'),
  ),
  KOHTAANTO_SIGNIN_RECHECK_MINUTES: z.coerce.number().min(0).max(600).default(SIGNIN_RECHECK_MINUTES).meta(
    doc('a signed-in person\'s claims are checked with their provider again (by refresh token) after this long: someone removed from the mapped group loses access at their first request after it; a provider that gives no refresh token ends the session then instead'),
  ),
  KOHTAANTO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').meta(doc('pino log level')),
});

/** The settings of `npm run import`, which talks to a running service (src/cli/import.ts); `--url`, `--key` and `--postal-codes` win over them. */
export const importerEnvSchema = z.object({
  KOHTAANTO_URL: z.string().default('http://127.0.0.1:8080').meta(doc('the service the importer sends records to')),
  KOHTAANTO_API_KEY: z.string().optional().meta(doc('the key the importer sends them with (its role and organisation apply)')),
  KOHTAANTO_POSTAL_CODES: z.string().optional().meta(
    doc('a CSV with a postal-code and a municipality column (`postinumero;kunta`) that places a posting whose locality is a post office (see [imports](imports.md))'),
  ),
});

export function loadImporterConfig(env: Record<string, string | undefined> = process.env) {
  const e = importerEnvSchema.parse(env);
  return { url: e.KOHTAANTO_URL, key: e.KOHTAANTO_API_KEY, postalCodes: e.KOHTAANTO_POSTAL_CODES };
}

export type Env = z.input<typeof envSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const providers = e.KOHTAANTO_SIGNIN_PROVIDERS_FILE ? readProviders(resolve(e.KOHTAANTO_SIGNIN_PROVIDERS_FILE)) : [];
  return {
    host: e.KOHTAANTO_HOST,
    port: e.KOHTAANTO_PORT,
    /** Server processes sharing the port and the data directory (see src/runtime/workers.ts). */
    workers: e.KOHTAANTO_WORKERS,
    /** V8's semi-space size (MB) each forked worker starts with. */
    workerSemiSpaceMb: e.KOHTAANTO_WORKER_SEMI_SPACE_MB,
    dataDir: resolve(e.KOHTAANTO_DATA_DIR),
    /** PostgreSQL's connection string when it is the database of record; undefined: the SQLite file in the data directory. */
    database: e.KOHTAANTO_DATABASE,
    fixturesDir: resolve(e.KOHTAANTO_FIXTURES_DIR),
    seedFixtures: e.KOHTAANTO_SEED_FIXTURES,
    /** The demo population on a first start of `npm start` (src/runtime/demo.ts). */
    demo: e.KOHTAANTO_DEMO,
    embedder: e.KOHTAANTO_EMBEDDER,
    model: {
      modelDir: resolve(e.KOHTAANTO_MODEL_DIR),
      model: e.KOHTAANTO_MODEL,
      quantized: e.KOHTAANTO_MODEL_QUANTIZED,
      batchSize: e.KOHTAANTO_EMBED_BATCH,
    },
    hnsw: { m: e.KOHTAANTO_HNSW_M, efConstruction: e.KOHTAANTO_HNSW_EF_CONSTRUCTION, ef: e.KOHTAANTO_HNSW_EF },
    indexFlushSeconds: e.KOHTAANTO_INDEX_FLUSH_SECONDS,
    compactSeconds: e.KOHTAANTO_COMPACT_SECONDS,
    rateLimitPerMinute: e.KOHTAANTO_RATE_LIMIT_PER_MINUTE,
    failedAuthPerMinute: e.KOHTAANTO_FAILED_AUTH_PER_MINUTE,
    /** Whose X-Forwarded-For to believe (fastify's trustProxy); the client address of rate limits and the audit. */
    trustProxy: e.KOHTAANTO_TRUST_PROXY,
    /** Whole request (headers and body) received within this, else 408; bulk routes get the longer one. */
    requestTimeoutMs: e.KOHTAANTO_REQUEST_TIMEOUT_SECONDS * 1000,
    bulkRequestTimeoutMs: Math.max(e.KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS, e.KOHTAANTO_REQUEST_TIMEOUT_SECONDS) * 1000,
    taxonomyDir: resolve(e.KOHTAANTO_TAXONOMY_DIR),
    /** Local labels and concepts layered on the taxonomy; '' for none. */
    taxonomyExtension: e.KOHTAANTO_TAXONOMY_EXTENSION ? resolve(e.KOHTAANTO_TAXONOMY_EXTENSION) : undefined,
    /** Unset: 0.6 for the lexical embedder, 0.85 for a transformers model (their similarity scales differ). */
    skillNnThreshold: e.KOHTAANTO_SKILL_NN_THRESHOLD,
    weights: {
      semantic: e.KOHTAANTO_WEIGHT_SEMANTIC,
      essential: e.KOHTAANTO_WEIGHT_ESSENTIAL,
      optional: e.KOHTAANTO_WEIGHT_OPTIONAL,
      location: e.KOHTAANTO_WEIGHT_LOCATION,
      occupation: e.KOHTAANTO_WEIGHT_OCCUPATION,
    },
    fitFloor: e.KOHTAANTO_FIT_FLOOR,
    fitOccupation: e.KOHTAANTO_FIT_OCCUPATION,
    commute: e.KOHTAANTO_COMMUTE_RULE,
    candidateCommute: e.KOHTAANTO_CANDIDATE_COMMUTE_RULE,
    poolFactor: DEFAULT_MATCH_SETTINGS.poolFactor,
    paySubsidyPoolFactor: DEFAULT_MATCH_SETTINGS.paySubsidyPoolFactor,
    minPool: DEFAULT_MATCH_SETTINGS.minPool,
    exactScanRatio: e.KOHTAANTO_EXACT_SCAN_RATIO,
    exactScanLimit: e.KOHTAANTO_EXACT_SCAN_LIMIT,
    areaCacheVectors: e.KOHTAANTO_AREA_CACHE_VECTORS,
    recordCacheBytes: Math.round(e.KOHTAANTO_RECORD_CACHE_MB * 2 ** 20),
    conceptWaitMs: e.KOHTAANTO_CONCEPT_WAIT_MS,
    /** `id;name_fi;name_sv;municipalities` per line; the committed table when unset. */
    employmentAreasFile: e.KOHTAANTO_EMPLOYMENT_AREAS_FILE && resolve(e.KOHTAANTO_EMPLOYMENT_AREAS_FILE),
    analyticsSample: e.KOHTAANTO_ANALYTICS_SAMPLE,
    /** Minutes between background counts of the kept mismatch shares (0: no keeping). */
    analyticsRefreshMinutes: e.KOHTAANTO_ANALYTICS_REFRESH_MINUTES,
    /** Whether every employment area's and region's mismatch shares are counted in the background after start. */
    analyticsCountAtStart: e.KOHTAANTO_ANALYTICS_COUNT_AT_START === 'on',
    suitablePool: e.KOHTAANTO_SUITABLE_POOL,
    suitableScore: e.KOHTAANTO_SUITABLE_SCORE,
    /** The fewest clients examined (as published) a training plan is shown for. */
    planMinimumClients: e.KOHTAANTO_PLAN_MIN_CLIENTS,
    /** Distinct noisy planner reports per key and day (src/core/analytics/report-budget.ts). */
    noisyReportsPerDay: e.KOHTAANTO_NOISY_REPORTS_PER_DAY,
    trainingEvidence: {
      ...DEFAULT_TRAINING_EVIDENCE,
      priorParticipants: e.KOHTAANTO_PLAN_EVIDENCE_PRIOR,
      periodMonths: e.KOHTAANTO_PLAN_EVIDENCE_MONTHS,
      gainPerVacancy: e.KOHTAANTO_PLAN_GAIN_PER_VACANCY,
      maxEstimatedGain: e.KOHTAANTO_PLAN_MAX_ESTIMATED_GAIN,
    },
    sharing: {
      shareDays: e.KOHTAANTO_SHARE_DAYS,
      adHocSearchesPerHour: e.KOHTAANTO_ADHOC_CANDIDATE_SEARCHES_PER_HOUR,
      adHocMaxK: DEFAULT_SHARING_SETTINGS.adHocMaxK,
      candidatesPerDay: e.KOHTAANTO_CANDIDATES_PER_DAY,
    },
    notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, days: e.KOHTAANTO_NOTIFICATION_DAYS },
    /** Transfers of clients between employment areas (see src/core/transfers/service.ts). */
    transfers: {
      days: e.KOHTAANTO_TRANSFER_DAYS,
      requestDays: e.KOHTAANTO_TRANSFER_REQUEST_DAYS,
      requestsPerDay: e.KOHTAANTO_TRANSFER_REQUESTS_PER_DAY,
      alertPerDay: e.KOHTAANTO_TRANSFER_ALERT_PER_DAY,
      refusedIdsAlertPerDay: e.KOHTAANTO_REFUSED_IDS_ALERT_PER_DAY,
    },
    /** How long the decision log keeps each ranking served. */
    decisionRetentionDays: e.KOHTAANTO_DECISION_RETENTION_DAYS,
    /** How long the audit trail keeps each entry, and how its old entries and decisions are removed (src/runtime/retention.ts). */
    auditRetentionDays: e.KOHTAANTO_AUDIT_RETENTION_DAYS,
    retentionBatch: e.KOHTAANTO_RETENTION_BATCH,
    retentionIntervalMinutes: e.KOHTAANTO_RETENTION_INTERVAL_MINUTES,
    /** Who may read /metrics (src/http/routes/metrics.ts). */
    metrics: metricsAccess(e.KOHTAANTO_METRICS, e.KOHTAANTO_METRICS_KEY),
    /** How long audit entries and decision records wait to be written with others (ms). */
    auditGroupMs: e.KOHTAANTO_AUDIT_GROUP_MS,
    /** Below this much free space on the data disk /health reports `degraded`. */
    minFreeBytes: Math.round(e.KOHTAANTO_MIN_FREE_MB * 2 ** 20),
    bodyLimit: e.KOHTAANTO_BODY_LIMIT,
    bulkBodyLimit: e.KOHTAANTO_BULK_BODY_LIMIT,
    bulkMaxRecords: e.KOHTAANTO_BULK_MAX_RECORDS,
    logLevel: e.KOHTAANTO_LOG_LEVEL,
    /**
     * People signing in with their organisation's identity provider (src/http/signin/): each
     * provider's discovery document is read at start. A signed-in person's claims are checked with
     * the provider again every `recheckMinutes` (by its refresh token; without one the session ends then).
     */
    signIn: { providers, recheckMinutes: e.KOHTAANTO_SIGNIN_RECHECK_MINUTES },
  };
}

/** `key` without a key would refuse every scrape: a start-up error instead. */
function metricsAccess(access: 'loopback' | 'key' | 'off', key: string | undefined): { access: 'loopback' | 'off' } | { access: 'key'; key: string } {
  if (access !== 'key') return { access };
  if (!key) throw new Error('invalid configuration: KOHTAANTO_METRICS_KEY: required when KOHTAANTO_METRICS=key');
  return { access, key };
}

/** The providers' file, checked whole: a problem names the setting, the provider and the field. */
function readProviders(file: string): SignInProvider[] {
  const setting = 'KOHTAANTO_SIGNIN_PROVIDERS_FILE';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`invalid configuration: ${setting}: ${file} cannot be read as JSON (${messageOf(error)})`);
  }
  const parsed = signInProviders.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${[setting, ...i.path].join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export type Config = ReturnType<typeof loadConfig>;
