import { copyFileSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig, type Env } from '../../src/config.js';
import { ROLES, type Principal, type Role } from '../../src/core/access.js';
import type { Embedder } from '../../src/core/ports.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { buildApp, type App } from '../../src/http/app.js';
import type { Clock } from '../../src/core/clock.js';
import { MemoryLog, type LogLine } from '../../src/adapters/memory/log.js';
import { shareNormalizers } from '../../src/runtime/taxonomy.js';
import { FIXTURES, SHIPPED_MODEL, SHIPPED_MODEL_DIR, tempDir } from './files.js';

// Paths, temporary directories and sample records live in their own modules, which the unit tests
// import without loading the engine and the HTTP app that this one does.
export { CURATED_TEST_TAXONOMY, FIXTURES, removeDir, ROOT, SHARED_ESCO, SHIPPED_MODEL, SHIPPED_MODEL_DIR, tempDir, TINY_MODEL, TINY_MODEL_DIR } from './files.js';
export { sampleJobseeker, sampleVacancy } from './samples.js';

// The services a test worker starts share the taxonomy's normaliser (src/runtime/taxonomy.ts): each
// start after the first on the same taxonomy and model skips ~5 s of CPU reading ESCO and indexing
// its labels. A process the tests spawn (npm start, the CLI, the benchmarks) reads it itself.
shareNormalizers();

/** The organisation of each role's test key: counsellors serve Tampere's employment area. */
export const TEST_ORGANISATIONS: Record<Role, string> = {
  counsellor: 'test-area',
  'employer-service': 'test-unit',
  planner: 'test-planning',
  admin: 'national',
};

/** An admin principal for calling core services directly in tests (no key behind it). */
export const ADMIN: Principal = { keyId: 'test-admin', name: 'test admin', role: 'admin', organisation: { id: 'national', kind: 'national' } };

export type { LogLine } from '../../src/adapters/memory/log.js';

/** A base URL with the API key to send; with `app`, requests are injected into it (no socket) and `url` is empty. */
export interface Caller {
  url: string;
  key?: string;
  app?: App;
}

export interface RunningService {
  /** The loopback address it listens on; empty for a service built with `build` (requests injected). */
  url: string;
  /** One API key per role, created at start. */
  keys: Record<Role, string>;
  /** The service as seen by a caller holding a key of this role. */
  as(role: Role): Caller;
  /** The service as seen by a caller holding `key` (another key than the role keys), or none. */
  withKey(key?: string): Caller;
  app: App;
  engine: Engine;
  dataDir: string;
  logs: LogLine[];
  /** Stops the HTTP server and closes the engine (flushing indexes), keeping the data directory. */
  stop(): Promise<void>;
}

const DEFAULT_ENV = {
  KOHTAANTO_FIXTURES_DIR: FIXTURES,
  KOHTAANTO_EMBEDDER: 'transformers',
  KOHTAANTO_MODEL_DIR: SHIPPED_MODEL_DIR,
  KOHTAANTO_MODEL: SHIPPED_MODEL,
  // The mismatch shares are counted at each request in tests (a service keeping them counts every
  // area in the background from its start); test/runtime/kept-figures.test.ts turns keeping on.
  KOHTAANTO_ANALYTICS_REFRESH_MINUTES: '0',
  // The daily budget of noisy planner reports is not what most tests ask about (many ask hundreds of
  // questions): test/http/report-budget.test.ts sets its own.
  KOHTAANTO_NOISY_REPORTS_PER_DAY: '100000',
};

/** Settings that change nothing in what seeding stores: a service started with only these may start from the seeded copy. */
const NOT_STORED = new Set([
  'KOHTAANTO_ANALYTICS_SAMPLE',
  'KOHTAANTO_ANALYTICS_REFRESH_MINUTES',
  'KOHTAANTO_ANALYTICS_COUNT_AT_START',
  'KOHTAANTO_RATE_LIMIT_PER_MINUTE',
  'KOHTAANTO_FAILED_AUTH_PER_MINUTE',
  'KOHTAANTO_TRUST_PROXY',
  'KOHTAANTO_REQUEST_TIMEOUT_SECONDS',
  'KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS',
  'KOHTAANTO_SIGNIN_PROVIDERS_FILE',
  'KOHTAANTO_SIGNIN_RECHECK_MINUTES',
  'KOHTAANTO_CONCEPT_WAIT_MS',
  'KOHTAANTO_NOISY_REPORTS_PER_DAY',
]);

