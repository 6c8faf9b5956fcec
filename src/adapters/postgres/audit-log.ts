import type pg from 'pg';
import { DEFAULT_AUDIT_GROUP_MS } from '../../config.js';
import { FREE_TEXT_DETAILS } from '../../core/audit-note.js';
import type { AuditEntryForAdmin, AuditSearch } from '../../core/audit-trail/schema.js';
import type { Clock } from '../../core/clock.js';
import type { AuditRecord } from '../../core/privacy/schema.js';
import { AUDIT_GROUP_MAX, auditRecordOf, checkedForErasure, GroupedAuditTrail, withoutFreeText, type AuditEntry, type AuditRow, type WaitingEntry } from '../rows/audit.js';
import type { Tombstones } from '../sqlite/tombstones.js';
import { inTransaction } from './pool.js';

/**
 * The `settings` row counting erasures (PostgreSQL's erasures have no rowid): bumped in each
 * erasure's transaction, it is the erasure mark of every node (see AuditLog.erasureMark).
 */
const ERASURE_MARK = 'erasure-mark';

type Row = AuditRow<unknown> & { organisation: string | null };
/**
 * A group of entries as one statement (see PostgresAuditLog.write): $1 the entries in order, each
 * with the jobseekers it names. Their ids are drawn as the group is read, in its order (a function
 * scan yields the array's elements in order, and the CTE is read once); the jobseekers they name
 * are inserted in the same statement (its foreign keys are checked at its end). Nothing is returned.
 */
const WRITE_GROUP = `
  WITH entries AS MATERIALIZED (
    SELECT nextval(pg_get_serial_sequence('audit', 'id')) AS id, e.*
    FROM jsonb_to_recordset($1::jsonb) AS e(at text, key_id text, role text, method text, route text, status bigint, detail jsonb, address text, person text, organisation text, subjects jsonb)
  ),
  written AS (
    INSERT INTO audit (id, at, key_id, role, method, route, status, detail, address, person, organisation)
    SELECT id, at, key_id, role, method, route, status, detail, address, person, organisation FROM entries ORDER BY id
  )
  INSERT INTO audit_subjects (audit_id, position, jobseeker_id)
  SELECT e.id, s.position - 1, s.jobseeker FROM entries e CROSS JOIN LATERAL jsonb_array_elements_text(e.subjects) WITH ORDINALITY AS s(jobseeker, position)`;

const COLUMNS = 'a.id, a.at, a.key_id, a.role, a.method, a.route, a.status, a.detail, a.address, a.person, a.organisation';

/**
 * The audit trail in PostgreSQL (see the SQLite AuditLog, whose behaviour it keeps): entries
 * group-committed, one transaction per group of up to 512 at most `groupMs` after the first, groups
 * written one after another; every read of the trail and an erasure write what waits first. Nobody
 * erased is written in clear: the erasure mark is a counter every node's erasures bump (`settings`),
 * read with each group. While writing fails the entries wait in memory (up to AUDIT_BACKLOG_MAX;
 * `full` then refuses requests rather than serve unaudited).
 */
