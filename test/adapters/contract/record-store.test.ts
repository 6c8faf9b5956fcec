import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/adapters/sqlite/database.js';
import { MemoryRecordStore } from '../../../src/adapters/memory/record-store.js';
import { PostgresRecordStore } from '../../../src/adapters/postgres/record-store.js';
import { replicated } from '../../../src/adapters/postgres/replicated-record-store.js';
import { SqliteRecordReplica } from '../../../src/adapters/sqlite/record-replica.js';
import { SqliteRecordStore, type RecordTable } from '../../../src/adapters/sqlite/record-store.js';
import type { LocalRecordReads, RecordStore } from '../../../src/core/ports.js';
import type { RecordConcepts } from '../../../src/core/record-concepts.js';
import { recordSearch } from '../../../src/core/record-search.js';
import { ENGINES, type TestDatabase } from './engines.js';

interface R {
  id: string;
  municipality: string;
  region: string;
  updatedAt: string;
  expiresAt?: string;
  name?: string;
  version?: number;
  normalized?: { linkKey?: string };
}
type Store = RecordStore<R> & LocalRecordReads<R> & { pruneChanges(generation: number, loggedBefore?: number): void };

const record = (id: string, municipality = '091', region = '01', extra: Partial<R> = {}): R => ({ id, municipality, region, updatedAt: 'now', ...extra });
const entry = (r: R, v = 1, matchable = true, embedder = 'e1') => ({ record: r, vector: Float32Array.from([v, 0, 0]), textHash: `h${v}`, embedder, derivedBy: 'd1', matchable });

/** The engine's record store: SQLite's on the test database; on PostgreSQL a node's store (its copy in a SQLite file of its own). */
async function storeOf(db: TestDatabase, table: RecordTable, opened: Db[]): Promise<Store> {
  if (db.sqlite) return new SqliteRecordStore<R>(db.sqlite, table);
  const local = openDatabase(':memory:');
  opened.push(local);
  const store = replicated(new PostgresRecordStore<R>(db.pool!, table), new SqliteRecordStore<R>(local, table), new SqliteRecordReplica(local, table));
  await store.open();
  return store;
}

/** One scenario through a RecordStore: everything a caller can observe, in order. */
async function scenario(store: RecordStore<R> & LocalRecordReads<R>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const g0 = await store.generation();
  const [a, b] = await store.saveAll([entry(record('a')), entry(record('b', '837', '06', { expiresAt: '2026-01-01' }))]);
  await store.saveAll([entry(record('c', '837', '06'), 3, false), entry(record('d', '091', '01'), 4, true, 'e2')]);
  seen.push(await store.count(), await store.get('a'), await store.versionOf('a'), store.municipalityOf('b'));
  const [a2] = await store.saveAll([entry(record('a', '837', '06'), 2)]);
  seen.push(a2!.label === a!.label, await store.get('a'), await store.versionOf('a'));
  seen.push(Array.from((await store.vectorOf('a', 'e1'))!.vector), await store.vectorOf('a', 'e2'), store.labelAndVector('d', 'e1'));
  seen.push((await store.list({ limit: 10 })).map((r) => r.id), (await store.list({ limit: 10, municipality: '837' })).map((r) => r.id), (await store.list({ limit: 1, after: 'a' })).map((r) => r.id));
  seen.push((await store.list({ limit: 10, search: recordSearch('B') })).map((r) => r.id));
  seen.push(store.matchableLabels({}, 'e1'), store.matchableLabels({ municipalities: ['837'] }, 'e1'), store.matchableLabels({ regions: ['01'] }, 'e2'));
  seen.push([...store.matchableVectorsOf([a!.label, b!.label], 'e1').keys()], await store.expiredIds('2026-06-01'), (await store.staleRecords('e1', 'd1', 10)).map((r) => r.id));
  const removed = await store.removeAll(['b', 'missing']);
  seen.push(removed.labels.length === 1 && removed.labels[0] === b!.label, removed.removed, await store.get('b'));
  const [e] = await store.saveAll([entry(record('e'))]);
  seen.push(e!.label > b!.label, (await store.generation()) - g0);
  const changed = (await store.changedSince(g0 + 3))!;
  seen.push([...changed].sort((x, y) => x - y).length, await store.changedSince((await store.generation()) + 1));
  return seen;
}

/** Makes deleting a vacancy's owner fail (a failure inside removeAll's transaction), or lets it succeed again. */
async function refuseOwnerDeletes(db: TestDatabase, refuse: boolean): Promise<void> {
  if (db.engine === 'sqlite') {
    await db.run(refuse ? `CREATE TEMP TRIGGER refuse BEFORE DELETE ON vacancy_owners BEGIN SELECT RAISE(ABORT, 'owner rows could not go'); END` : 'DROP TRIGGER refuse');
  } else if (refuse) {
    await db.run(`CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'owner rows could not go'; END $$`);
    await db.run('CREATE TRIGGER refuse BEFORE DELETE ON vacancy_owners FOR EACH ROW EXECUTE FUNCTION refuse()');
  } else {
    await db.run('DROP TRIGGER refuse ON vacancy_owners');
  }
}

