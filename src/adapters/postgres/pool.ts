import pg from 'pg';

/**
 * A connection pool from a connection string, multi-host ones included:
 * `postgres://user@db1:5432,db2:5432/kohtaanto?target_session_attrs=read-write`.
 *
 * node-postgres (8.23) reads neither several hosts nor `target_session_attrs` (libpq's; its parser
 * takes `a,b` for one host name and refuses `a:1,b:2`), so this module does what libpq does: it
 * tries the hosts in the order given and keeps the first that accepts a connection and — with
 * `read-write` — answers `transaction_read_only = off` (a standby, or a primary made read-only,
 * is passed over). The pool then opens its connections to that host. Finding the primary again
 * after a failover (the pool's connections failing, or a write refused as read-only) is the next
 * step of issue 35 and not done here: today a pool stays on the host it found.
 */

export interface Host {
  host: string;
  port: number;
}

export interface ConnectionTarget {
  hosts: Host[];
  /** `read-write` (only a primary that accepts writes) or `any`. */
  sessionAttrs: 'read-write' | 'any';
  /** A single-host connection string for the host: everything else as given. */
  urlFor(host: Host): string;
}

/** Splits a connection string into its hosts (default port 5432) and the rest. */
export function parseConnectionString(url: string): ConnectionTarget {
  const match = /^(postgres(?:ql)?:\/\/)(?:([^@/?]*)@)?([^/?]*)(\/[^?]*)?(?:\?(.*))?$/.exec(url);
  if (!match) throw new Error('the PostgreSQL connection string is not postgres://[user[:password]@]host[:port][,host[:port]…]/database[?…]');
  const [, scheme, userInfo, hostList, path = '', query = ''] = match;
  const hosts = hostList!.split(',').map((h): Host => {
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(h);
    if (!m) throw new Error(`the PostgreSQL connection string names a host that cannot be read: '${h}'`);
    return { host: m[1]!, port: m[2] ? Number(m[2]) : 5432 };
  });
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs') ?? 'any';
  if (attrs !== 'read-write' && attrs !== 'any') throw new Error(`target_session_attrs=${attrs} is not supported (read-write or any)`);
  params.delete('target_session_attrs');
  const rest = params.toString();
  return {
    hosts,
    sessionAttrs: attrs,
    urlFor: (h) => `${scheme}${userInfo !== undefined ? `${userInfo}@` : ''}${h.host}:${h.port}${path}${rest ? `?${rest}` : ''}`,
  };
}

/**
 * bigint (int8) columns — SQLite's INTEGER — read as JavaScript numbers, as better-sqlite3 gives
 * them (ids, versions, counts); one beyond 2^53 is an error rather than a silently wrong number.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8) {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new Error(`a stored integer (${value}) is beyond 2^53`);
        return n;
      };
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  /** Most connections this process opens (default 10). */
  max?: number;
  /** How long one host may take to accept a connection before the next is tried (default 5 s). */
  connectTimeoutMs?: number;
  /** Where a connection's error outside a query is reported (an idle connection dropped by the server). */
  warn?: (message: string) => void;
}

/** Finds the host to use (see the module's comment) and opens a pool on it. */
export async function openPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const target = parseConnectionString(url);
  const connectionTimeoutMillis = options.connectTimeoutMs ?? 5000;
  const refused: string[] = [];
  for (const host of target.hosts) {
    const client = new pg.Client({ connectionString: target.urlFor(host), connectionTimeoutMillis, types });
    try {
      await client.connect();
      if (target.sessionAttrs === 'read-write') {
        const { rows } = await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
        if (rows[0]?.transaction_read_only !== 'off') {
          refused.push(`${host.host}:${host.port} is read-only`);
          continue;
        }
      }
      const pool = new pg.Pool({ connectionString: target.urlFor(host), connectionTimeoutMillis, types, max: options.max ?? 10 });
      pool.on('error', (error) => options.warn?.(`database connection to ${host.host}:${host.port}: ${error.message}`));
      return pool;
    } catch (error) {
      refused.push(`${host.host}:${host.port}: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`no PostgreSQL host to use${target.sessionAttrs === 'read-write' ? ' for writing' : ''} (${refused.join('; ')})`);
}

/** Runs `body` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}
