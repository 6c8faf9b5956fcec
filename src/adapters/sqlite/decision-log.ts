import { DEFAULT_AUDIT_GROUP_MS } from '../../config.js';
import { createHash } from 'node:crypto';
import { busyRetryMs, writeUnlessLocked } from './write-lock.js';
import type { DecisionLog, DecisionRecord, Direction, StoredDecision } from '../../core/oversight/decisions.js';
import type { Db } from './database.js';
import { messageOf } from '../../core/thrown.js';

/** How many decisions may wait to be written at once (as the audit). */
const GROUP_MAX = 512;
/** Beyond this many waiting (writing fails, e.g. a full disk) the oldest are dropped, with a warning. */
const BACKLOG_MAX = 50_000;

type Parts = Record<string, number | null>;
/** A ranking as stored: [id, score, parts] per hit in order; null where a jobseeker was erased from it. */
type Ranked = ([string, number, Parts] | null)[];
/** A decision's ranking as its row holds it (JSON text the log wrote). */
/** The settings a decision was made with, not read further (JSON text the log wrote). */
const settingsOf = (json: string): unknown => JSON.parse(json);
const rankedOf = (json: string): Ranked => JSON.parse(json) as Ranked;
const RANKING_FOR_JOBSEEKER: Direction = 'vacancies';
const CANDIDATE_RANKINGS = "('candidates', 'text-candidates')";

/**
 * The decision log in SQLite: decisions group-committed like the audit (one transaction per few
 * milliseconds), their context (model, taxonomy, settings) stored once per combination.
 */
export class SqliteDecisionLog implements DecisionLog {
  private readonly s;
  private pending: DecisionRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly contexts = new Set<string>();
  /** Context ids by context object: computed once per context, not per decision. */
  private readonly contextIds = new WeakMap<object, string>();

