import { DEFAULT_AUDIT_GROUP_MS } from '../../config.js';
import { busyRetryMs, writeUnlessLocked } from './write-lock.js';
import { FREE_TEXT_DETAILS } from '../../core/audit-note.js';
import {
  AUDIT_BACKLOG_MAX,
  auditRecordOf,
  checkedForErasure,
  GroupedAuditTrail,
  withoutFreeText,
  type AuditEntry,
  type AuditRow,
  type WaitingEntry,
} from '../rows/audit.js';
import type { AuditRecord } from '../../core/privacy/schema.js';
import type { AuditEntryForAdmin, AuditSearch } from '../../core/audit-trail/schema.js';
import type { Db } from './database.js';
import type { Tombstones } from './tombstones.js';
import type { Clock } from '../../core/clock.js';

export type { AuditEntry, AuditRecord };
export { AUDIT_BACKLOG_MAX };

/**
 * The audit trail in SQLite: who read what, when, and which matching decisions were made. Entries
 * are group-committed: kept for at most `groupMs` (or AUDIT_GROUP_MAX entries) and written in
 * one transaction, so a busy service pays one commit per few milliseconds instead of one per
 * request. A crash loses at most the last few milliseconds of entries; every read of the trail,
 * an erasure and closing write the waiting entries first.
 */
export class AuditLog extends GroupedAuditTrail {
  private readonly s;
  /** The newest erasure this process has seen (the tombstones' rowid); see `erasureMark`. */
  private mark = 0;

