/**
 * Two service nodes on one PostgreSQL database against one node, and against SQLite, in the same
 * run (issue 35): the service started by this script as `npm start` runs it, one process per node.
 *
 * 1. Ingest: N vacancies (default 100,000) through POST /v1/vacancies/bulk (5,000 per request) into
 *    the service on SQLite and into node A on a throw-away PostgreSQL cluster, both at once:
 *    records/s (each's share of the machine) and CPU per record (each's own).
 * 2. Node B started on the same database (node A's installation secret): seconds until it listens,
 *    its copy of the records loaded in full from PostgreSQL.
 * 3. Stored-profile matches (GET /v1/jobseekers/:id/matches?k=10, cycling through the fixture
 *    clients) for --seconds with --connections connections: on SQLite; on node A alone; on A and B
 *    at once (each its own connections). Per node: req/s, p50/p99, the node's CPU per request; the
 *    database's CPU per request (the cluster's processes) beside it. The machine's load is printed
 *    with each measure: on a shared 2-core machine two nodes compete for the same cores, and CPU per
 *    request is the figure to compare.
 *
 *   npm run bench:nodes
 *   npm run bench:nodes -- --ingest 20000 --seconds 10 --lexical --built
 *
 * Prints a Markdown table and writes benchmarks/results/nodes-<date>-<machine>.json.
 */
import autocannon from 'autocannon';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generate } from '../fixtures/generate.js';
import { startCluster } from '../test/helpers/postgres.js';
import { writeResult } from './results.js';
import { buildService, cpuMs, kill, startService } from './service.js';

