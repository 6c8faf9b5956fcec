import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/adapters/sqlite/audit-log.js';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../../../src/adapters/sqlite/decision-log.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { writeUnlessLocked } from '../../../src/adapters/sqlite/write-lock.js';
import { tempDir } from '../../helpers/files.js';

const count = (db: ReturnType<typeof openDatabase>, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const later = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Two connections to one SQLite file, as two worker processes have. */
function twoConnections() {
  const file = join(tempDir(), 'k.sqlite');
  return { mine: openDatabase(file), other: openDatabase(file) };
}

describe('background writes do not wait for another process\'s write lock (real SQLite file, two connections)', () => {
  it('writeUnlessLocked answers false at once while the lock is held, writing nothing, and writes once it is free', () => {
    const { mine, other } = twoConnections();
    mine.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    expect(writeUnlessLocked(mine, () => mine.prepare('INSERT INTO t VALUES (1)').run())).toBe(false);
    expect(performance.now() - started).toBeLessThan(500); // the busy timeout (5 s) was not waited for
    other.exec('COMMIT');
    expect(count(mine, 't')).toBe(0);
    expect(writeUnlessLocked(mine, () => mine.prepare('INSERT INTO t VALUES (1)').run())).toBe(true);
    expect(count(other, 't')).toBe(1);
    // The connection's busy timeout is back for the writes that wait (a request's own).
    expect(mine.pragma('busy_timeout', { simple: true })).toBe(5000);
    mine.close();
    other.close();
  });

  it('the audit trail and decision log keep a group while the lock is taken and write all of it after, in order', async () => {
    const { mine, other } = twoConnections();
    const audit = new AuditLog(mine, keyedTombstones(Buffer.alloc(32, 7)), () => {}, () => new Date(), 5);
    const decisions = new SqliteDecisionLog(mine, () => {}, 5);
    const context = { model: 'm', taxonomy: 't', settings: {} };
    other.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 5; i++) {
      audit.record({ keyId: 'k1', role: 'counsellor', method: 'GET', route: '/v1/jobseekers/:id', status: 200, jobseekers: [`J${i}`] });
      decisions.record({ at: new Date().toISOString(), direction: 'vacancies', subject: `J${i}`, context, ranked: [{ id: 'V1', score: 0.5, parts: {} }] });
    }
    const started = performance.now();
    await later(60); // several group windows and retries pass
    expect(performance.now() - started).toBeLessThan(1000); // the event loop was not held
    expect(count(other, 'audit')).toBe(0);
    expect(count(other, 'decisions')).toBe(0);
    other.exec('COMMIT');
    await later(60);
    expect(count(other, 'audit')).toBe(5);
    expect(count(other, 'decisions')).toBe(5);
    expect((await audit.recent(5)).map((r) => r.jobseekers[0])).toEqual(['J4', 'J3', 'J2', 'J1', 'J0']);
    mine.close();
    other.close();
  });
});
