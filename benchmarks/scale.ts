/**
 * `npm run bench:scale`: national scale on one machine (issue 34, item 6) — the service as `npm start`
 * runs it (its own processes, SQLite file, index files; --workers of them), measured over HTTP at the
 * baseline size (100,000 vacancies) and then at the target size in the same data directory, so that
 * each figure's growth is visible beside the baseline's:
 *
 * - ingest: records/s of bulk NDJSON imports (5,000 per request) up to the size, jobseekers and vacancies
 * - memory per worker (VmRSS and VmHWM of each worker process after the load)
 * - start to listening after a clean stop (SIGTERM), and after SIGKILL with the index file behind the
 *   store (1,000 more vacancies written just before): seconds to listening and to a current index
 * - stored-profile matches (client → vacancies, k=10), unfiltered and filtered by the client's home
 *   municipality: req/s, p50/p99 latency and server CPU per request under --connections
 * - a client's gap report and an employment area's mismatch analytics: p50/p99 of --samples sequential requests
 * - the data directory's size (SQLite file with its WAL, index files)
 *
 * Targets (issue 34): restart ≤ 10 s to listening with a current index, match p99 ≤ 30 ms, memory
 * ≤ 4 GB per worker at 1,000,000 vacancies.
 *
 *   npm run bench:scale                                    # 100,000 then 1,000,000 vacancies, 300,000 jobseekers
 *   npm run bench:scale -- --vacancies 300000 --jobseekers 100000
 *   npm run bench:scale -- --data /big/disk/kohtaanto-scale  # keep the data directory (reused: only what is missing is ingested)
 *
 * Disk: on the order of 10 GB at the full size (the data directory in --data, else the system's
 * temporary directory; benchmarks/README.md has the estimate).
 * Prints a Markdown table and writes benchmarks/results/scale-<date>-<machine>.json.
 */
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generate } from '../fixtures/generate.js';
import { buildService, cpuMs, kill, processTree, startService } from './service.js';
import { writeResult } from './results.js';

/** Generated records of one kind, `count` from record `from` on, in chunks (a million records are never held at once). */
function* generated(kind: 'vacancies' | 'jobseekers', from: number, count: number, chunk = 5000): Generator<Record<string, unknown>[]> {
  // The generator makes its records from a seed; each chunk of 50,000 has its own seed and id prefix.
  // Its first n records are the same for any total of n or more: a block is generated only as far as it is used
  // (a smoke run's few hundred records took ~1.6 s of CPU per call when whole blocks were made).
  const BLOCK = 50_000;
  for (let at = from; at < from + count; ) {
    const block = Math.floor(at / BLOCK);
    const end = Math.min(from + count, (block + 1) * BLOCK);
    const used = end - block * BLOCK;
    const records = generate(kind === 'vacancies' ? { vacancies: used, jobseekers: 0 } : { vacancies: 0, jobseekers: used }, 1000 + block)[kind] as unknown as Record<string, unknown>[];
    for (let i = at; i < end; i += chunk) {
      yield records.slice(i - block * BLOCK, Math.min(end, i + chunk) - block * BLOCK).map((r) => ({ ...r, id: `S${block}-${r.id as string}` }));
    }
    at = end;
  }
}

const { values } = parseArgs({
  options: {
    vacancies: { type: 'string', default: '1000000' },
    jobseekers: { type: 'string', default: '300000' },
    /** Vacancies of the size measured first (with the same jobseekers: a national deployment's open vacancies), beside which the target's growth shows; 0: none. */
    'baseline-vacancies': { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '15' },
    /** Seconds of unreported load before each measured load (default: a third of --seconds). After a start at national scale a worker fills its concept indexes for a minute or more, and a match meanwhile waits for the fill: give it that long to measure the steady state. */
    'warm-up': { type: 'string' },
    connections: { type: 'string', default: '10' },
    samples: { type: 'string', default: '50' },
    workers: { type: 'string', default: String(availableParallelism()) },
    taxonomy: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    built: { type: 'boolean', default: false },
  },
});

const round = (x: number) => Math.round(x * 10) / 10;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface Health {
  problems?: string[];
  vacancies: { stored: number; indexed: number };
  jobseekers: { stored: number; indexed: number };
  embedder: unknown;
}
type Service = Awaited<ReturnType<typeof startService>>;

