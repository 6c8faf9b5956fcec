import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followChanges, recordChange, type ChangesSeen } from '../../../src/adapters/postgres/change-feed.js';
import { leadByAdvisoryLock } from '../../../src/adapters/postgres/leadership.js';
import { migratePostgres } from '../../../src/adapters/postgres/migrate.js';
import { inTransaction, openPool, primaryOf } from '../../../src/adapters/postgres/pool.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import { startReplicatedCluster, type ReplicatedCluster } from '../../helpers/postgres.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (what: string, done: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

const CONNECT_TIMEOUT_MS = 1000;
const RETRY_AFTER_S = 3;
/** A refused write must come back within this (both hosts tried, each within the connect timeout), never hang. */
const REFUSAL_BOUND_MS = 2 * CONNECT_TIMEOUT_MS + 1000;

describe('failover: a primary and its synchronous standby', () => {
  let cluster: ReplicatedCluster;
  beforeAll(async () => {
    cluster = await startReplicatedCluster();
    const admin = new pg.Client({ connectionString: cluster.urlOf('primary', 'postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE kohtaanto');
    await admin.end();
  });
  afterAll(() => cluster?.stop());

  it('loses no acknowledged write when the primary is killed (-9) and the standby promoted; refuses writes meanwhile with 503; the pool writes again without a restart', async () => {
    const pool = await openPool(cluster.url('kohtaanto'), { max: 4, connectTimeoutMs: CONNECT_TIMEOUT_MS, retryAfterSeconds: RETRY_AFTER_S });
    await migratePostgres(pool);
    /** Each write logs a new label under a new generation: acknowledged label → its generation. */
    const acknowledged = new Map<number, number>();
    const refused: { ms: number; error: unknown; at: 'no-primary' | 'other' }[] = [];
    let phase: 'before' | 'no-primary' | 'after' = 'before';
    let next = 1;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const label = next++;
        const started = performance.now();
        try {
          const generation = await inTransaction(pool, (c) => recordChange(c, 'vacancies', [label]));
          acknowledged.set(label, generation!);
        } catch (error) {
          refused.push({ ms: performance.now() - started, error, at: phase === 'no-primary' ? 'no-primary' : 'other' });
          await sleep(50);
        }
      }
    };
    // A second node's change feed and leadership, each on its own connection to whichever host is the primary.
    const seen: ChangesSeen[] = [];
    const feed = followChanges(primaryOf(cluster.url('kohtaanto'), { connectTimeoutMs: CONNECT_TIMEOUT_MS }), {
      from: { vacancies: 0 },
      onChanges: (c) => void seen.push(c),
      reconnectMs: 200,
    });
    const lead = leadByAdvisoryLock(primaryOf(cluster.url('kohtaanto'), { connectTimeoutMs: CONNECT_TIMEOUT_MS }), { tryMs: 300, reconnectMs: 200 });
    const leadChanges: boolean[] = [];
    lead.onChange((l) => leadChanges.push(l));
    await until('the second node to lead', () => lead.leading(), 10_000);

    const writers = [writer(), writer(), writer()];
    await until('100 writes on the primary', () => acknowledged.size >= 100, 30_000);

    cluster.killPrimary();
    phase = 'no-primary';
    const beforeKill = acknowledged.size;
    await sleep(1500);
    const refusedWithoutPrimary = refused.filter((r) => r.at === 'no-primary').length;
    cluster.promoteStandby();
    const promotedAt = performance.now();
    phase = 'after';
    await until('100 writes on the promoted standby', () => acknowledged.size >= beforeKill + 100, 30_000);
    const resumedMs = performance.now() - promotedAt;
    stop = true;
    await Promise.all(writers);
    await pool.end();
    const lastGeneration = Math.max(...acknowledged.values());
    await until("the second node's feed to catch up on the promoted standby", () => feed.generations().vacancies! >= lastGeneration, 10_000);
    await until('the second node to lead again on the promoted standby', () => lead.leading(), 10_000);
    const leadChangesBeforeClose = [...leadChanges];
    await feed.close();
    await lead.close();

    // Every acknowledged write is on the new primary, each label once under the generation it was acknowledged with.
    const promoted = new pg.Client({ connectionString: cluster.urlOf('standby', 'kohtaanto') });
    await promoted.connect();
    const { rows } = await promoted.query<{ label: number; generation: number }>("SELECT label::int AS label, generation::int AS generation FROM changes WHERE kind = 'vacancies'");
    const { rows: current } = await promoted.query<{ generation: number }>("SELECT generation::int AS generation FROM generations WHERE kind = 'vacancies'");
    await promoted.end();
    const stored = new Map<number, number[]>();
    for (const r of rows) stored.set(r.label, [...(stored.get(r.label) ?? []), r.generation]);
    const missing = [...acknowledged].filter(([label, generation]) => stored.get(label)?.[0] !== generation);
    const twice = [...stored].filter(([, generations]) => generations.length > 1);
    const generations = rows.map((r) => r.generation);
    const inDoubt = rows.filter((r) => !acknowledged.has(r.label)).length;
    console.log(
      `failover: ${acknowledged.size} writes acknowledged (${beforeKill} before the kill), ${refused.length} refused ` +
        `(${refusedWithoutPrimary} in the 1.5 s without a primary, slowest ${Math.max(...refused.map((r) => r.ms)).toFixed(0)} ms), ` +
        `${inDoubt} stored but not acknowledged (their connection was lost at COMMIT); writes resumed ${resumedMs.toFixed(0)} ms after the promotion`,
    );
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
    expect(new Set(generations).size).toBe(generations.length);
    expect(Math.max(...generations)).toBe(current[0]!.generation);
    expect(acknowledged.size).toBeGreaterThanOrEqual(beforeKill + 100);

    // The feed followed onto the promoted standby: each generation reported once, in order, every acknowledged label among them.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.after).toBe(seen[i - 1]!.upTo);
    const reported = new Set(seen.flatMap((c) => c.labels ?? []));
    expect(seen.every((c) => c.labels !== undefined)).toBe(true);
    expect([...acknowledged.keys()].filter((label) => !reported.has(label))).toEqual([]);
    // The lead was lost with the primary and taken again on the promoted standby.
    expect(leadChangesBeforeClose[0]).toBe(true);
    expect(leadChangesBeforeClose).toContain(false);
    expect(leadChangesBeforeClose.at(-1)).toBe(true);

    // While no primary was reachable, writes were refused at once with the catalogue's 503 and its Retry-After.
    expect(refusedWithoutPrimary).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.error).toBeInstanceOf(KohtaantoError);
      expect((r.error as KohtaantoError).code).toBe('database_unavailable');
      expect((r.error as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(RETRY_AFTER_S);
      expect(r.ms).toBeLessThan(REFUSAL_BOUND_MS);
    }
    expect((refused[0]!.error as KohtaantoError).text('fi')).toMatch(/Tietokantaan ei juuri nyt saada yhteyttä/);
  });
});

describe('a write is acknowledged only once the standby has it', () => {
  const clusters: ReplicatedCluster[] = [];
  afterAll(() => {
    for (const c of clusters) c.stop();
  });

  /** 20 writes; the primary's WAL sender stopped; writes for 1 s more; the primary killed, the standby promoted. */
  const cutReplicationThenFail = async (synchronous: boolean) => {
    const cluster = await startReplicatedCluster({ synchronous });
    clusters.push(cluster);
    const admin = new pg.Client({ connectionString: cluster.urlOf('primary', 'postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE kohtaanto');
    await admin.end();
    const pool = await openPool(cluster.url('kohtaanto'), { max: 2, connectTimeoutMs: CONNECT_TIMEOUT_MS });
    await migratePostgres(pool);
    const acknowledged = new Map<number, number>();
    const write = async (label: number) => acknowledged.set(label, (await inTransaction(pool, (c) => recordChange(c, 'vacancies', [label])))!);
    for (let label = 1; label <= 20; label++) await write(label);
    await cluster.stopWalSender();
    const failures: unknown[] = [];
    const deadline = Date.now() + 1000;
    const writing = (async () => {
      for (let label = 21; Date.now() < deadline; label++) await write(label);
    })().catch((error: unknown) => failures.push(error));
    await Promise.race([writing, sleep(1500)]);
    cluster.killPrimary();
    await writing;
    cluster.promoteStandby();
    await pool.end();
    const promoted = new pg.Client({ connectionString: cluster.urlOf('standby', 'kohtaanto') });
    await promoted.connect();
    const { rows } = await promoted.query<{ label: number }>("SELECT label::int AS label FROM changes WHERE kind = 'vacancies'");
    await promoted.end();
    const present = new Set(rows.map((r) => r.label));
    return { acknowledged: acknowledged.size, missing: [...acknowledged.keys()].filter((l) => !present.has(l)), failures };
  };

  it('synchronous: while the standby receives nothing a COMMIT waits (not acknowledged), so the primary killed loses no acknowledged write', async () => {
    const { acknowledged, missing, failures } = await cutReplicationThenFail(true);
    console.log(`replication cut, synchronous: ${acknowledged} acknowledged, ${missing.length} missing after promotion`);
    expect(acknowledged).toBe(20);
    expect(missing).toEqual([]);
    // The waiting write ended with the primary, refused with the catalogue's 503 (its outcome unknown to the writer).
    expect(failures).toHaveLength(1);
    expect((failures[0] as KohtaantoError).code).toBe('database_unavailable');
  });

  it('asynchronous (the control: the same check finds the loss): writes acknowledged after the cut are gone after the promotion', async () => {
    const { acknowledged, missing } = await cutReplicationThenFail(false);
    console.log(`replication cut, asynchronous: ${acknowledged} acknowledged, ${missing.length} missing after promotion`);
    expect(acknowledged).toBeGreaterThan(20);
    expect(missing.length).toBeGreaterThan(0);
  });
});
