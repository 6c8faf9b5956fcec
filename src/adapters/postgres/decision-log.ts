import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DEFAULT_AUDIT_GROUP_MS } from '../../config.js';
import type { DecisionLog, DecisionRecord, Direction, StoredDecision } from '../../core/oversight/decisions.js';
import { inTransaction } from './pool.js';

/**
 * A group of decisions as one statement (see PostgresDecisionLog.write): $1 the new contexts, $2 the
 * decisions in order. The decisions' ids are drawn as the batch is read, in its order (a function
 * scan yields the array's elements in order, and the CTE is read once); their appearances are
 * inserted in the same statement (its foreign keys are checked at its end).
 */
const WRITE_GROUP = `
  WITH batch AS MATERIALIZED (
    SELECT nextval(pg_get_serial_sequence('decisions', 'id')) AS id, d.*
    FROM jsonb_to_recordset($2::jsonb) AS d(at text, direction text, subject text, area text, key_id text, context_id text, ranked jsonb)
  ),
  contexts AS (
    INSERT INTO decision_contexts (id, model, taxonomy, settings)
    SELECT id, model, taxonomy, settings::jsonb FROM jsonb_to_recordset($1::jsonb) AS c(id text, model text, taxonomy text, settings text)
    ON CONFLICT DO NOTHING
  ),
  decided AS (
    INSERT INTO decisions (id, at, direction, subject, area, key_id, context_id, ranked)
    SELECT id, at, direction, subject, area, key_id, context_id, ranked FROM batch ORDER BY id
  )
  INSERT INTO decision_appearances (decision_id, position, item)
  SELECT b.id, h.position, h.hit ->> 0
  FROM batch b CROSS JOIN LATERAL jsonb_array_elements(b.ranked) WITH ORDINALITY AS h(hit, position)
  WHERE b.direction IN ('candidates', 'text-candidates')`;

/** How many decisions may wait to be written at once (as SQLite's log). */
const GROUP_MAX = 512;
/** Beyond this many waiting (writing fails, e.g. no primary reachable) the oldest are dropped, with a warning. */
const BACKLOG_MAX = 50_000;

type Parts = Record<string, number | null>;
/** A ranking as stored: [id, score, parts] per hit in order; null where a jobseeker was erased from it. */
type Ranked = ([string, number, Parts] | null)[];
const RANKING_FOR_JOBSEEKER: Direction = 'vacancies';

/**
 * The decision log in PostgreSQL (see SqliteDecisionLog): decisions group-committed (one
 * transaction per group of up to 512, at most `groupMs` after the first), their context stored once
 * per combination, the ranking as jsonb. Every read writes this process's waiting decisions first.
 * Several processes or nodes write the same tables: ids come from the table's sequence.
 */
