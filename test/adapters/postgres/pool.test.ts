import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openPool, parseConnectionString } from '../../../src/adapters/postgres/pool.js';
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
});
