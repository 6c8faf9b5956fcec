import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../../src/adapters/sqlite/record-store.js';
import { tempDir } from '../../helpers/service.js';

interface R {
  id: string;
  municipality: string;
  region: string;
  updatedAt: string;
}
const record = (id: string, municipality = '091', region = '01'): R => ({ id, municipality, region, updatedAt: 'now' });
const entry = (r: R, v = 1, matchable = true) => ({
  record: r,
  vector: Float32Array.from([v, 0, 0]),
  textHash: `h${v}`,
  embedder: 'e1',
  derivedBy: 'd1',
  matchable,
});

describe('SqliteRecordStore on a real SQLite file', () => {
  it('uses WAL mode and the latest schema version, and reopens without migrating twice', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('saves, replaces in place (same label), reads and deletes records', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    const [a, b] = (await store.saveAll([entry(record('a')), entry(record('b', '837', '06'))]));
    expect((await store.count())).toBe(2);
    const [a2] = (await store.saveAll([entry(record('a', '837', '06'), 2)]));
    expect(a2!.label).toBe(a!.label);
    expect((await store.get('a'))!.record.municipality).toBe('837');
    expect(Array.from((await store.vectorOf('a', 'e1'))!.vector)).toEqual([2, 0, 0]);
    expect((await store.vectorOf('a', 'other-model'))).toBeUndefined();
    expect((await store.removeAll(['b', 'missing']))).toEqual({ removed: ['b'], labels: [b!.label] });
    expect((await store.get('b'))).toBeUndefined();
    // Labels are never reused, so a stale index entry can never point at a new record.
    const [c] = (await store.saveAll([entry(record('c'))]));
    expect(c!.label).toBeGreaterThan(b!.label);
    db.close();
  });

  it('deletes what it keeps about a vacancy with it, in its transaction: a failure there keeps every record', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    (await store.saveAll([entry(record('a')), entry(record('b'))]));
    const g0 = (await store.generation());
    db.exec(`CREATE TEMP TRIGGER refuse BEFORE DELETE ON vacancy_owners BEGIN SELECT RAISE(ABORT, 'owner rows could not go'); END`);
    db.exec(`INSERT INTO organisations (id, name, kind, created_at) VALUES ('unit-a', 'a', 'employer-services', 'now')`);
    db.exec(`INSERT INTO vacancy_owners (vacancy_id, organisation_id) VALUES ('b', 'unit-a')`);
    await expect(store.removeAll(['a', 'b'])).rejects.toThrow('owner rows could not go');
    expect([(await store.get('a'))?.record.id, (await store.get('b'))?.record.id, (await store.generation())]).toEqual(['a', 'b', g0]);
    db.exec('DROP TRIGGER refuse');
    expect(await store.removeAll(['a', 'b', 'missing'])).toMatchObject({ removed: ['a', 'b'] });
    expect(db.prepare('SELECT count(*) AS n FROM vacancy_owners').get()).toEqual({ n: 0 });
    db.close();
  });

  it('bumps the generation with every committed change', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'jobseekers');
    const g0 = (await store.generation());
    (await store.saveAll([entry(record('a'))]));
    (await store.removeAll(['a']));
    (await store.removeAll(['a'])); // nothing removed: no change
    expect((await store.generation())).toBe(g0 + 2);
    db.close();
  });

  it('logs the labels each generation touched, answers what changed since one, and forgets pruned ones', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    const g0 = (await store.generation());
    const [a, b] = (await store.saveAll([entry(record('a')), entry(record('b'))]));
    const g1 = (await store.generation());
    (await store.removeAll(['b']));
    const [c] = (await store.saveAll([entry(record('c'))]));
    expect((await store.changedSince(g0))!.sort()).toEqual([a!.label, b!.label, c!.label].sort());
    expect((await store.changedSince(g1))!.sort()).toEqual([b!.label, c!.label].sort());
    expect((await store.changedSince(await store.generation()))).toEqual([]);
    store.pruneChanges(g1);
    expect((await store.changedSince(g0))).toBeUndefined(); // the log no longer reaches back
    expect((await store.changedSince(g1))).toHaveLength(2);
    expect((await store.changedSince((await store.generation()) + 1))).toBeUndefined();
    db.close();
  });

  it('lists matchable labels by municipality and region, and only for the given embedder', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    store.saveAll([
      entry(record('h1')),
      entry(record('h2'), 1, false),
      entry(record('t1', '837', '06')),
      entry(record('n1', '536', '06')),
    ]);
    const label = (id: string) => store.labelAndVector(id, 'e1')!.label;
    expect(store.matchableLabels({ municipalities: ['091'] }, 'e1')).toEqual([label('h1')]);
    expect(store.matchableLabels({ regions: ['06'] }, 'e1').sort()).toEqual([label('t1'), label('n1')].sort());
    expect(store.matchableLabels({}, 'e2')).toEqual([]);
    expect([...store.matchableVectors('e1')].map((v) => v.label)).toHaveLength(3);
    expect((await store.staleRecords('e2', 'd1', 10))).toHaveLength(4);
    expect((await store.staleRecords('e1', 'd2', 10))).toHaveLength(4);
    expect((await store.staleRecords('e1', 'd1', 10))).toHaveLength(0);
    db.close();
  });

  it('rolls back a whole batch when one entry fails', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    (await store.saveAll([entry(record('keep'))]));
    const bad = { ...entry(record('x')), record: { ...record('x'), municipality: null as unknown as string } };
    await expect(store.saveAll([entry(record('new')), bad])).rejects.toThrow();
    expect((await store.get('new'))).toBeUndefined();
    expect((await store.count())).toBe(1);
    db.close();
  });
});
