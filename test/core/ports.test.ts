import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import { OrganisationStore } from '../../src/adapters/sqlite/organisations.js';
import { ShareStore } from '../../src/adapters/sqlite/shares.js';
import { VacancyOwnerStore } from '../../src/adapters/sqlite/vacancy-owners.js';
import type { EntryToSave, LocalRecordReads, RecordStore } from '../../src/core/ports.js';

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

/** A store under test, with what it keeps about a vacancy beside the record (its owner; on SQLite its shares). */
interface Opened {
  store: RecordStore<Rec> & LocalRecordReads<Rec>;
  ownerOf(id: string): Promise<string | null>;
  /** A share of a jobseeker for the vacancy (SQLite only: the double keeps no shares); its count after. */
  share?: (vacancyId: string) => Promise<() => Promise<number>>;
}

/**
 * The RecordStore port's contract, run against the SQLite adapter the service uses and the in-memory
 * double the core's unit tests use: what the unit tests prove on the double holds for the real store.
 */
const stores: [string, () => Promise<Opened>][] = [
  [
    'SqliteRecordStore',
    async () => {
      const db = openDatabase(':memory:');
      for (const id of ['unit-a', 'unit-b']) await new OrganisationStore(db).add({ id, name: id, kind: 'employer-services' });
      const owners = new VacancyOwnerStore(db);
      const shares = new ShareStore(db);
      return {
        store: new SqliteRecordStore<Rec>(db, 'vacancies'),
        ownerOf: (id) => owners.ownerOf(id),
        share: async (vacancyId) => {
          await shares.add({ vacancyId, jobseekerId: 'J-1', owner: 'unit-a', keyId: 'k', at: '2026-12-06T10:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' });
          return async () => (await shares.activeFor(vacancyId, 'unit-a', '2026-12-07T00:00:00.000Z')).size;
        },
      };
    },
  ],
  [
    'MemoryRecordStore (test double)',
    async () => {
      const store = new MemoryRecordStore<Rec>();
      return { store, ownerOf: async (id) => store.owners.get(id) ?? null };
    },
  ],
];

describe.each(stores)('the RecordStore contract: %s', (_name, open) => {
  it('keeps a record\'s label when it is replaced, and gives it a new version only for a caller\'s write', async () => {
    const { store } = await open();
    const [a, b] = await store.saveAll([entry('A'), entry('B')]);
    expect(a!.label).not.toBe(b!.label);
    const version = (await store.versionOf('A'))!;
    expect((await store.saveAll([entry('A', { title: 'levyseppä' })]))[0]!.label).toBe(a!.label);
    expect((await store.get('A'))!.record.title).toBe('levyseppä');
    expect((await store.versionOf('A'))!).toBeGreaterThan(version);
    const replaced = await store.versionOf('A');
    await store.saveAll([entry('A', {}, true, false)]);
    expect(await store.versionOf('A')).toBe(replaced);
    expect(await store.versionOf('X')).toBeUndefined();
    expect(await store.count()).toBe(2);
  });

  it('counts one generation per write and tells the labels changed since one', async () => {
    const { store } = await open();
    const start = await store.generation();
    const [a] = await store.saveAll([entry('A')]);
    const [b] = await store.saveAll([entry('B')]);
    expect(await store.generation()).toBe(start + 2);
    expect(await store.changedSince(start + 1)).toEqual([b!.label]);
    expect((await store.changedSince(start))!.sort()).toEqual([a!.label, b!.label].sort());
    expect(await store.removeAll(['A', 'X'])).toEqual({ removed: ['A'], labels: [a!.label] });
    expect(await store.changedSince(start + 2)).toEqual([a!.label]);
  });

  it('gives the check what is stored under the written ids (version and owner), and stores nothing when it refuses', async () => {
    const { store, ownerOf } = await open();
    const start = await store.generation();
    await store.saveAll([entry('A')], { ids: ['A'], claimFor: 'unit-a' });
    const seen: [string, { version: number; owner: string | null }][][] = [];
    const refused = store.saveAll([entry('A', { title: 'levyseppä' }), entry('B')], {
      ids: ['A', 'B'],
      check: (found) => {
        seen.push([...found]);
        throw new Error('refused');
      },
      claimFor: 'unit-b',
    });
    await expect(refused).rejects.toThrow('refused');
    expect(seen).toEqual([[['A', { version: start + 1, owner: 'unit-a' }]]]);
    expect([await store.count(), await store.generation(), (await store.get('A'))!.record.title, await ownerOf('B')]).toEqual([1, start + 1, 'hitsaaja', null]);
  });

  it('claims new records for the writer and leaves a claimed one its owner; a deletion forgets the owner (and the shares) with the record', async () => {
    const { store, ownerOf, share } = await open();
    await store.saveAll([entry('A')], { ids: ['A'], claimFor: 'unit-a' });
    await store.saveAll([entry('A'), entry('B')], { ids: ['A', 'B'], claimFor: 'unit-b' });
    // A record relinked with the write (not among `ids`) is not claimed.
    await store.saveAll([entry('C'), entry('D')], { ids: ['C'], claimFor: 'unit-b' });
    expect([await ownerOf('A'), await ownerOf('B'), await ownerOf('C'), await ownerOf('D')]).toEqual(['unit-a', 'unit-b', 'unit-b', null]);
    const shared = await share?.('A');
    expect(await shared?.()).toBe(shared && 1);
    await store.removeAll(['A']);
    expect([await ownerOf('A'), await shared?.()]).toEqual([null, shared && 0]);
  });

  it('lists matchable labels by place, vectors by label, and the ids expired before a day', async () => {
    const { store } = await open();
    const [a, b] = await store.saveAll([entry('A', { expiresAt: '2026-12-05' }), entry('B', { municipality: '091', region: '01' }), entry('C', {}, false)]);
    expect(store.matchableLabels({ municipalities: ['837'] }, 'lexical')).toEqual([a!.label]);
    expect(store.matchableLabels({ regions: ['01'] }, 'lexical')).toEqual([b!.label]);
    expect(store.matchableLabels({}, 'other-model')).toEqual([]);
    expect([...store.vectorsOf([a!.label]).values()].map((v) => [...v])).toEqual([[1, 0, 0]]);
    expect(await store.vectorOf('A', 'lexical')).toEqual({ vector: Float32Array.from([1, 0, 0]), textHash: 'hash-A' });
    expect(await store.vectorOf('A', 'other-model')).toBeUndefined();
    expect(await store.expiredIds('2026-12-06')).toEqual(['A']);
    expect(store.municipalityOf('B')).toBe('091');
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual(['A', 'B', 'C']);
  });
});
