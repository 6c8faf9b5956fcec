import pg from 'pg';
import { DEFAULT_POSTGRES } from '../../config.js';
import { parseConnectionString, primaryLost, PrimaryHost, type Host } from './primary.js';

/**
 * A connection pool from a connection string, multi-host ones included (see primary.ts): each new
 * connection goes to the host in use, found again once a connection to it is lost. A query on a
 * connection whose primary is gone (killed, shut down, demoted) fails with the catalogue's
 * `database_unavailable` (503, Retry-After) at once rather than hanging, and the pool's next
 * connection goes to the new primary: no restart after a failover. A write whose connection was
 * lost during its COMMIT may or may not be stored — the answer says so; nothing is retried here.
 */

export { parseConnectionString, type ConnectionTarget, type Host } from './primary.js';

/**
 * bigint (int8) columns — SQLite's INTEGER — read as JavaScript numbers, as better-sqlite3 gives
 * them (ids, versions, counts); one beyond 2^53 is an error rather than a silently wrong number.
 */
export const types: pg.CustomTypesConfig = {
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
  /** Most connections this process opens (default DEFAULT_POSTGRES.maxConnections). */
  max?: number;
  /** How long one host may take to accept a connection before the next is tried (default DEFAULT_POSTGRES.connectTimeoutMs). */
  connectTimeoutMs?: number;
  /** The Retry-After of a write refused while no primary is reachable (default DEFAULT_POSTGRES.retryAfterSeconds). */
  retryAfterSeconds?: number;
  /** Where a connection's error outside a query is reported (an idle connection dropped by the server). */
  warn?: (message: string) => void;
}

/** The host in use for a connection string (as a pool's connections find it), shared by the pool and the dedicated connections. */
export function primaryOf(url: string, options: PoolOptions = {}): PrimaryHost {
  return new PrimaryHost(parseConnectionString(url), options.connectTimeoutMs, options.retryAfterSeconds);
}

/**
 * A client that connects to the host in use when it opens (not when it is made), and turns a lost
 * primary's errors into `database_unavailable`, marking the host for looking again.
 */
function clientOn(primary: PrimaryHost) {
  return class PrimaryClient extends pg.Client {
    private at: Host | undefined;

    constructor(config?: pg.ClientConfig) {
      // The pool's own connect timeout covers looking for the host too; a socket has one host's.
      super({ ...config, connectionTimeoutMillis: primary.connectTimeoutMs });
      this.on('error', (error) => this.at && primaryLost(error) && primary.lost(this.at));
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
      const opening = primary.get().then(async (host) => {
        this.at = host;
        Object.assign(this, { host: host.host, port: host.port });
        try {
          return await super.connect();
        } catch (error) {
          throw primary.unavailable(error, host);
        }
      });
      if (!callback) return opening;
      opening.then(() => callback(undefined as unknown as Error), callback);
    }

    // node-postgres's query has many forms: a callback (the pool's) or a promise (a transaction's) is wrapped, a submittable passed as it is.
    override query(...args: unknown[]): never {
      const translate = (error: unknown) => (this.at ? primary.unavailable(error, this.at) : error);
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (error: unknown, result: unknown) => void;
        args[last] = (error: unknown, result: unknown) => callback(error ? translate(error) : error, result);
        return (super.query as (...a: unknown[]) => never)(...args);
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function' && !(typeof (args[0] as { submit?: unknown })?.submit === 'function')) {
        return (result as Promise<unknown>).catch((error: unknown) => {
          throw translate(error);
        }) as never;
      }
      return result as never;
    }
  };
}

/** Finds the host to use (see primary.ts) and opens a pool on it: no host to use is an error naming every host tried. */
export async function openPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const primary = primaryOf(url, options);
  const host = await primary.find();
  const connectTimeoutMs = primary.connectTimeoutMs;
  const pool = new pg.Pool({
    connectionString: primary.target.urlFor(host),
    Client: clientOn(primary),
    connectionTimeoutMillis: connectTimeoutMs * (primary.target.hosts.length + 1),
    keepAlive: true,
    types,
    max: options.max ?? DEFAULT_POSTGRES.maxConnections,
  });
  pool.on('error', (error) => options.warn?.(`database connection: ${error.message}`));
  // A socket error during pool.query reaches its caller through the pool's own error listener on the
  // client, not through the client's query (a connection reset as the primary dies: seen as a 500
  // in the cluster test, test/cli/cluster.test.ts): said here as the catalogue's 503 too.
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (error: unknown, result: unknown) => void;
      args[last] = (error: unknown, result: unknown) => callback(error ? primary.said(error) : error, result);
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(primary.said(error))) : result;
  }) as typeof pool.query;
  return pool;
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
    // A connection that cannot even roll back, or whose server is no longer a primary, is not given back to the pool.
    await client.query('ROLLBACK').catch(() => (broken = true));
    if (primaryLost(error)) broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}