  constructor(
    private readonly db: Db,
    private readonly tombstones: Tombstones,
    warn: (message: string) => void = () => {},
    now: Clock = () => new Date(),
    groupMs = DEFAULT_AUDIT_GROUP_MS,
  ) {
    super(warn, now, groupMs);
    this.s = {
      insert: db.prepare<[string, string | null, string | null, string, string, number, string | null, string | null, string | null, string | null], { id: number }>(
        'INSERT INTO audit (at, key_id, role, method, route, status, detail, address, person, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      // Only ever moved forward, and not within the minute (another worker process may have written it).
      keyUse: db.prepare<[string, string, string]>('UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)'),
      subject: db.prepare<[number, number, string]>(
        'INSERT INTO audit_subjects (audit_id, position, jobseeker_id) VALUES (?, ?, ?)',
      ),
      forJobseeker: db.prepare<[string, number], AuditRow<string | null>>(
        `SELECT a.id, a.at, a.key_id, a.role, a.method, a.route, a.status, a.detail, a.address, a.person FROM audit a
         WHERE a.id IN (SELECT audit_id FROM audit_subjects WHERE jobseeker_id = ?) ORDER BY a.id DESC LIMIT ?`,
      ),
      recent: db.prepare<[number], AuditRow<string | null>>(
        'SELECT id, at, key_id, role, method, route, status, detail, address, person FROM audit ORDER BY id DESC LIMIT ?',
      ),
      subjectsOf: db.prepare<[number], { jobseeker_id: string }>(
        'SELECT jobseeker_id FROM audit_subjects WHERE audit_id = ? ORDER BY position',
      ),
      scrub: db.prepare<[string, string]>('UPDATE audit_subjects SET jobseeker_id = ? WHERE jobseeker_id = ?'),
      // What was written about them in words goes with the id (FREE_TEXT_DETAILS).
      scrubText: db.prepare<[string]>(
        `UPDATE audit SET detail = json_remove(detail, ${FREE_TEXT_DETAILS.map((f) => `'$.${f}'`).join(', ')})
         WHERE detail IS NOT NULL AND json_valid(detail) AND id IN (SELECT audit_id FROM audit_subjects WHERE jobseeker_id = ?)`,
      ),
      // Each erasure gets a rowid above every earlier one (a repeated one too): the erasure mark.
      tombstone: db.prepare<[string, string, string | null]>(
        `INSERT INTO erasures (rowid, subject_sha256, erased_at, key_id) VALUES ((SELECT coalesce(max(rowid), 0) + 1 FROM erasures), ?, ?, ?)
         ON CONFLICT (subject_sha256) DO UPDATE SET rowid = excluded.rowid, erased_at = excluded.erased_at, key_id = excluded.key_id`,
      ),
      newestErasure: db.prepare<[], { mark: number }>('SELECT coalesce(max(rowid), 0) AS mark FROM erasures'),
      // An erased id given to a new record since belongs to that record: its entries name it.
      live: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM jobseekers WHERE id = ?'),
      oldest: db.prepare<[string, number], { id: number }>('SELECT id FROM audit WHERE at < ? ORDER BY at LIMIT ?'),
      pruneSubjects: db.prepare<[number]>('DELETE FROM audit_subjects WHERE audit_id = ?'),
      prune: db.prepare<[number]>('DELETE FROM audit WHERE id = ?'),
      erasure: db.prepare<[string], { erased_at: string; key_id: string | null }>(
        'SELECT erased_at, key_id FROM erasures WHERE subject_sha256 = ?',
      ),
    };
    this.mark = this.s.newestErasure.get()!.mark;
  }

  /**
   * The newest erasure known to this process (refreshed with every group written and every erasure):
   * taken when a request begins, it tells which of the jobseekers it names may have been erased
   * since. A stale mark only makes more of them checked.
   */
  get erasureMark(): number {
    return this.mark;
  }

  /**
   * Removes entries older than this instant (ISO), the oldest first and at most `limit`, with the
   * jobseekers they name, in one transaction; false when another process held the write lock
   * (nothing removed: tried again later). The erasures (tombstones) are not entries: they stay.
   */
  async pruneBefore(at: string, limit: number): Promise<number | false> {
    let removed = 0;
    const written = writeUnlessLocked(this.db, () => {
      for (const { id } of this.s.oldest.all(at, limit)) {
        this.s.pruneSubjects.run(id);
        removed += this.s.prune.run(id).changes;
      }
    });
    return written && removed;
  }

  /**
   * From a timer: a failure keeps the entries and retries, it never throws; the write lock taken by
   * another process is not waited for (see writeUnlessLocked): the group is tried again shortly.
   */
  protected flushInBackground(): void {
    try {
      if (!this.flush(false)) this.timer ??= setTimeout(() => this.flushInBackground(), busyRetryMs());
    } catch (error) {
      this.failed(error);
    }
  }

  /**
   * Writes the waiting entries in one transaction; when that fails they stay waiting. Without
   * `wait`, false when another process held the write lock (they stay waiting too).
   */
  flush(wait = true): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return true;
    const group = this.pending;
    this.pending = [];
    try {
      const written = this.write(group, wait);
      if (!written) this.pending = [...group, ...this.pending];
      else this.failure = undefined;
      return written;
    } catch (error) {
      this.pending = [...group, ...this.pending];
      throw error;
    }
  }

  private write(group: WaitingEntry[], wait: boolean): boolean {
    const body = () => {
      const mark = this.s.newestErasure.get()!.mark;
      this.mark = Math.max(this.mark, mark);
      for (const { at, entry } of group) {
        // Nobody erased is written in clear: a refused request may name someone erased long ago
        // (all it names are checked); an answered one, someone erased while it ran (here or in
        // another worker), which is checked only when an erasure came after the request began,
        // or the one its path named.
        // The id a path named is checked always (one keyed hash and lookup per such request).
        const erased = (id: string) => checkedForErasure(entry, id, mark) && this.erasureRow(id) !== undefined && !this.s.live.get(id);
        const subjects = entry.jobseekers.map((id) => (erased(id) ? this.tombstones.token(id) : id));
        const detail = subjects.some((s, i) => s !== entry.jobseekers[i]) ? withoutFreeText(entry.detail) : entry.detail;
        const { id } = this.s.insert.get(
          at,
          entry.keyId ?? null,
          entry.role ?? null,
          entry.method,
          entry.route,
          entry.status,
          detail === undefined ? null : JSON.stringify(detail),
          entry.address ?? null,
          entry.person ?? null,
          entry.organisation ?? null,
        )!;
        subjects.forEach((jobseeker, position) => this.s.subject.run(id, position, jobseeker));
        this.noteKeyUse(entry, at);
      }
    };
    if (!wait) return writeUnlessLocked(this.db, body);
    this.db.transaction(body).immediate();
    return true;
  }