export class PostgresDecisionLog implements DecisionLog {
  private pending: DecisionRecord[] = [];
  /** Decisions dropped from the front of `pending` while a group was being written (see record). */
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The write under way: flushes run one after another, so no decision is written twice. */
  private writing: Promise<void> = Promise.resolve();
  private readonly contexts = new Set<string>();
  private readonly contextIds = new WeakMap<object, string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly warn: (message: string) => void = () => {},
    private readonly groupMs = DEFAULT_AUDIT_GROUP_MS,
  ) {}

  record(decision: DecisionRecord): void {
    this.pending.push(decision);
    if (this.pending.length > BACKLOG_MAX) {
      this.dropped += this.pending.splice(0, this.pending.length - BACKLOG_MAX).length;
      this.warn(`decision log: more than ${BACKLOG_MAX} decisions waiting to be written; the oldest were dropped`);
    }
    if (this.pending.length >= GROUP_MAX) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), this.groupMs);
  }

  /** Writes the waiting decisions (in groups of GROUP_MAX, one transaction each); rejects if writing fails (they wait for the next try). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const write = this.writing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, GROUP_MAX);
        this.dropped = 0;
        await this.write(batch);
        // What was dropped meanwhile came off the front, where this batch was.
        this.pending = this.pending.slice(Math.max(0, batch.length - this.dropped));
      }
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private flushInBackground(): void {
    this.flush().catch((error: Error) => {
      this.contexts.clear();
      this.warn(`decision log: writing ${this.pending.length} decisions failed (${error.message}); retrying`);
      this.timer ??= setTimeout(() => this.flushInBackground(), 1000);
    });
  }

  /**
   * A group in one statement (atomic without a transaction of its own, one round trip): the new
   * contexts, the decisions with their ids drawn in order (the sequence read row by row as the
   * batch's array is read), and — for rankings of jobseekers — who appears where, read from the
   * rankings themselves (vacancies are not persons). The batch is one JSON document (one parameter,
   * no array literal to escape element by element); nothing is returned.
   */
  private async write(batch: DecisionRecord[]): Promise<void> {
    const newContexts: { id: string; model: string; taxonomy: string; settings: string }[] = [];
    const decisions = batch.map((d) => {
      let contextId = this.contextIds.get(d.context);
      if (!contextId || (!this.contexts.has(contextId) && !newContexts.some((c) => c.id === contextId))) {
        const settings = JSON.stringify(d.context.settings);
        contextId = createHash('sha256').update(JSON.stringify([d.context.model, d.context.taxonomy, settings])).digest('hex').slice(0, 32);
        newContexts.push({ id: contextId, model: d.context.model, taxonomy: d.context.taxonomy, settings });
        this.contextIds.set(d.context, contextId);
      }
      return {
        at: d.at,
        direction: d.direction,
        subject: d.subject ?? null,
        area: d.area ?? null,
        key_id: d.keyId ?? null,
        context_id: contextId,
        ranked: d.ranked.map((r) => [r.id, r.score, r.parts]),
      };
    });
    await this.pool.query({ name: 'decisions-group', text: WRITE_GROUP, values: [JSON.stringify(newContexts), JSON.stringify(decisions)] });
    for (const { id } of newContexts) this.contexts.add(id);
  }

  async forJobseeker(id: string, limit: number): Promise<StoredDecision[]> {
    await this.flush();
    const { rows } = await this.pool.query<{ id: number; at: string; direction: Direction; subject: string | null; area: string | null; key_id: string | null; model: string; taxonomy: string; settings: unknown; ranked: Ranked }>(
      `SELECT d.id, d.at, d.direction, d.subject, d.area, d.key_id, c.model, c.taxonomy, c.settings, d.ranked
       FROM decisions d JOIN decision_contexts c ON c.id = d.context_id WHERE d.subject = $1 AND d.direction = $2 ORDER BY d.id DESC LIMIT $3`,
      [id, RANKING_FOR_JOBSEEKER, limit],
    );
    return rows.map((d) => ({
      id: d.id,
      at: d.at,
      direction: d.direction,
      ...(d.subject ? { subject: d.subject } : {}),
      ...(d.area ? { area: d.area } : {}),
      ...(d.key_id ? { keyId: d.key_id } : {}),
      context: { model: d.model, taxonomy: d.taxonomy, settings: d.settings },
      ranked: d.ranked.flatMap((r) => (r ? [{ id: r[0], score: r[1], parts: r[2] }] : [])),
    }));
  }

  async appearancesOf(id: string, limit: number) {
    await this.flush();
    const { rows } = await this.pool.query<{ at: string; subject: string | null; position: number; hit: [string, number, Parts] }>(
      `SELECT d.at, d.subject, a.position, d.ranked -> (a.position - 1)::int AS hit FROM decision_appearances a JOIN decisions d ON d.id = a.decision_id
       WHERE a.item = $1 ORDER BY d.id DESC LIMIT $2`,
      [id, limit],
    );
    return rows.map((a) => ({ at: a.at, vacancy: a.subject ?? undefined, position: a.position, score: a.hit[1], parts: a.hit[2] }));
  }

  async candidateRankings(filter: { from: string; to: string; municipalities?: string[] }) {
    await this.flush();
    const { rows } = await this.pool.query<{ subject: string | null; ranked: Ranked }>(
      `SELECT d.subject, d.ranked FROM decisions d
       WHERE d.direction = 'candidates' AND d.at >= $1 AND d.at < $2 AND ($3::text[] IS NULL OR d.area = ANY($3::text[]))
       ORDER BY d.id`,
      [filter.from, filter.to, filter.municipalities ?? null],
    );
    return rows.map((row) => ({ subject: row.subject ?? undefined, items: row.ranked.flatMap((r) => (r ? [r[0]] : [])) }));
  }

  async extent(): Promise<string> {
    await this.flush();
    const { rows } = await this.pool.query<{ first: string | null; last: string | null }>('SELECT (SELECT min(id) FROM decisions) AS first, (SELECT max(id) FROM decisions) AS last');
    return rows[0]!.first === null ? '' : `${rows[0]!.first}-${rows[0]!.last}`;
  }

  async eraseJobseeker(id: string): Promise<void> {
    await this.flush();
    await inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM decisions WHERE subject = $1 AND direction = $2', [id, RANKING_FOR_JOBSEEKER]);
      // Their places in others' rankings become empty (the other hits keep their positions).
      await c.query(
        `UPDATE decisions d SET ranked = (
           SELECT jsonb_agg(CASE WHEN EXISTS (SELECT 1 FROM decision_appearances a WHERE a.decision_id = d.id AND a.position = x.position AND a.item = $1)
                                 THEN 'null'::jsonb ELSE x.hit END ORDER BY x.position)
           FROM jsonb_array_elements(d.ranked) WITH ORDINALITY AS x (hit, position))
         WHERE d.id IN (SELECT decision_id FROM decision_appearances WHERE item = $1)`,
        [id],
      );
      await c.query('DELETE FROM decision_appearances WHERE item = $1', [id]);
    });
  }

  /** The oldest first, at most `limit` (their appearances go with them: ON DELETE CASCADE). */
  async pruneBefore(at: string, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    await this.flush();
    const { rowCount } = await this.pool.query('DELETE FROM decisions WHERE id IN (SELECT id FROM decisions WHERE at < $1 ORDER BY at LIMIT $2)', [at, limit]);
    return rowCount ?? 0;
  }

  /** Decisions waiting in memory for their group write. */
  get waiting(): number {
    return this.pending.length;
  }

  close(): Promise<void> {
    return this.flush();
  }
}
