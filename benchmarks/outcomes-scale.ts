/**
 * What works at national scale (issue 33, "Measured"): the planners' What works report with
 * 300,000 clients, 1,000,000 job-suggestion state changes and 200,000 outcome events — targets
 * ≤ 5 s per employment area and ≤ 20 s for Finland; a state change ≤ 5 ms; an import of 200,000
 * outcome events ≤ 1 minute.
 *
 * Populates a fresh SQLite data directory (benchmarks/outcomes/national-data.ts: clients and
 * vacancies through the engine, suggestions, their state changes and referrals through the
 * service's store adapters), then starts the real service (src/cli/serve.ts, one process, on
 * loopback) and times, over HTTP:
 *   - the import of the outcome events with the real import command (src/cli/import.ts, as
 *     `npm run import -- outcomes FILE`: the whole file checked first, then stored);
 *   - the What works report per employment area and for all of Finland (the planner's key);
 *   - job-suggestion state changes one at a time (a counsellor's key, applied → interview).
 *
 *   npm run bench:outcomes-scale                        # the national size
 *   npm run bench:outcomes-scale -- --clients 30000 --changes 100000 --outcomes 20000 --referrals 3000
 *
 * Prints a Markdown table (with the load average beside each figure: the machine is shared) and
 * writes benchmarks/results/outcomes-scale-<date>-<machine>.json.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/adapters/sqlite/database.js';
import { loadConfig } from '../src/config.js';
import { databaseFile, openEngine } from '../src/engine.js';
import { installationKey } from '../src/runtime/secret.js';
import { copyClients, ids, loadCasework, loadRecords, outcomeLines, PERIOD, type NationalSize } from './outcomes/national-data.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '300000' },
    loaded: { type: 'string', default: '20000' },
    vacancies: { type: 'string', default: '10000' },
    changes: { type: 'string', default: '1000000' },
    referrals: { type: 'string', default: '30000' },
    trainings: { type: 'string', default: '300' },
    outcomes: { type: 'string', default: '200000' },
    repeat: { type: 'string', default: '3' },
    'state-changes': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    /** A data directory an earlier run kept (--keep): the timings again on the same data (the import then finds every event stored). */
    data: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const SIZE: NationalSize = {
  clients: Number(values.clients),
  loaded: Number(values.loaded),
  vacancies: Number(values.vacancies),
  stateChanges: Number(values.changes),
  referrals: Number(values.referrals),
  trainings: Number(values.trainings),
  outcomes: Number(values.outcomes),
};
const REPEAT = Number(values.repeat);
const ROOT = join(import.meta.dirname, '..');
const load = () => loadavg()[0]!.toFixed(1);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const shown = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${seconds(ms)} s`);
/** CPU time (user + system, ms) a process has used, from /proc (Linux). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const env = (dataDir: string, port = 0) => ({
  ...process.env,
  KOHTAANTO_DATA_DIR: dataDir,
  KOHTAANTO_PORT: String(port),
  KOHTAANTO_WORKERS: '1',
  KOHTAANTO_SEED_FIXTURES: 'false',
  KOHTAANTO_EMBEDDER: process.env.KOHTAANTO_EMBEDDER ?? 'lexical',
  KOHTAANTO_LOG_LEVEL: 'warn',
  KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000',
  KOHTAANTO_NOISY_REPORTS_PER_DAY: '100000',
  // A sparse, quickly built matching graph: the reports and state changes timed here never search it,
  // and with the defaults (16, 200) loading 300,000 clients took ~40 minutes on the loaded 2 cores.
  KOHTAANTO_HNSW_M: process.env.KOHTAANTO_HNSW_M ?? '4',
  KOHTAANTO_HNSW_EF_CONSTRUCTION: process.env.KOHTAANTO_HNSW_EF_CONSTRUCTION ?? '10',
});

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Runs a command to its end; its output, exit code and wall time. */
function run(args: string[], environment: NodeJS.ProcessEnv): Promise<{ code: number; out: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: environment });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code: code ?? 1, out, ms: performance.now() - t0 }));
  });
}

/** What a populated data directory holds for the timings (kept in it as SAVED, for --data). */
interface Populated {
  keys: { admin: string; planner: string; counsellor: string };
  areas: { id: string; municipalities: string[] }[];
  file: string;
  casework: Awaited<ReturnType<typeof loadCasework>>;
}
const SAVED = 'bench-outcomes-scale.json';

/** Steps 1 and 2: the data set, written into `dataDir`. */
async function populate(dataDir: string, rows: { what: string; how: string; figure: string; target: string; met: boolean | null; load: string }[]): Promise<Populated> {
  // 1. Clients, vacancies, trainings, organisations and keys, through the engine.
  let t0 = performance.now();
  const engine = await openEngine(loadConfig(env(dataDir)), { info: () => {}, warn: () => {} });
  await engine.ready;
  const helsinki = engine.employmentAreas.areaOf('091');
  await engine.organisations.add({ id: 'bench-area', name: 'Benchmark employment area (Helsinki)', kind: 'employment-area', area: helsinki.id });
  await engine.organisations.add({ id: 'bench-planning', name: 'Benchmark planning office', kind: 'planning' });
  const key = async (role: 'admin' | 'planner' | 'counsellor', org: string) => (await engine.keys.create(role, `benchmark ${role}`, org)).key;
  const keys = { admin: await key('admin', 'national'), planner: await key('planner', 'bench-planning'), counsellor: await key('counsellor', 'bench-area') };
  console.log(`engine open in ${seconds(performance.now() - t0)} s (load ${load()})`);
  await loadRecords(engine, SIZE, 33);
  console.log(`records loaded at ${seconds(performance.now() - t0)} s (load ${load()})`);
  const areas = ['091', '837', '398', '205'].map((m) => engine.employmentAreas.areaOf(m)).map((a) => ({ id: a.id, municipalities: a.municipalities }));
  engine.close();
  rows.push({ what: `${Math.min(SIZE.clients, SIZE.loaded).toLocaleString('en')} clients, ${SIZE.vacancies.toLocaleString('en')} vacancies, ${SIZE.trainings} trainings loaded`, how: 'engine, as an import stores them (lexical embedder; matching graph M 4, efConstruction 10)', figure: `${seconds(performance.now() - t0)} s`, target: '–', met: null, load: load() });

  // 2. Clients copied up to the size, suggestions, their state changes and referrals, through the store adapters.
  t0 = performance.now();
  const db = openDatabase(databaseFile(dataDir));
  const copied = copyClients(db, SIZE, 33);
  rows.push({ what: `${copied.toLocaleString('en')} of the clients copies of those loaded (own id, birth year, unemployment start)`, how: 'SQLite record store adapter, 5,000 per transaction', figure: `${seconds(performance.now() - t0)} s`, target: '–', met: null, load: load() });
  console.log(`clients copied in ${seconds(performance.now() - t0)} s (load ${load()})`);
  t0 = performance.now();
  const casework = await loadCasework(db, installationKey(dataDir), SIZE, 33);
  console.log(`casework loaded in ${seconds(performance.now() - t0)} s (load ${load()})`);
  rows.push({ what: `${casework.suggestions.toLocaleString('en')} suggestions with ${casework.stateChanges.toLocaleString('en')} state changes; ${casework.referrals.toLocaleString('en')} referrals (${casework.referralEvents.toLocaleString('en')} events)`, how: 'SQLite store adapters, 2,000 per transaction', figure: `${seconds(performance.now() - t0)} s`, target: '–', met: null, load: load() });
  const file = join(dataDir, 'outcomes.ndjson');
  writeFileSync(file, outcomeLines(ids(db, 'jobseekers'), SIZE.outcomes, 33).join('\n') + '\n');
  db.close();
  const made = { keys, areas, file, casework };
  writeFileSync(join(dataDir, SAVED), JSON.stringify(made));
  return made;
}

async function main() {
  const started = Date.now();
  const dataDir = values.data ?? mkdtempSync(join(tmpdir(), 'kohtaanto-outcomes-scale-'));
  const rows: { what: string; how: string; figure: string; target: string; met: boolean | null; load: string }[] = [];
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const made = values.data ? (JSON.parse(readFileSync(join(dataDir, SAVED), 'utf8')) as Populated) : await populate(dataDir, rows);
    const { keys, areas, file, casework } = made;
    // Suggestions of the Helsinki area's clients waiting after `applied`: the state changes timed below.
    const db = openDatabase(databaseFile(dataDir));
    const open = db
      .prepare<[string, number], { id: number; version: number }>(
        `SELECT s.id, s.version FROM job_suggestions s JOIN jobseekers j ON j.id = s.jobseeker_id
         WHERE s.state = 'applied' AND j.municipality IN (SELECT value FROM json_each(?)) ORDER BY s.id LIMIT ?`,
      )
      .all(JSON.stringify(areas[0]!.municipalities), Number(values['state-changes']));
    const storedBefore = db.prepare<[], number>('SELECT count(*) FROM outcomes').pluck().get()!;
    db.close();
    let t0: number;

    // 3. The service, as it runs.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    t0 = performance.now();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], { cwd: ROOT, env: env(dataDir, port), stdio: ['ignore', 'ignore', 'inherit'] });
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the service exited (${server.exitCode})`);
      const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (performance.now() - t0 > 600_000) throw new Error('the service did not start in 10 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(`service up in ${seconds(performance.now() - t0)} s (load ${load()})`);
    const get = async (path: string, as: string) => {
      const t = performance.now();
      const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${as}` } });
      const body = await r.json();
      if (!r.ok) throw new Error(`${path}: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms: performance.now() - t, body };
    };

    // 4. The import of the register's events, through the real import command.
    const loadBefore = load();
    const imported = await run(['--import', 'tsx', 'src/cli/import.ts', 'outcomes', file, '--url', url, '--key', keys.admin], env(dataDir));
    if (imported.code !== 0) throw new Error(`import failed (${imported.code}): ${imported.out.slice(-2000)}`);
    const importSeconds = seconds(imported.ms);
    rows.push({ what: storedBefore > 0 ? `import again of ${SIZE.outcomes.toLocaleString('en')} outcome events (${storedBefore.toLocaleString('en')} stored already)` : `import of ${SIZE.outcomes.toLocaleString('en')} outcome events`, how: '`npm run import -- outcomes FILE` (src/cli/import.ts; batches of 500, checked, then stored)', figure: `${importSeconds} s`, target: '≤ 60 s', met: importSeconds <= 60, load: `${loadBefore}–${load()}` });
    console.log(imported.out.trim().split('\n').slice(-6).join('\n'));

    // 5. The report per area and for all of Finland.
    const reports: { place: string; suggestions: unknown; ms: number[]; serviceCpuMs: number }[] = [];
    for (const [place, query, target] of [
      ...areas.map((a) => [`employment area ${a.id}`, `area=${a.id}&`, 5000] as const),
      ['Finland', '', 20000] as const,
    ]) {
      const ms: number[] = [];
      let suggestions: unknown;
      const loadAt = load();
      const cpu0 = cpuMs(server.pid!);
      for (let i = 0; i < REPEAT; i++) {
        const r = await get(`/v1/analytics/what-works?${query}from=${PERIOD.from}&to=${PERIOD.to}`, keys.planner);
        ms.push(r.ms);
        suggestions = r.body.funnel.suggested;
      }
      const cpu = (cpuMs(server.pid!) - cpu0) / REPEAT;
      reports.push({ place, suggestions, ms, serviceCpuMs: cpu });
      const median = quantile(ms, 0.5);
      rows.push({ what: `What works, ${place} (${suggestions} suggestions)`, how: `GET /v1/analytics/what-works, ${REPEAT} runs: median (max); the service's CPU per report`, figure: `${shown(median)} (${shown(Math.max(...ms))}); CPU ${shown(cpu)}`, target: `≤ ${target / 1000} s`, met: median <= target, load: `${loadAt}–${load()}` });
    }

    // 6. State changes, one request at a time.
    const changeMs: number[] = [];
    const loadAt = load();
    // The floor beside them: as many requests the service answers without writing anything (GET /health), just before.
    const floorMs: number[] = [];
    for (let i = 0; i < open.length; i++) {
      const t = performance.now();
      await (await fetch(`${url}/health`)).text();
      floorMs.push(performance.now() - t);
    }
    const changeCpu0 = cpuMs(server.pid!);
    for (const s of open) {
      const t = performance.now();
      const r = await fetch(`${url}/v1/job-suggestions/${s.id}/state`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.counsellor}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'interview', version: s.version }),
      });
      await r.text();
      if (r.status !== 200) throw new Error(`state change ${s.id}: ${r.status}`);
      changeMs.push(performance.now() - t);
    }
    const changeCpu = (cpuMs(server.pid!) - changeCpu0) / Math.max(1, changeMs.length);
    const p50 = quantile(changeMs, 0.5);
    rows.push({ what: `baseline: GET /health, as many, just before the changes`, how: "over loopback: median (p95); the service's status, nothing written", figure: `${quantile(floorMs, 0.5).toFixed(1)} ms (${quantile(floorMs, 0.95).toFixed(1)} ms)`, target: '–', met: null, load: `${loadAt}–${load()}` });
    rows.push({ what: `job-suggestion state change (${changeMs.length}, one at a time)`, how: "POST /v1/job-suggestions/:id/state over loopback: median (p95); the service's CPU per change", figure: `${p50.toFixed(1)} ms (${quantile(changeMs, 0.95).toFixed(1)} ms); CPU ${changeCpu.toFixed(1)} ms`, target: '≤ 5 ms', met: p50 <= 5, load: `${loadAt}–${load()}` });

    console.log('\n| what | how | figure | target | met | load (1 min) |\n|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.what} | ${r.how} | ${r.figure} | ${r.target} | ${r.met === null ? '–' : r.met ? 'yes' : 'no'} | ${r.load} |`);
    const result = {
      date: new Date().toISOString(),
      size: SIZE,
      casework,
      seconds: Math.round((Date.now() - started) / 1000),
      rows,
      reports,
      importSeconds,
      healthMs: { median: quantile(floorMs, 0.5), p95: quantile(floorMs, 0.95) },
      stateChangeMs: { serviceCpu: changeCpu, median: p50, p95: quantile(changeMs, 0.95), max: Math.max(...changeMs), n: changeMs.length },
    };
    writeResult(values.out!, 'outcomes-scale', `${hostname()}-${cpus().length}cpu`, result);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    if (values.keep || values.data) console.log(`data directory kept: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
