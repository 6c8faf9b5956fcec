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

/** How many generations per kind the feed remembers the labels of, to check them after a reconnect (more than writes in flight at a failover). */
const RECENT_GENERATIONS = 1000;

/** Rows of (generation, label), ordered, as each generation's labels. */
function byGeneration(rows: { generation: number | null; label: number | null }[]): Map<number, number[]> {
  const steps = new Map<number, number[]>();
  for (const r of rows) if (r.generation !== null) steps.set(r.generation, [...(steps.get(r.generation) ?? []), r.label!]);
  return steps;
}

/** What a node learns: the labels written or deleted after generation `after` up to `upTo`; undefined when the log no longer reaches back that far (rebuild). */
export interface ChangesSeen {
  kind: string;
  after: number;
  upTo: number;
  labels: number[] | undefined;
  /**
   * Of `labels`, those of generations a failover lost (see verifyKind), when there are any: to be
   * read again whatever the node's copy reflects. The others are the log's, which a copy reads
   * from the log itself (and has already, for the node's own writes).
   */
  again?: number[];
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
 * host is the primary then). Reads never overlap, so nothing is reported twice — except the labels
 * of generations a failover lost, told again (see verifyKind).
 */
export function followChanges(primary: PrimaryHost, options: ChangeFeedOptions): ChangeFeed {
  const known = new Map(Object.entries(options.from));
  let reading: Promise<void> | undefined;
  let again = false;

  /** The labels of each kind's last RECENT_GENERATIONS generations reported, to tell after a reconnect whether the server still has them. */
  const recent = new Map<string, Map<number, number[]>>([...known.keys()].map((k) => [k, new Map()]));
  /** Labels of generations the server lost (a failover), to be told with the next step. */
  const lost = new Map<string, Set<number>>();
  let verified: pg.Client | undefined;

  /**
   * After a reconnect: are the generations reported still the server's? A commit can be seen on a
   * primary before its standby has it (a backend that stopped waiting for the standby: its wait
   * cancelled, or its server dying); after the failover that generation is missing or given to
   * another write. The feed then steps back to before the first one lost and tells its labels again
   * with the next step, so the node reads those records anew.
   */
  const verifyKind = async (client: pg.Client, kind: string) => {
    const remembered = recent.get(kind)!;
    if (remembered.size === 0) return;
    const first = Math.min(...remembered.keys());
    const { rows } = await client.query<{ current: number; generation: number | null; label: number | null }>(
      `SELECT g.generation AS current, c.generation, c.label FROM generations g
       LEFT JOIN changes c ON c.kind = g.kind AND c.generation >= $2 AND c.generation <= $3
       WHERE g.kind = $1 ORDER BY c.generation, c.label`,
      [kind, first, known.get(kind)!],
    );
    const current = rows[0]?.current ?? 0;
    const stored = byGeneration(rows);
    // A generation with no rows at or below the current one was pruned, not lost.
    const gone = [...remembered.keys()].find((g) => g > current || (stored.has(g) && stored.get(g)!.join() !== remembered.get(g)!.join()));
    if (gone === undefined) return;
    const labels = lost.get(kind) ?? new Set<number>();
    for (const [g, ls] of remembered) {
      if (g < gone) continue;
      for (const l of ls) labels.add(l);
      remembered.delete(g);
    }
    lost.set(kind, labels);
    known.set(kind, gone - 1);
    options.warn?.(`change feed: ${kind} generations from ${gone} were lost by the server (a failover); their labels are told again`);
  };

  const readKind = async (client: pg.Client, kind: string) => {
    const after = known.get(kind)!;
    // One statement, one snapshot: the current generation and the labels logged after ours.
    const { rows } = await client.query<{ current: number; generation: number | null; label: number | null }>(
      `SELECT g.generation AS current, c.generation, c.label FROM generations g
       LEFT JOIN changes c ON c.kind = g.kind AND c.generation > $2
       WHERE g.kind = $1 ORDER BY c.generation, c.label`,
      [kind, after],
    );
    if (!rows[0]) throw new Error(`no generation is kept for '${kind}'`);
    const upTo = rows[0].current;
    const toldAgain = lost.get(kind);
    if (upTo === after && !toldAgain) return;
    const reaches = upTo === after || (upTo > after && rows[0].generation === after + 1);
    const steps = byGeneration(rows);
    const labels = reaches ? [...new Set([...(toldAgain ?? []), ...[...steps.values()].flat()])] : undefined;
    await options.onChanges({ kind, after, upTo, labels, ...(toldAgain ? { again: [...toldAgain] } : {}) });
    known.set(kind, upTo);
    lost.delete(kind);
    const remembered = recent.get(kind)!;
    if (!labels) remembered.clear();
    for (const [g, ls] of steps) remembered.set(g, ls);
    for (const g of remembered.keys()) {
      if (remembered.size <= RECENT_GENERATIONS) break;
      remembered.delete(g);
    }
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
        if (verified !== client) {
          for (const kind of known.keys()) await verifyKind(client, kind);
          verified = client;
        }
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
