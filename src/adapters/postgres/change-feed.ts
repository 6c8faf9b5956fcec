import type pg from 'pg';
import { DEFAULT_POSTGRES } from '../../config.js';
import { keepConnected } from './dedicated-connection.js';
import type { PrimaryHost } from './primary.js';

/**
 * The records' change log in PostgreSQL, and how the other nodes hear of it. As in SQLite, every
 * write bumps its kind's generation and logs the labels it touched under it (the `generations` and
 * `changes` tables); here the same transaction also NOTIFYs the channel below, which PostgreSQL
 * delivers at commit (never for a rolled-back write). The generations are the truth: a notification
 * only wakes the nodes, which read what changed from the table — so a notification missed (the
 * connection was down) costs at most `changeFeedPollMs` or a reconnect, never a change.
 */

/** The channel every node LISTENs on; the payload is `<kind> <generation>`. */
export const CHANGES_CHANNEL = 'kohtaanto_changes';

/** The kind's next generation (inside the caller's transaction: the row stays locked until it ends, so generations commit in order). */
export async function nextGeneration(client: pg.ClientBase, kind: string): Promise<number> {
  const { rows } = await client.query<{ generation: number }>('UPDATE generations SET generation = generation + 1 WHERE kind = $1 RETURNING generation', [kind]);
  if (!rows[0]) throw new Error(`no generation is kept for '${kind}'`);
  return rows[0].generation;
}

/** Logs the labels a write touched under its generation and announces it at commit (inside the caller's transaction). */
export async function logChanges(client: pg.ClientBase, kind: string, generation: number, labels: number[]): Promise<void> {
  await client.query(
    `INSERT INTO changes (kind, generation, label, logged_at)
     SELECT $1, $2, label, extract(epoch FROM now())::bigint FROM unnest($3::bigint[]) AS label ON CONFLICT DO NOTHING`,
    [kind, generation, labels],
  );
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `${kind} ${generation}`]);
}

/** One generation for a write that touched `labels` (none: no generation): bumped, logged, announced. */
export async function recordChange(client: pg.ClientBase, kind: string, labels: number[]): Promise<number | undefined> {
  if (labels.length === 0) return undefined;
  const generation = await nextGeneration(client, kind);
  await logChanges(client, kind, generation, labels);
  return generation;
}

/** What a node learns: the labels written or deleted after generation `after` up to `upTo`; undefined when the log no longer reaches back that far (rebuild). */
export interface ChangesSeen {
  kind: string;
  after: number;
  upTo: number;
  labels: number[] | undefined;
}

export interface ChangeFeedOptions {
  /** The kinds followed, each with the generation this node already has (its index file's). */
  from: Record<string, number>;
  /** Told each step once, in order per kind; the generation moves on when it resolves (a throw: told again at the next wake). */
  onChanges(changes: ChangesSeen): void | Promise<void>;
  /** Reads the generations this often without a notification (default DEFAULT_POSTGRES.changeFeedPollMs). */
  pollMs?: number;
  reconnectMs?: number;
  warn?: (message: string) => void;
}

export interface ChangeFeed {
  /** The generation reported up to, per kind. */
  generations(): Record<string, number>;
  /** Whether the LISTEN connection is open now. */
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * Follows the change log from a dedicated connection to the primary: LISTEN, then a read of every
 * followed kind; again at each notification, every `pollMs`, and after each reconnect (to whichever
 * host is the primary then). Reads never overlap, so nothing is reported twice.
 */
export function followChanges(primary: PrimaryHost, options: ChangeFeedOptions): ChangeFeed {
  const known = new Map(Object.entries(options.from));
  let reading: Promise<void> | undefined;
  let again = false;

  const readKind = async (client: pg.Client, kind: string) => {
    const after = known.get(kind)!;
    // One statement, one snapshot: the current generation and the labels logged after ours.
    const { rows } = await client.query<{ current: number; generation: number | null; label: number | null }>(
      `SELECT g.generation AS current, c.generation, c.label FROM generations g
       LEFT JOIN changes c ON c.kind = g.kind AND c.generation > $2
       WHERE g.kind = $1 ORDER BY c.generation`,
      [kind, after],
    );
    if (!rows[0]) throw new Error(`no generation is kept for '${kind}'`);
    const upTo = rows[0].current;
    if (upTo === after) return;
    const reaches = upTo > after && rows[0].generation === after + 1;
    const labels = reaches ? [...new Set(rows.map((r) => r.label!))] : undefined;
    await options.onChanges({ kind, after, upTo, labels });
    known.set(kind, upTo);
  };

  const read = () => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        const client = connection.client();
        if (!client) return;
        for (const kind of known.keys()) await readKind(client, kind);
      } while (again);
    })()
      .catch((error: Error) => options.warn?.(`change feed: ${error.message}`))
      .finally(() => (reading = undefined));
    return reading;
  };

  const connection = keepConnected(primary, {
    name: 'kohtaanto-change-feed',
    reconnectMs: options.reconnectMs,
    warn: options.warn,
    async opened(client) {
      client.on('notification', (n) => {
        if (n.channel !== CHANGES_CHANNEL) return;
        const [kind, generation] = (n.payload ?? '').split(' ');
        if (known.has(kind!) && Number(generation) > known.get(kind!)!) void read();
      });
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      // Listening before reading: a change committed meanwhile is read now or wakes the next read.
      setImmediate(() => void read());
    },
    lost: () => undefined,
  });

  const poll = setInterval(() => void read(), options.pollMs ?? DEFAULT_POSTGRES.changeFeedPollMs);
  poll.unref();

  return {
    generations: () => Object.fromEntries(known),
    listening: () => connection.client() !== undefined,
    async close() {
      clearInterval(poll);
      await reading;
      await connection.close();
    },
  };
}
