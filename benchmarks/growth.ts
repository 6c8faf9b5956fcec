/**
 * `npm run bench:growth`: how much the data directory grows per request, and whether it holds steady.
 * The service is built and started as `npm start` runs it (its own process, SQLite file, audit entry
 * per request, decision record per ranking served) on the fixture data.
 *
 * 1. Growth: `--requests` of each kind (stored-profile matches GET /v1/jobseekers/:id/matches,
 *    record reads GET /v1/jobseekers/:id, candidate lists GET /v1/vacancies/:id/candidates, k=10),
 *    `--connections` at a time: the rows and bytes each kind
 *    adds (SQLite's own page accounting, dbstat: the audit trail's tables and indexes, the decision
 *    log's), per request and per million requests; and what that makes at steady state, when the
 *    retention removes as much as comes in: `--rate` requests/s of the mix for the retention periods
 *    (audit KOHTAANTO_AUDIT_RETENTION_DAYS, decisions KOHTAANTO_DECISION_RETENTION_DAYS, defaults).
 * 2. Soak (`--minutes`, default 0: none): the mix at `--rate` requests/s for that long, the SQLite file,
 *    its write-ahead log, the bytes in use, the service's resident memory and the audit backlog read
 *    from GET /metrics every `--sample` seconds, with each interval's p99 latency. A retention of
 *    months cannot end within a soak: what it shows is that the WAL stays bounded, memory flat and
 *    the file growing at the rate part 1 measured (the steady state is that rate times the retention).
 *
 *   npm run bench:growth
 *   npm run bench:growth -- --requests 50000 --minutes 60 --rate 50
 *
 * Prints Markdown tables and writes benchmarks/results/growth-<date>-<machine>.json.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { buildService, kill, startService } from './service.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '8' },
    minutes: { type: 'string', default: '0' },
    rate: { type: 'string', default: '50' },
    sample: { type: 'string', default: '10' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    built: { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const MINUTES = Number(values.minutes);
const RATE = Number(values.rate);
const SAMPLE_S = Number(values.sample);
const defaults = loadConfig({});
const MB = 2 ** 20;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Bytes in use (pages not free) by the audit trail's and the decision log's tables and indexes, and rows. */
function usage(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const bytes = (prefix: string) =>
      (db.prepare(`SELECT coalesce(sum(pgsize - unused), 0) AS b FROM dbstat WHERE name LIKE '${prefix}%'`).get() as { b: number }).b;
    const rows = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      auditBytes: bytes('audit') + bytes('sqlite_autoindex_audit'),
      decisionBytes: bytes('decision') + bytes('sqlite_autoindex_decision'),
      auditRows: rows('audit'),
      auditSubjects: rows('audit_subjects'),
      decisions: rows('decisions'),
      appearances: rows('decision_appearances'),
    };
  } finally {
    db.close();
  }
}

/** A few series of GET /metrics (the service's own view of its disk and memory). */
async function scrape(url: string) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const sum = (prefix: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith(prefix))
      .reduce((a, l) => a + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  return {
    fileMiB: round(sum('kohtaanto_sqlite_bytes{file="database"') / MB),
    walMiB: round(sum('kohtaanto_sqlite_bytes{file="wal"') / MB),
    freeMiB: round(sum('kohtaanto_sqlite_free_bytes') / MB),
    rssMiB: round(sum('process_resident_memory_bytes') / MB),
    auditBacklog: sum('kohtaanto_audit_backlog'),
  };
}

