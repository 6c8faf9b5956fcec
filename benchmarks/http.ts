/**
 * End to end over HTTP on loopback: the service is built and started by this script as `npm start`
 * runs it (its own process, SQLite file, index files, API key check, audit entry per request),
 * then loaded with autocannon.
 *
 * 1. Ingest: bulk NDJSON import of N vacancies (default 100,000) through POST /v1/vacancies/bulk,
 *    5,000 per request: records/s and the service's peak memory (VmHWM).
 * 2. Stored-profile matches (GET /v1/jobseekers/:id/matches, cycling through fixture clients),
 *    unfiltered and filtered by municipality, and ad-hoc text matches (POST /v1/match), each for
 *    --seconds with --connections concurrent connections: req/s, p50/p99 latency, server CPU per
 *    request (all its processes); beside them an authenticated trivial route (GET /v1/regions) as
 *    the ceiling of the HTTP stack. With --workers N (default: one per core) first with N worker
 *    processes, then the same with one process (the baseline), on the same data.
 * 3. Restart after SIGKILL: 1,000 more vacancies written (the index file is now behind the store),
 *    the service killed, started again: seconds until it listens with a current index (caught up
 *    from the change log), against a start whose index files were deleted (it listens at once and
 *    rebuilds in the background: seconds to listening and to a complete index; the baseline).
 *
 *   npm run bench:http
 *   npm run bench:http -- --ingest 20000 --seconds 5
 *   npm run bench:http -- --postgres   (issue 35: on a throw-away PostgreSQL cluster, one process per node;
 *                                       the cluster's CPU per request is reported beside the service's)
 *
 * Prints a Markdown table and writes benchmarks/results/http-<date>-<machine>.json.
 */
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generate } from '../fixtures/generate.js';
import { startCluster } from '../test/helpers/postgres.js';
import { buildService, cpuMs, kill, peakMemoryMiB, startService } from './service.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    ingest: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    /** Seconds of unreported load before each measure that needs warm caches (default: --seconds; 0: none). */
    'warm-up': { type: 'string' },
    workers: { type: 'string', default: String(availableParallelism()) },
    /** Keep the service's data here (and reuse it when it holds the vacancies already: no ingest). */
    data: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    /** dist/ is current (the test suite built it): no `npm run build`. */
    built: { type: 'boolean', default: false },
    /** The service on PostgreSQL (KOHTAANTO_DATABASE) on a throw-away cluster started here (test/helpers/postgres.ts). */
    postgres: { type: 'boolean', default: false },
  },
});
const INGEST = Number(values.ingest);
const SECONDS = Number(values.seconds);
const WARM_UP = Number(values['warm-up'] ?? values.seconds);
const CONNECTIONS = Number(values.connections);
const WORKERS = Number(values.workers);
const env: Record<string, string> = { KOHTAANTO_WORKERS: String(WORKERS) };
/** The throw-away cluster's postmaster (its backends are its children): its CPU per request, with --postgres. */
let databasePid: number | undefined;
const ROOT = join(import.meta.dirname, '..');
const round = (x: number) => Math.round(x * 10) / 10;

interface Health {
  status: string;
  problems?: string[];
  vacancies: { stored: number; indexed: number };
}

/** The service's status with the record counts: an admin's (GET /health, public, has none). */
const counted = async (service: { url: string; key: string }) =>
  (await (await fetch(`${service.url}/v1/admin/health`, { headers: { authorization: `Bearer ${service.key}` } })).json()) as Health;

/**
 * Seconds from spawning the service to its listening, to every worker listening and to a complete
 * index (no rebuild going on), and what its index then holds.
 */
