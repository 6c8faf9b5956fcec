/**
 * `npm run bench:adapters`: what the storage adapters cost on SQLite and PostgreSQL side by side
 * (issue 35), and what a throw-away PostgreSQL cluster costs the tests and CI.
 *
 * - Cluster: `--starts` times initdb + start of a cluster as the tests make one
 *   (test/helpers/postgres.ts): wall time, and the CPU of initdb and pg_ctl (the child processes).
 * - Adapters: `--changes` state changes of one referral and of one job suggestion (each from the
 *   version read, as a use case makes them: one transaction each), as many outcomes imported in
 *   batches of 100, and as many decisions recorded and group-committed. Per engine and operation:
 *   wall time, this process's CPU, and — PostgreSQL — the server process's CPU (a pool of one
 *   connection, its backend's CPU read from /proc) and the round trips per operation.
 *
 *   npm run bench:adapters
 *   npm run bench:adapters -- --changes 5000 --starts 5
 *
 * Prints a Markdown table and writes benchmarks/results/adapters-<date>-<machine>.json. On a shared
 * machine the wall times vary with the others' load; the CPU figures much less.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { PostgresDecisionLog } from '../src/adapters/postgres/decision-log.js';
import { PostgresJobSuggestionStore } from '../src/adapters/postgres/job-suggestions.js';
import { migratePostgres } from '../src/adapters/postgres/migrate.js';
import { PostgresOutcomeStore } from '../src/adapters/postgres/outcomes.js';
import { openPool } from '../src/adapters/postgres/pool.js';
import { PostgresReferralStore } from '../src/adapters/postgres/referrals.js';
import { openDatabase } from '../src/adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../src/adapters/sqlite/decision-log.js';
import { SqliteJobSuggestionStore } from '../src/adapters/sqlite/job-suggestions.js';
import { SqliteOutcomeStore } from '../src/adapters/sqlite/outcomes.js';
import { SqliteReferralStore } from '../src/adapters/sqlite/referrals.js';
import { keyedTombstones } from '../src/adapters/sqlite/tombstones.js';
import type { DecisionLog } from '../src/core/oversight/decisions.js';
import type { ReferralStore } from '../src/core/referrals/service.js';
import type { JobSuggestionStore } from '../src/core/job-suggestions/service.js';
import type { OutcomeStore } from '../src/core/outcomes/service.js';
import { startCluster } from '../test/helpers/postgres.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    changes: { type: 'string', default: '1000' },
    starts: { type: 'string', default: '3' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const N = Number(values.changes);
const STARTS = Number(values.starts);
const TICK_MS = 10; // /proc's clock ticks (USER_HZ 100)

/** CPU (ms) of this process's waited-for children so far (initdb, pg_ctl). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[14]) + Number(fields[15])) * TICK_MS; // cutime, cstime
}
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Row {
  engine: string;
  operation: string;
  ops: number;
  wallMs: number;
  clientCpuMs: number;
  serverCpuMs: number | null;
  roundTripsPerOp: number | null;
}

interface Engine {
  name: string;
  referrals: ReferralStore;
  suggestions: JobSuggestionStore;
  outcomes: OutcomeStore;
  decisions: DecisionLog & { close(): unknown };
  serverCpu: () => number | null;
  close(): Promise<void>;
}

async function measure(engine: Engine, operation: string, roundTripsPerOp: number | null, body: () => Promise<void>): Promise<Row> {
  const [wall, client, server] = [performance.now(), cpuMs(), engine.serverCpu()];
  await body();
  const after = engine.serverCpu();
  return {
    engine: engine.name,
    operation,
    ops: N,
    wallMs: Math.round(performance.now() - wall),
    clientCpuMs: Math.round(cpuMs() - client),
    serverCpuMs: server === null || after === null ? null : after - server,
    // In-process SQLite makes none.
    roundTripsPerOp: server === null ? null : roundTripsPerOp,
  };
}

const first = { on: '2026-05-01', at: '2026-05-01T09:00:00.000Z', by: 'Anna', role: 'counsellor', note: null };
const suggestion = { jobseekerId: 'J1', vacancyId: 'V1', unit: 'u', state: 'suggested' as const, deadline: '2026-06-01', consent: true, note: null, createdAt: '2026-05-01T00:00:00.000Z', createdKey: 'k', createdName: 'Anna' };
const hits = Array.from({ length: 10 }, (_, i) => ({ id: `J-${i}`, score: 0.5, parts: { semantic: 0.5, essential: 1, optional: null, location: 1, occupation: 0.7 } }));
const context = { model: 'm', taxonomy: 't', settings: { k: 10 } };

async function run(engine: Engine): Promise<Row[]> {
  const rows: Row[] = [];
  const r = await engine.referrals.add({ jobseekerId: 'J1', trainingId: 'T1', keyId: 'k', counsellor: 'Anna', reason: null }, first);
  rows.push(
    await measure(engine, `${N} referral state changes`, 4, async () => {
      for (let v = 1; v <= N; v++) if (!(await engine.referrals.change(r.id, v, { ...first, state: v % 2 ? 'accepted' : 'started' }))) throw new Error('stale');
    }),
  );
  const s = await engine.suggestions.add(suggestion, { state: 'suggested', at: suggestion.createdAt, by: 'Anna', role: 'counsellor', reason: null });
  rows.push(
    await measure(engine, `${N} job suggestion state changes`, 4, async () => {
      for (let v = 1; v <= N; v++) {
        const state = v % 2 ? 'applied' : 'interview';
        if (!(await engine.suggestions.change(s.id, v, state, { state, at: '2026-05-02T00:00:00.000Z', by: 'u', role: 'employer-service', reason: null }))) throw new Error('stale');
      }
    }),
  );
  rows.push(
    await measure(engine, `${N} outcomes in batches of 100`, 4 / 100, async () => {
      for (let i = 0; i < N; i += 100) {
        const batch = Array.from({ length: Math.min(100, N - i) }, (_, j) => ({ jobseekerId: `J${i + j}`, event: 'employed-open' as const, date: '2026-05-01', source: null, importedAt: '2026-05-02T00:00:00.000Z', importedBy: 'admin' }));
        await engine.outcomes.addMany(batch);
      }
    }),
  );
  rows.push(
    await measure(engine, `${N} decisions (candidates, 10 hits) group-committed`, null, async () => {
      for (let i = 0; i < N; i++) engine.decisions.record({ at: '2026-05-01T00:00:00.000Z', direction: 'candidates', subject: `V${i}`, area: '837', keyId: 'k', context, ranked: hits });
      await engine.decisions.close();
    }),
  );
  return rows;
}

async function main() {
  const starts: { wallMs: number; childCpuMs: number }[] = [];
  for (let i = 0; i < STARTS; i++) {
    const before = childrenCpuMs();
    const c = await startCluster();
    starts.push({ wallMs: Math.round(c.startMs), childCpuMs: childrenCpuMs() - before });
    c.stop();
  }

  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-bench-adapters-'));
  const db = openDatabase(join(dir, 'k.sqlite'));
  const tombstones = keyedTombstones(Buffer.alloc(32, 1));
  const sqlite: Engine = {
    name: 'SQLite (file, WAL)',
    referrals: new SqliteReferralStore(db, tombstones),
    suggestions: new SqliteJobSuggestionStore(db),
    outcomes: new SqliteOutcomeStore(db),
    decisions: new SqliteDecisionLog(db, console.warn, 25),
    serverCpu: () => null,
    close: async () => {
      db.close();
    },
  };

  const cluster = await startCluster();
  const pool: pg.Pool = await openPool(`${cluster.base}/postgres?target_session_attrs=read-write`, { max: 1 });
  await migratePostgres(pool);
  const { rows: backend } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = backend[0]!.pid;
  const postgres: Engine = {
    name: 'PostgreSQL (loopback, 1 connection)',
    referrals: new PostgresReferralStore(pool, tombstones),
    suggestions: new PostgresJobSuggestionStore(pool),
    outcomes: new PostgresOutcomeStore(pool),
    decisions: new PostgresDecisionLog(pool, console.warn, 25),
    serverCpu: () => processCpuMs(pid),
    close: async () => {
      await pool.end();
      cluster.stop();
    },
  };

  const rows: Row[] = [];
  try {
    for (const engine of [sqlite, postgres]) rows.push(...(await run(engine)));
  } finally {
    await sqlite.close();
    await postgres.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nPostgreSQL cluster start (initdb + pg_ctl start), ${STARTS}×: wall ${starts.map((s) => s.wallMs).join(', ')} ms; initdb + pg_ctl CPU ${starts.map((s) => s.childCpuMs).join(', ')} ms\n`);
  console.log('| engine | operation | wall ms | µs/op | client CPU ms | server CPU ms | round trips/op |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.engine} | ${r.operation} | ${r.wallMs} | ${Math.round((r.wallMs * 1000) / r.ops)} | ${r.clientCpuMs} | ${r.serverCpuMs ?? '–'} | ${r.roundTripsPerOp ?? '–'} |`);
  }
  const machine = `${hostname().split('.')[0]}-${cpus().length}cpu`;
  const result = { date: new Date().toISOString(), node: process.version, changes: N, starts, rows };
  writeResult(values.out!, 'adapters', machine, result);
}

await main();
