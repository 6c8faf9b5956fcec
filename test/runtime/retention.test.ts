import Database from 'better-sqlite3';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/adapters/sqlite/audit-log.js';
import { openDatabase, type Db } from '../../src/adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../../src/adapters/sqlite/decision-log.js';
import { keyedTombstones } from '../../src/adapters/sqlite/tombstones.js';
import type { MatchHit } from '../../src/core/matches/schema.js';
import { Decisions } from '../../src/core/oversight/decisions.js';
import { startRetention } from '../../src/runtime/retention.js';
import { vacuumDataDir } from '../../src/runtime/vacuum.js';
import { removeDir, tempDir } from '../helpers/files.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-06T12:00:00.000Z');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

const hit = (id: string) => ({ id, score: 0.7, parts: { semantic: 0.7, essential: 1, optional: null, location: 1, occupation: null } }) as unknown as MatchHit;
const quiet = { info: () => undefined, warn: (m: string) => console.warn(m) };
const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** A data directory's SQLite file with the audit trail and decision log written through their adapters, at the times `at` gives. */
function logs(file: string) {
  const db = openDatabase(file);
  let now = NOW;
  const clock = () => new Date(now);
  const audit = new AuditLog(db, keyedTombstones(Buffer.alloc(32, 7)), quiet.warn, clock, 0);
  const decisionLog = new SqliteDecisionLog(db, quiet.warn, 0);
  const decisions = new Decisions({ log: decisionLog, context: () => ({ model: 'm', taxonomy: 't', settings: {} }), municipalityOf: () => '837' }, 183, clock);
  return {
    db,
    audit,
    decisionLog,
    decisions,
    at(ms: number, write: () => void) {
      now = ms;
      write();
      now = NOW;
    },
    entry: (jobseekers: string[], detail?: unknown) => audit.record({ method: 'GET', route: '/v1/jobseekers/:id', status: 200, jobseekers, detail }),
  };
}