  constructor(
    private readonly db: Db,
    private readonly warn: (message: string) => void = () => {},
    /** How long a decision may wait to be written with others (one transaction per group): the configured `auditGroupMs`. */
    private readonly groupMs = DEFAULT_AUDIT_GROUP_MS,
  ) {
    this.s = {
      context: db.prepare<[string, string, string, string]>('INSERT OR IGNORE INTO decision_contexts (id, model, taxonomy, settings) VALUES (?, ?, ?, ?)'),
      insert: db.prepare<[string, string, string | null, string | null, string | null, string, string], { id: number }>(
        'INSERT INTO decisions (at, direction, subject, area, key_id, context_id, ranked) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      appearance: db.prepare<[number, number, string]>('INSERT INTO decision_appearances (decision_id, position, item) VALUES (?, ?, ?)'),
      forSubject: db.prepare<[string, string, number], { id: number; at: string; direction: Direction; subject: string | null; area: string | null; key_id: string | null; model: string; taxonomy: string; settings: string; ranked: string }>(
        `SELECT d.id, d.at, d.direction, d.subject, d.area, d.key_id, c.model, c.taxonomy, c.settings, d.ranked
         FROM decisions d JOIN decision_contexts c ON c.id = d.context_id WHERE d.subject = ? AND d.direction = ? ORDER BY d.id DESC LIMIT ?`,
      ),
      appearances: db.prepare<[string, number], { id: number; at: string; subject: string | null; position: number; ranked: string }>(
        `SELECT d.id, d.at, d.subject, a.position, d.ranked FROM decision_appearances a JOIN decisions d ON d.id = a.decision_id
         WHERE a.item = ? ORDER BY d.id DESC LIMIT ?`,
      ),
      rankings: db.prepare<[{ from: string; to: string; areas: string | null }], { subject: string | null; ranked: string }>(
        `SELECT d.subject, d.ranked FROM decisions d
         WHERE d.direction = 'candidates' AND d.at >= @from AND d.at < @to
           AND (@areas IS NULL OR d.area IN (SELECT value FROM json_each(@areas)))
         ORDER BY d.id`,
      ),
      extent: db.prepare<[], { first: number | null; last: number | null }>('SELECT (SELECT min(id) FROM decisions) AS first, (SELECT max(id) FROM decisions) AS last'),
      eraseRankings: db.prepare<[string]>(`DELETE FROM decisions WHERE subject = ? AND direction = '${RANKING_FOR_JOBSEEKER}'`),
      appearancesToErase: db.prepare<[string], { id: number; position: number; ranked: string }>(
        'SELECT d.id, a.position, d.ranked FROM decision_appearances a JOIN decisions d ON d.id = a.decision_id WHERE a.item = ?',
      ),
      rewriteRanked: db.prepare<[string, number]>('UPDATE decisions SET ranked = ? WHERE id = ?'),
      eraseAppearances: db.prepare<[string]>('DELETE FROM decision_appearances WHERE item = ?'),
      // The oldest first, at most a batch (their appearances go with them: ON DELETE CASCADE).
      prune: db.prepare<[string, number]>('DELETE FROM decisions WHERE id IN (SELECT id FROM decisions WHERE at < ? ORDER BY at LIMIT ?)'),
    };
  }

  record(decision: DecisionRecord): void {
    this.pending.push(decision);
    if (this.pending.length > BACKLOG_MAX) {
      this.pending.splice(0, this.pending.length - BACKLOG_MAX);
      this.warn(`decision log: more than ${BACKLOG_MAX} decisions waiting to be written; the oldest were dropped`);
    }
    if (this.pending.length >= GROUP_MAX) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), this.groupMs);
  }

  /**
   * Writes the waiting decisions in one transaction (throws if writing fails; they wait for the next
   * try). Without `wait`, false when another process held the write lock (they wait too).
   */
  flush(wait = true): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return true;
    const batch = this.pending;
    const body = () => {
      for (const d of batch) {
        let contextId = this.contextIds.get(d.context);
        if (!contextId || !this.contexts.has(contextId)) {
          const settings = JSON.stringify(d.context.settings);
          contextId = createHash('sha256').update(JSON.stringify([d.context.model, d.context.taxonomy, settings])).digest('hex').slice(0, 32);
          this.s.context.run(contextId, d.context.model, d.context.taxonomy, settings);
          this.contexts.add(contextId);
          this.contextIds.set(d.context, contextId);
        }
        const ranked = JSON.stringify(d.ranked.map((r) => [r.id, r.score, r.parts]));
        const { id } = this.s.insert.get(d.at, d.direction, d.subject ?? null, d.area ?? null, d.keyId ?? null, contextId, ranked)!;
        // Rankings of jobseekers: who appears where, for their export and erasure (vacancies are not persons).
        if (d.direction === 'candidates' || d.direction === 'text-candidates') d.ranked.forEach((r, i) => this.s.appearance.run(id, i + 1, r.id));
      }
    };
    try {
      if (!wait) {
        if (!writeUnlessLocked(this.db, body)) return false;
      } else this.db.transaction(body).immediate();
    } catch (error) {
      // The contexts this group wrote were rolled back with it: they are written again with the next try.
      this.contexts.clear();
      throw error;
    }
    this.pending = this.pending.slice(batch.length);
    return true;
  }

  /** From a timer: another process's write lock is not waited for (see writeUnlessLocked), the group is tried again shortly. */
  private flushInBackground(): void {
    try {
      if (!this.flush(false)) this.timer ??= setTimeout(() => this.flushInBackground(), busyRetryMs());
    } catch (error) {
      this.contexts.clear();
      this.warn(`decision log: writing ${this.pending.length} decisions failed (${messageOf(error)}); retrying`);
      this.timer = setTimeout(() => this.flushInBackground(), 1000);
    }
  }

  async forJobseeker(id: string, limit: number): Promise<StoredDecision[]> {
    this.flush();
    return this.s.forSubject.all(id, RANKING_FOR_JOBSEEKER, limit).map((d) => ({
      id: d.id,
      at: d.at,
      direction: d.direction,
      ...(d.subject ? { subject: d.subject } : {}),
      ...(d.area ? { area: d.area } : {}),
      ...(d.key_id ? { keyId: d.key_id } : {}),
      context: { model: d.model, taxonomy: d.taxonomy, settings: settingsOf(d.settings) },
      ranked: rankedOf(d.ranked).flatMap((r) => (r ? [{ id: r[0], score: r[1], parts: r[2] }] : [])),
    }));
  }

  async appearancesOf(id: string, limit: number) {
    this.flush();
    return this.s.appearances.all(id, limit).map((a) => {
      const [, score, parts] = rankedOf(a.ranked)[a.position - 1]!;
      return { at: a.at, vacancy: a.subject ?? undefined, position: a.position, score, parts };
    });
  }

  async candidateRankings(filter: { from: string; to: string; municipalities?: string[] }) {
    this.flush();
    const rows = this.s.rankings.all({ from: filter.from, to: filter.to, areas: filter.municipalities ? JSON.stringify(filter.municipalities) : null });
    return rows.map((row) => ({
      subject: row.subject ?? undefined,
      items: rankedOf(row.ranked).flatMap((r) => (r ? [r[0]] : [])),
    }));
  }

  async extent(): Promise<string> {
    this.flush();
    const { first, last } = this.s.extent.get()!;
    return first === null ? '' : `${first}-${last}`;
  }

  async eraseJobseeker(id: string): Promise<void> {
    this.flush();
    this.db.transaction(() => {
      this.s.eraseRankings.run(id);
      // Their places in others' rankings become empty (the other hits keep their positions).
      for (const a of this.s.appearancesToErase.all(id)) {
        const ranked = rankedOf(a.ranked);
        ranked[a.position - 1] = null;
        this.s.rewriteRanked.run(JSON.stringify(ranked), a.id);
      }
      this.s.eraseAppearances.run(id);
    }).immediate();
  }

  /** Another process holding the write lock is not waited for: nothing is removed then (0), the next round tries again. */
  async pruneBefore(at: string, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    this.flush();
    let removed = 0;
    writeUnlessLocked(this.db, () => {
      removed = this.s.prune.run(at, limit).changes;
    });
    return removed;
  }

  /** Decisions waiting in memory for their group write. */
  get waiting(): number {
    return this.pending.length;
  }

  close(): void {
    this.flush();
  }
}
