import pg from 'pg';
import { databaseUnavailable, KohtaantoError } from '../../core/errors.js';
import { DEFAULT_POSTGRES } from '../../config.js';
import { codeOf, messageOf } from '../../core/thrown.js';

/**
 * Which host of a multi-host connection string to use, found again after a failover:
 * `postgres://user@db1:5432,db2:5432/kohtaanto?target_session_attrs=read-write`.
 *
 * node-postgres (8.23) reads neither several hosts nor `target_session_attrs` (libpq's; its parser
 * takes `a,b` for one host name and refuses `a:1,b:2`), so this module does what libpq does: it
 * tries the hosts in the order given and keeps the first that accepts a connection and — with
 * `read-write` — answers `transaction_read_only = off` (a standby, or a primary made read-only,
 * is passed over). The host found is remembered until a connection to it is lost; the next
 * connection then looks again, so after a standby is promoted the pool and the dedicated
 * connections move to it without a restart.
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

/** The host to connect to: remembered while its connections work, looked for again once one is lost. */
export class PrimaryHost {
  private known: Host | undefined;
  private looking: Promise<Host> | undefined;

  constructor(
    readonly target: ConnectionTarget,
    readonly connectTimeoutMs: number = DEFAULT_POSTGRES.connectTimeoutMs,
    private readonly retryAfterSeconds: number = DEFAULT_POSTGRES.retryAfterSeconds,
  ) {}

  /** The host in use, looking for it first if needed; a plain error naming every host tried when none will do. */
  find(): Promise<Host> {
    if (this.known) return Promise.resolve(this.known);
    this.looking ??= this.look().finally(() => (this.looking = undefined));
    return this.looking;
  }

  /** As `find`, but none to use is the catalogue's `database_unavailable` (503 with Retry-After). */
  async get(): Promise<Host> {
    try {
      return await this.find();
    } catch (error) {
      throw databaseUnavailable(this.retryAfterSeconds, error);
    }
  }

  /** A connection to `host` was lost or refused a write: the next connection looks again. */
  lost(host: Host): void {
    if (this.known && this.known.host === host.host && this.known.port === host.port) this.known = undefined;
  }

  /** The error a lost primary gives, as the catalogue's `database_unavailable`; any other error as it is. */
  unavailable(error: unknown, host: Host): unknown {
    if (!primaryLost(error)) return error;
    this.lost(host);
    return this.said(error);
  }

  /** As `unavailable`, for an error whose connection already marked its host (see pool.ts: an error event during a pool's query). */
  said(error: unknown): unknown {
    if (!primaryLost(error) || error instanceof KohtaantoError) return error;
    return databaseUnavailable(this.retryAfterSeconds, error);
  }

  private async look(): Promise<Host> {
    const refused: string[] = [];
    for (const host of this.target.hosts) {
      const client = new pg.Client({ connectionString: this.target.urlFor(host), connectionTimeoutMillis: this.connectTimeoutMs });
      client.on('error', () => undefined);
      try {
        await client.connect();
        if (this.target.sessionAttrs === 'read-write') {
          const { rows } = await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
          if (rows[0]?.transaction_read_only !== 'off') {
            refused.push(`${host.host}:${host.port} is read-only`);
            continue;
          }
        }
        this.known = host;
        return host;
      } catch (error) {
        refused.push(`${host.host}:${host.port}: ${messageOf(error)}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new Error(`no PostgreSQL host to use${this.target.sessionAttrs === 'read-write' ? ' for writing' : ''} (${refused.join('; ')})`);
  }
}

/**
 * SQLSTATEs that mean "this connection's server is gone or is no longer a primary": connection
 * exceptions (08…), the server shutting down or restarting (57P01–57P03), a write refused because
 * the server is read-only (25006: a standby, or a demoted primary).
 */
const LOST = /^(08...|57P01|57P02|57P03|25006)$/;

/** Whether an error says the primary is gone (its code, node-postgres's words for a dropped socket, or already said as `database_unavailable`). */
export function primaryLost(error: unknown): boolean {
  if (error instanceof KohtaantoError) return error.code === 'database_unavailable';
  if (!(error instanceof Error)) return false;
  const code = codeOf(error);
  if (code !== undefined && LOST.test(code)) return true;
  if (code !== undefined && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|timeout expired/i.test(error.message);
}