async function timedStart(dataDir: string) {
  const started = performance.now();
  const service = await startService(dataDir, env);
  const allListening = (performance.now() - started) / 1000;
  for (;;) {
    const health = (await (await fetch(`${service.url}/health`)).json()) as Pick<Health, 'problems'>;
    if (!health.problems?.some((p) => p.includes('being rebuilt'))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const health = await counted(service);
  const current = (performance.now() - started) / 1000;
  return {
    service,
    seconds: service.listenedAfterMs / 1000,
    allListening,
    current,
    vacancies: health.vacancies,
    how: /vacancies index ([^"]*)/.exec(service.log())?.[1] ?? '',
  };
}

async function load(name: string, url: string, key: string, request: () => { method: 'GET' | 'POST'; path: string; body?: string }, pid?: number, seconds = SECONDS) {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const databaseBefore = databasePid ? cpuMs(databasePid) : 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  const errors = result.errors + result.non2xx;
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, result.requests.total)) * 1000) / 1000;
  const cpuPerRequestMs = pid ? perRequest(cpuMs(pid) - cpuBefore) : undefined;
  const databaseCpuPerRequestMs = pid && databasePid ? perRequest(cpuMs(databasePid) - databaseBefore) : undefined;
  return { measure: name, requestsPerSecond: round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors, requests: result.requests.total, cpuPerRequestMs, databaseCpuPerRequestMs };
}

async function main() {
  buildService(values.built);
  const cluster = values.postgres ? await startCluster() : undefined;
  if (cluster) {
    const admin = new pg.Client({ connectionString: `${cluster.base}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    env.KOHTAANTO_DATABASE = `${cluster.base}/bench?target_session_attrs=read-write`;
    databasePid = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  }
  const dataDir = values.data ?? mkdtempSync(join(tmpdir(), 'kohtaanto-http-'));
  mkdirSync(dataDir, { recursive: true });
  let service = await startService(dataDir, env);
  const rows: Record<string, unknown>[] = [];
  try {
    let health: { embedder: unknown };
    {
      const { url, key, child } = service;
      const auth = { authorization: `Bearer ${key}` };

      // 1. Ingest (skipped when --data already holds them).
      const stored = (await counted(service)).vacancies.stored;
      const { vacancies } = generate({ vacancies: stored >= INGEST ? 0 : INGEST, jobseekers: 0 }, 5);
      const started = performance.now();
      const cpuBefore = [cpuMs(child.pid!), databasePid ? cpuMs(databasePid) : 0];
      for (let i = 0; i < vacancies.length; i += 5000) {
        const body = vacancies.slice(i, i + 5000).map((v) => JSON.stringify({ ...v, id: `H-${v.id}` })).join('\n') + '\n';
        const response = await fetch(`${url}/v1/vacancies/bulk`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body });
        if (response.status !== 200) throw new Error(`bulk import answered ${response.status}: ${await response.text()}`);
      }
      const seconds = (performance.now() - started) / 1000;
      // CPU per record in the columns of CPU per request.
      const perRecord = (ms: number) => Math.round((ms / Math.max(1, vacancies.length)) * 1000) / 1000;
      if (vacancies.length > 0) {
        rows.push({
          measure: `ingest ${INGEST} vacancies (bulk NDJSON, 5,000 per request; CPU per record)`,
          recordsPerSecond: Math.round(INGEST / seconds),
          seconds: round(seconds),
          cpuPerRequestMs: perRecord(cpuMs(child.pid!) - cpuBefore[0]!),
          ...(databasePid ? { databaseCpuPerRequestMs: perRecord(cpuMs(databasePid) - cpuBefore[1]!) } : {}),
          peakMemoryMiB: peakMemoryMiB(child.pid!),
        });
      }
      health = (await (await fetch(`${url}/health`)).json()) as { embedder: unknown };
    }

    // 2. Matches under load: with the workers asked for, then (the baseline) one process on the same data.
    const clients = readFileSync(join(ROOT, 'fixtures', 'jobseekers.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: string; skills: string[]; summary: string; municipality: string }).filter((j) => j.status === 'active');
    let n = 0;
    const next = () => clients[n++ % clients.length]!;
    const loads = async (label: string) => {
      const { url, key, child } = service;
      // Warm-up (not reported): the concept index, record cache and points fill on first use (in every worker).
      const warmUp = (request: Parameters<typeof load>[3]) => (WARM_UP > 0 ? load('warm-up', url, key, request, undefined, WARM_UP) : undefined);
      await warmUp(() => ({ method: 'GET', path: `/v1/jobseekers/${next().id}/matches?k=10` }));
      rows.push(await load(`stored profile, k=10 (${label})`, url, key, () => ({ method: 'GET', path: `/v1/jobseekers/${next().id}/matches?k=10` }), child.pid));
      // Warm-up (not reported): each home municipality's vectors are read and scanned natively from then on.
      await warmUp(() => {
        const c = next();
        return { method: 'GET', path: `/v1/jobseekers/${c.id}/matches?k=10&municipality=${encodeURIComponent(c.municipality)}` };
      });
      rows.push(await load(`stored profile, k=10, municipality = client's home (${label})`, url, key, () => {
        const c = next();
        return { method: 'GET', path: `/v1/jobseekers/${c.id}/matches?k=10&municipality=${encodeURIComponent(c.municipality)}` };
      }, child.pid));
      const adHoc = () => {
        const c = next();
        return { method: 'POST' as const, path: '/v1/match', body: JSON.stringify({ text: c.summary, skills: c.skills, k: 10 }) };
      };
      // Warm-up (not reported): a pasted CV without a place reads records the stored profiles' pools do not (the
      // record cache of every worker fills with them); without it the measure was of a cold cache (issue 29).
      await warmUp(adHoc);
      rows.push(await load(`ad-hoc CV text (embedded per request), k=10 (${label})`, url, key, adHoc, child.pid));
      rows.push(await load(`GET /v1/regions (authenticated trivial route, the ceiling) (${label})`, url, key, () => ({ method: 'GET', path: '/v1/regions' }), child.pid));
      rows.push({ measure: `service peak memory after the load (${label})`, peakMemoryMiB: peakMemoryMiB(child.pid!) });
    };
    await loads(WORKERS === 1 ? '1 process' : `${WORKERS} workers`);
    if (WORKERS > 1) {
      await kill(service.child, 'SIGTERM');
      service = await startService(dataDir, { ...env, KOHTAANTO_WORKERS: '1' });
      await loads('1 process, baseline');
      await kill(service.child, 'SIGTERM');
      service = await startService(dataDir, env);
    }

    // 3. Restart after SIGKILL, with the index file behind the store; then with no index file (full rebuild).
    const { url, key, child } = service;
    const auth = { authorization: `Bearer ${key}` };
    const more = generate({ vacancies: 1000, jobseekers: 0 }, 6).vacancies;
    // New ids each run, so that the index file is behind the store by these 1,000 also on a reused --data directory.
    const run = Date.now().toString(36);
    const body = more.map((v) => JSON.stringify({ ...v, id: `R${run}-${v.id}` })).join('\n') + '\n';
    const written = await fetch(`${url}/v1/vacancies/bulk`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body });
    if (written.status !== 200) throw new Error(`bulk import answered ${written.status}`);
    await kill(child, 'SIGKILL');
    const after = await timedStart(dataDir);
    service = after.service;
    rows.push({ measure: `restart after SIGKILL (index file behind the store): ${after.how}`, seconds: round(after.seconds), allWorkersSeconds: round(after.allListening), currentIndexSeconds: round(after.current), vacancies: after.vacancies });
    await kill(service.child, 'SIGKILL');
    for (const table of ['vacancies', 'jobseekers']) for (const f of [`${table}.hnsw`, `${table}.hnsw.json`]) rmSync(join(dataDir, f), { force: true });
    const rebuilt = await timedStart(dataDir);
    service = rebuilt.service;
    rows.push({ measure: `restart with the index files deleted (full rebuild, baseline): ${rebuilt.how}`, seconds: round(rebuilt.seconds), allWorkersSeconds: round(rebuilt.allListening), currentIndexSeconds: round(rebuilt.current), vacancies: rebuilt.vacancies });

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nHTTP on loopback, ${CONNECTIONS} connections × ${SECONDS} s per measure, ${INGEST} vacancies ingested, ${cluster ? 'PostgreSQL (throw-away cluster)' : 'SQLite'} — ${machine}\nembedder: ${JSON.stringify(health.embedder)}\n`);
    console.log('| measure | req/s or records/s | p50 ms | p99 ms | errors | server CPU ms/request | database CPU ms/request | peak MiB |\n|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      if (r.seconds !== undefined && r.recordsPerSecond === undefined) console.log(`| ${r.measure} | ${r.seconds} s to listening, ${r.allWorkersSeconds} s all workers, ${r.currentIndexSeconds} s to a complete index | | | | | | |`);
      else console.log(`| ${r.measure} | ${r.requestsPerSecond ?? r.recordsPerSecond ?? ''} | ${r.p50Ms ?? ''} | ${r.p99Ms ?? ''} | ${r.errors ?? ''} | ${r.cpuPerRequestMs ?? ''} | ${r.databaseCpuPerRequestMs ?? ''} | ${r.peakMemoryMiB ?? ''} |`);
    }
    const result = { date: new Date().toISOString(), machine, database: cluster ? 'postgres' : 'sqlite', embedder: health.embedder, connections: CONNECTIONS, seconds: SECONDS, ingest: INGEST, workers: WORKERS, rows };
    writeResult(values.out!, 'http', machine, result);
  } finally {
    if (service.child.exitCode === null) await kill(service.child, 'SIGTERM');
    if (!values.data) rmSync(dataDir, { recursive: true, force: true });
    cluster?.stop();
  }
}

await main();