const { values } = parseArgs({
  options: {
    ingest: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '15' },
    'warm-up': { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    /** The lexical embedder instead of the shipped model (ingest several times faster; a stored-profile match embeds nothing). */
    lexical: { type: 'boolean', default: false },
    built: { type: 'boolean', default: false },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const INGEST = Number(values.ingest);
const SECONDS = Number(values.seconds);
const WARM_UP = Number(values['warm-up']);
const CONNECTIONS = Number(values.connections);
const ROOT = join(import.meta.dirname, '..');
const round = (x: number) => Math.round(x * 10) / 10;
const load1 = () => round(loadavg()[0]!);
const env: Record<string, string> = values.lexical ? { KOHTAANTO_EMBEDDER: 'lexical' } : {};

type Service = Awaited<ReturnType<typeof startService>>;
const clients = readFileSync(join(ROOT, 'fixtures', 'jobseekers.ndjson'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; status: string })
  .filter((j) => j.status === 'active');
let n = 0;
const nextPath = () => `/v1/jobseekers/${clients[n++ % clients.length]!.id}/matches?k=10`;

/** The service's error lines (pino level 50) since it started listening: the benchmark keeps them to show with a refused request. */
const errors = new WeakMap<Service, string[]>();
const errorsOf = (service: Service) => errors.get(service) ?? [];
async function started(dataDir: string, environment: Record<string, string>): Promise<Service> {
  const service = await startService(dataDir, environment);
  const lines: string[] = [];
  errors.set(service, lines);
  service.child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter((l) => l.includes('"level":50'))));
  return service;
}

async function ingest(service: Service, databasePid?: number) {
  const { vacancies } = generate({ vacancies: INGEST, jobseekers: 0 }, 5);
  const before = [cpuMs(service.child.pid!), databasePid ? cpuMs(databasePid) : 0];
  const started = performance.now();
  let retried = 0;
  for (let i = 0; i < vacancies.length; i += 5000) {
    const body = vacancies.slice(i, i + 5000).map((v) => JSON.stringify({ ...v, id: `H-${v.id}` })).join('\n') + '\n';
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${service.url}/v1/vacancies/bulk`, { method: 'POST', headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/x-ndjson' }, body });
      if (response.status === 200) break;
      // A batch refused is sent again once (a bulk import is idempotent by id), and counted; the service's error lines are shown.
      console.error(`bulk import answered ${response.status}: ${await response.text()}\n${errorsOf(service).join('\n')}`);
      if (attempt >= 2) throw new Error('a batch was refused twice');
      retried++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const perRecord = (ms: number) => Math.round((ms / INGEST) * 1000) / 1000;
  return {
    recordsPerSecond: Math.round(INGEST / seconds),
    ...(retried > 0 ? { batchesSentAgain: retried } : {}),
    seconds: round(seconds),
    cpuPerRecordMs: perRecord(cpuMs(service.child.pid!) - before[0]!),
    ...(databasePid ? { databaseCpuPerRecordMs: perRecord(cpuMs(databasePid) - before[1]!) } : {}),
  };
}

/** Stored-profile matches on each service at once for `seconds`: per service req/s, latency and CPU per request; the database's CPU per request of them all. */
async function matches(services: Service[], seconds: number, databasePid?: number) {
  const before = services.map((s) => cpuMs(s.child.pid!));
  const databaseBefore = databasePid ? cpuMs(databasePid) : 0;
  const loadAtStart = load1();
  const results = await Promise.all(
    services.map((s) =>
      autocannon({
        url: s.url,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization: `Bearer ${s.key}` },
        requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: nextPath() }) }],
      }),
    ),
  );
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  const perRequest = (ms: number, requests: number) => Math.round((ms / Math.max(1, requests)) * 1000) / 1000;
  return {
    load: `${loadAtStart}–${load1()}`,
    nodes: results.map((r, i) => ({
      requestsPerSecond: round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors: r.errors + r.non2xx,
      cpuPerRequestMs: perRequest(cpuMs(services[i]!.child.pid!) - before[i]!, r.requests.total),
    })),
    requestsPerSecond: round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    ...(databasePid ? { databaseCpuPerRequestMs: perRequest(cpuMs(databasePid) - databaseBefore, total) } : {}),
  };
}

async function main() {
  buildService(values.built);
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: `${cluster.base}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const databasePid = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const postgres = { ...env, KOHTAANTO_DATABASE: `${cluster.base}/bench?target_session_attrs=read-write` };
  const dirs = { sqlite: mkdtempSync(join(tmpdir(), 'kohtaanto-nodes-')), a: mkdtempSync(join(tmpdir(), 'kohtaanto-nodes-')), b: mkdtempSync(join(tmpdir(), 'kohtaanto-nodes-')) };
  const running: Service[] = [];
  const rows: Record<string, unknown>[] = [];
  const say = (row: Record<string, unknown>) => {
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  try {
    const sqlite = await started(dirs.sqlite, env);
    running.push(sqlite);
    const a = await started(dirs.a, postgres);
    running.push(a);
    // Both at once (the ingest is what takes long here): records/s are each's share of a busy machine; CPU per record is each's own.
    const loadAtStart = load1();
    const [intoSqlite, intoPostgres] = await Promise.all([ingest(sqlite), ingest(a, databasePid)]);
    say({ measure: `ingest ${INGEST} vacancies, SQLite (at once with the next)`, load: `${loadAtStart}–${load1()}`, ...intoSqlite });
    say({ measure: `ingest ${INGEST} vacancies, PostgreSQL (node A)`, load: `${loadAtStart}–${load1()}`, ...intoPostgres });

    // Node B: the same installation secret and admin key file; its copy loaded in full from PostgreSQL at start.
    copyFileSync(join(dirs.a, 'kohtaanto.secret'), join(dirs.b, 'kohtaanto.secret'));
    copyFileSync(join(dirs.a, 'initial-admin.key'), join(dirs.b, 'initial-admin.key'));
    const startedAt = performance.now();
    const b = await started(dirs.b, postgres);
    running.push(b);
    say({ measure: `node B started on the same database (copy of ${INGEST + 4800} records loaded in full, index built)`, load: load1(), seconds: round((performance.now() - startedAt) / 1000) });

    for (const [name, services] of [
      ['SQLite, one process', [sqlite]],
      ['PostgreSQL, node A alone', [a]],
      ['PostgreSQL, nodes A and B at once', [a, b]],
    ] as const) {
      if (WARM_UP > 0) await matches([...services], WARM_UP);
      say({ measure: `stored profile, k=10: ${name}`, ...(await matches([...services], SECONDS, name.startsWith('PostgreSQL') ? databasePid : undefined)) });
    }

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nStored-profile matches, ${CONNECTIONS} connections per node × ${SECONDS} s, ${INGEST} vacancies, embedder ${values.lexical ? 'lexical' : 'as configured'} — ${machine}\n`);
    console.log('| measure | load | req/s (per node) | p50 / p99 ms | node CPU ms/request | database CPU ms/request |\n|---|---|---|---|---|---|');
    for (const r of rows) {
      const nodes = r.nodes as { requestsPerSecond: number; p50Ms: number; p99Ms: number; cpuPerRequestMs: number }[] | undefined;
      if (nodes) console.log(`| ${r.measure} | ${r.load} | ${r.requestsPerSecond} (${nodes.map((x) => x.requestsPerSecond).join(' + ')}) | ${nodes.map((x) => `${x.p50Ms} / ${x.p99Ms}`).join(', ')} | ${nodes.map((x) => x.cpuPerRequestMs).join(', ')} | ${r.databaseCpuPerRequestMs ?? ''} |`);
      else if (r.recordsPerSecond !== undefined) console.log(`| ${r.measure} | ${r.load} | ${r.recordsPerSecond} records/s (${r.seconds} s) | | ${r.cpuPerRecordMs} per record | ${r.databaseCpuPerRecordMs ?? ''} |`);
      else console.log(`| ${r.measure} | ${r.load} | ${r.seconds} s to listening | | | |`);
    }
    const result = { date: new Date().toISOString(), machine, ingest: INGEST, seconds: SECONDS, connections: CONNECTIONS, lexical: values.lexical, rows };
    writeResult(values.out!, 'nodes', machine, result);
  } finally {
    for (const s of running) if (s.child.exitCode === null) await kill(s.child, 'SIGTERM');
    cluster.stop();
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