/**
 * Seeds the fixture data set into `dataDir` as the first start of the service does (SQLite file,
 * index files, label vectors) and closes it: global-setup.ts does it once per run, and the tests
 * that start a seeded service start on a copy (seeding embeds 4,800 texts: ~7 s each time).
 */
export async function seedDataDir(dataDir: string): Promise<void> {
  withTestSecret(dataDir);
  const engine = await openEngine(loadConfig({ ...DEFAULT_ENV, KOHTAANTO_DATA_DIR: dataDir }), { info: () => undefined, warn: () => undefined });
  await engine.ready;
  engine.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data directory global-setup.ts seeded (see seedDataDir). */
    seededDataDir: string;
  }
}

/**
 * A new data directory: a copy of the one seeded at the start of the run when the service would
 * seed the same fixtures into it (the copy is the test's own; a first start's seeding through
 * `npm start` is tested in test/cli/serve.test.ts), otherwise empty.
 */
function newDataDir(options: { env?: Env; embedder?: Embedder }): string {
  const seeded = inject('seededDataDir') as string | undefined; // none under test/unit.config.ts
  const sameSeeding = !options.embedder && Object.keys(options.env ?? {}).every((key) => NOT_STORED.has(key));
  if (seeded && sameSeeding) return seededDataDirCopy();
  const dir = tempDir();
  withTestSecret(dir);
  copyLabelVectors(dir);
  return dir;
}

/**
 * The installation secret of every test data directory, fixed (a real installation's is random, made on
 * first start: src/runtime/secret.ts). Published counts are rounded at random under it and pseudonyms
 * keyed by it, so with a random one a test reading a rounded count saw another answer one run in a few.
 * A test of a first start, or of two installations, uses a directory of its own.
 */
export const TEST_INSTALLATION_SECRET = Buffer.alloc(32, 'kohtaanto-test-installation-key!').toString('base64');

/** Writes the fixed test secret into a new data directory (see TEST_INSTALLATION_SECRET). */
export function withTestSecret(dataDir: string): void {
  const file = join(dataDir, 'kohtaanto.secret');
  if (!existsSync(file)) writeFileSync(file, `${TEST_INSTALLATION_SECRET}\n`, { mode: 0o600 });
}

/**
 * A new data directory holding a copy of the one seeded at the start of the run: what a service on
 * the defaults (ESCO, the shipped model, the fixtures) holds after its first start. For tests that
 * start the service as a process on seeded data without testing the seeding itself (a first start
 * through `npm start` is tested in test/cli/serve.test.ts): seeding 4,800 records with the model
 * costs a spawned service over a minute on 2 busy cores.
 */
export function seededDataDirCopy(): string {
  const seeded = inject('seededDataDir') as string | undefined;
  if (!seeded) throw new Error('no seeded data directory: run under vitest.config.ts (test/global-setup.ts seeds it)');
  const dir = tempDir();
  cpSync(seeded, dir, { recursive: true });
  return dir;
}

/**
 * Copies the taxonomy's label vectors of the run's seeded data directory into `dir` (keyed by model and
 * labels: another embedder's or taxonomy's are not read but redone): embedding ESCO's labels costs each
 * start that has no copy ~30 s of the run's 2 cores.
 */
export function copyLabelVectors(dir: string): void {
  const seeded = inject('seededDataDir') as string | undefined; // none under test/unit.config.ts
  if (!seeded) return;
  for (const file of ['skills.labels', 'occupations.labels']) if (existsSync(join(seeded, file))) copyFileSync(join(seeded, file), join(dir, file));
}

/**
 * Starts the real service, as `npm start` wires it, on a loopback port: SQLite file and HNSW index
 * files under `dataDir`, the fixture data set loaded on first start (unless disabled).
 */
export interface ServiceOptions {
  dataDir?: string;
  env?: Env;
  embedder?: Embedder;
  waitForIndexes?: boolean;
  port?: number;
  clock?: Clock;
}