/** The service's status with the record counts: an admin's (GET /health, public, has none). */
const health = async (service: Pick<Service, 'url' | 'key'>) =>
  (await (await fetch(`${service.url}/v1/admin/health`, { headers: { authorization: `Bearer ${service.key}` } })).json()) as Health;

/** Until no index is being rebuilt (matching answers 503 meanwhile). */
async function indexesCurrent(service: Pick<Service, 'url' | 'key'>): Promise<Health> {
  // Polled on the public route (no audit entry per poll), then the counts once.
  for (;;) {
    const h = (await (await fetch(`${service.url}/health`)).json()) as Pick<Health, 'problems'>;
    if (!h.problems?.some((p) => p.includes('being rebuilt'))) return health(service);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Bulk NDJSON imports up to `target` records of a kind (what the data directory holds already is kept); records/s. */
async function ingest(service: Service, kind: 'vacancies' | 'jobseekers', target: number): Promise<{ records: number; seconds: number }> {
  const stored = (await health(service))[kind].stored;
  const started = performance.now();
  let records = 0;
  for (const batch of generated(kind, stored, Math.max(0, target - stored))) {
    const body = batch.map((r) => JSON.stringify(r)).join('\n') + '\n';
    // A batch whose connection broke (a worker restarted under load: EPIPE after 200,000 jobseekers on a
    // loaded machine) is sent again: a bulk import of records already stored leaves them unchanged.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${service.url}/v1/${kind}/bulk`, { method: 'POST', headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/x-ndjson' }, body });
        if (response.status !== 200) throw new Error(`bulk import of ${kind} answered ${response.status}: ${await response.text()}`);
        break;
      } catch (error) {
        if (attempt === 5) throw error;
        console.error(`bulk import of ${kind}: ${(error as Error).message}; sent again in 10 s (${attempt} of 4)`);
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
    }
    records += batch.length;
  }
  return { records, seconds: (performance.now() - started) / 1000 };
}

/** Resident and peak memory of each worker process (the primary, which serves nothing, left out when there are workers), MiB. */
function workerMemory(pid: number): { rssMiB: number[]; peakMiB: number[] } {
  const tree = processTree(pid);
  const workers = tree.length > 1 ? tree.slice(1) : tree;
  const read = (p: number, field: string) => {
    try {
      return round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${p}/status`, 'utf8'))![1]) / 1024);
    } catch {
      return Number.NaN;
    }
  };
  return { rssMiB: workers.map((p) => read(p, 'VmRSS')), peakMiB: workers.map((p) => read(p, 'VmHWM')) };
}

/** The data directory's size: SQLite file with WAL, index files, everything else. MiB. */
function diskMiB(dir: string): { sqliteMiB: number; indexMiB: number; totalMiB: number } {
  let sqlite = 0;
  let index = 0;
  let total = 0;
  for (const f of readdirSync(dir)) {
    const bytes = statSync(join(dir, f)).size;
    total += bytes;
    if (f.startsWith('kohtaanto.sqlite')) sqlite += bytes;
    if (f.includes('.hnsw')) index += bytes;
  }
  const mib = (b: number) => round(b / 2 ** 20);
  return { sqliteMiB: mib(sqlite), indexMiB: mib(index), totalMiB: mib(total) };
}

async function load(service: Service, request: () => string, seconds: number, connections: number) {
  const cpuBefore = cpuMs(service.child.pid!);
  const result = await autocannon({ url: service.url, connections, duration: seconds, headers: { authorization: `Bearer ${service.key}` }, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: request() }) }] });
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuPerRequestMs: Math.round(((cpuMs(service.child.pid!) - cpuBefore) / requests) * 1000) / 1000,
  };
}

/** p50/p99 of `samples` sequential requests (one at a time: the latency of one person's page). */
async function sequential(service: Service, paths: string[], samples: number) {
  const ms: number[] = [];
  let errors = 0;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const response = await fetch(service.url + paths[i % paths.length]!, { headers: { authorization: `Bearer ${service.key}` } });
    await response.arrayBuffer();
    ms.push(performance.now() - started);
    if (response.status !== 200) errors++;
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)), errors };
}

async function measureScale(dataDir: string, env: Record<string, string>, size: { vacancies: number; jobseekers: number }, options: { seconds: number; warmUp: number; connections: number; samples: number }) {
  let service = await startService(dataDir, env);
  const row: Record<string, unknown> = { vacancies: size.vacancies, jobseekers: size.jobseekers };
  try {
    const v = await ingest(service, 'vacancies', size.vacancies);
    const j = await ingest(service, 'jobseekers', size.jobseekers);
    row.ingest = {
      vacancies: { records: v.records, recordsPerSecond: v.records > 0 ? Math.round(v.records / v.seconds) : null },
      jobseekers: { records: j.records, recordsPerSecond: j.records > 0 ? Math.round(j.records / j.seconds) : null },
    };
    await indexesCurrent(service);

    // Start after a clean stop (index files written at the stop).
    await kill(service.child, 'SIGTERM');
    let started = performance.now();
    service = await startService(dataDir, env);
    let current = await indexesCurrent(service);
    row.start = { listeningSeconds: round(service.listenedAfterMs / 1000), allWorkersSeconds: round((performance.now() - started) / 1000), vacanciesIndexed: current.vacancies.indexed };

    // Matches and reports on warm caches: stored clients cycle (active ones are matched; others answer too).
    // The last 5,000 generated clients: stored whatever a reused data directory held before (its first records may be others).
    const clients = [...generated('jobseekers', Math.max(0, size.jobseekers - 5000), Math.min(size.jobseekers, 5000))].flat() as { id: string; municipality: string; status?: string }[];
    const active = clients.filter((c) => c.status !== 'inactive');
    let n = 0;
    const next = () => active[n++ % active.length]!;
    const unfiltered = () => `/v1/jobseekers/${next().id}/matches?k=10`;
    const filtered = () => {
      const c = next();
      return `/v1/jobseekers/${c.id}/matches?k=10&municipality=${encodeURIComponent(c.municipality)}`;
    };
    await load(service, unfiltered, options.warmUp, options.connections); // warm-up, not reported
    row.match = await load(service, unfiltered, options.seconds, options.connections);
    await load(service, filtered, options.warmUp, options.connections);
    row.filteredMatch = await load(service, filtered, options.seconds, options.connections);
    row.gaps = await sequential(service, active.slice(0, options.samples).map((c) => `/v1/jobseekers/${c.id}/gaps`), options.samples);
    const areas = ['tampere', 'helsinki', 'turku', 'oulu', 'vaasa'];
    row.mismatch = await sequential(service, areas.map((a) => `/v1/analytics/mismatch?area=${a}`), Math.max(areas.length, Math.round(options.samples / 5)));
    row.memory = workerMemory(service.child.pid!);

    // Restart after SIGKILL, the index file behind the store by 1,000 vacancies.
    const run = Date.now().toString(36);
    const more = generate({ vacancies: 1000, jobseekers: 0 }, 6).vacancies.map((r) => JSON.stringify({ ...r, id: `K${run}-${r.id}` })).join('\n') + '\n';
    const written = await fetch(`${service.url}/v1/vacancies/bulk`, { method: 'POST', headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/x-ndjson' }, body: more });
    if (written.status !== 200) throw new Error(`bulk import answered ${written.status}`);
    await kill(service.child, 'SIGKILL');
    started = performance.now();
    service = await startService(dataDir, env);
    const listening = service.listenedAfterMs / 1000;
    current = await indexesCurrent(service);
    row.restartAfterKill = {
      listeningSeconds: round(listening),
      currentIndexSeconds: round((performance.now() - started) / 1000),
      how: /vacancies index ([^"]*)/.exec(service.log())?.[1] ?? '',
    };
    row.disk = diskMiB(dataDir);
    row.embedder = current.embedder;
  } finally {
    if (service.child.exitCode === null) await kill(service.child, 'SIGTERM');
  }
  return row;
}

async function main() {
  const target = { vacancies: Number(values.vacancies), jobseekers: Number(values.jobseekers) };
  const baselineVacancies = Math.min(Number(values['baseline-vacancies']), target.vacancies);
  const sizes = baselineVacancies > 0 && baselineVacancies < target.vacancies
    ? [{ vacancies: baselineVacancies, jobseekers: target.jobseekers }, target]
    : [target];
  const seconds = Number(values.seconds);
  const options = { seconds, warmUp: values['warm-up'] !== undefined ? Number(values['warm-up']) : Math.max(1, Math.round(seconds / 3)), connections: Number(values.connections), samples: Number(values.samples) };
  const workers = Number(values.workers);
  const env: Record<string, string> = { KOHTAANTO_WORKERS: String(workers), KOHTAANTO_SEED_FIXTURES: 'false' };
  if (values.taxonomy) Object.assign(env, { KOHTAANTO_TAXONOMY_DIR: resolve(values.taxonomy), KOHTAANTO_TAXONOMY_EXTENSION: '' });
  buildService(values.built);
  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'kohtaanto-scale-'));
  mkdirSync(dataDir, { recursive: true });
  const rows: Record<string, unknown>[] = [];
  try {
    // The sizes grow in one data directory: the target's run ingests only what the baseline lacks.
    for (const size of sizes) rows.push(await measureScale(dataDir, env, size, options));
  } finally {
    if (!values.data) rmSync(dataDir, { recursive: true, force: true });
  }
  const machine = `${hostname()}-${cpus().length}cpu`;
  printTable(rows, machine, workers, options);
  const result = { date: new Date().toISOString(), machine, workers, ...options, rows };
  writeResult(values.out!, 'scale', machine, result);
}

/** One column per size, one line per figure; the targets of issue 34 beside them. */
function printTable(rows: Record<string, any>[], machine: string, workers: number, options: { seconds: number; warmUp: number; connections: number }) {
  const count = (n: number) => n.toLocaleString('en');
  console.log(`\nNational scale on one machine, ${workers} worker(s), ${options.connections} connections × ${options.seconds} s per load after ${options.warmUp} s of warm-up — ${machine}\nembedder: ${JSON.stringify(rows[0]?.embedder)}\n`);
  console.log(`| measure | ${rows.map((r) => `${count(r.vacancies)} vacancies, ${count(r.jobseekers)} jobseekers`).join(' | ')} | target |`);
  console.log(`|---|${rows.map(() => '---|').join('')}---|`);
  const line = (name: string, cell: (r: Record<string, any>) => string, targetText = '') => console.log(`| ${name} | ${rows.map(cell).join(' | ')} | ${targetText} |`);
  line('ingest vacancies, records/s (bulk NDJSON, 5,000 per request)', (r) => `${r.ingest.vacancies.recordsPerSecond ?? '–'} (${count(r.ingest.vacancies.records)} new)`);
  line('ingest jobseekers, records/s', (r) => `${r.ingest.jobseekers.recordsPerSecond ?? '–'} (${count(r.ingest.jobseekers.records)} new)`);
  line('memory per worker, RSS MiB (peak)', (r) => r.memory.rssMiB.map((m: number, i: number) => `${m} (${r.memory.peakMiB[i]})`).join(', '), '≤ 4,096 at 1M vacancies');
  line('start after SIGTERM: s to listening / all workers', (r) => `${r.start.listeningSeconds} / ${r.start.allWorkersSeconds}`);
  line('restart after SIGKILL (index 1,000 behind): s to listening / current index', (r) => `${r.restartAfterKill.listeningSeconds} / ${r.restartAfterKill.currentIndexSeconds}`, '≤ 10 s to listening');
  line('stored-profile match k=10: req/s, p50 / p99 ms, CPU ms/req', (r) => `${r.match.requestsPerSecond}, ${r.match.p50Ms} / ${r.match.p99Ms}, ${r.match.cpuPerRequestMs}${r.match.errors ? ` (${r.match.errors} errors)` : ''}`, 'p99 ≤ 30 ms');
  line('filtered match (home municipality): req/s, p50 / p99 ms, CPU ms/req', (r) => `${r.filteredMatch.requestsPerSecond}, ${r.filteredMatch.p50Ms} / ${r.filteredMatch.p99Ms}, ${r.filteredMatch.cpuPerRequestMs}${r.filteredMatch.errors ? ` (${r.filteredMatch.errors} errors)` : ''}`, 'p99 ≤ 30 ms');
  line("a client's gap report, p50 / p99 ms (sequential)", (r) => `${r.gaps.p50Ms} / ${r.gaps.p99Ms}${r.gaps.errors ? ` (${r.gaps.errors} errors)` : ''}`);
  line("an employment area's mismatch analytics, p50 / p99 ms (sequential)", (r) => `${r.mismatch.p50Ms} / ${r.mismatch.p99Ms}${r.mismatch.errors ? ` (${r.mismatch.errors} errors)` : ''}`);
  line('data directory MiB: SQLite / index files / total', (r) => `${r.disk.sqliteMiB} / ${r.disk.indexMiB} / ${r.disk.totalMiB}`);
}

// Run as a script (npm run bench:scale); imported, only loadToScale (benchmarks/analytics.ts, oversight.ts).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
