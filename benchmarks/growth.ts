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
 *    `--aged` shows the steady state itself: before the soak, as many audit entries and decision records as
 *    the soak will add (copies of part 1's stored-profile matches and record reads) are dated so that they
 *    reach the end of their retention periods evenly over the soak's length, and retention runs every
 *    minute: entries then pass their retention as fast as new ones arrive, so the bytes in use and the
 *    file should hold steady.
 *
 *   npm run bench:growth
 *   npm run bench:growth -- --requests 50000 --minutes 60 --rate 50
 *   npm run bench:growth -- --minutes 60 --rate 50 --aged        # the steady state under retention
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
    aged: { type: 'boolean', default: false },
  },
});
const AGED = values.aged;
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

/**
 * `--aged`: copies of part 1's stored-profile match and record-read entries (audit rows with their
 * subjects, decisions with their appearances) dated to reach the end of their retention evenly over
 * the soak's length, as many as the soak adds (one audit entry per request, a decision per match): each minute
 * of the soak, retention finds as many past their period as the minute brought in.
 */
function ageForSoak(file: string, soakStartsAt: number) {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  try {
    const span = MINUTES * 60_000;
    const requests = RATE * MINUTES * 60;
    const at = (i: number, n: number, days: number) => new Date(soakStartsAt - days * 86_400_000 + (i / n) * span).toISOString();
    type Audit = { id: number; key_id: string | null; role: string | null; method: string; route: string; status: number; detail: string | null; address: string | null; person: string | null; organisation: string | null };
    const audits = db
      .prepare<[], Audit>(`SELECT id, key_id, role, method, route, status, detail, address, person, organisation FROM audit WHERE route IN ('/v1/jobseekers/:id/matches', '/v1/jobseekers/:id') AND status = 200 ORDER BY id`)
      .all();
    const subjects = db.prepare<[number], { position: number; jobseeker_id: string }>('SELECT position, jobseeker_id FROM audit_subjects WHERE audit_id = ?');
    const matches = audits.filter((a) => a.route.endsWith('/matches'));
    const reads = audits.filter((a) => !a.route.endsWith('/matches'));
    type Decision = { id: number; direction: string; subject: string | null; area: string | null; key_id: string | null; context_id: string; ranked: string };
    const decisions = db.prepare<[], Decision>(`SELECT id, direction, subject, area, key_id, context_id, ranked FROM decisions WHERE direction = 'vacancies' ORDER BY id`).all();
    const appearances = db.prepare<[number], { position: number; item: string }>('SELECT position, item FROM decision_appearances WHERE decision_id = ?');
    if (matches.length === 0 || reads.length === 0 || decisions.length === 0) throw new Error('--aged: part 1 left no match or read entries to copy');
    const addAudit = db.prepare('INSERT INTO audit (at, key_id, role, method, route, status, detail, address, person, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const addSubject = db.prepare('INSERT INTO audit_subjects (audit_id, position, jobseeker_id) VALUES (?, ?, ?)');
    const nextDecision = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM decisions');
    const addDecision = db.prepare('INSERT INTO decisions (id, at, direction, subject, area, key_id, context_id, ranked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const addAppearance = db.prepare('INSERT INTO decision_appearances (decision_id, position, item) VALUES (?, ?, ?)');
    const auditDays = Number(process.env.KOHTAANTO_AUDIT_RETENTION_DAYS ?? defaults.auditRetentionDays);
    const decisionDays = Number(process.env.KOHTAANTO_DECISION_RETENTION_DAYS ?? defaults.decisionRetentionDays);
    db.transaction(() => {
      for (let i = 0; i < requests; i++) {
        const a = (i % 2 === 0 ? matches : reads)[Math.floor(i / 2) % (i % 2 === 0 ? matches : reads).length]!;
        const id = addAudit.run(at(i, requests, auditDays), a.key_id, a.role, a.method, a.route, a.status, a.detail, a.address, a.person, a.organisation).lastInsertRowid;
        for (const s of subjects.all(a.id)) addSubject.run(id, s.position, s.jobseeker_id);
      }
      const made = Math.ceil(requests / 2);
      let id = nextDecision.get()!.id;
      for (let i = 0; i < made; i++, id++) {
        const d = decisions[i % decisions.length]!;
        addDecision.run(id, at(i, made, decisionDays), d.direction, d.subject, d.area, d.key_id, d.context_id, d.ranked);
        for (const a of appearances.all(d.id)) addAppearance.run(id, a.position, a.item);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { auditEntries: requests, decisions: Math.ceil(requests / 2) };
  } finally {
    db.close();
  }
}

async function main() {
  buildService(values.built);
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-growth-'));
  const file = join(dataDir, 'kohtaanto.sqlite');
  // --aged: retention every minute (its shortest), so the soak meets it often.
  const service = await startService(dataDir, { KOHTAANTO_WORKERS: '1', ...(AGED ? { KOHTAANTO_RETENTION_INTERVAL_MINUTES: '1' } : {}) });
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
    type Metrics = Awaited<ReturnType<typeof scrape>>;
    type Sample = Metrics & { atSeconds: number; requests: number; p99Ms: number; failures: number; scrapeFailures: number; usedGrowthMiB: number; auditRows: number; decisions: number };
    const samples: Sample[] = [];
    let aged: ReturnType<typeof ageForSoak> | undefined;
    if (MINUTES > 0) {
      if (AGED) {
        aged = ageForSoak(file, Date.now());
        console.log(`\n--aged: ${aged.auditEntries.toLocaleString('en')} audit entries and ${aged.decisions.toLocaleString('en')} decisions reaching the end of their retention over the next ${MINUTES} min`);
      }
      const end = Date.now() + MINUTES * 60_000;
      let i = 0;
      let latencies: number[] = [];
      let failures = 0;
      let scrapeFailures = 0;
      let sampling: Promise<void> | undefined;
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
        if (Date.now() >= nextSample && !sampling) {
          // The next sample one interval from now (a slow scrape is not made up with a burst of
          // samples), and taken beside the load, not instead of it: the loop keeps sending.
          nextSample = Date.now() + SAMPLE_S * 1000;
          const now = usage(file);
          const sorted = latencies.sort((a, b) => a - b);
          const at = { atSeconds: Math.round((Date.now() - t0) / 1000), requests: n + 1, p99Ms: round(sorted[Math.floor(sorted.length * 0.99)] ?? 0), failures };
          latencies = [];
          sampling = scrape(url)
            // A scrape that fails (on a machine loaded by other work the service may not accept a
            // connection within undici's 10 s) is a gap in the series, counted, not the end of the soak.
            .catch((): Metrics => (scrapeFailures++, { fileMiB: NaN, walMiB: NaN, freeMiB: NaN, rssMiB: NaN, auditBacklog: NaN }))
            .then((metrics) => {
              samples.push({
                ...at,
                ...metrics,
                scrapeFailures,
                usedGrowthMiB: round((now.auditBytes + now.decisionBytes - start.auditBytes - start.decisionBytes) / MB, 2),
                auditRows: now.auditRows,
                decisions: now.decisions,
              });
              sampling = undefined;
            });
        }
      }
      await Promise.all(pending);
      await sampling;
      console.log(`\nSoak: ${MINUTES} min at ${RATE} requests/s${AGED ? ', aged entries passing their retention as fast as new ones arrive' : ''} (started at ${first.fileMiB} MiB file, ${first.rssMiB} MiB resident)\n`);
      console.log('| s | requests | file MiB | WAL MiB | free MiB | audit+decisions growth MiB | audit rows | decisions | resident MiB | audit backlog | p99 ms | failures | missed scrapes |');
      console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
      for (const s of samples) console.log(`| ${s.atSeconds} | ${s.requests} | ${s.fileMiB} | ${s.walMiB} | ${s.freeMiB} | ${s.usedGrowthMiB} | ${s.auditRows} | ${s.decisions} | ${s.rssMiB} | ${s.auditBacklog} | ${s.p99Ms} | ${s.failures} | ${s.scrapeFailures} |`);
    }
    const machine = `${hostname().startsWith('vm') ? 'vm' : hostname()}-${cpus().length}cpu`;
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      settings: { requests: REQUESTS, connections: CONNECTIONS, minutes: MINUTES, rate: RATE, aged: AGED },
      growth,
      steadyState: { rate: RATE, bytesPerDay: perDay, rows: steady },
      soak: samples,
      aged: aged ?? null,
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
