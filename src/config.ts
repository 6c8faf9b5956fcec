import { DEFAULT_WEIGHTS } from './core/scoring.js';
import { COMMUTE_RULES, DEFAULT_MATCH_SETTINGS } from './core/matching.js';
import { DEFAULT_SHARING_SETTINGS } from './core/sharing.js';
import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.js';
import { readFileSync } from 'node:fs';
import { signInProviders, type SignInProvider } from './core/signin/providers.js';

const number = (fallback: number) => z.coerce.number().finite().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * One worker process per core, as many as the memory holds: each keeps the model, both indexes and
 * its caches (~0.9 GB at 100,000 vacancies), so a big many-core host does not start 64 of them.
 */
function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 30 / 1.5)));
}

/** How often a signed-in person's claims are checked with their identity provider again (minutes). */
export const SIGNIN_RECHECK_MINUTES = 10;

/** Every setting, read once from the environment at start-up. README's configuration table lists them. */
const envSchema = z.object({
  KOHTAANTO_HOST: z.string().default('127.0.0.1'),
  KOHTAANTO_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KOHTAANTO_WORKERS: z.coerce.number().int().min(1).max(64).default(defaultWorkers()),
  KOHTAANTO_DATA_DIR: z.string().default('data'),
  KOHTAANTO_FIXTURES_DIR: z.string().default('fixtures'),
  KOHTAANTO_SEED_FIXTURES: bool(true),
  KOHTAANTO_EMBEDDER: z.enum(['auto', 'transformers', 'lexical']).default('auto'),
  KOHTAANTO_MODEL_DIR: z.string().default('models'),
  KOHTAANTO_MODEL: z.string().default('kohtaanto-jobs-fi-sv-en'),
  KOHTAANTO_MODEL_QUANTIZED: bool(true),
  KOHTAANTO_EMBED_BATCH: z.coerce.number().int().min(1).max(256).default(16),
  KOHTAANTO_HNSW_M: z.coerce.number().int().min(4).max(96).default(16),
  KOHTAANTO_HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(10).max(2000).default(200),
  KOHTAANTO_HNSW_EF: z.coerce.number().int().min(10).max(2000).default(64),
  KOHTAANTO_INDEX_FLUSH_SECONDS: z.coerce.number().min(1).default(30),
  KOHTAANTO_COMPACT_SECONDS: z.coerce.number().min(0).default(3600),
  KOHTAANTO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  KOHTAANTO_FAILED_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  KOHTAANTO_TRUST_PROXY: z.string().default('false').transform((v, ctx): TrustProxy => {
    const trust = parseTrustProxy(v);
    if (typeof trust === 'object' && 'error' in trust) ctx.addIssue({ code: 'custom', message: trust.error });
    return trust as TrustProxy;
  }),
  KOHTAANTO_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  // The committed ESCO v1.1.1 build (ESCO, European Commission) and the reviewed local extension
  // layered on it; KOHTAANTO_TAXONOMY_EXTENSION='' for none, fixtures/taxonomy for the curated test double.
  KOHTAANTO_TAXONOMY_DIR: z.string().default('taxonomy/esco-1.1.1'),
  KOHTAANTO_TAXONOMY_EXTENSION: z.string().default('taxonomy/local-extension.csv'),
  KOHTAANTO_SKILL_NN_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  KOHTAANTO_WEIGHT_SEMANTIC: number(DEFAULT_WEIGHTS.semantic),
  KOHTAANTO_WEIGHT_ESSENTIAL: number(DEFAULT_WEIGHTS.essential),
  KOHTAANTO_WEIGHT_OPTIONAL: number(DEFAULT_WEIGHTS.optional),
  KOHTAANTO_WEIGHT_LOCATION: number(DEFAULT_WEIGHTS.location),
  KOHTAANTO_WEIGHT_OCCUPATION: number(DEFAULT_WEIGHTS.occupation),
  KOHTAANTO_FIT_FLOOR: z.coerce.number().min(0).max(1).default(DEFAULT_MATCH_SETTINGS.fitFloor),
  KOHTAANTO_SUITABLE_SCORE: z.coerce.number().min(0).max(1).default(0.55),
  KOHTAANTO_COMMUTE_RULE: z.enum(COMMUTE_RULES).default(DEFAULT_MATCH_SETTINGS.commute),
  KOHTAANTO_EXACT_SCAN_RATIO: z.coerce.number().min(0).max(1).default(0.1),
  KOHTAANTO_EXACT_SCAN_LIMIT: z.coerce.number().int().min(0).default(20_000),
  KOHTAANTO_EMPLOYMENT_AREAS_FILE: z.string().optional(),
  KOHTAANTO_ANALYTICS_SAMPLE: z.coerce.number().int().min(1).default(100),
  // How many of a client's best matches the job-search page looks at to count the suitable vacancies within their range.
  KOHTAANTO_SUITABLE_POOL: z.coerce.number().int().min(10).max(1000).default(100),
  KOHTAANTO_RECORD_CACHE_MB: z.coerce.number().min(0).default(512),
  KOHTAANTO_AREA_CACHE_VECTORS: z.coerce.number().int().min(0).default(100_000),
  KOHTAANTO_SHARE_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_SHARING_SETTINGS.shareDays),
  KOHTAANTO_ADHOC_CANDIDATE_SEARCHES_PER_HOUR: z.coerce.number().int().min(0).default(DEFAULT_SHARING_SETTINGS.adHocSearchesPerHour),
  KOHTAANTO_CANDIDATES_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_SHARING_SETTINGS.candidatesPerDay),
  KOHTAANTO_TRANSFER_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  KOHTAANTO_TRANSFER_REQUEST_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  KOHTAANTO_TRANSFER_REQUESTS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(10),
  KOHTAANTO_TRANSFER_ALERT_PER_DAY: z.coerce.number().int().min(0).max(1000).default(3),
  // The EU AI Act (art. 26(6)) asks deployers of high-risk systems to keep the logs at least six months.
  KOHTAANTO_DECISION_RETENTION_DAYS: z.coerce.number().int().min(183, 'at least 183 days (six months, EU AI Act art. 26(6))').max(3650).default(365),
  KOHTAANTO_MIN_FREE_MB: z.coerce.number().min(0).default(100),
  KOHTAANTO_BODY_LIMIT: z.coerce.number().int().min(1024).default(1024 * 1024),
  KOHTAANTO_BULK_BODY_LIMIT: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  KOHTAANTO_BULK_MAX_RECORDS: z.coerce.number().int().min(1).default(10_000),
  // Sign-in with identity providers (OpenID Connect): a JSON file listing them (docs/sign-in.md).
  KOHTAANTO_SIGNIN_PROVIDERS_FILE: z.string().optional(),
  KOHTAANTO_SIGNIN_RECHECK_MINUTES: z.coerce.number().min(0).max(600).default(SIGNIN_RECHECK_MINUTES),
  KOHTAANTO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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
    dataDir: resolve(e.KOHTAANTO_DATA_DIR),
    fixturesDir: resolve(e.KOHTAANTO_FIXTURES_DIR),
    seedFixtures: e.KOHTAANTO_SEED_FIXTURES,
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
    commute: e.KOHTAANTO_COMMUTE_RULE,
    exactScanRatio: e.KOHTAANTO_EXACT_SCAN_RATIO,
    exactScanLimit: e.KOHTAANTO_EXACT_SCAN_LIMIT,
    areaCacheVectors: e.KOHTAANTO_AREA_CACHE_VECTORS,
    recordCacheBytes: Math.round(e.KOHTAANTO_RECORD_CACHE_MB * 2 ** 20),
    /** `id;name_fi;name_sv;municipalities` per line; the committed table when unset. */
    employmentAreasFile: e.KOHTAANTO_EMPLOYMENT_AREAS_FILE && resolve(e.KOHTAANTO_EMPLOYMENT_AREAS_FILE),
    analyticsSample: e.KOHTAANTO_ANALYTICS_SAMPLE,
    suitablePool: e.KOHTAANTO_SUITABLE_POOL,
    suitableScore: e.KOHTAANTO_SUITABLE_SCORE,
    sharing: {
      shareDays: e.KOHTAANTO_SHARE_DAYS,
      adHocSearchesPerHour: e.KOHTAANTO_ADHOC_CANDIDATE_SEARCHES_PER_HOUR,
      adHocMaxK: DEFAULT_SHARING_SETTINGS.adHocMaxK,
      candidatesPerDay: e.KOHTAANTO_CANDIDATES_PER_DAY,
    },
    /** Transfers of clients between employment areas (see src/core/transfers/service.ts). */
    transfers: {
      days: e.KOHTAANTO_TRANSFER_DAYS,
      requestDays: e.KOHTAANTO_TRANSFER_REQUEST_DAYS,
      requestsPerDay: e.KOHTAANTO_TRANSFER_REQUESTS_PER_DAY,
      alertPerDay: e.KOHTAANTO_TRANSFER_ALERT_PER_DAY,
    },
    /** How long the decision log keeps each ranking served. */
    decisionRetentionDays: e.KOHTAANTO_DECISION_RETENTION_DAYS,
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

/** The providers' file, checked whole: a problem names the setting, the provider and the field. */
function readProviders(file: string): SignInProvider[] {
  const setting = 'KOHTAANTO_SIGNIN_PROVIDERS_FILE';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`invalid configuration: ${setting}: ${file} cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = signInProviders.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${[setting, ...i.path].join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export type Config = ReturnType<typeof loadConfig>;