async function main() {
  buildService(values.built);
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-growth-'));
  const file = join(dataDir, 'kohtaanto.sqlite');
  const service = await startService(dataDir, { KOHTAANTO_WORKERS: '1' });
  const { url, key } = service;
  const auth = { authorization: `Bearer ${key}` };
  try {
    const list = (await (await fetch(`${url}/v1/jobseekers?limit=200`, { headers: auth })).json()) as { items: { id: string }[] };
    const ids = list.items.map((j) => j.id);
    const vacancies = ((await (await fetch(`${url}/v1/vacancies?limit=200`, { headers: auth })).json()) as { items: { id: string }[] }).items.map((v) => v.id);
    const paths = {
      'stored-profile match': (i: number) => `/v1/jobseekers/${ids[i % ids.length]}/matches?k=10`,
      'record read': (i: number) => `/v1/jobseekers/${ids[i % ids.length]}`,
      'candidate list': (i: number) => `/v1/vacancies/${vacancies[i % vacancies.length]}/candidates?k=10`,
    };
    const get = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, { headers: auth });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return performance.now() - started;
    };

    // 1. Growth per request kind.
    const growth = [];
    for (const [kind, path] of Object.entries(paths)) {
      await sleep(300); // the previous group written
      const before = usage(file);
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          for (let i = next++; i < REQUESTS; i = next++) await get(path(i));
        }),
      );
      await sleep(300);
      const after = usage(file);
      const per = (a: number, b: number) => (a - b) / REQUESTS;
      growth.push({
        kind,
        requests: REQUESTS,
        auditRowsPerRequest: round(per(after.auditRows, before.auditRows), 2),
        auditSubjectsPerRequest: round(per(after.auditSubjects, before.auditSubjects), 2),
        decisionsPerRequest: round(per(after.decisions, before.decisions), 2),
        appearancesPerRequest: round(per(after.appearances, before.appearances), 2),
        auditBytesPerRequest: Math.round(per(after.auditBytes, before.auditBytes)),
        decisionBytesPerRequest: Math.round(per(after.decisionBytes, before.decisionBytes)),
      });
    }
    console.log(`\nGrowth per request (${REQUESTS.toLocaleString('en')} requests per kind, ${CONNECTIONS} connections; bytes in use by the audit trail's and the decision log's tables and indexes)\n`);
    console.log('| request | audit rows | audit subjects | decisions | appearances | audit bytes | decision bytes | GB per million requests |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const g of growth) {
      const gb = ((g.auditBytesPerRequest + g.decisionBytesPerRequest) * 1e6) / 1e9;
      console.log(`| ${g.kind} | ${g.auditRowsPerRequest} | ${g.auditSubjectsPerRequest} | ${g.decisionsPerRequest} | ${g.appearancesPerRequest} | ${g.auditBytesPerRequest} | ${g.decisionBytesPerRequest} | ${round(gb, 2)} |`);
    }

    // Steady state: the retention removes as much as comes in; the mix half matches, half reads.
    const mix = { audit: (growth[0]!.auditBytesPerRequest + growth[1]!.auditBytesPerRequest) / 2, decisions: (growth[0]!.decisionBytesPerRequest + growth[1]!.decisionBytesPerRequest) / 2 };
    const perDay = { audit: mix.audit * RATE * 86_400, decisions: mix.decisions * RATE * 86_400 };
    const steady = [
      { retention: `defaults: audit ${defaults.auditRetentionDays} d, decisions ${defaults.decisionRetentionDays} d`, audit: defaults.auditRetentionDays, decisions: defaults.decisionRetentionDays },
      { retention: 'legal minimums here: 183 d both', audit: 183, decisions: 183 },
    ].map((s) => ({ ...s, auditGB: round((perDay.audit * s.audit) / 1e9), decisionGB: round((perDay.decisions * s.decisions) / 1e9) }));
    console.log(`\nSteady state at ${RATE} requests/s (half stored-profile matches, half record reads, around the clock): ${round((perDay.audit + perDay.decisions) / 1e9, 2)} GB a day\n`);
    console.log('| retention | audit trail (GB) | decision log (GB) | total (GB) |');
    console.log('|---|---|---|---|');
    for (const s of steady) console.log(`| ${s.retention} | ${s.auditGB} | ${s.decisionGB} | ${round(s.auditGB + s.decisionGB)} |`);

    // 2. Soak.
    const samples = [];
    if (MINUTES > 0) {
      const end = Date.now() + MINUTES * 60_000;
      let i = 0;
      let latencies: number[] = [];
      let failures = 0;
      let scrapeFailures = 0;
      const first = { ...(await scrape(url)), usedMiB: 0 };
      const start = usage(file);
      const t0 = Date.now();
      let nextSample = t0 + SAMPLE_S * 1000;
      const pending = new Set<Promise<void>>();
      for (let due = Date.now(); Date.now() < end; due += 1000 / RATE) {
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        const n = i++;
        const p = get(n % 2 === 0 ? paths['stored-profile match'](n) : paths['record read'](n)).then(
          (ms) => void latencies.push(ms),
          () => void failures++,
        );
        pending.add(p);
        void p.finally(() => pending.delete(p));
        if (Date.now() >= nextSample) {
          nextSample += SAMPLE_S * 1000;
          const now = usage(file);
          const sorted = latencies.sort((a, b) => a - b);
          samples.push({
            atSeconds: Math.round((Date.now() - t0) / 1000),
            requests: n + 1,
            // A scrape that fails (on a machine loaded by other work the service may not accept a
            // connection within undici's 10 s) is a gap in the series, counted, not the end of the soak.
            ...(await scrape(url).catch(() => (scrapeFailures++, { fileMiB: NaN, walMiB: NaN, freeMiB: NaN, rssMiB: NaN, auditBacklog: NaN }))),
            scrapeFailures,
            usedGrowthMiB: round((now.auditBytes + now.decisionBytes - start.auditBytes - start.decisionBytes) / MB, 2),
            p99Ms: round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
            failures,
          });
          latencies = [];
        }
      }
      await Promise.all(pending);
      console.log(`\nSoak: ${MINUTES} min at ${RATE} requests/s (started at ${first.fileMiB} MiB file, ${first.rssMiB} MiB resident)\n`);
      console.log('| s | requests | file MiB | WAL MiB | free MiB | audit+decisions growth MiB | resident MiB | audit backlog | p99 ms | failures | missed scrapes |');
      console.log('|---|---|---|---|---|---|---|---|---|---|---|');
      for (const s of samples) console.log(`| ${s.atSeconds} | ${s.requests} | ${s.fileMiB} | ${s.walMiB} | ${s.freeMiB} | ${s.usedGrowthMiB} | ${s.rssMiB} | ${s.auditBacklog} | ${s.p99Ms} | ${s.failures} | ${s.scrapeFailures} |`);
    }
    const machine = `${hostname().startsWith('vm') ? 'vm' : hostname()}-${cpus().length}cpu`;
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      settings: { requests: REQUESTS, connections: CONNECTIONS, minutes: MINUTES, rate: RATE },
      growth,
      steadyState: { rate: RATE, bytesPerDay: perDay, rows: steady },
      soak: samples,
    };
    writeResult(values.out!, 'growth', machine, result);
  } finally {
    await kill(service.child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
