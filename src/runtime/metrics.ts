import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StorageFigures } from '../adapters/sqlite/storage-figures.js';
import type { Clock } from '../core/clock.js';
import type { Rebuild } from '../core/health/service.js';
import type { DecisionLog, Direction } from '../core/oversight/decisions.js';
import type { Embedder } from '../core/ports.js';

/** Request latency buckets (seconds): a stored-profile match takes ~1–3 ms, an import batch seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DIRECTIONS: Direction[] = ['vacancies', 'candidates', 'text-vacancies', 'text-candidates'];
const INDEXES = ['jobseekers', 'vacancies'] as const;

/** One record kind's index as the metrics see it. */
export interface WatchedIndex {
  size(): number;
  /** Changes other workers wrote that this process has not applied yet (change-log generations). */
  behind(): number;
  rebuild(): Rebuild | undefined;
}

/** What the gauges read at each scrape (nothing of it on a request's path). */
export interface WatchedSources {
  now: Clock;
  indexes: Record<(typeof INDEXES)[number], WatchedIndex>;
  /** Audit entries and decision records waiting in memory for their group write. */
  backlog: { audit(): number; decisions(): number };
  /** The SQLite file's figures: only in the process maintaining the data directory (one series per service, not per worker). */
  storage?: StorageFigures;
  /** Rows the retention removed since this process started. */
  pruned?: () => { audit: number; decisions: number };
}

/** Node's own figures (memory, heap, event-loop delay, GC), collected once per process however many services a test composes. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The service's Prometheus series (docs/operations/monitoring.md lists them). Request latency goes
 * through `routeTimer`: one per route and method, made when the route is registered, which keeps
 * a labelled child per status code, so that a request costs one histogram observe and nothing
 * else (no route lookup, no label object of ours; prom-client's observe itself builds its label
 * key: ~1 µs and ~1 KB per request, 0.1 % of a stored-profile match, `npm run bench:metrics-hook`). Counts that the match path adds to (rankings served, embedder time) are plain numbers
 * copied into their counters at each scrape. With several worker processes every series carries a
 * `worker` label (see src/runtime/workers.ts: the primary merges the workers' series into one scrape).
 */