  /** An authenticated request with an API key (or its session): the key's last use, at most once a minute. */
  private noteKeyUse(entry: AuditEntry, at: string): void {
    const before = this.keyUseDue(entry, at);
    if (before !== undefined) this.s.keyUse.run(at, entry.keyId!, before);
  }

  async forJobseeker(jobseekerId: string, limit: number): Promise<AuditRecord[]> {
    this.flush();
    return this.s.forJobseeker.all(jobseekerId, limit).map((r) => this.toRecord(r));
  }

  /**
   * The admins' search (see AuditTrailSearch): newest first, from before the `before` id, at most
   * limit + 1 entries. Each filter is a bound parameter; a key holder's name is looked up in api_keys.
   */
  async search(q: AuditSearch): Promise<AuditEntryForAdmin[]> {
    // Newest first by id; a period uses the `at` index. Person and organisation have no index of their
    // own (each would be written with every audited request: see migration 20), so a rare one over a
    // long trail reads far back: give a period.
    this.flush();
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (q.before !== undefined) (where.push('a.id < ?'), params.push(q.before));
    if (q.person) {
      const like = `%${q.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push("(a.key_id = ? OR a.person LIKE ? ESCAPE '\\' OR a.key_id IN (SELECT id FROM api_keys WHERE name LIKE ? ESCAPE '\\'))");
      params.push(q.person, like, like);
    }
    if (q.organisation) (where.push('a.organisation = ?'), params.push(q.organisation));
    if (q.route) (where.push("a.route LIKE ? ESCAPE '\\'"), params.push(`%${q.route.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    if (q.client) (where.push('a.id IN (SELECT audit_id FROM audit_subjects WHERE jobseeker_id = ?)'), params.push(q.client));
    if (q.from) (where.push('a.at >= ?'), params.push(q.from));
    if (q.to) (where.push('a.at < ?'), params.push(new Date(Date.parse(q.to) + 86_400_000).toISOString().slice(0, 10)));
    const sql = `SELECT a.id, a.at, a.key_id, a.role, a.method, a.route, a.status, a.detail, a.address, a.person, a.organisation FROM audit a
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`;
    const rows = this.db.prepare<(string | number)[], AuditRow<string | null> & { organisation: string | null }>(sql).all(...params, q.limit + 1);
    return rows.map((r) => ({ ...this.toRecord(r), organisation: r.organisation }));
  }

  async recent(limit: number): Promise<AuditRecord[]> {
    this.flush();
    return this.s.recent.all(limit).map((r) => this.toRecord(r));
  }

  /**
   * Erasure: the jobseeker's id is replaced everywhere in the trail by a one-way tombstone, and the
   * erasure itself is recorded (when, by which key). The trail still shows that requests happened.
   */
  async eraseSubject(jobseekerId: string, keyId: string | undefined): Promise<void> {
    const hash = this.tombstones.hash(jobseekerId);
    this.flush(); // the entries naming them are scrubbed too
    this.db.transaction(() => {
      this.s.scrubText.run(jobseekerId);
      this.s.scrub.run(this.tombstones.token(jobseekerId), jobseekerId);
      this.s.tombstone.run(hash, this.now().toISOString(), keyId ?? null);
      this.mark = this.s.newestErasure.get()!.mark;
    }).immediate();
  }

  async erasureOf(jobseekerId: string): Promise<{ erasedAt: string; keyId: string | null } | undefined> {
    const row = this.erasureRow(jobseekerId);
    return row && { erasedAt: row.erased_at, keyId: row.key_id };
  }

  /** The erasure's row, read synchronously (inside a group write's transaction too). */
  private erasureRow(jobseekerId: string) {
    return this.s.erasure.get(this.tombstones.hash(jobseekerId)) ?? this.s.erasure.get(this.tombstones.legacyHash(jobseekerId));
  }

  private toRecord(r: AuditRow<string | null>): AuditRecord {
    return auditRecordOf(
      r,
      this.s.subjectsOf.all(r.id).map((s) => s.jobseeker_id),
      r.detail === null ? null : JSON.parse(r.detail),
    );
  }
}
