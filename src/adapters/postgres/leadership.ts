import { hostname } from 'node:os';
import type pg from 'pg';
import { DEFAULT_POSTGRES } from '../../config.js';
import type { Leadership } from '../../core/leadership.js';
import { errorOf, messageOf } from '../../core/thrown.js';
import { keepConnected } from './dedicated-connection.js';
import type { PrimaryHost } from './primary.js';

/** Any number, the same on every node: the session advisory lock whose holder runs the background jobs. */
export const BACKGROUND_JOBS_LOCK = 35_0004;

export interface LeadershipOptions {
  /** How often a node that does not lead tries to take the lock, and the leader checks its connection (default DEFAULT_POSTGRES.leadershipTryMs). */
  tryMs?: number;
  reconnectMs?: number;
  lockId?: number;
  warn?: (message: string) => void;
}

/**
 * Leadership by a session-level advisory lock held on a dedicated connection to the primary. A node
 * that does not lead tries `pg_try_advisory_lock` every `tryMs`; the leader asks its connection to
 * answer every `tryMs` and, if it does not within `tryMs`, drops it. Losing the connection is losing
 * the lead — the server frees the lock when the session ends — so after a leader dies (or its
 * session is terminated, or it closes) another node leads within `tryMs` (plus `reconnectMs` when
 * its own connection was lost too, as in a failover). For the moment between a session's end and its
 * node noticing, the jobs are written to be safe to run twice (idempotent), never assumed exclusive.
 */
export function leadByAdvisoryLock(primary: PrimaryHost, options: LeadershipOptions = {}): Leadership {
  const tryMs = options.tryMs ?? DEFAULT_POSTGRES.leadershipTryMs;
  const lockId = options.lockId ?? BACKGROUND_JOBS_LOCK;
  const listeners = new Set<(leading: boolean) => void>();
  let leading = false;
  let busy = false;
  const set = (now: boolean) => {
    if (now === leading) return;
    leading = now;
    for (const listener of listeners) listener(now);
  };

  const within = <T>(promise: Promise<T>): Promise<T> =>
    Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${tryMs} ms`)), tryMs).unref())]);

  const attempt = async (client: pg.Client) => {
    if (busy) return;
    busy = true;
    try {
      if (leading) await within(client.query('SELECT 1'));
      else {
        const { rows } = await within(client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [lockId]));
        if (rows[0]?.got && connection.client() === client) set(true);
      }
    } catch (error) {
      options.warn?.(`leadership: ${messageOf(error)}`);
      connection.drop(errorOf(error));
    } finally {
      busy = false;
    }
  };

  const connection = keepConnected(primary, {
    // Which node leads, for an operator (and the cluster test) reading pg_locks and pg_stat_activity (63 bytes at most are kept).
    name: `kohtaanto-leadership ${process.pid}@${hostname()}`,
    reconnectMs: options.reconnectMs,
    warn: options.warn,
    opened: async () => undefined,
    lost: () => set(false),
  });
  const tick = () => {
    const client = connection.client();
    if (client) void attempt(client);
  };
  const timer = setInterval(tick, tryMs);
  timer.unref();
  setImmediate(tick);

  return {
    leading: () => leading,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      clearInterval(timer);
      set(false);
      await connection.close(); // the session's end frees the lock
    },
  };
}
