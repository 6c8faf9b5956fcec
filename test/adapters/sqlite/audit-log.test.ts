import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_GROUP_MS } from '../../../src/config.js';
import { AuditLog } from '../../../src/adapters/sqlite/audit-log.js';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { tempDir } from '../../helpers/service.js';

const entry = (jobseeker: string) => ({ keyId: 'k1', role: 'counsellor', method: 'GET', route: '/v1/jobseekers/:id', status: 200, jobseekers: [jobseeker] });
/** Test key for the tombstones. */
const KEY = Buffer.alloc(32, 7);
const rows = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;

describe('AuditLog on a real SQLite file (group commit)', () => {
  it('writes waiting entries in one transaction within a few milliseconds', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const audit = new AuditLog(db, keyedTombstones(KEY));
    for (let i = 0; i < 20; i++) audit.record(entry(`J${i}`));
    expect(rows(db)).toBe(0); // not yet: grouped
    await new Promise((done) => setTimeout(done, DEFAULT_AUDIT_GROUP_MS + 20));
    expect(rows(db)).toBe(20);
    db.close();
  });

  it('writes what waits before any read of the trail and before an erasure scrubs it', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const audit = new AuditLog(db, keyedTombstones(KEY));
    audit.record(entry('J1'));
    expect(await audit.forJobseeker('J1', 10)).toHaveLength(1);
    audit.record(entry('J2'));
    await audit.eraseSubject('J2', 'admin');
    expect(await audit.forJobseeker('J2', 10)).toHaveLength(0);
    expect((await audit.recent(10)).map((r) => r.jobseekers[0])).toEqual([expect.stringMatching(/^erased:/), 'J1']);
    // Asked for after the erasure (a 404 naming them): the trail keeps the tombstone, not the id.
    audit.record({ ...entry('J2'), status: 404 });
    expect((await audit.recent(1))[0]!.jobseekers).toEqual([expect.stringMatching(/^erased:/)]);
    db.close();
  });

  it('keys the tombstones: an unkeyed hash of a guessed id matches nothing stored', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const audit = new AuditLog(db, keyedTombstones(KEY));
    await audit.eraseSubject('JS-004711', 'admin');
    const stored = (db.prepare('SELECT subject_sha256 AS h FROM erasures').all() as { h: string }[]).map((r) => r.h);
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(createHash('sha256').update('jobseeker:JS-004711').digest('hex'));
    expect(await audit.erasureOf('JS-004711')).toMatchObject({ keyId: 'admin' });
    expect(await new AuditLog(db, keyedTombstones(Buffer.alloc(32, 8))).erasureOf('JS-004711')).toBeUndefined(); // another key finds nothing
    // A tombstone an earlier release wrote (unkeyed) is still found.
    db.prepare('INSERT INTO erasures (subject_sha256, erased_at, key_id) VALUES (?, ?, ?)').run(createHash('sha256').update('jobseeker:OLD-1').digest('hex'), 'then', 'k0');
    expect(await audit.erasureOf('OLD-1')).toMatchObject({ keyId: 'k0' });
    db.close();
  });
  it("erasing a client drops what was written about them in words from the trail's details, as it drops their id", async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const audit = new AuditLog(db, keyedTombstones(KEY));
    const obligation = { ...entry('J1'), method: 'PUT', route: '/v1/jobseekers/:id/job-search/obligation', detail: { perMonth: 2, reason: 'Selkävaiva, vähän sopivia töitä' } };
    audit.record(obligation);
    audit.record({ ...entry('J1'), method: 'POST', route: '/v1/transfers/:id/refuse', detail: { transfer: 3, refused: 'Asiakas hoidossa täällä' } });
    audit.record({ ...obligation, jobseekers: ['J2'], detail: { perMonth: 3, reason: 'J2:n oma syy' } });
    await audit.eraseSubject('J1', 'admin');
    const details = (db.prepare('SELECT detail FROM audit ORDER BY id').all() as { detail: string }[]).map((r) => JSON.parse(r.detail));
    expect(details).toEqual([{ perMonth: 2 }, { transfer: 3 }, { perMonth: 3, reason: 'J2:n oma syy' }]); // J2 is kept, and so is theirs
    // An entry written after the erasure (a request that was running meanwhile) keeps no words either.
    audit.record({ ...obligation, detail: { perMonth: 1, reason: 'Selkävaiva' } });
    expect((await audit.recent(1))[0]).toMatchObject({ jobseekers: [expect.stringMatching(/^erased:/)], detail: { perMonth: 1 } });
    expect(JSON.stringify(db.prepare('SELECT detail FROM audit').all())).not.toContain('Selkävaiva');
    db.close();
  });
});