describe('retention of the audit trail and the decision log', () => {
  it('removes exactly the rows older than the settings, in batches with requests answered between them, and keeps the newer rows, the erasures and what an exposure report reads', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const l = logs(join(dir, 'kohtaanto.sqlite'));
    // Audit kept 200 days: 23 entries far older, one a millisecond past the limit, one exactly at it, 4 newer.
    for (let i = 0; i < 23; i++) l.at(NOW - 400 * DAY + i, () => l.entry([`J-OLD-${i}`, 'J-BOTH']));
    l.at(NOW - 200 * DAY - 1, () => l.entry(['J-EDGE-OLD']));
    l.at(NOW - 200 * DAY, () => l.entry(['J-EDGE-KEPT']));
    for (let i = 0; i < 4; i++) l.at(NOW - 10 * DAY + i, () => l.entry([`J-NEW-${i}`, 'J-BOTH']));
    l.audit.flush();
    await l.audit.eraseSubject('J-ERASED-LONG-AGO', 'k1'); // its tombstone is no entry: it stays
    // Decisions kept 183 days: 12 candidate rankings older, 3 newer.
    for (let i = 0; i < 12; i++) l.at(NOW - 300 * DAY + i, () => l.decisions.served(undefined, 'candidates', [hit(`J-A${i}`), hit('J-B')], `V-OLD-${i}`));
    for (let i = 0; i < 3; i++) l.at(NOW - 30 * DAY + i, () => l.decisions.served(undefined, 'candidates', [hit(`J-C${i}`), hit('J-B')], `V-NEW-${i}`));
    l.decisionLog.flush();
    const period = { from: new Date(NOW - 60 * DAY).toISOString(), to: new Date(NOW).toISOString() };
    const reportBefore = await l.decisionLog.candidateRankings(period);
    expect(reportBefore).toHaveLength(3);
    const erasures = count(l.db, 'SELECT count(*) AS n FROM erasures');

    // Something else waiting on the event loop (a request) runs between the batches.
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const retention = startRetention(l.db, { audit: l.audit, decisions: l.decisions }, { auditRetentionDays: 200, retentionBatch: 5, retentionIntervalMinutes: 60 }, () => new Date(NOW), quiet);
    await retention.run();
    spinning = false;
    retention.stop();

    expect(retention.pruned()).toEqual({ audit: 24, decisions: 12 });
    // 24 audit rows in batches of 5 and 12 decisions in batches of 5: 5 + 3 batches, the loop turning between them.
    expect(turns).toBeGreaterThanOrEqual(6);
    const subjects = (l.db.prepare('SELECT DISTINCT s.jobseeker_id AS id FROM audit_subjects s ORDER BY 1').all() as { id: string }[]).map((r) => r.id);
    expect(subjects).toEqual(['J-BOTH', 'J-EDGE-KEPT', 'J-NEW-0', 'J-NEW-1', 'J-NEW-2', 'J-NEW-3']);
    expect(count(l.db, 'SELECT count(*) AS n FROM audit')).toBe(5);
    expect(count(l.db, 'SELECT count(*) AS n FROM audit_subjects WHERE audit_id NOT IN (SELECT id FROM audit)')).toBe(0);
    expect(count(l.db, 'SELECT count(*) AS n FROM erasures')).toBe(erasures);
    expect(count(l.db, 'SELECT count(*) AS n FROM decisions')).toBe(3);
    expect(count(l.db, 'SELECT count(*) AS n FROM decision_appearances')).toBe(6); // the newer rankings' places, theirs only
    expect(await l.audit.erasureOf('J-ERASED-LONG-AGO')).toBeDefined();
    // The exposure report over a period inside the retention reads the same rankings as before.
    expect(await l.decisionLog.candidateRankings(period)).toEqual(reportBefore);
    // A second round finds nothing more.
    const again = startRetention(l.db, { audit: l.audit, decisions: l.decisions }, { auditRetentionDays: 200, retentionBatch: 5, retentionIntervalMinutes: 60 }, () => new Date(NOW), quiet);
    await again.run();
    again.stop();
    expect(again.pruned()).toEqual({ audit: 0, decisions: 0 });
    l.db.close();
  });

  it('gives the freed pages back to the disk on a new file; an existing file without incremental vacuum keeps its size until `npm run vacuum`', async () => {
    // 600 audit entries of ~5 kB each (~3 MB; the file's schema alone ~0.4 MB), pruned in batches of 100.
    const ENTRIES = 600;
    const fill = (file: string) => {
      const l = logs(file);
      const detail = { hits: Array.from({ length: 40 }, (_x, i) => ({ id: `V-${i}`, score: 0.5, parts: { semantic: 0.5, text: 'x'.repeat(40) } })) };
      for (let i = 0; i < ENTRIES; i++) l.at(NOW - 400 * DAY + i, () => l.entry([`J-${i}`], detail));
      l.audit.flush();
      l.db.pragma('wal_checkpoint(TRUNCATE)');
      return l;
    };
    const prune = async (l: ReturnType<typeof logs>) => {
      const retention = startRetention(l.db, { audit: l.audit, decisions: l.decisions }, { auditRetentionDays: 200, retentionBatch: 100, retentionIntervalMinutes: 60 }, () => new Date(NOW), quiet);
      await retention.run();
      retention.stop();
      l.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(retention.pruned().audit).toBe(ENTRIES);
    };

    const fresh = tempDir();
    dirs.push(fresh);
    const newFile = join(fresh, 'kohtaanto.sqlite');
    const n = fill(newFile);
    expect(n.db.pragma('auto_vacuum', { simple: true })).toBe(2); // incremental
    const full = statSync(newFile).size;
    expect(full).toBeGreaterThan(2_000_000);
    await prune(n);
    expect(n.db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(statSync(newFile).size).toBeLessThan(full / 4);
    n.db.close();

    // A data directory from before: the file's first table made without incremental vacuum.
    const old = tempDir();
    dirs.push(old);
    const oldFile = join(old, 'kohtaanto.sqlite');
    const raw = new Database(oldFile);
    raw.exec('CREATE TABLE earlier (x)');
    raw.close();
    const o = fill(oldFile);
    expect(o.db.pragma('auto_vacuum', { simple: true })).toBe(0);
    const before = statSync(oldFile).size;
    await prune(o);
    expect(o.db.pragma('freelist_count', { simple: true })).toBeGreaterThan(500);
    expect(statSync(oldFile).size).toBe(before); // the free pages stay in the file (reused by new rows)
    o.db.close();

    // `npm run vacuum` (its exit status and output through the command itself: test/cli/vacuum.test.ts).
    // Refused while a service holds the data directory (the lock of another live process: this test's parent).
    writeFileSync(join(old, 'kohtaanto.lock'), String(process.ppid));
    const refused = vacuumDataDir({ dataDir: old });
    rmSync(join(old, 'kohtaanto.lock'));
    expect(refused.status).toBe(1);
    expect(refused.message).toMatch(/^vacuum refused: data directory .* is in use by process/);
    expect(statSync(oldFile).size).toBe(before);

    const done = vacuumDataDir({ dataDir: old });
    expect(done).toMatchObject({ status: 0, message: expect.stringMatching(/auto_vacuum none → incremental/) });
    expect(statSync(oldFile).size).toBeLessThan(before / 4);
    const reopened = openDatabase(oldFile);
    expect(reopened.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(count(reopened, 'SELECT count(*) AS n FROM audit')).toBe(0);
    reopened.close();
  });
});