describe.each(ENGINES)('record store on $name', (engine) => {
  const { current } = engine.use();
  const opened: Db[] = [];
  afterAll(() => opened.forEach((db) => db.close()));
  const store = (table: RecordTable = 'vacancies') => storeOf(current(), table, opened);

  it('saves, replaces in place (same label), reads and deletes records', async () => {
    const s = await store();
    const [a, b] = await s.saveAll([entry(record('a')), entry(record('b', '837', '06'))]);
    expect(await s.count()).toBe(2);
    const [a2] = await s.saveAll([entry(record('a', '837', '06'), 2)]);
    expect(a2!.label).toBe(a!.label);
    expect((await s.get('a'))!.record.municipality).toBe('837');
    expect(Array.from((await s.vectorOf('a', 'e1'))!.vector)).toEqual([2, 0, 0]);
    expect(await s.vectorOf('a', 'other-model')).toBeUndefined();
    expect(await s.removeAll(['b', 'missing'])).toEqual({ removed: ['b'], labels: [b!.label] });
    expect(await s.get('b')).toBeUndefined();
    // Labels are never reused, so a stale index entry can never point at a new record.
    const [c] = await s.saveAll([entry(record('c'))]);
    expect(c!.label).toBeGreaterThan(b!.label);
  });

  it("keeps the concepts a write gives beside the record (read by label without the record), replaced with it, none for a write without", async () => {
    const s = await store();
    const welder = { keys: ['o:esco:welder', 'i:7212', 's:esco:mig'] as const, place: '837' };
    const [a, b] = await s.saveAll([{ ...entry(record('a', '837', '06')), concepts: { keys: [...welder.keys], place: welder.place } }, entry(record('b'))]);
    expect(s.conceptsByLabels([b!.label, a!.label, 999_999])).toEqual(
      expect.arrayContaining([{ label: a!.label, concepts: { keys: [...welder.keys], place: '837' } }, { label: b!.label }]),
    );
    expect(s.conceptsByLabels([b!.label, a!.label, 999_999])).toHaveLength(2);
    await s.saveAll([{ ...entry(record('a', '837', '06'), 2), concepts: { keys: ['o:esco:cook'], place: '*' } }, { ...entry(record('b')), concepts: { keys: [], place: '091' } }]);
    expect(s.conceptsByLabels([a!.label])).toEqual([{ label: a!.label, concepts: { keys: ['o:esco:cook'], place: '*' } }]);
    expect(s.conceptsByLabels([b!.label])).toEqual([{ label: b!.label, concepts: { keys: [], place: '091' } }]);
    await s.saveAll([entry(record('a', '837', '06'), 3)]);
    expect(s.conceptsByLabels([a!.label])).toEqual([{ label: a!.label }]);
    expect(s.conceptsByLabels([])).toEqual([]);
  });

  it('lists the records kept without concepts in label order and keeps concepts only where a row still has none, as no change', async () => {
    const s = await store();
    const cook: RecordConcepts = { keys: ['o:esco:cook'], place: '091' };
    const [a, b, c] = await s.saveAll([entry(record('a')), { ...entry(record('b')), concepts: cook }, entry(record('c', '837', '06'))]);
    expect((await s.withoutConcepts(0, 10)).map((r) => [r.label, r.record.id])).toEqual([[a!.label, 'a'], [c!.label, 'c']]);
    expect((await s.withoutConcepts(a!.label, 10)).map((r) => r.record.id)).toEqual(['c']);
    expect((await s.withoutConcepts(0, 1)).map((r) => r.record.id)).toEqual(['a']);
    const generation = await s.generation();
    const version = await s.versionOf('a');
    // b kept its own (a write's): not replaced; a and c get theirs; an unknown label is nothing.
    const welder: RecordConcepts = { keys: ['o:esco:welder', 'i:7212'], place: '837' };
    expect(await s.keepConcepts([{ label: a!.label, concepts: welder }, { label: b!.label, concepts: welder }, { label: c!.label, concepts: welder }, { label: 999_999, concepts: welder }])).toBe(2);
    expect(s.conceptsByLabels([a!.label, b!.label, c!.label]).sort((x, y) => x.label - y.label)).toEqual([
      { label: a!.label, concepts: welder },
      { label: b!.label, concepts: cook },
      { label: c!.label, concepts: welder },
    ]);
    expect(await s.withoutConcepts(0, 10)).toEqual([]);
    expect(await s.keepConcepts([{ label: a!.label, concepts: cook }])).toBe(0);
    expect(await s.generation()).toBe(generation);
    expect(await s.versionOf('a')).toBe(version);
    expect(await s.changedSince(generation)).toEqual([]);
  });

  it('reads a batch of ids (records, vectors) at once, in the order asked, undefined where none is stored, an id asked twice twice', async () => {
    const s = await store();
    const [a, b] = await s.saveAll([entry(record('a')), entry(record('b', '837', '06'))]);
    const read = await s.getMany(['b', 'missing', 'a', 'b']);
    expect(read.map((e) => e && [e.label, e.record.id, e.record.municipality])).toEqual([[b!.label, 'b', '837'], undefined, [a!.label, 'a', '091'], [b!.label, 'b', '837']]);
    expect(read[0]).toEqual(await s.get('b'));
    expect(await s.getMany([])).toEqual([]);
    const vectors = await s.vectorsOfIds(['b', 'missing', 'a'], 'e1');
    expect(vectors.map((v) => v && [Array.from(v.vector), v.textHash])).toEqual([[[1, 0, 0], 'h1'], undefined, [[1, 0, 0], 'h1']]);
    expect(await s.vectorsOfIds(['a'], 'other-model')).toEqual([undefined]);
    expect(await s.vectorsOfIds([], 'e1')).toEqual([]);
  });

  it("gives a written record the write's generation as its version; a write that is not a new version keeps it", async () => {
    const s = await store();
    await s.saveAll([{ ...entry(record('a')), newVersion: true }]);
    const v1 = (await s.versionOf('a'))!;
    expect(v1).toBe(await s.generation());
    expect((await s.get('a'))!.record.version).toBe(v1);
    await s.saveAll([entry(record('a', '837'))]); // re-derived: same version
    expect(await s.versionOf('a')).toBe(v1);
    await s.saveAll([{ ...entry(record('a')), newVersion: true }]);
    const v2 = await s.generation();
    expect([v2, await s.versionOf('a')]).toEqual([v1 + 2, v2]);
    expect(s.getByLabels([s.labelAndVector('a', 'e1')!.label])[0]!.record.version).toBe(v2);
    expect(await s.versionOf('missing')).toBeUndefined();
  });

  it('checks the terms on what is stored and claims the new records for their owner; a refusal stores nothing', async () => {
    const db = current();
    const s = await store();
    await db.run("INSERT INTO organisations (id, name, kind, created_at) VALUES ('unit-a', 'a', 'employer-services', 'now')");
    await s.saveAll([{ ...entry(record('a')), newVersion: true }], { ids: ['a'], claimFor: 'unit-a' });
    const seen: unknown[] = [];
    await s.saveAll([entry(record('a', '837')), entry(record('b'))], { ids: ['a', 'b'], check: (found) => void seen.push(Object.fromEntries(found)) });
    expect(seen).toEqual([{ a: { version: await s.versionOf('a'), owner: 'unit-a' } }]);
    const g = await s.generation();
    await expect(s.saveAll([entry(record('c'))], { ids: ['c'], check: () => { throw new Error('refused'); } })).rejects.toThrow('refused');
    expect([await s.get('c'), await s.generation()]).toEqual([undefined, g]);
    expect(await db.rows('SELECT vacancy_id, organisation_id FROM vacancy_owners')).toEqual([{ vacancy_id: 'a', organisation_id: 'unit-a' }]);
  });

  it('deletes what it keeps about a vacancy with it, in its transaction: a failure there keeps every record', async () => {
    const db = current();
    const s = await store();
    await s.saveAll([entry(record('a')), entry(record('b'))]);
    const g0 = await s.generation();
    await db.run("INSERT INTO organisations (id, name, kind, created_at) VALUES ('unit-a', 'a', 'employer-services', 'now')");
    await db.run("INSERT INTO vacancy_owners (vacancy_id, organisation_id) VALUES ('b', 'unit-a')");
    await db.run("INSERT INTO shares (vacancy_id, jobseeker_id, key_id, at) VALUES ('b', 'J1', 'k', 'now')");
    await refuseOwnerDeletes(db, true);
    await expect(s.removeAll(['a', 'b'])).rejects.toThrow('owner rows could not go');
    expect([(await s.get('a'))?.record.id, (await s.get('b'))?.record.id, await s.generation()]).toEqual(['a', 'b', g0]);
    await refuseOwnerDeletes(db, false);
    expect(await s.removeAll(['a', 'b', 'missing'])).toMatchObject({ removed: ['a', 'b'] });
    expect(await db.rows('SELECT count(*) AS n FROM vacancy_owners')).toEqual([{ n: 0 }]);
    expect(await db.rows('SELECT count(*) AS n FROM shares')).toEqual([{ n: 0 }]);
  });

  it('bumps the generation with every committed change', async () => {
    const s = await store('jobseekers');
    const g0 = await s.generation();
    await s.saveAll([entry(record('a'))]);
    await s.removeAll(['a']);
    await s.removeAll(['a']); // nothing removed: no change
    await s.saveAll([]); // nothing written: no change
    expect(await s.generation()).toBe(g0 + 2);
  });

  it('logs the labels each generation touched, answers what changed since one, and forgets pruned ones', async () => {
    const s = await store();
    const g0 = await s.generation();
    const [a, b] = await s.saveAll([entry(record('a')), entry(record('b'))]);
    const g1 = await s.generation();
    await s.removeAll(['b']);
    const [c] = await s.saveAll([entry(record('c'))]);
    expect((await s.changedSince(g0))!.sort()).toEqual([a!.label, b!.label, c!.label].sort());
    expect((await s.changedSince(g1))!.sort()).toEqual([b!.label, c!.label].sort());
    expect(await s.changedSince(await s.generation())).toEqual([]);
    s.pruneChanges(g1);
    expect(await s.changedSince(g0)).toBeUndefined(); // the log no longer reaches back
    expect(await s.changedSince(g1)).toHaveLength(2);
    expect(await s.changedSince((await s.generation()) + 1)).toBeUndefined();
  });

  it('lists matchable labels by municipality and region, and only for the given embedder', async () => {
    const s = await store();
    await s.saveAll([entry(record('h1')), entry(record('h2'), 1, false), entry(record('t1', '837', '06')), entry(record('n1', '536', '06'))]);
    const label = (id: string) => s.labelAndVector(id, 'e1')!.label;
    expect(s.matchableLabels({ municipalities: ['091'] }, 'e1')).toEqual([label('h1')]);
    expect(s.matchableLabels({ regions: ['06'] }, 'e1').sort()).toEqual([label('t1'), label('n1')].sort());
    expect(s.matchableLabels({}, 'e2')).toEqual([]);
    expect([...s.matchableVectors('e1')].map((v) => v.label)).toHaveLength(3);
    expect(await s.staleRecords('e2', 'd1', 10)).toHaveLength(4);
    expect(await s.staleRecords('e1', 'd2', 10)).toHaveLength(4);
    expect(await s.staleRecords('e1', 'd1', 10)).toHaveLength(0);
  });

  it('lists pages in id order within municipalities, among given ids and by a search', async () => {
    const s = await store('jobseekers');
    await s.saveAll(['c', 'a', 'b', 'd'].map((id, i) => entry(record(id, i % 2 ? '837' : '091', '01', { name: i === 3 ? 'Brita Berg' : `Person ${id}` }))));
    const ids = async (o: Parameters<Store['list']>[0]) => (await s.list(o)).map((r) => r.id);
    expect(await ids({ limit: 3 })).toEqual(['a', 'b', 'c']);
    expect(await ids({ limit: 10, after: 'b' })).toEqual(['c', 'd']);
    expect(await ids({ limit: 10, within: new Set(['837']) })).toEqual(['a', 'd']);
    expect(await ids({ limit: 10, municipality: '091', within: new Set(['837']) })).toEqual([]);
    expect(await ids({ limit: 10, ids: ['d', 'b', 'x'] })).toEqual(['b', 'd']);
    expect(await ids({ limit: 10, search: recordSearch('brita') })).toEqual(['d']);
    expect(await ids({ limit: 1, search: recordSearch('person') })).toEqual(['a']);
  });

  it('finds records by their link key, the open ones alone when asked, and the expired', async () => {
    const s = await store();
    await s.saveAll([
      entry(record('a', '091', '01', { normalized: { linkKey: 'k' }, expiresAt: '2026-01-01' })),
      entry(record('b', '091', '01', { normalized: { linkKey: 'k' } }), 1, false),
      entry(record('c', '091', '01', { expiresAt: '2027-01-01' })),
    ]);
    expect((await s.withLinkKey('k', false)).map((e) => e.record.id).sort()).toEqual(['a', 'b']);
    expect((await s.withLinkKey('k', true)).map((e) => e.record.id)).toEqual(['a']);
    expect(await s.expiredIds('2026-06-01')).toEqual(['a']);
  });

  it('rolls back a whole batch when one entry fails', async () => {
    const s = await store();
    await s.saveAll([entry(record('keep'))]);
    const bad = { ...entry(record('x')), record: { ...record('x'), municipality: null as unknown as string } };
    await expect(s.saveAll([entry(record('new')), bad])).rejects.toThrow();
    expect(await s.get('new')).toBeUndefined();
    expect(await s.count()).toBe(1);
  });

  it('answers a scenario exactly as the in-memory test double does', async () => {
    const engineSeen = await scenario(await store());
    const memory = await scenario(new MemoryRecordStore<R>());
    expect(JSON.parse(JSON.stringify(engineSeen))).toEqual(JSON.parse(JSON.stringify(memory)));
  });
});