/**
 * The real service as `npm start` wires it (see startService), without a socket: `call` injects the
 * requests into the app (fastify's `inject`), through its routes, hooks, serialisers and error
 * handler. For tests of the HTTP API that need no connection of their own (slow clients, addresses
 * behind a proxy, a browser, another process): `startService` is for those.
 */
export function build(options: Omit<ServiceOptions, 'port'> = {}): Promise<RunningService> {
  return startService({ ...options, listen: false });
}

export async function startService(options: ServiceOptions & { listen?: boolean } = {}): Promise<RunningService> {
  const dataDir = options.dataDir ?? newDataDir(options);
  const config = loadConfig({ ...DEFAULT_ENV, KOHTAANTO_DATA_DIR: dataDir, ...options.env } as Record<string, string>);
  const log = new MemoryLog();
  const logs = log.lines;
  const engine = await openEngine(
    config,
    log,
    options.embedder,
    'single',
    options.clock,
  );
  if (options.waitForIndexes !== false) {
    await engine.ready; // an index rebuilt in the background is complete before the test's first match
    await engine.rederivation.start(); // and the records an earlier taxonomy build derived are derived again (serve.ts starts it on listening)
  }
  const area = engine.employmentAreas.areaOf('837').id; // Tampere's employment area
  const known = new Set((await engine.organisations.list()).map((o) => o.id)); // a restart on the same data directory
  if (!known.has('test-area')) {
    await engine.organisations.add({ id: 'test-area', name: 'Test employment area (Tampere)', kind: 'employment-area', area });
    await engine.organisations.add({ id: 'test-unit', name: 'Test employer services', kind: 'employer-services' });
    await engine.organisations.add({ id: 'test-planning', name: 'Test planning office', kind: 'planning' });
  }
  const keys = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await engine.keys.create(role, `test ${role}`, TEST_ORGANISATIONS[role])).key]))) as Record<
    Role,
    string
  >;
  const app = await buildApp(engine, config);
  app.addHook('onClose', async () => engine.close());
  const injected = options.listen === false;
  const address = injected ? '' : await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  if (injected) await app.ready();
  return {
    url: address,
    keys,
    as: (role) => (injected ? { url: '', key: keys[role], app } : { url: address, key: keys[role] }),
    withKey: (key) => ({ url: address, ...(key === undefined ? {} : { key }), ...(injected ? { app } : {}) }),
    app,
    engine,
    dataDir,
    logs,
    stop: () => app.close(),
  };
}

/** fetch (or, for a Caller with `app`, fastify's inject) with JSON in and out. */
export async function call(
  base: string | Caller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const caller: Caller = typeof base === 'string' ? { url: base } : base;
  const auth: Record<string, string> = caller.key ? { authorization: `Bearer ${caller.key}` } : {};
  const init: RequestInit & { headers: Record<string, string> } = { method, headers: { ...auth, ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string') init.body = body;
    else {
      init.body = JSON.stringify(body);
      init.headers['content-type'] = 'application/json';
    }
  }
  const { status, text, headers: answered } = caller.app ? await injected(caller.app, path, init) : await fetched(caller.url + path, init);
  let parsed: unknown = text;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status, body: parsed, headers: answered };
}

/**
 * A test that ran a command synchronously (spawnSync) held this process's event loop meanwhile: a kept-alive
 * connection the service closed in that time is only noticed when the next request is written on it
 * (ECONNRESET, seen in CI under load). An idempotent request is then sent once more on a new connection.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
async function fetched(url: string, init: RequestInit): Promise<{ status: number; text: string; headers: Headers }> {
  const send = () => fetch(url, init);
  const response = await send().catch((error: { cause?: { code?: string } }) => {
    if (error.cause?.code === 'ECONNRESET' && IDEMPOTENT.has(init.method ?? 'GET')) return send();
    throw error;
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The request injected into the app, its answer as fetch gives it (a Headers object: names case-insensitive, repeated ones joined). */
async function injected(app: App, path: string, init: RequestInit & { headers: Record<string, string> }): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await app.inject({
    method: init.method as 'GET',
    url: path,
    headers: init.headers,
    ...(init.body === undefined ? {} : { payload: init.body as string }),
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  return { status: response.statusCode, text: response.body, headers };
}

export const ndjson = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