export class PostgresAuditLog extends GroupedAuditTrail {
  private writing: Promise<void> = Promise.resolve();
  /** The newest erasure mark this node has read; 0 before the first read (a stale mark only makes more names checked). */
  private mark = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tombstones: Tombstones,
    warn: (message: string) => void = () => {},
    now: Clock = () => new Date(),
    groupMs = DEFAULT_AUDIT_GROUP_MS,
  ) {
    super(warn, now, groupMs);
  }

  get erasureMark(): number {
    return this.mark;
  }

  /** Writes the waiting entries, a group per transaction, after the writes under way; rejects when writing fails (they keep waiting). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const write = this.writing.then(async () => {
      while (this.pending.length > 0) {
        const group = this.pending.slice(0, AUDIT_GROUP_MAX);
        await this.write(group);
        this.pending = this.pending.slice(group.length);
        this.failure = undefined;
      }
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  protected flushInBackground(): void {
    this.flush().catch((error: unknown) => this.failed(error));
  }

  /**
   * A group in one transaction of three round trips: the erasure mark (share-locked) with the
   * erasures among the ids to check, the entries with the jobseekers they name (one statement),
   * COMMIT. The ids to check are those under the mark this node last read; when the mark read is
   * newer (an erasure since), the further ids it makes checked are read in one more round trip.
   */
  private async write(group: WaitingEntry[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const checkedUnder = (mark: number) => [...new Set(group.flatMap(({ entry }) => entry.jobseekers.filter((id) => checkedForErasure(entry, id, mark))))];
      const known = this.mark;
      const first = checkedUnder(known);
      const read = await this.markAndErased(client, first);
      const mark = read.mark;
      this.mark = Math.max(this.mark, mark);
      const erased = read.erased;
      if (mark > known) {
        const seen = new Set(first);
        for (const id of await this.erasedNow(client, checkedUnder(mark).filter((id) => !seen.has(id)))) erased.add(id);
      }
      // Who may have been erased: all a refused request names, all an answered one names when an erasure came after it began, the id its path named.
      const entries = group.map(({ at, entry }) => {
        const subjects = entry.jobseekers.map((id) => (checkedForErasure(entry, id, mark) && erased.has(id) ? this.tombstones.token(id) : id));
        const detail = subjects.some((s, j) => s !== entry.jobseekers[j]) ? withoutFreeText(entry.detail) : entry.detail;
        return {
          at,
          key_id: entry.keyId ?? null,
          role: entry.role ?? null,
          method: entry.method,
          route: entry.route,
          status: entry.status,
          // As it is (a JSON value within the group's document, not JSON text in it to be read again).
          detail: detail === undefined ? null : detail,
          address: entry.address ?? null,
          person: entry.person ?? null,
          organisation: entry.organisation ?? null,
          subjects,
        };
      });
      await client.query({ name: 'audit-group', text: WRITE_GROUP, values: [JSON.stringify(entries)] });
      for (const { at, entry } of group) await this.noteKeyUse(client, entry, at);
    });
  }

  /** The erasure mark, share-locked until the group commits (see readMark), and which of these ids are erased (see erasedNow): one round trip. */
  private async markAndErased(client: pg.ClientBase, ids: string[]): Promise<{ mark: number; erased: Set<string> }> {
    const hashes = new Map(ids.map((id) => [id, [this.tombstones.hash(id), this.tombstones.legacyHash(id)]]));
    const { rows } = await client.query<{ mark: string | null; tombstones: string[]; live: string[] }>({
      name: 'audit-mark-and-erased',
      text: `SELECT (SELECT value FROM settings WHERE name = $1 FOR SHARE) AS mark,
                    array(SELECT subject_sha256 FROM erasures WHERE subject_sha256 = ANY($2::text[])) AS tombstones,
                    array(SELECT id FROM jobseekers WHERE id = ANY($3::text[])) AS live`,
      values: [ERASURE_MARK, [...hashes.values()].flat(), ids],
    });
    const row = rows[0]!;
    const stored = new Set(row.tombstones);
    const living = new Set(row.live);
    const erased = new Set(ids.filter((id) => hashes.get(id)!.some((h) => stored.has(h)) && !living.has(id)));
    // Before the first erasure and the first group, the row is made (one round trip more, once).
    return { mark: row.mark === null ? await readMark(client) : Number(row.mark), erased };
  }

  /** Of these ids, those erased and not given to a live record since (an erased id reused by a new record belongs to it). */
  private async erasedNow(client: pg.ClientBase, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const hashes = new Map(ids.map((id) => [id, [this.tombstones.hash(id), this.tombstones.legacyHash(id)]]));
    // One round trip: the tombstones among their hashes and the live records among the ids.
    const { rows } = await client.query<{ tombstones: string[]; live: string[] }>(
      `SELECT array(SELECT subject_sha256 FROM erasures WHERE subject_sha256 = ANY($1::text[])) AS tombstones,
              array(SELECT id FROM jobseekers WHERE id = ANY($2::text[])) AS live`,
      [[...hashes.values()].flat(), ids],
    );
    const stored = new Set(rows[0]!.tombstones);
    const living = new Set(rows[0]!.live);
    return new Set(ids.filter((id) => hashes.get(id)!.some((h) => stored.has(h)) && !living.has(id)));
  }

  private async noteKeyUse(client: pg.ClientBase, entry: AuditEntry, at: string): Promise<void> {
    const before = this.keyUseDue(entry, at);
    if (before !== undefined) await client.query('UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)', [at, entry.keyId, before]);
  }

  /** Removes entries older than `at` (ISO), the oldest first and at most `limit`, with the jobseekers they name; the erasures stay. */
  async pruneBefore(at: string, limit: number): Promise<number | false> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: number }>('SELECT id FROM audit WHERE at < $1 ORDER BY at LIMIT $2', [at, limit]);
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return 0;
      await client.query('DELETE FROM audit_subjects WHERE audit_id = ANY($1::bigint[])', [ids]);
      return (await client.query('DELETE FROM audit WHERE id = ANY($1::bigint[])', [ids])).rowCount ?? 0;
    });
  }

  async forJobseeker(jobseekerId: string, limit: number): Promise<AuditRecord[]> {
    await this.flush();
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM audit a WHERE a.id IN (SELECT audit_id FROM audit_subjects WHERE jobseeker_id = $1) ORDER BY a.id DESC LIMIT $2`,
      [jobseekerId, limit],
    );
    return this.toRecords(rows);
  }

  /** The admins' search (see AuditTrailSearch): newest first, before the `before` id, at most limit + 1 entries. */
  async search(q: AuditSearch): Promise<AuditEntryForAdmin[]> {
    await this.flush();
    const where: string[] = [];
    const params: (string | number)[] = [];
    const param = (value: string | number) => (params.push(value), `$${params.length}`);
    // SQLite's LIKE folds ASCII letters only; ILIKE on the byte-comparing ("C") columns does the same.
    const like = (text: string) => param(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (q.before !== undefined) where.push(`a.id < ${param(q.before)}`);
    if (q.person) {
      const pattern = like(q.person);
      where.push(`(a.key_id = ${param(q.person)} OR a.person ILIKE ${pattern} ESCAPE '\\' OR a.key_id IN (SELECT id FROM api_keys WHERE name ILIKE ${pattern} ESCAPE '\\'))`);
    }
    if (q.organisation) where.push(`a.organisation = ${param(q.organisation)}`);
    if (q.route) where.push(`a.route ILIKE ${like(q.route)} ESCAPE '\\'`);
    if (q.client) where.push(`a.id IN (SELECT audit_id FROM audit_subjects WHERE jobseeker_id = ${param(q.client)})`);
    if (q.from) where.push(`a.at >= ${param(q.from)}`);
    if (q.to) where.push(`a.at < ${param(new Date(Date.parse(q.to) + 86_400_000).toISOString().slice(0, 10))}`);
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM audit a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ${param(q.limit + 1)}`,
      params,
    );
    const records = await this.toRecords(rows);
    return records.map((r, i) => ({ ...r, organisation: rows[i]!.organisation }));
  }

  async recent(limit: number): Promise<AuditRecord[]> {
    await this.flush();
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM audit a ORDER BY a.id DESC LIMIT $1`, [limit]);
    return this.toRecords(rows);
  }

  /**
   * Erasure: the jobseeker's id is replaced everywhere in the trail by a one-way tombstone, what
   * was written about them in words goes with it, and the erasure itself is recorded (when, by
   * which key) and counted (the erasure mark every node reads).
   */
  async eraseSubject(jobseekerId: string, keyId: string | undefined): Promise<void> {
    await this.flush(); // the entries naming them are scrubbed too
    this.mark = await inTransaction(this.pool, async (client) => {
      // The mark first: it waits for the groups being written (see readMark), whose entries the scrub below then sees.
      const { rows } = await client.query<{ value: string }>(
        `INSERT INTO settings (name, value) VALUES ($1, '1') ON CONFLICT (name) DO UPDATE SET value = (settings.value::bigint + 1)::text RETURNING value`,
        [ERASURE_MARK],
      );
      await client.query(
        `UPDATE audit SET detail = detail - $2::text[]
         WHERE jsonb_typeof(detail) = 'object' AND id IN (SELECT audit_id FROM audit_subjects WHERE jobseeker_id = $1)`,
        [jobseekerId, [...FREE_TEXT_DETAILS]],
      );
      await client.query('UPDATE audit_subjects SET jobseeker_id = $1 WHERE jobseeker_id = $2', [this.tombstones.token(jobseekerId), jobseekerId]);
      await client.query(
        `INSERT INTO erasures (subject_sha256, erased_at, key_id) VALUES ($1, $2, $3)
         ON CONFLICT (subject_sha256) DO UPDATE SET erased_at = excluded.erased_at, key_id = excluded.key_id`,
        [this.tombstones.hash(jobseekerId), this.now().toISOString(), keyId ?? null],
      );
      return Number(rows[0]!.value);
    });
  }

  async erasureOf(jobseekerId: string): Promise<{ erasedAt: string; keyId: string | null } | undefined> {
    const { rows } = await this.pool.query<{ erased_at: string; key_id: string | null; keyed: boolean }>(
      'SELECT erased_at, key_id, subject_sha256 = $1 AS keyed FROM erasures WHERE subject_sha256 IN ($1, $2) ORDER BY keyed DESC LIMIT 1',
      [this.tombstones.hash(jobseekerId), this.tombstones.legacyHash(jobseekerId)],
    );
    return rows[0] && { erasedAt: rows[0].erased_at, keyId: rows[0].key_id };
  }

  private async toRecords(rows: Row[]): Promise<AuditRecord[]> {
    const subjects = new Map<number, string[]>();
    if (rows.length > 0) {
      const { rows: named } = await this.pool.query<{ audit_id: number; jobseeker_id: string }>(
        'SELECT audit_id, jobseeker_id FROM audit_subjects WHERE audit_id = ANY($1::bigint[]) ORDER BY audit_id, position',
        [rows.map((r) => r.id)],
      );
      for (const s of named) subjects.set(s.audit_id, [...(subjects.get(s.audit_id) ?? []), s.jobseeker_id]);
    }
    return rows.map((r) => auditRecordOf(r, subjects.get(r.id) ?? [], r.detail ?? null));
  }
}

/**
 * The erasure mark: how many erasures every node has made (0 before the first), its row share-locked
 * until the group commits. An erasure (on any node) updates the row, so it waits for the groups
 * being written and then scrubs them too, and a group begun after it reads its mark: no entry naming
 * someone erased meanwhile is committed in clear (SQLite has the one write lock for this).
 */
async function readMark(client: pg.ClientBase): Promise<number> {
  const read = () => client.query<{ value: string }>('SELECT value FROM settings WHERE name = $1 FOR SHARE', [ERASURE_MARK]);
  let { rows } = await read();
  // Before the first erasure and the first group, the row is made (one round trip more, once).
  if (!rows[0]) {
    await client.query(`INSERT INTO settings (name, value) VALUES ($1, '0') ON CONFLICT (name) DO NOTHING`, [ERASURE_MARK]);
    ({ rows } = await read());
  }
  return Number(rows[0]!.value);
}
