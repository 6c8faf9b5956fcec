import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PostgresAuditLog } from '../../../src/adapters/postgres/audit-log.js';
import { AuditLog } from '../../../src/adapters/sqlite/audit-log.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { DEFAULT_AUDIT_GROUP_MS } from '../../../src/config.js';
import { ENGINES, type TestDatabase } from './engines.js';

const entry = (jobseeker: string) => ({ keyId: 'k1', role: 'counsellor', method: 'GET', route: '/v1/jobseekers/:id', status: 200, jobseekers: [jobseeker] });
/** Test key for the tombstones. */
const KEY = Buffer.alloc(32, 7);
const log = (db: TestDatabase, key = KEY) => (db.sqlite ? new AuditLog(db.sqlite, keyedTombstones(key)) : new PostgresAuditLog(db.pool!, keyedTombstones(key)));
const count = async (db: TestDatabase) => Number((await db.rows<{ n: number }>('SELECT count(*) AS n FROM audit'))[0]!.n);
/** The stored details: JSON text in SQLite, jsonb (read as objects) in PostgreSQL. */
const details = async (db: TestDatabase) => (await db.rows<{ detail: unknown }>('SELECT detail FROM audit ORDER BY id')).map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail));

describe.each(ENGINES)('audit trail on $name', (engine) => {
  const { current } = engine.use();

  it('writes waiting entries in one group within a few milliseconds', async () => {
    const db = current();
    const audit = log(db);
    for (let i = 0; i < 20; i++) audit.record(entry(`J${i}`));
    expect(await count(db)).toBe(0); // not yet: grouped
    await new Promise((done) => setTimeout(done, DEFAULT_AUDIT_GROUP_MS + 200));
    expect(await count(db)).toBe(20);
    expect((await audit.recent(20)).map((r) => r.jobseekers[0])).toEqual(Array.from({ length: 20 }, (_, i) => `J${19 - i}`));
  });

  it('writes what waits before any read of the trail and before an erasure scrubs it', async () => {
    const audit = log(current());
    audit.record(entry('J1'));
    expect(await audit.forJobseeker('J1', 10)).toHaveLength(1);
    audit.record(entry('J2'));
    await audit.eraseSubject('J2', 'admin');
    expect(await audit.forJobseeker('J2', 10)).toHaveLength(0);
    expect((await audit.recent(10)).map((r) => r.jobseekers[0])).toEqual([expect.stringMatching(/^erased:/), 'J1']);
    // Asked for after the erasure (a 404 naming them): the trail keeps the tombstone, not the id.
    audit.record({ ...entry('J2'), status: 404 });
    expect((await audit.recent(1))[0]!.jobseekers).toEqual([expect.stringMatching(/^erased:/)]);
    // Answered after an erasure that came after the request began (its mark is older): the tombstone too.
    audit.record({ ...entry('J2'), erasureMark: 0 });
    expect((await audit.recent(1))[0]!.jobseekers).toEqual([expect.stringMatching(/^erased:/)]);
    expect(audit.erasureMark).toBeGreaterThan(0);
  });

  it('keys the tombstones: an unkeyed hash of a guessed id matches nothing stored', async () => {
    const db = current();
    const audit = log(db);
    await audit.eraseSubject('JS-004711', 'admin');
    const stored = (await db.rows<{ h: string }>('SELECT subject_sha256 AS h FROM erasures')).map((r) => r.h);
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(createHash('sha256').update('jobseeker:JS-004711').digest('hex'));
    expect(await audit.erasureOf('JS-004711')).toMatchObject({ keyId: 'admin' });
    expect(await log(db, Buffer.alloc(32, 8)).erasureOf('JS-004711')).toBeUndefined(); // another key finds nothing
    // A tombstone an earlier release wrote (unkeyed) is still found.
    await db.run('INSERT INTO erasures (subject_sha256, erased_at, key_id) VALUES ($1, $2, $3)', [createHash('sha256').update('jobseeker:OLD-1').digest('hex'), 'then', 'k0']);
    expect(await audit.erasureOf('OLD-1')).toMatchObject({ keyId: 'k0' });
  });

  it("erasing a client drops what was written about them in words from the trail's details, as it drops their id", async () => {
    const db = current();
    const audit = log(db);
    const obligation = { ...entry('J1'), method: 'PUT', route: '/v1/jobseekers/:id/job-search/obligation', detail: { perMonth: 2, reason: 'Selkävaiva, vähän sopivia töitä' } };
    audit.record(obligation);
    audit.record({ ...entry('J1'), method: 'POST', route: '/v1/transfers/:id/refuse', detail: { transfer: 3, refused: 'Asiakas hoidossa täällä' } });
    audit.record({ ...obligation, jobseekers: ['J2'], detail: { perMonth: 3, reason: 'J2:n oma syy' } });
    audit.record({ ...entry('J1'), detail: ['reason'] }); // not an object: kept as it is
    await audit.eraseSubject('J1', 'admin');
    expect(await details(db)).toEqual([{ perMonth: 2 }, { transfer: 3 }, { perMonth: 3, reason: 'J2:n oma syy' }, ['reason']]); // J2 is kept, and so is theirs
    // An entry written after the erasure (a request that was running meanwhile) keeps no words either.
    audit.record({ ...obligation, detail: { perMonth: 1, reason: 'Selkävaiva' } });
    expect((await audit.recent(1))[0]).toMatchObject({ jobseekers: [expect.stringMatching(/^erased:/)], detail: { perMonth: 1 } });
    expect(JSON.stringify(await details(db))).not.toContain('Selkävaiva');
  });

  it("finds entries for the admins by person, key holder's name, organisation, route, client and period, newest first", async () => {
    const db = current();
    const audit = log(db);
    await db.run("INSERT INTO api_keys (id, name, role, secret_sha256, created_at) VALUES ('k2', 'Liisa Virtanen', 'counsellor', 'x', 'now')");
    audit.record({ ...entry('J1'), person: 'Anna Korhonen', keyId: 'person:idp:anna', organisation: 'area-1' });
    audit.record({ ...entry('J2'), keyId: 'k2', organisation: 'area-2', route: '/v1/vacancies/:id/candidates' });
    audit.record({ ...entry('J1'), keyId: 'k1', organisation: 'area-1', route: '/v1/jobseekers/:id/gaps' });
    const found = async (q: object) => (await audit.search({ limit: 10, ...q })).map((r) => [r.jobseekers[0], r.organisation, r.route]);
    expect(await found({ person: 'anna' })).toEqual([['J1', 'area-1', '/v1/jobseekers/:id']]);
    expect(await found({ person: 'VIRTANEN' })).toEqual([['J2', 'area-2', '/v1/vacancies/:id/candidates']]);
    expect(await found({ person: 'k1' })).toEqual([['J1', 'area-1', '/v1/jobseekers/:id/gaps']]);
    expect((await found({ organisation: 'area-1' })).map((r) => r[2])).toEqual(['/v1/jobseekers/:id/gaps', '/v1/jobseekers/:id']);
    expect(await found({ route: '_' })).toEqual([]); // a pattern character is matched as itself
    expect(await found({ route: 'CANDIDATES' })).toHaveLength(1);
    expect(await found({ client: 'J1' })).toHaveLength(2);
    const [newest] = await audit.search({ limit: 10 });
    expect(await found({ before: newest!.id, limit: 0 })).toHaveLength(1); // limit + 1: tells whether there are more
    const today = new Date().toISOString().slice(0, 10);
    expect(await found({ from: today, to: today })).toHaveLength(3);
    expect(await found({ to: '2000-01-01' })).toEqual([]);
  });

  it('removes entries past their retention, oldest first and at most a batch, with the clients they name; erasures stay', async () => {
    const db = current();
    const audit = log(db);
    audit.record(entry('J1'));
    audit.record(entry('J2'));
    audit.record(entry('J3'));
    await audit.eraseSubject('J9', 'admin');
    expect(await audit.pruneBefore('9999', 2)).toBe(2);
    expect((await audit.recent(10)).map((r) => r.jobseekers)).toEqual([['J3']]);
    expect(await db.rows('SELECT jobseeker_id FROM audit_subjects')).toEqual([{ jobseeker_id: 'J3' }]);
    expect(await audit.pruneBefore('2000', 10)).toBe(0);
    expect(await audit.erasureOf('J9')).toBeDefined();
  });

  it('an erasure on one node and a group written on another at the same time: the erased id is never stored in clear', async () => {
    const db = current();
    for (let round = 0; round < 5; round++) {
      const writer = log(db);
      const eraser = log(db);
      const id = `J-${round}`;
      for (let i = 0; i < 50; i++) writer.record({ ...entry(id), erasureMark: writer.erasureMark });
      await Promise.all([writer.recent(1), eraser.eraseSubject(id, 'admin')]);
      expect(await db.rows('SELECT audit_id FROM audit_subjects WHERE jobseeker_id = $1', [id])).toEqual([]);
    }
  });

  it("two nodes writing groups at once: every entry once, with the jobseekers it named, in each node's order", async () => {
    const db = current();
    const a = log(db);
    const b = log(db);
    for (let i = 0; i < 600; i++) {
      a.record({ ...entry(`A${i}`), jobseekers: [`A${i}`, `X${i}`], detail: { node: 'A', n: i } });
      b.record({ ...entry(`B${i}`), jobseekers: [`B${i}`], detail: { node: 'B', n: i } });
    }
    await Promise.all([a.flush(), b.flush()]);
    const rows = await db.rows<{ id: number; detail: unknown; subjects: string }>(
      `SELECT a.id, a.detail, (SELECT ${db.sqlite ? 'group_concat' : 'string_agg'}(s.jobseeker_id, ',' ORDER BY s.position) FROM audit_subjects s WHERE s.audit_id = a.id) AS subjects FROM audit a ORDER BY a.id`,
    );
    const read = rows.map((r) => ({ ...(typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail), subjects: r.subjects }));
    for (const node of ['A', 'B']) {
      const own = read.filter((r) => r.node === node);
      expect(own.map((r) => r.n)).toEqual(Array.from({ length: 600 }, (_, i) => i));
      expect(own.map((r) => r.subjects)).toEqual(own.map((r) => (node === 'A' ? `A${r.n},X${r.n}` : `B${r.n}`)));
    }
  });

  it('writes a group whole or not at all: one failing mid-way stores none of it (it waits), and all of it once written again', async () => {
    const db = current();
    const audit = log(db);
    if (db.sqlite) {
      await db.run("CREATE TRIGGER refuse_subject BEFORE INSERT ON audit_subjects WHEN NEW.jobseeker_id = 'J-FAIL' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    } else {
      await db.run("CREATE FUNCTION refuse_subject() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN IF NEW.jobseeker_id = ''J-FAIL'' THEN RAISE EXCEPTION ''refused''; END IF; RETURN NEW; END'");
      await db.run('CREATE TRIGGER refuse_subject BEFORE INSERT ON audit_subjects FOR EACH ROW EXECUTE FUNCTION refuse_subject()');
    }
    try {
      audit.record(entry('J1'));
      audit.record({ ...entry('J2'), jobseekers: ['J2', 'J-FAIL'] });
      audit.record(entry('J3'));
      await expect(audit.recent(10)).rejects.toThrow(/refused/);
      expect(await count(db)).toBe(0);
      expect(await db.rows('SELECT count(*) AS n FROM audit_subjects')).toEqual([{ n: 0 }]);
      expect(audit.waiting).toBe(3);
    } finally {
      await db.run(db.sqlite ? 'DROP TRIGGER refuse_subject' : 'DROP TRIGGER refuse_subject ON audit_subjects');
      if (!db.sqlite) await db.run('DROP FUNCTION refuse_subject()');
    }
    expect((await audit.recent(10)).map((r) => r.jobseekers)).toEqual([['J3'], ['J2', 'J-FAIL'], ['J1']]);
    expect(audit.waiting).toBe(0);
  });

  it('writes what waits when flushed at shutdown, before its group is due', async () => {
    const db = current();
    const audit = db.sqlite ? new AuditLog(db.sqlite, keyedTombstones(KEY), () => {}, () => new Date(), 60_000) : new PostgresAuditLog(db.pool!, keyedTombstones(KEY), () => {}, () => new Date(), 60_000);
    audit.record({ ...entry('J1'), detail: { reason: 'x' } });
    audit.record(entry('J2'));
    expect(await count(db)).toBe(0);
    await audit.flush();
    expect(await details(db)).toEqual([{ reason: 'x' }, null]);
    expect((await db.rows<{ jobseeker_id: string }>('SELECT jobseeker_id FROM audit_subjects ORDER BY audit_id')).map((r) => r.jobseeker_id)).toEqual(['J1', 'J2']);
    expect(audit.waiting).toBe(0);
  });
});
