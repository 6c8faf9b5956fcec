import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openPool, parseConnectionString } from '../../../src/adapters/postgres/pool.js';
import { primaryLost } from '../../../src/adapters/postgres/primary.js';
import { databaseUnavailable, KohtaantoError } from '../../../src/core/errors.js';
import { freshDatabase, workerCluster } from '../../helpers/postgres.js';

describe('the PostgreSQL pool', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let port: number;
  const pools: pg.Pool[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
    port = (await workerCluster()).port;
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    await db?.drop();
  });
  const open = async (url: string) => {
    const pool = await openPool(url, { connectTimeoutMs: 2000 });
    pools.push(pool);
    return pool;
  };

  it('reads several hosts, their ports and target_session_attrs (which node-postgres itself does not)', () => {
    const t = parseConnectionString('postgres://app:s%40cret@db1:5433,db2,[::1]:6000/kohtaanto?target_session_attrs=read-write&sslmode=require');
    expect(t.hosts).toEqual([
      { host: 'db1', port: 5433 },
      { host: 'db2', port: 5432 },
      { host: '[::1]', port: 6000 },
    ]);
    expect(t.sessionAttrs).toBe('read-write');
    expect(t.urlFor(t.hosts[1]!)).toBe('postgres://app:s%40cret@db2:5432/kohtaanto?sslmode=require');
    expect(() => parseConnectionString('postgres://a/db?target_session_attrs=standby')).toThrow(/not supported/);
    expect(() => parseConnectionString('mysql://a/db')).toThrow(/connection string/);
  });

  it('passes over a host that does not answer and uses the next', async () => {
    // Nothing listens on port 1 of loopback.
    const pool = await open(`postgres://kohtaanto@127.0.0.1:1,127.0.0.1:${port}/${db.name}?target_session_attrs=read-write`);
    const { rows } = await pool.query<{ port: number }>('SELECT inet_server_port() AS port');
    expect(rows[0]!.port).toBe(port);
  });

  it('passes over a read-only host when writes are asked for, and names every host it tried when none will do', async () => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`);
    await admin.end();
    try {
      await expect(open(`postgres://kohtaanto@127.0.0.1:1,127.0.0.1:${port}/${db.name}?target_session_attrs=read-write`)).rejects.toThrow(
        new RegExp(`no PostgreSQL host to use for writing \\(127\\.0\\.0\\.1:1: .*; 127\\.0\\.0\\.1:${port} is read-only\\)`),
      );
      const any = await open(`postgres://kohtaanto@127.0.0.1:${port}/${db.name}?target_session_attrs=any`);
      expect((await any.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      const back = new pg.Client({ connectionString: db.url, options: '-c default_transaction_read_only=off' });
      await back.connect();
      await back.query(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`);
      await back.end();
    }
  });

  it('reads bigint as a JavaScript number, and refuses one beyond 2^53', async () => {
    const pool = await open(db.url);
    expect((await pool.query('SELECT count(*) AS n, 42::bigint AS b')).rows).toEqual([{ n: 1, b: 42 }]);
    await expect(pool.query('SELECT 9007199254740993::bigint AS b')).rejects.toThrow(/beyond 2\^53/);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const pool = await open(db.url);
    await pool.query('CREATE TABLE t (x bigint)');
    await inTransaction(pool, (c) => c.query('INSERT INTO t VALUES (1)'));
    await expect(
      inTransaction(pool, async (c) => {
        await c.query('INSERT INTO t VALUES (2)');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect((await pool.query('SELECT x FROM t')).rows).toEqual([{ x: 1 }]);
  });

  it('refuses a write with database_unavailable (503, Retry-After) once its host stops being a primary, and looks for one again at each new connection', async () => {
    const pool = await openPool(`postgres://kohtaanto@127.0.0.1:${port}/${db.name}?target_session_attrs=read-write`, { connectTimeoutMs: 2000, retryAfterSeconds: 4 });
    await pool.query('CREATE TABLE w (x bigint)');
    await pool.query('INSERT INTO w VALUES (1)');
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    // As a demoted primary does: every new session read-only; the open ones are ended.
    await admin.query(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);
    await admin.end();
    try {
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const refused = await inTransaction(pool, (c) => c.query('INSERT INTO w VALUES (2)')).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(KohtaantoError);
        expect((refused as KohtaantoError).code).toBe('database_unavailable');
        expect((refused as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(4);
        expect(performance.now() - started).toBeLessThan(3000);
      }
    } finally {
      const back = new pg.Client({ connectionString: db.url, options: '-c default_transaction_read_only=off' });
      await back.connect();
      await back.query(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`);
      await back.end();
    }
    // A primary again: the same pool writes, no restart.
    await inTransaction(pool, (c) => c.query('INSERT INTO w VALUES (3)'));
    expect((await pool.query('SELECT x FROM w ORDER BY x')).rows).toEqual([{ x: 1 }, { x: 3 }]);
    await pool.end();
  });

  it('tells a lost primary (connection errors, shutdown, read-only) from errors of the query itself', () => {
    const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const lost of [coded('57P01'), coded('08006'), coded('25006'), coded('ECONNREFUSED'), new Error('Connection terminated unexpectedly'), databaseUnavailable(5)]) expect(primaryLost(lost)).toBe(true);
    for (const own of [coded('23505'), coded('42P01'), coded('40001'), new Error('a stored integer (9007199254740993) is beyond 2^53'), 'text']) expect(primaryLost(own)).toBe(false);
  });

  it('does not give a connection that refused a write as read-only back to the pool (it would refuse the next too)', async () => {
    const pool = await open(`${db.url}?target_session_attrs=read-write`);
    await pool.query('CREATE TABLE r (x bigint)');
    const first = await pool.connect();
    const pid = (await first.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await first.query('SET default_transaction_read_only = on'); // this session only, as a demoted server's would be
    first.release();
    const refused = await inTransaction(pool, (c) => c.query('INSERT INTO r VALUES (1)')).catch((e: unknown) => e);
    expect((refused as KohtaantoError).code).toBe('database_unavailable');
    const again = await inTransaction(pool, async (c) => {
      await c.query('INSERT INTO r VALUES (2)');
      return (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    });
    expect(again).not.toBe(pid);
    expect((await pool.query('SELECT x FROM r')).rows).toEqual([{ x: 2 }]);
  });
});
