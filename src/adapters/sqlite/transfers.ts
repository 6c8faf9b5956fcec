import type { StoredTransfer } from '../../core/transfers/schema.js';
import type { TransferStore } from '../../core/transfers/service.js';
import type { Db } from './database.js';
import { REACHED_SINCE, transferFromRow, type TransferRow, TRANSFER_LIST_MAX, transferChanges } from '../rows/transfers.js';


/**
 * Transfers of clients between employment areas (see src/core/transfers/service.ts). Everything
 * is read from the table, so that all worker processes share the requests, their decisions and the
 * per-key request limit, also across restarts.
 */
export class SqliteTransferStore implements TransferStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare<[string, string | null, string, string, string, string, string, string, string], { id: number }>(
        `INSERT INTO transfers (jobseeker_id, from_area, to_area, requester_key, requester_name, reason, status, requested_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      get: db.prepare<[number], TransferRow>('SELECT * FROM transfers WHERE id = ?'),
      all: db.prepare<[number], TransferRow>('SELECT * FROM transfers ORDER BY id DESC LIMIT ?'),
      from: db.prepare<[string, number], TransferRow>('SELECT * FROM transfers WHERE from_area = ? ORDER BY id DESC LIMIT ?'),
      to: db.prepare<[string, number], TransferRow>('SELECT * FROM transfers WHERE to_area = ? ORDER BY id DESC LIMIT ?'),
      either: db.prepare<[string, string, number], TransferRow>(
        'SELECT * FROM transfers WHERE from_area = ? OR to_area = ? ORDER BY id DESC LIMIT ?',
      ),
      active: db.prepare<[string, string, string], TransferRow>(
        `SELECT * FROM transfers WHERE jobseeker_id = ? AND to_area = ? AND status = 'approved' AND expires_at > ? ORDER BY id DESC LIMIT 1`,
      ),
      pending: db.prepare<[string, string, string], TransferRow>(
        `SELECT * FROM transfers WHERE jobseeker_id = ? AND to_area = ? AND status = 'pending' AND expires_at > ? ORDER BY id DESC LIMIT 1`,
      ),
      requestsSince: db.prepare<[string, string, string, string], { count: number; oldest: string | null }>(REACHED_SINCE),
      refuse: db.prepare<[string, string, string]>('INSERT INTO refused_ids (key_id, key_name, at) VALUES (?, ?, ?)'),
      refusing: db.prepare<[string, number], { keyId: string; name: string; day: string; refused: number }>(
        `SELECT key_id AS keyId, max(key_name) AS name, substr(at, 1, 10) AS day, count(*) AS refused
           FROM refused_ids WHERE at > ? GROUP BY key_id, day HAVING count(*) > ? ORDER BY day DESC, refused DESC`,
      ),
      approvedSince: db.prepare<[string], TransferRow>(
        `SELECT * FROM transfers WHERE status IN ('approved', 'withdrawn') AND decided_key IS NOT NULL AND decided_at > ?
           ORDER BY decided_at DESC LIMIT ${TRANSFER_LIST_MAX}`,
      ),
      busy: db.prepare<[string, number], { keyId: string; name: string; day: string; requests: number }>(
        `SELECT requester_key AS keyId, max(requester_name) AS name, substr(requested_at, 1, 10) AS day, count(*) AS requests
           FROM transfers WHERE requested_at > ? GROUP BY requester_key, day HAVING count(*) > ? ORDER BY day DESC, requests DESC`,
      ),
      ofJobseeker: db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE jobseeker_id = ? ORDER BY id'),
      forget: db.prepare<[string]>('DELETE FROM transfers WHERE jobseeker_id = ?'),
    };
  }

  async addRequest(
    t: Omit<StoredTransfer, 'id'>,
    limit: { since: string; max: number },
  ): Promise<{ added: StoredTransfer } | { busy: { oldest: string | null } } | { pending: StoredTransfer }> {
    return this.db.transaction(() => {
      const { count, oldest } = this.s.requestsSince.get(t.requesterKey, limit.since, t.requesterKey, limit.since)!;
      if (count >= limit.max) return { busy: { oldest } };
      const open = this.s.pending.get(t.jobseekerId, t.toArea, t.requestedAt);
      if (open) return { pending: transferFromRow(open) };
      const { id } = this.s.insert.get(t.jobseekerId, t.fromArea, t.toArea, t.requesterKey, t.requesterName, t.reason, t.status, t.requestedAt, t.expiresAt)!;
      return { added: { ...t, id } };
    }).immediate();
  }

  async refuseIds(
    key: { keyId: string; name: string },
    at: string,
    refused: number,
    limit: { since: string; max: number },
  ): Promise<{ admitted: boolean; counted: number; oldest: string | null }> {
    return this.db.transaction(() => {
      const { count, oldest } = this.s.requestsSince.get(key.keyId, limit.since, key.keyId, limit.since)!;
      const counted = Math.max(0, Math.min(refused, limit.max - count));
      for (let i = 0; i < counted; i++) this.s.refuse.run(key.keyId, key.name, at);
      return { admitted: count < limit.max && counted === refused, counted, oldest: oldest ?? (counted > 0 ? at : null) };
    }).immediate();
  }

  async refusingKeys(since: string, threshold: number) {
    return this.s.refusing.all(since, threshold);
  }

  async get(id: number): Promise<StoredTransfer | undefined> {
    const row = this.s.get.get(id);
    return row && transferFromRow(row);
  }

  async list(scope: { from?: string; to?: string; either?: string }): Promise<StoredTransfer[]> {
    const rows =
      scope.either !== undefined
        ? this.s.either.all(scope.either, scope.either, TRANSFER_LIST_MAX)
        : scope.from !== undefined
          ? this.s.from.all(scope.from, TRANSFER_LIST_MAX)
          : scope.to !== undefined
            ? this.s.to.all(scope.to, TRANSFER_LIST_MAX)
            : this.s.all.all(TRANSFER_LIST_MAX);
    return rows.map(transferFromRow);
  }

  async update(id: number, from: StoredTransfer['status'], change: Partial<StoredTransfer>): Promise<boolean> {
    const set = transferChanges(change);
    if (set.length === 0) return false;
    const sql = `UPDATE transfers SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ? AND status = ?`;
    return this.db.prepare(sql).run(...set.map(([, value]) => value), id, from).changes === 1;
  }

  async active(jobseekerId: string, toArea: string, now: string): Promise<StoredTransfer | undefined> {
    const row = this.s.active.get(jobseekerId, toArea, now);
    return row && transferFromRow(row);
  }

  async approvedSince(since: string): Promise<StoredTransfer[]> {
    return this.s.approvedSince.all(since).map(transferFromRow);
  }

  async busyRequesters(since: string, threshold: number) {
    return this.s.busy.all(since, threshold);
  }

  async ofJobseeker(jobseekerId: string): Promise<StoredTransfer[]> {
    return this.s.ofJobseeker.all(jobseekerId).map(transferFromRow);
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.s.forget.run(jobseekerId);
  }
}
