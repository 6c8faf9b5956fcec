import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresBinDir, startCluster, workerCluster } from '../../helpers/postgres.js';

describe('throw-away PostgreSQL clusters for the tests', () => {
  const dropped: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  it("finds Debian's server binaries without naming a version", () => {
    expect(postgresBinDir()).toMatch(/\/bin$/);
    expect(existsSync(`${postgresBinDir()}/initdb`)).toBe(true);
  });

  it('fails, saying what to install, when the server binaries are missing (never skips)', () => {
    const before = process.env.PG_BINDIR;
    process.env.PG_BINDIR = '/nonexistent/postgresql/bin';
    try {
      expect(() => postgresBinDir()).toThrow(/install Debian's `postgresql` package \(apt-get install postgresql/);
    } finally {
      if (before === undefined) delete process.env.PG_BINDIR;
      else process.env.PG_BINDIR = before;
    }
  });

  it('starts one cluster per worker, owned by an unprivileged user, on loopback, and hands out fresh databases', async () => {
    const cluster = await workerCluster();
    expect(await workerCluster()).toBe(cluster);
    if (process.getuid?.() === 0) expect(statSync(`${cluster.dir}/data`).uid).not.toBe(0);
    const a = await freshDatabase();
    const b = await freshDatabase();
    dropped.push(a.drop, b.drop);
    expect(a.url).not.toBe(b.url);
    const client = new pg.Client({ connectionString: a.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE t (x integer)');
      const { rows } = await client.query<{ address: string; db: string }>('SELECT inet_server_addr()::text AS address, current_database() AS db');
      expect(rows[0]).toEqual({ address: '127.0.0.1/32', db: a.name });
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: b.url });
    await other.connect();
    try {
      const { rows } = await other.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'");
      expect(rows[0].n).toBe(0);
    } finally {
      await other.end();
    }
  });

  it('stops a cluster and removes its directory', async () => {
    const cluster = await startCluster();
    console.log(`cluster start (initdb + pg_ctl start): ${Math.round(cluster.startMs)} ms`);
    const client = new pg.Client({ connectionString: `${cluster.base}/postgres` });
    await client.connect();
    await client.end();
    cluster.stop();
    expect(existsSync(cluster.dir)).toBe(false);
    const late = new pg.Client({ connectionString: `${cluster.base}/postgres`, connectionTimeoutMillis: 2000 });
    await expect(late.connect()).rejects.toThrow();
  });
});
