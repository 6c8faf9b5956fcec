import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType, type Registry } from 'prom-client';
import type { CountLink } from '../http/window-counts.js';
import type { ServicesRole } from './compose.js';
import { lockDataDir } from './lock.js';
import { secureDataDir } from './permissions.js';
import type { EngineLog } from './log.js';

/** The environment variable telling a forked worker its role (set by the primary, not by users). */
const ROLE_VARIABLE = 'KOHTAANTO_WORKER_ROLE';
/** ... and its place (0 the maintaining worker, 1… the others; a worker started again takes its predecessor's): its metrics' `worker` label. */
const SLOT_VARIABLE = 'KOHTAANTO_WORKER_SLOT';
/** How long a worker waits for the primary's merged metrics (prom-client's own limit per worker is 5 s). */
const SCRAPE_TIMEOUT_MS = 8000;

type Message =
  | { type: 'ready' }
  | { type: 'counts'; channel: string; window: number; deltas: [string, number][] }
  | { type: 'scrape'; id: number }
  | { type: 'scraped'; id: number; text?: string; error?: string };

/** This process's role: `single` unless the primary forked it as a worker. */
export function workerRole(): ServicesRole {
  const role = process.env[ROLE_VARIABLE];
  return cluster.isWorker && (role === 'maintainer' || role === 'follower') ? role : 'single';
}

/** In a worker: its metrics' `worker` label (undefined in a single process). */
export function workerSlot(): string | undefined {
  return workerRole() === 'single' ? undefined : process.env[SLOT_VARIABLE];
}

/**
 * In a worker: the scrape of GET /metrics. Every worker's series, merged by the primary with
 * prom-client's AggregatorRegistry (it asks each worker for its registry over the cluster channel;
 * series differ by their `worker` label, so none is summed into another); this worker answers the
 * primary's requests for its own registry from now on.
 */
export function clusterScrape(registry: Registry): () => Promise<{ contentType: string; text: string }> {
  AggregatorRegistry.setRegistries(registry);
  void new AggregatorRegistry(); // installs the listener answering the primary's requests
  const waiting = new Map<number, (message: Message & { type: 'scraped' }) => void>();
  let next = 0;
  process.on('message', (message: Message) => {
    if (message?.type === 'scraped') waiting.get(message.id)?.(message);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary did not answer with the metrics'));
      }, SCRAPE_TIMEOUT_MS);
      waiting.set(id, (message) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (message.text === undefined) reject(new Error(message.error ?? 'no metrics'));
        else resolve({ contentType: registry.contentType, text: message.text });
      });
      process.send?.({ type: 'scrape', id } satisfies Message);
    });
}

/** In a worker: tells the primary this worker listens with current indexes. */
export function reportReady(): void {
  process.send?.({ type: 'ready' } satisfies Message);
}

/** In a worker: the link carrying one channel's counts to and from the other workers (see WindowCounts). */
export function countLink(channel: string): CountLink {
  return {
    send: (window, deltas) => process.send?.({ type: 'counts', channel, window, deltas } satisfies Message),
    onReceive: (handler) =>
      process.on('message', (message: Message) => {
        if (message?.type === 'counts' && message.channel === channel) handler(message.window, message.deltas);
      }),
  };
}

/**
 * The primary process when KOHTAANTO_WORKERS > 1. It holds the data directory's lock and serves
 * nothing itself: it starts the maintaining worker (which migrates, seeds, refreshes and writes the
 * index files), then, once that one listens, the others (which load the files and follow the
 * change log); the port is shared (node:cluster hands connections round-robin). It relays the
 * rate-limit counts between workers, starts a worker again when one dies, and on SIGTERM/SIGINT
 * stops them all (each closes cleanly) before it exits. A worker failing before it is ready ends
 * the service with its exit code (a wrong setting would otherwise be retried forever).
 */
export function runPrimary(workers: number, dataDir: string, log: EngineLog, semiSpaceMb?: number): void {
  secureDataDir(dataDir);
  // Each worker's young generation (see KOHTAANTO_WORKER_SEMI_SPACE_MB), unless node was started with its own.
  if (semiSpaceMb !== undefined && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${semiSpaceMb}`] });
  }
  const lock = lockDataDir(dataDir);
  const roles = new Map<Worker, ServicesRole>();
  const slots = new Map<Worker, number>();
  let aggregator: AggregatorRegistry<PrometheusContentType> | undefined;
  const ready = new Set<Worker>();
  let stopping = false;
  let followersStarted = false;

  const start = (role: ServicesRole, slot: number) => {
    const worker = cluster.fork({ [ROLE_VARIABLE]: role, [SLOT_VARIABLE]: String(slot) });
    roles.set(worker, role);
    slots.set(worker, slot);
    // A channel error (a message to a worker as it exits) is no reason to end the service.
    worker.on('error', (error) => log.warn(`worker ${worker.process.pid} (${role}): ${error.message}`));
    worker.on('message', (message: Message) => {
      if (message?.type === 'counts') {
        // A worker may be exiting (its channel closing) as the counts are relayed: a failed send is
        // dropped (without a callback it would be an 'error' event, ending the primary with exit 1).
        for (const other of roles.keys()) if (other !== worker && other.isConnected()) other.send(message, () => undefined);
      } else if (message?.type === 'scrape') {
        // GET /metrics reached this worker: every worker's registry, merged (see clusterScrape).
        aggregator ??= new AggregatorRegistry();
        const answer = (reply: Message) => worker.isConnected() && worker.send(reply, () => undefined);
        aggregator.clusterMetrics().then(
          (text: string) => answer({ type: 'scraped', id: message.id, text }),
          (error: Error) => answer({ type: 'scraped', id: message.id, error: error.message }),
        );
      } else if (message?.type === 'ready') {
        ready.add(worker);
        // Not once stopping: a ready message already on its way when SIGTERM came would start
        // followers that nobody stops.
        if (role === 'maintainer' && !followersStarted && !stopping) {
          followersStarted = true;
          for (let i = 1; i < workers; i++) start('follower', i);
        }
      }
    });
    return worker;
  };

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const alive = [...roles.keys()].filter((w) => !w.isDead());
    if (alive.length === 0) finish(code);
    for (const worker of alive) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of roles.keys()) if (!worker.isDead()) worker.process.kill('SIGKILL');
    }, 30_000).unref();
    exitCode = code;
  };
  let exitCode = 0;
  const finish = (code: number) => {
    lock.release();
    process.exit(code);
  };

  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker)!;
    const slot = slots.get(worker)!;
    const wasReady = ready.has(worker);
    roles.delete(worker);
    slots.delete(worker);
    ready.delete(worker);
    if (stopping) {
      if (roles.size === 0) finish(exitCode);
      return;
    }
    if (!wasReady) {
      log.warn(`worker ${worker.process.pid} (${role}) failed to start (${signal ?? `exit ${code}`}): stopping the service`);
      stop(code || 1);
      return;
    }
    log.warn(`worker ${worker.process.pid} (${role}) ended (${signal ?? `exit ${code}`}): starting another`);
    start(role, slot);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info(`${signal}: stopping ${roles.size} workers`);
      stop(0);
    });
  }
  log.info(`starting ${workers} worker processes on ${dataDir}`);
  start('maintainer', 0);
}
