import cluster from 'node:cluster';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { indexUnavailable } from '../core/errors.js';
import { compose, databaseFile, type EngineLog, type Services } from '../runtime/compose.js';
import { processesPerNode } from '../runtime/database.js';
import { addDemoPopulation, demoDue } from '../runtime/demo.js';
import { buildApp } from '../http/app.js';
import { serviceLogOptions } from '../http/redact.js';
import { clusterScrape, countLink, reportReady, runPrimary, workerRole, workerSlot } from '../runtime/workers.js';
import { messageOf } from '../core/thrown.js';

/** How often an idle worker catches up on the others' writes (it also does before each request). */
const SYNC_EVERY_MS = 1000;
/** How long a worker stays after its server closed, answering the primary for connections in flight to it. */
const WORKER_EXIT_GRACE_MS = 500;

/**
 * `npm start`: the service on the embedded default (SQLite file under data/, fixtures on first
 * start). With KOHTAANTO_WORKERS > 1 (default: one per core) this process becomes the primary and
 * the workers run this same file (see src/runtime/workers.ts).
 */
async function main() {
  // Every file the service creates (SQLite, its WAL, index files, keys) is readable by its user only.
  process.umask(0o077);
  const config = { ...loadConfig() };
  // On PostgreSQL one process per node (its copy of the records and index files are its own): add nodes for more.
  if (config.database !== undefined && config.workers > 1) config.workers = processesPerNode(config);
  const started = Date.now();
  const { default: pino } = await import('pino');
  // Request lines carry URLs: query values other than numbers, codes and ids (search words that may
  // be a client's name, a key passed as ?key=) are redacted, in error messages too.
  const logger = pino(serviceLogOptions(config.logLevel));
  const log: EngineLog = { info: (m) => logger.info(m), warn: (m) => logger.warn(m) };
  if (cluster.isPrimary && config.workers > 1) {
    runPrimary(config.workers, config.dataDir, log, config.workerSemiSpaceMb);
    return;
  }
  const role = workerRole();
  const firstStart = !existsSync(databaseFile(config.dataDir));
  const services = await compose(config, log, undefined, role, undefined, workerSlot());
  if (role !== 'follower') await bootstrapAdminKey(services, config.dataDir, log);
  let restarting = false;
  const sync = async () => {
    if (restarting) throw indexUnavailable('this worker is restarting; retry', 2);
    try {
      await services.sync();
    } catch (error) {
      // Too far behind the change log to catch up: the primary starts a fresh worker.
      restarting = true;
      log.warn(`${messageOf(error)}: restarting this worker`);
      setImmediate(() => void app.close().finally(() => process.exit(75)));
      throw indexUnavailable('this worker is restarting; retry', 2);
    }
  };
  const app = await buildApp(services, {
    ...config,
    loggerInstance: logger,
    ...(role === 'single' ? {} : { cluster: { link: countLink, sync, metrics: clusterScrape(services.metrics.registry) } }),
  });
  await app.listen({ host: config.host, port: config.port });
  // What the indexes caught up on at start, written to their files now that requests are answered.
  services.flush().catch((error: Error) => log.warn(`writing index files failed: ${error.message}`));
  services.analytics.keptFigures.start(); // the mismatch shares, counted in the background (src/runtime/kept-figures.ts)
  void services.rederivation.start(); // records an earlier taxonomy build derived, derived again while serving (src/runtime/rederivation.ts)
  // The concept indexes (records by occupation and skills) filled in the background once the indexes are loaded,
  // a chunk of records at a time: the first match of each kind need not read every record (seconds at national scale).
  const between = () => new Promise<void>((resolve) => setImmediate(resolve));
  void services.ready
    .then(() => services.vacancies.fillConcepts(between))
    .then(() => services.jobseekers.fillConcepts(between))
    .catch((error: Error) => log.warn(`concept indexes: ${error.message}`));
  app.log.info(`Kohtaanto ready in ${Date.now() - started} ms: http://${config.host}:${config.port}/docs${role === 'single' ? '' : ` (worker ${process.pid}, ${role})`}`);
  let syncTimer: NodeJS.Timeout | undefined;
  if (role !== 'follower' && demoDue(config, firstStart)) void addDemoPopulation(config, services.jobseekers, services.vacancies, log);
  if (role !== 'single') {
    // The other workers start once this one's index files are complete (they load them).
    void services.ready.then(reportReady);
    syncTimer = setInterval(() => {
      sync().catch(() => {
        // reported above; the worker is restarting
      });
    }, SYNC_EVERY_MS).unref();
  }
  // A worker stops when the primary tells it (SIGTERM); Ctrl-C reaches the whole process group, and
  // a worker ending on it first would be taken for a crash and started again.
  if (role !== 'single') process.on('SIGINT', () => undefined);
  for (const signal of role === 'single' ? (['SIGINT', 'SIGTERM'] as const) : (['SIGTERM'] as const)) {
    process.once(signal, () => {
      app.log.info(`${signal}: closing`);
      clearInterval(syncTimer); // the database closes with the app: nothing to catch up on any more
      // A worker stays a moment after its server closed: a connection the primary handed it just
      // before learning of the close is then refused back to the primary, which gives it to another
      // worker; a worker already gone would leave that connection unanswered (a rolling restart,
      // test/cli/rolling-restart.test.ts).
      const exit = (code: number) => (role === 'single' ? process.exit(code) : setTimeout(() => process.exit(code), WORKER_EXIT_GRACE_MS));
      app.close().then(
        () => exit(0),
        () => exit(1),
      );
    });
  }
}

/**
 * A new installation has no API keys, and every /v1 route needs one: create a first admin key and
 * leave it in a file only the service's user can read (it is never logged).
 */
async function bootstrapAdminKey(services: Services, dataDir: string, log: EngineLog) {
  if ((await services.keys.activeCount()) > 0) return;
  const { id, key } = await services.keys.create('admin', 'initial admin (created on first start)', 'national', 30);
  const file = join(dataDir, 'initial-admin.key');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log.warn(
    `No API keys existed: created admin key ${id}, written to ${file}. ` +
      `It expires in 30 days. Add organisations and their keys with 'npm run keys' (or /v1/admin) and revoke this one when done.`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
