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
  it('uses WAL mode and the latest schema version, and reopens without migrating twice', () => {
    const file = join(tempDir(), 'k.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('saves, replaces in place (same label), reads and deletes records', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    const [a, b] = store.saveAll([entry(record('a')), entry(record('b', '837', '06'))]);
    expect(store.count()).toBe(2);
    const [a2] = store.saveAll([entry(record('a', '837', '06'), 2)]);
    expect(a2!.label).toBe(a!.label);
    expect(store.get('a')!.record.municipality).toBe('837');
    expect(Array.from(store.vectorOf('a', 'e1')!.vector)).toEqual([2, 0, 0]);
    expect(store.vectorOf('a', 'other-model')).toBeUndefined();
    expect(store.removeAll(['b', 'missing'])).toEqual([b!.label]);
    expect(store.get('b')).toBeUndefined();
    // Labels are never reused, so a stale index entry can never point at a new record.
    const [c] = store.saveAll([entry(record('c'))]);
    expect(c!.label).toBeGreaterThan(b!.label);
    db.close();
  });

  it('runs what goes with a deletion inside its transaction: a throw there keeps every record', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    store.saveAll([entry(record('a')), entry(record('b'))]);
    const g0 = store.generation();
    expect(() =>
      store.removeAll(['a', 'b'], () => {
        throw new Error('owner rows could not go');
      }),
    ).toThrow('owner rows could not go');
    expect([store.get('a')?.record.id, store.get('b')?.record.id, store.generation()]).toEqual(['a', 'b', g0]);
    const told: string[][] = [];
    expect(store.removeAll(['a', 'missing'], (ids) => told.push(ids))).toHaveLength(1);
    expect(told).toEqual([['a']]);
    store.removeAll(['missing'], (ids) => told.push(ids)); // nothing deleted: not called
    expect(told).toHaveLength(1);
    db.close();
  });

  it('bumps the generation with every committed change', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'jobseekers');
    const g0 = store.generation();
    store.saveAll([entry(record('a'))]);
    store.removeAll(['a']);
    store.removeAll(['a']); // nothing removed: no change
    expect(store.generation()).toBe(g0 + 2);
    db.close();
  });

  it('logs the labels each generation touched, answers what changed since one, and forgets pruned ones', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    const g0 = store.generation();
    const [a, b] = store.saveAll([entry(record('a')), entry(record('b'))]);
    const g1 = store.generation();
    store.removeAll(['b']);
    const [c] = store.saveAll([entry(record('c'))]);
    expect(store.changedSince(g0)!.sort()).toEqual([a!.label, b!.label, c!.label].sort());
    expect(store.changedSince(g1)!.sort()).toEqual([b!.label, c!.label].sort());
    expect(store.changedSince(store.generation())).toEqual([]);
    store.pruneChanges(g1);
    expect(store.changedSince(g0)).toBeUndefined(); // the log no longer reaches back
    expect(store.changedSince(g1)).toHaveLength(2);
    expect(store.changedSince(store.generation() + 1)).toBeUndefined();
    db.close();
  });

  it('lists matchable labels by municipality and region, and only for the given embedder', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    store.saveAll([
      entry(record('h1')),
      entry(record('h2'), 1, false),
      entry(record('t1', '837', '06')),
      entry(record('n1', '536', '06')),
    ]);
    const label = (id: string) => store.get(id)!.label;
    expect(store.matchableLabels({ municipalities: ['091'] }, 'e1')).toEqual([label('h1')]);
    expect(store.matchableLabels({ regions: ['06'] }, 'e1').sort()).toEqual([label('t1'), label('n1')].sort());
    expect(store.matchableLabels({}, 'e2')).toEqual([]);
    expect([...store.matchableVectors('e1')].map((v) => v.label)).toHaveLength(3);
    expect(store.staleRecords('e2', 'd1', 10)).toHaveLength(4);
    expect(store.staleRecords('e1', 'd2', 10)).toHaveLength(4);
    expect(store.staleRecords('e1', 'd1', 10)).toHaveLength(0);
    db.close();
  });

  it('rolls back a whole batch when one entry fails', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<R>(db, 'vacancies');
    store.saveAll([entry(record('keep'))]);
    const bad = { ...entry(record('x')), record: { ...record('x'), municipality: null as unknown as string } };
    expect(() => store.saveAll([entry(record('new')), bad])).toThrow();
    expect(store.get('new')).toBeUndefined();
    expect(store.count()).toBe(1);
    db.close();
  });
});