export function serviceMetrics(worker?: string) {
  const own = new Registry();
  const registers = [own];
  const served: Record<Direction, number> = { vacancies: 0, candidates: 0, 'text-vacancies': 0, 'text-candidates': 0 };
  const embedding = { seconds: 0, texts: 0, calls: 0 };

  const requests = new Histogram({
    name: 'kohtaanto_http_request_duration_seconds',
    help: 'Time from a request received to its answer sent, by route pattern (never the raw URL), method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  new Counter({
    name: 'kohtaanto_matches_served_total',
    help: 'Rankings served to users (the decision records written), by direction',
    labelNames: ['direction'] as const,
    registers,
    collect() {
      this.reset();
      for (const d of DIRECTIONS) this.inc({ direction: d }, served[d]);
    },
  });
  new Counter({
    name: 'kohtaanto_embedder_seconds_total',
    help: 'Time spent embedding texts (records written, pasted texts, skill strings)',
    registers,
    collect() {
      this.reset();
      this.inc(embedding.seconds);
    },
  });
  new Counter({
    name: 'kohtaanto_embedder_texts_total',
    help: 'Texts embedded',
    registers,
    collect() {
      this.reset();
      this.inc(embedding.texts);
    },
  });

  const registry = Registry.merge([processMetrics(), own]);
  if (worker !== undefined) registry.setDefaultLabels({ worker });

  return {
    registry,

    /** The timer of one route and method: called when the answer is sent, with its status and milliseconds. */
    routeTimer(route: string, method: string): (status: number, ms: number) => void {
      const byStatus = new Map<number, Histogram.Internal<'route' | 'method' | 'status'>>();
      return (status, ms) => {
        let series = byStatus.get(status);
        if (!series) byStatus.set(status, (series = requests.labels(route, method, String(status))));
        series.observe(ms / 1000);
      };
    },

    /** The embedder, its time and texts counted (the same object to everything else: `instanceof` still holds). */
    timed(embedder: Embedder): Embedder {
      const timed = Object.create(embedder) as Embedder & { embed: Embedder['embed'] };
      timed.embed = async (texts, role) => {
        const started = performance.now();
        try {
          return await embedder.embed(texts, role);
        } finally {
          embedding.seconds += (performance.now() - started) / 1000;
          embedding.texts += texts.length;
          embedding.calls++;
        }
      };
      return timed;
    },

    /** The decision log, each ranking recorded counted as served. */
    counted(log: DecisionLog): DecisionLog {
      return {
        record: (decision) => {
          served[decision.direction]++;
          log.record(decision);
        },
        forJobseeker: (id, limit) => log.forJobseeker(id, limit),
        appearancesOf: (id, limit) => log.appearancesOf(id, limit),
        candidateRankings: (filter) => log.candidateRankings(filter),
        extent: () => log.extent(),
        eraseJobseeker: (id) => log.eraseJobseeker(id),
        pruneBefore: (at, limit) => log.pruneBefore(at, limit),
      };
    },

    /** The gauges, read from these at each scrape. */
    watch(sources: WatchedSources): void {
      gauge('kohtaanto_index_vectors', 'Live vectors in this process\'s index, by index', ['index'], (set) => {
        for (const name of INDEXES) set({ index: name }, sources.indexes[name].size());
      });
      gauge('kohtaanto_index_rebuild_ratio', 'Share of an index rebuilt in the background (1 when none is under way; matching answers 503 below 1)', ['index'], (set) => {
        for (const name of INDEXES) {
          const rebuild = sources.indexes[name].rebuild();
          set({ index: name }, rebuild ? rebuild.done / Math.max(1, rebuild.total) : 1);
        }
      });
      gauge('kohtaanto_index_rebuild_remaining_records', 'Records left to an index rebuilt in the background', ['index'], (set) => {
        for (const name of INDEXES) {
          const rebuild = sources.indexes[name].rebuild();
          set({ index: name }, rebuild ? rebuild.total - rebuild.done : 0);
        }
      });
      gauge('kohtaanto_changelog_lag', 'Changes other workers wrote that this worker has not applied yet (change-log generations), by record kind', ['kind'], (set) => {
        for (const name of INDEXES) set({ kind: name }, sources.indexes[name].behind());
      });
      gauge('kohtaanto_audit_backlog', 'Audit entries waiting in memory for their group write (near 0; grows when the disk is full, requests are refused at 50,000)', [], (set) =>
        set({}, sources.backlog.audit()),
      );
      gauge('kohtaanto_decision_backlog', 'Decision records waiting in memory for their group write', [], (set) => set({}, sources.backlog.decisions()));
      if (sources.pruned) {
        const pruned = sources.pruned;
        gauge('kohtaanto_retention_pruned_rows', 'Rows the retention removed since this process started, by log', ['log'], (set) => {
          const p = pruned();
          set({ log: 'audit' }, p.audit);
          set({ log: 'decisions' }, p.decisions);
        });
      }
      const storage = sources.storage;
      if (storage) {
        gauge('kohtaanto_sqlite_bytes', 'Size of the SQLite file and of its write-ahead log', ['file'], (set) => {
          set({ file: 'database' }, storage.fileBytes());
          set({ file: 'wal' }, storage.walBytes());
        });
        gauge('kohtaanto_sqlite_free_bytes', 'Free pages inside the SQLite file (reused by new rows; an incremental vacuum gives them back to the disk)', [], (set) =>
          set({}, storage.freeBytes()),
        );
        gauge('kohtaanto_sessions', 'Sign-in sessions not expired, by kind (key: the web app with an API key; person: an identity provider)', ['kind'], (set) => {
          const s = storage.sessions(sources.now());
          set({ kind: 'key' }, s.key);
          set({ kind: 'person' }, s.person);
        });
      }
    },
  };

  function gauge(name: string, help: string, labelNames: string[], read: (set: (labels: Record<string, string>, value: number) => void) => void) {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        read((labels, value) => this.set(labels, value));
      },
    });
  }
}

export type ServiceMetrics = ReturnType<typeof serviceMetrics>;
