import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { followChanges, recordChange, type ChangeFeed, type ChangesSeen } from '../../../src/adapters/postgres/change-feed.js';
import { inTransaction, openPool, primaryOf } from '../../../src/adapters/postgres/pool.js';
import { migratedDatabase } from '../../helpers/postgres.js';

const until = async (what: string, done: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the PostgreSQL change feed', () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  /** Node A writes through its own pool; node B follows with its feed. */
  let nodeA: pg.Pool;
  let feed: ChangeFeed | undefined;
  beforeAll(async () => {
    db = await migratedDatabase();
    nodeA = await openPool(`${db.url}?target_session_attrs=read-write`, { max: 2 });
  });
  afterEach(async () => {
    await feed?.close();
    feed = undefined;
    await db.pool.query("UPDATE generations SET generation = 0; DELETE FROM changes");
  });
  afterAll(async () => {
    await nodeA?.end();
    await db?.close();
  });

  const follow = (options: { pollMs?: number; reconnectMs?: number } = {}) => {
    const seen: ChangesSeen[] = [];
    feed = followChanges(primaryOf(`${db.url}?target_session_attrs=read-write`), {
      from: { jobseekers: 0, vacancies: 0 },
      onChanges: (c) => void seen.push(c),
      pollMs: options.pollMs ?? 60_000,
      reconnectMs: options.reconnectMs,
    });
    return seen;
  };
  const feedBackend = async () =>
    (await db.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'kohtaanto-change-feed' AND datname = current_database()")).rows.map((r) => r.pid);
  const write = (kind: string, labels: number[]) => inTransaction(nodeA, (c) => recordChange(c, kind, labels));

  it("reports a change committed through another node's pool within 1 s (a notification wakes it; no polling)", async () => {
    const seen = follow();
    await until('the feed to listen', async () => feed!.listening() && (await feedBackend()).length === 1);
    const started = performance.now();
    const generation = await write('vacancies', [7, 8]);
    await until('the change to be reported', () => seen.length > 0, 5000);
    const ms = performance.now() - started;
    console.log(`change feed: committed on node A → reported on node B in ${ms.toFixed(1)} ms`);
    expect(generation).toBe(1);
    expect(seen).toEqual([{ kind: 'vacancies', after: 0, upTo: 1, labels: [7, 8] }]);
    expect(ms).toBeLessThan(1000);
    expect(feed!.generations()).toEqual({ jobseekers: 0, vacancies: 1 });
  });

  it('never reports a rolled-back write', async () => {
    const seen = follow();
    await until('the feed to listen', async () => feed!.listening() && (await feedBackend()).length === 1);
    await expect(
      inTransaction(nodeA, async (c) => {
        await recordChange(c, 'vacancies', [1]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await write('jobseekers', [2]);
    await until('the committed change', () => seen.length > 0);
    expect(seen).toEqual([{ kind: 'jobseekers', after: 0, upTo: 1, labels: [2] }]);
  });

  it('reconnects after its connection is terminated and reports what it missed, nothing twice', async () => {
    const seen = follow({ reconnectMs: 300 });
    await until('the feed to listen', async () => feed!.listening() && (await feedBackend()).length === 1);
    await write('vacancies', [1]);
    await until('the first change', () => seen.length === 1);
    const [before] = await feedBackend();
    await db.pool.query('SELECT pg_terminate_backend($1)', [before]);
    await until('the feed to notice', () => !feed!.listening());
    // Written while node B is not listening: no notification reaches it.
    for (const label of [2, 3, 4]) await write('vacancies', [label]);
    await write('jobseekers', [10]);
    await until('the feed to catch up', () => feed!.generations().vacancies === 4 && feed!.generations().jobseekers === 1);
    const after = await feedBackend();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    // Then notifications work again.
    await write('vacancies', [5]);
    await until('the change after the reconnect', () => feed!.generations().vacancies === 5);

    const vacancies = seen.filter((s) => s.kind === 'vacancies');
    for (let i = 1; i < vacancies.length; i++) expect(vacancies[i]!.after).toBe(vacancies[i - 1]!.upTo);
    expect(vacancies[0]!.after).toBe(0);
    expect(vacancies.flatMap((s) => s.labels!).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(seen.filter((s) => s.kind === 'jobseekers')).toEqual([{ kind: 'jobseekers', after: 0, upTo: 1, labels: [10] }]);
  });

  it('reads a change whose notification never came at its next poll (the generations are the truth)', async () => {
    const seen = follow({ pollMs: 300 });
    await until('the feed to listen', async () => feed!.listening() && (await feedBackend()).length === 1);
    await inTransaction(db.pool, async (c) => {
      await c.query("UPDATE generations SET generation = 1 WHERE kind = 'vacancies'");
      await c.query("INSERT INTO changes (kind, generation, label) VALUES ('vacancies', 1, 42)");
    });
    await until('the poll', () => seen.length > 0, 3000);
    expect(seen).toEqual([{ kind: 'vacancies', after: 0, upTo: 1, labels: [42] }]);
  });

  it('says when the change log no longer reaches back to its generation (the node rebuilds)', async () => {
    await write('vacancies', [1]);
    await write('vacancies', [2]);
    await db.pool.query("DELETE FROM changes WHERE kind = 'vacancies' AND generation = 1");
    const seen = follow();
    await until('the first read', () => seen.length > 0);
    expect(seen).toEqual([{ kind: 'vacancies', after: 0, upTo: 2, labels: undefined }]);
  });

  it('tells a step again at the next wake when the node could not take it (its handler threw), and moves on once it did', async () => {
    const told: ChangesSeen[] = [];
    let refuse = true;
    feed = followChanges(primaryOf(`${db.url}?target_session_attrs=read-write`), {
      from: { vacancies: 0 },
      onChanges: (c) => {
        told.push(c);
        if (refuse) throw new Error('index busy');
      },
      pollMs: 200,
    });
    await write('vacancies', [1]);
    await until('the first telling', () => told.length >= 1);
    expect(feed.generations().vacancies).toBe(0);
    refuse = false;
    await until('the step taken', () => feed!.generations().vacancies === 1, 5000);
    expect(told.at(-1)).toEqual({ kind: 'vacancies', after: 0, upTo: 1, labels: [1] });
    expect(new Set(told.map((t) => JSON.stringify(t))).size).toBe(1);
  });

  it('tells again the labels of generations a failover lost (seen on the old primary, missing or given to another write on the new one)', async () => {
    const seen = follow({ reconnectMs: 1500 });
    await until('the feed to listen', async () => feed!.listening() && (await feedBackend()).length === 1);
    for (const label of [1, 2, 3]) await write('vacancies', [label]);
    await until('three generations', () => feed!.generations().vacancies === 3);
    // As the promoted standby would be: generations 2 and 3 never reached it, and a new write took
    // generation 2 — all while the feed is away (its session ended in the same transaction).
    const [pid] = await feedBackend();
    await inTransaction(db.pool, async (c) => {
      await c.query('SELECT pg_terminate_backend($1)', [pid]);
      await c.query("DELETE FROM changes WHERE kind = 'vacancies' AND generation >= 2");
      await c.query("UPDATE generations SET generation = 1 WHERE kind = 'vacancies'");
      await recordChange(c, 'vacancies', [20]);
    });
    await until('the feed to catch up', () => seen.at(-1)!.labels?.includes(20) === true);
    expect(seen.at(-1)).toEqual({ kind: 'vacancies', after: 1, upTo: 2, labels: [2, 3, 20], again: [2, 3] });
    expect(feed!.generations().vacancies).toBe(2);
    // And on from there as usual.
    await write('vacancies', [21]);
    await until('the next change', () => feed!.generations().vacancies === 3);
    expect(seen.at(-1)).toEqual({ kind: 'vacancies', after: 2, upTo: 3, labels: [21] });
  });

  it('does not take a pruned generation for a lost one', async () => {
    const seen = follow({ reconnectMs: 1500 });
    await until('the feed to listen', async () => feed!.listening() && (await feedBackend()).length === 1);
    for (const label of [1, 2]) await write('vacancies', [label]);
    await until('two generations', () => feed!.generations().vacancies === 2);
    const [pid] = await feedBackend();
    await inTransaction(db.pool, async (c) => {
      await c.query('SELECT pg_terminate_backend($1)', [pid]);
      await c.query("DELETE FROM changes WHERE kind = 'vacancies' AND generation <= 2");
      await recordChange(c, 'vacancies', [3]);
    });
    await until('the next change', () => feed!.generations().vacancies === 3);
    expect(seen.at(-1)).toEqual({ kind: 'vacancies', after: 2, upTo: 3, labels: [3] });
    expect(seen.flatMap((c) => c.labels!)).toEqual([1, 2, 3]);
  });
});
