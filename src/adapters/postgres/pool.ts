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

/** An int8 as a JavaScript number; one beyond 2^53 is an error rather than a silently wrong number. */
function safeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`a stored integer (${value}) is beyond 2^53`);
  return n;
}

/**
 * bigint (int8) columns — SQLite's INTEGER — read as JavaScript numbers, as better-sqlite3 gives
 * them (ids, versions, counts); one beyond 2^53 is an error rather than a silently wrong number.
 */
export const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? safeInteger : pg.types.getTypeParser(oid, format)),
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

/** The host in use of each pool openPool opened: a transaction's errors are said as its pool.query's are. */
const primaries = new WeakMap<pg.Pool, PrimaryHost>();

/**
 * A client that connects to the host in use when it opens (not when it is made), and marks that
 * host for looking again when the connection says the primary is lost: a socket error or the
 * server's end (its `error`), an error the server sends (57P01 shutting down, 25006 read-only: the
 * connection's `errorMessage`, seen before the query that gets it settles). The errors themselves
 * are said as `database_unavailable` by the pool's query and by inTransaction.
 */
function clientOn(primary: PrimaryHost) {
  return class PrimaryClient extends pg.Client {
    private at: Host | undefined;

    constructor(config?: pg.ClientConfig) {
      // The pool's own connect timeout covers looking for the host too; a socket has one host's.
      super({ ...config, connectionTimeoutMillis: primary.connectTimeoutMs });
      const lost = (error: unknown) => this.at && primaryLost(error) && primary.lost(this.at);
      this.on('error', lost);
      this.connection.on('errorMessage', lost);
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error | null) => void): void;
    override connect(callback?: (err: Error | null) => void): Promise<pg.Client> | void {
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
      opening.then(() => callback(null), callback);
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
  primaries.set(pool, primary);
  pool.on('error', (error) => options.warn?.(`database connection: ${error.message}`));
  // A lost primary's error, from the query or — a socket error during pool.query, which reaches its
  // caller through the pool's own error listener on the client (a connection reset as the primary
  // dies: seen as a 500 in the cluster test, test/cli/cluster.test.ts) — said as the catalogue's 503.
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error ? primary.said(error) : error, result);
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
    throw primaries.get(pool)?.said(error) ?? error;
  } finally {
    client.release(broken);
  }
}
