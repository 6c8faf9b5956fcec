import pg from 'pg';
import { DEFAULT_POSTGRES } from '../../config.js';
import { causeOf, errorOf, messageOf } from '../../core/thrown.js';
import { types } from './pool.js';
import { primaryLost, type Host, type PrimaryHost } from './primary.js';

export interface DedicatedConnectionOptions {
  /** The connection's application_name (seen in pg_stat_activity). */
  name: string;
  /** Wait before opening it again after it was lost or could not be opened (default DEFAULT_POSTGRES.reconnectMs). */
  reconnectMs?: number;
  /** Runs on each new connection before it counts as open (LISTEN, a first read); a throw closes it and tries again later. */
  opened(client: pg.Client): Promise<void>;
  /** The open connection was lost (the server gone, the session terminated, `drop` called). */
  lost(reason: Error): void;
  warn?: (message: string) => void;
}

export interface DedicatedConnection {
  /** The open connection (its `opened` done), or undefined while there is none. */
  client(): pg.Client | undefined;
  /** Ends the open connection now (as if lost): a connection that no longer answers is not waited for. */
  drop(reason: Error): void;
  close(): Promise<void>;
}

/**
 * One connection outside the pool kept open to the primary — for what lives in a session, as
 * LISTEN and session advisory locks do. When it is lost it is opened again after `reconnectMs`, to
 * whichever host is the primary then (after a failover, the promoted standby).
 */
export function keepConnected(primary: PrimaryHost, options: DedicatedConnectionOptions): DedicatedConnection {
  const reconnectMs = options.reconnectMs ?? DEFAULT_POSTGRES.reconnectMs;
  /** The connection being opened or open, and the one open (after `opened`). */
  let current: pg.Client | undefined;
  let ready: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const later = () => {
    if (closed) return;
    timer = setTimeout(() => void open(), reconnectMs);
    timer.unref();
  };

  const open = async () => {
    timer = undefined;
    let host: Host;
    try {
      host = await primary.get();
    } catch (error) {
      if (!closed) options.warn?.(`${options.name}: ${causeOf(error)?.message ?? messageOf(error)}`);
      return later();
    }
    if (closed) return;
    const client = new pg.Client({
      connectionString: primary.target.urlFor(host),
      connectionTimeoutMillis: primary.connectTimeoutMs,
      keepAlive: true,
      types,
      application_name: options.name,
    });
    let isOpen = false;
    const gone = (reason: Error) => {
      if (current !== client) return;
      current = undefined;
      ready = undefined;
      if (primaryLost(reason)) primary.lost(host);
      // A connection that no longer answers is not waited for (end() would wait for the server).
      client.connection.stream.destroy();
      if (isOpen) options.lost(reason);
      later();
    };
    client.on('error', gone);
    client.on('end', () => gone(new Error('the connection ended')));
    current = client;
    try {
      await client.connect();
      await options.opened(client);
      if (current !== client) return; // lost meanwhile: already being opened again
      isOpen = true;
      ready = client;
    } catch (error) {
      if (current !== client) return;
      if (!closed) options.warn?.(`${options.name}: ${messageOf(error)}`);
      gone(errorOf(error));
    }
  };

  void open();
  return {
    client: () => ready,
    drop: (reason) => current?.emit('error', reason),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = undefined;
      ready = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
