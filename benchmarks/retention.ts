/**
 * `npm run bench:retention`: how long the retention's batches hold the event loop, and how fast an
 * expired backlog goes. A SQLite file gets `--rows` expired audit entries (each naming a client,
 * with ten hits' score parts, as a match's entry) and as many expired decision records (ten hits),
 * written through the adapters; then one retention round (src/runtime/retention.ts) removes them in
 * batches of `--batch` (comma-separated: each on a fresh file), the free pages given back. Per batch
 * size: the time of each audit batch (median, p99: what a request waiting behind it waits at most)
 * and rows per second over the round.
 *
 *   npm run bench:retention
 *   npm run bench:retention -- --rows 1000000 --batch 100,200,500,2000
 *
 * Prints a Markdown table and writes benchmarks/results/retention-<date>-<machine>.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../src/adapters/sqlite/audit-log.js';
import { openDatabase } from '../src/adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../src/adapters/sqlite/decision-log.js';
import { keyedTombstones } from '../src/adapters/sqlite/tombstones.js';
import { Decisions } from '../src/core/oversight/decisions.js';
import { startRetention } from '../src/runtime/retention.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '200,500' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const ROWS = Number(values.rows);
const BATCHES = values.batch!.split(',').map(Number);
const TODAY = new Date('2026-12-06T00:00:00Z');
const quiet = { info: () => undefined, warn: (m: string) => console.warn(m) };
const hits = Array.from({ length: 10 }, (_, i) => ({ id: `V-${i}`, score: 0.5, parts: { semantic: 0.5, essential: 1, optional: null, location: 1, occupation: 0.7 } }));

async function run(batch: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-retention-'));
  try {
    const db = openDatabase(join(dir, 'kohtaanto.sqlite'));
    let at = Date.parse('2020-01-01T00:00:00Z');
    const audit = new AuditLog(db, keyedTombstones(Buffer.alloc(32, 1)), quiet.warn, () => new Date(at), 0);
    const log = new SqliteDecisionLog(db, quiet.warn, 0);
    const context = { model: 'm', taxonomy: 't', settings: {} };
    for (let i = 0; i < ROWS; i++) {
      at += 1000;
      audit.record({ method: 'GET', route: '/v1/jobseekers/:id/matches', status: 200, jobseekers: [`J-${i % 5000}`], detail: { hits } });
      log.record({ at: new Date(at).toISOString(), direction: 'vacancies', subject: `J-${i % 5000}`, context, ranked: hits });
      if (i % 5000 === 4999) (audit.flush(), log.flush());
    }
    audit.flush();
    log.flush();
    const decisions = new Decisions({ log, context: () => context, municipalityOf: () => '837' }, 183, () => TODAY);
    const batchMs: number[] = [];
    const timed = {
      pruneBefore: async (before: string, limit: number) => {
        const t = performance.now();
        const removed = await audit.pruneBefore(before, limit);
        batchMs.push(performance.now() - t);
        return removed;
      },
    };
    const started = performance.now();
    const retention = startRetention(db, { audit: timed, decisions }, { auditRetentionDays: 183, retentionBatch: batch, retentionIntervalMinutes: 60 }, () => TODAY, quiet);
    await retention.run();
    const seconds = (performance.now() - started) / 1000;
    retention.stop();
    const pruned = retention.pruned();
    db.close();
    batchMs.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      batch,
      auditRows: pruned.audit,
      decisionRows: pruned.decisions,
      seconds: round(seconds),
      rowsPerSecond: Math.round((pruned.audit + pruned.decisions) / seconds),
      auditBatchMedianMs: round(batchMs[batchMs.length >> 1] ?? 0),
      auditBatchP99Ms: round(batchMs[Math.floor(batchMs.length * 0.99)] ?? 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const batch of BATCHES) rows.push(await run(batch));
console.log(`\nRetention round over ${ROWS.toLocaleString('en')} expired audit entries and as many decisions (${cpus().length} cores, Node ${process.version})\n`);
console.log('| batch | rows removed | seconds | rows/s | audit batch median ms | audit batch p99 ms |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.batch} | ${r.auditRows + r.decisionRows} | ${r.seconds} | ${r.rowsPerSecond} | ${r.auditBatchMedianMs} | ${r.auditBatchP99Ms} |`);
const machine = `${hostname().startsWith('vm') ? 'vm' : hostname()}-${cpus().length}cpu`;
const result = { date: new Date().toISOString(), node: process.version, cores: cpus().length, expiredRows: ROWS, rows };
writeResult(values.out!, 'retention', machine, result);
