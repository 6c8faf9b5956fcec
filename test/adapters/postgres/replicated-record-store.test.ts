import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplicated, type ReplicatedRecordStore } from '../../../src/adapters/postgres/replicated-record-store.js';
import { openDatabase, type Db } from '../../../src/adapters/sqlite/database.js';
import { migratedDatabase } from '../../helpers/postgres.js';
import { tempDir } from '../../helpers/files.js';

interface R {
  id: string;
  municipality: string;
  region: string;
  updatedAt: string;
}
const record = (id: string, municipality = '091'): R => ({ id, municipality, region: '01', updatedAt: 'now' });
const entry = (r: R, v = 1) => ({ record: r, vector: Float32Array.from([v, 0, 0]), textHash: `h${v}`, embedder: 'e1', derivedBy: 'd1', matchable: true, newVersion: true });

/**
 * Two service nodes on one PostgreSQL database, each with its copy of the records in a SQLite file
 * of its own (issue 35, item 3): what one writes, the other serves from its copy once caught up.
 */
describe('records on PostgreSQL with node-local copies', () => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  const files: Db[] = [];
  beforeAll(async () => {
    database = await migratedDatabase();
  });
  afterAll(async () => {
    for (const f of files) if (f.open) f.close();
    await database.close();
  });
  const node = async (file = join(tempDir(), 'copy.sqlite'), pool: pg.Pool = database.pool) => {
    const db = openDatabase(file);
    files.push(db);
    return { file, db, store: await openReplicated<R>(pool, db, 'vacancies') };
  };
  const ids = (s: ReplicatedRecordStore<R>) => s.getByLabels(s.matchableLabels({}, 'e1')).map((e) => e.record.id).sort();

  it("serves another node's writes from its copy once caught up, removals included, and tells its index what changed", async () => {
    const a = await node();
    const b = await node();
    const g0 = await b.store.generation();
    const [x] = await a.store.saveAll([entry(record('x')), entry(record('y', '837'))]);
    expect(ids(a.store)).toEqual(['x', 'y']); // the writing node's copy has its own write at once
    expect(ids(b.store)).toEqual([]);
    await b.store.catchUp();
    expect(ids(b.store)).toEqual(['x', 'y']);
    expect(b.store.municipalityOf('y')).toBe('837');
    expect(Array.from(b.store.labelAndVector('x', 'e1')!.vector!)).toEqual([1, 0, 0]);
    expect(await b.store.generation()).toBe(g0 + 1);
    await a.store.removeAll(['x']);
    await b.store.catchUp();
    expect(ids(b.store)).toEqual(['y']);
    expect(await b.store.changedSince(g0 + 1)).toEqual([x!.label]);
  });

  it("applies a node's own write after the other nodes' earlier ones (it reads them first)", async () => {
    const a = await node();
    const b = await node();
    await a.store.saveAll([entry(record('from-a'))]);
    await b.store.saveAll([entry(record('from-b'))]); // b has not caught up on a's write
    expect(ids(b.store)).toEqual(expect.arrayContaining(['from-a', 'from-b']));
    expect((await b.store.changedSince(0))!.length).toBeGreaterThanOrEqual(2);
  });

  it('reopens its copy where it was (only what changed since is read), and loads it in full when the log no longer reaches back', async () => {
    const a = await node();
    const b = await node();
    b.db.close();
    await a.store.saveAll([entry(record('while-b-was-away'))]);
    const again = await node(b.file);
    expect(ids(again.store)).toContain('while-b-was-away');
    const g = await again.store.generation();
    again.db.close();
    // The change log is pruned past the copy: the copy is loaded in full, a removed record leaves it.
    await a.store.saveAll([entry(record('later'))]);
    await a.store.removeAll(['while-b-was-away']);
    await database.pool.query('DELETE FROM changes');
    const third = await node(b.file);
    expect(ids(third.store)).toEqual(ids(a.store));
    expect(ids(third.store)).not.toContain('while-b-was-away');
    expect(await third.store.generation()).toBeGreaterThan(g);
  });

  it('empties a copy made of another database before using it', async () => {
    const a = await node();
    await a.store.saveAll([entry(record('in-first'))]);
    const other = await migratedDatabase();
    try {
      const db = openDatabase(a.file);
      files.push(db);
      const moved = await openReplicated<R>(other.pool, db, 'vacancies');
      expect(ids(moved)).toEqual([]);
      db.close();
    } finally {
      await other.close();
    }
  });

  it('reads again the labels it is told (a failover lost their generation), whatever the change log says', async () => {
    const a = await node();
    const b = await node();
    const [x] = await a.store.saveAll([entry(record('told-again'))]);
    await b.store.catchUp();
    // The row changes with no generation logged for it, as when the write of a lost generation's number differs.
    await database.pool.query(`UPDATE vacancies SET municipality = '837' WHERE label = $1`, [x!.label]);
    await b.store.catchUp();
    expect(b.store.municipalityOf('told-again')).toBe('091'); // the log says nothing changed
    await b.store.catchUp([x!.label]);
    expect(b.store.municipalityOf('told-again')).toBe('837');
  });
  /**
   * The RecordService takes a copy generation one past the one its index reflects, read right after
   * its own write, as that write alone (RecordStore.generation: one per committed change), and moves
   * on without reading the change log. A catch-up that read PostgreSQL just after this node's write
   * committed brings the write in together with another node's earlier one in one step: the step
   * of the node's own write must still come on top, or the other node's record never reaches the
   * index (test/cli/cluster.test.ts: "410 of 411 indexed").
   */
  it("gives a node's own write a copy generation of its own when a catch-up already brought it in with another node's", async () => {
    const a = await node();
    const b = await node();
    const g0 = await a.store.generation();
    const [other] = await b.store.saveAll([entry(record('from-b-first'))]);
    // a's catch-up (woken by b's notification) reads PostgreSQL only once a's own write has committed.
    let committed!: () => void;
    const ownCommitted = new Promise<void>((resolve) => (committed = resolve));
    const changesAfter = a.store.primary.changesAfter.bind(a.store.primary);
    a.store.primary.changesAfter = async (generation) => {
      await ownCommitted;
      return changesAfter(generation);
    };
    const caughtUp = a.store.catchUp();
    const onCommitted = a.store.primary.onCommitted;
    a.store.primary.onCommitted = (write) => {
      committed();
      onCommitted(write);
    };
    const [own] = await a.store.saveAll([entry(record('from-a-after'))]);
    await caughtUp;
    expect(ids(a.store)).toEqual(expect.arrayContaining(['from-a-after', 'from-b-first']));
    // The copy's last generation is the write alone: read after it, it is one past the index's only when nothing else came.
    const generation = await a.store.generation();
    expect(await a.store.changedSince(generation - 1)).toEqual([own!.label]);
    expect(generation).toBeGreaterThan(g0 + 1);
    // Caught up from g0, the index learns both.
    expect(new Set(await a.store.changedSince(g0))).toEqual(new Set([other!.label, own!.label]));
  });
  it("applies a node's own write alone when reading the other nodes' earlier ones fails (the primary lost just after the commit)", async () => {
    const a = await node();
    const b = await node();
    const g0 = await a.store.generation();
    const [other] = await b.store.saveAll([entry(record('before-the-loss'))]);
    const changesAfter = a.store.primary.changesAfter.bind(a.store.primary);
    a.store.primary.changesAfter = () => Promise.reject(new Error('the primary is gone'));
    const [own] = await a.store.saveAll([entry(record('acknowledged-then-lost'))]);
    // The copy has the acknowledged write, in a generation of its own, and nothing it has not read.
    expect(ids(a.store)).toContain('acknowledged-then-lost');
    expect(ids(a.store)).not.toContain('before-the-loss');
    const generation = await a.store.generation();
    expect(generation).toBe(g0 + 1);
    expect(await a.store.changedSince(g0)).toEqual([own!.label]);
    // Once the database answers, the copy reads the log from the generation it reflected.
    a.store.primary.changesAfter = changesAfter;
    await a.store.catchUp();
    expect(ids(a.store)).toEqual(expect.arrayContaining(['acknowledged-then-lost', 'before-the-loss']));
    expect(await a.store.changedSince(generation)).toEqual(expect.arrayContaining([other!.label]));
  });
});
