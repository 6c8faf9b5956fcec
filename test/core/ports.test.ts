import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import type { EntryToSave, RecordStore } from '../../src/core/ports.js';

type Rec = { id: string; title: string; municipality: string; region: string; updatedAt: string; expiresAt?: string; version?: number; normalized?: { linkKey?: string } };

const entry = (id: string, fields: Partial<Rec> = {}, matchable = true, newVersion = true): EntryToSave<Rec> => ({
  record: { id, title: 'hitsaaja', municipality: '837', region: '06', updatedAt: '2026-12-06T10:00:00.000Z', ...fields },
  vector: Float32Array.from([1, 0, 0]),
  textHash: `hash-${id}`,
  embedder: 'lexical',
  derivedBy: 'test',
  matchable,
  newVersion,
});

/**
 * The RecordStore port's contract, run against the SQLite adapter the service uses and the in-memory
 * double the core's unit tests use: what the unit tests prove on the double holds for the real store.
 */
const stores: [string, () => RecordStore<Rec>][] = [
  ['SqliteRecordStore', () => new SqliteRecordStore<Rec>(openDatabase(':memory:'), 'vacancies')],
  ['MemoryRecordStore (test double)', () => new MemoryRecordStore<Rec>()],
];

describe.each(stores)('the RecordStore contract: %s', (_name, open) => {
  it('keeps a record\'s label when it is replaced, and gives it a new version only for a caller\'s write', () => {
    const store = open();
    const [a, b] = store.saveAll([entry('A'), entry('B')]);
    expect(a!.label).not.toBe(b!.label);
    const version = store.versionOf('A')!;
    expect(store.saveAll([entry('A', { title: 'levyseppä' })])[0]!.label).toBe(a!.label);
    expect(store.get('A')!.record.title).toBe('levyseppä');
    expect(store.versionOf('A')!).toBeGreaterThan(version);
    const replaced = store.versionOf('A');
    store.saveAll([entry('A', {}, true, false)]);
    expect(store.versionOf('A')).toBe(replaced);
    expect(store.versionOf('X')).toBeUndefined();
    expect(store.count()).toBe(2);
  });

  it('counts one generation per write and tells the labels changed since one', () => {
    const store = open();
    const start = store.generation();
    const [a] = store.saveAll([entry('A')]);
    const [b] = store.saveAll([entry('B')]);
    expect(store.generation()).toBe(start + 2);
    expect(store.changedSince(start + 1)).toEqual([b!.label]);
    expect(store.changedSince(start)!.sort()).toEqual([a!.label, b!.label].sort());
    expect(store.removeAll(['A'])).toEqual([a!.label]);
    expect(store.changedSince(start + 2)).toEqual([a!.label]);
  });

  it('stores nothing when the check inside the write throws, and deletes nothing when the hook after a deletion does', () => {
    const store = open();
    const start = store.generation();
    expect(() =>
      store.saveAll([entry('A')], () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect([store.count(), store.generation()]).toEqual([0, start]);
    store.saveAll([entry('A'), entry('B')]);
    expect(() =>
      store.removeAll(['A', 'X'], () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(store.count()).toBe(2);
    const seen: string[][] = [];
    store.removeAll(['A', 'X'], (ids) => seen.push(ids));
    expect(seen).toEqual([['A']]);
    expect(store.get('A')).toBeUndefined();
  });

  it('lists matchable labels by place, vectors by label, and the ids expired before a day', () => {
    const store = open();
    const [a, b] = store.saveAll([entry('A', { expiresAt: '2026-12-05' }), entry('B', { municipality: '091', region: '01' }), entry('C', {}, false)]);
    expect(store.matchableLabels({ municipalities: ['837'] }, 'lexical')).toEqual([a!.label]);
    expect(store.matchableLabels({ regions: ['01'] }, 'lexical')).toEqual([b!.label]);
    expect(store.matchableLabels({}, 'other-model')).toEqual([]);
    expect([...store.vectorsOf([a!.label]).values()].map((v) => [...v])).toEqual([[1, 0, 0]]);
    expect(store.vectorOf('A', 'lexical')).toEqual({ vector: Float32Array.from([1, 0, 0]), textHash: 'hash-A' });
    expect(store.vectorOf('A', 'other-model')).toBeUndefined();
    expect(store.expiredIds('2026-12-06')).toEqual(['A']);
    expect(store.municipalityOf('B')).toBe('091');
    expect(store.list({ limit: 10 }).map((r) => r.id)).toEqual(['A', 'B', 'C']);
  });
});
