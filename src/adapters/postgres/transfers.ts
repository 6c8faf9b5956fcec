import type { StoredTransfer } from '../../core/transfers/schema.js';
import type { TransferStore } from '../../core/transfers/service.js';
import type pg from 'pg';
import { inTransaction } from './pool.js';
import { reachedSince, transferFromRow, type TransferRow, TRANSFER_LIST_MAX, transferChanges } from '../rows/transfers.js';

/** The one lock of a key's daily limit (transfer requests and refused ids): all keys share it, as before. */
const LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('transfer-requests', 35))";
const REACHED_SINCE = reachedSince((n) => `$${n}`);

/** A key's transfer requests and refused ids after `since` (see reachedSince). */
async function reached(client: pg.ClientBase, keyId: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const { rows } = await client.query<{ count: string | number; oldest: string | null }>(REACHED_SINCE, [keyId, since, keyId, since]);
  return { count: Number(rows[0]!.count), oldest: rows[0]!.oldest };
}


/**
 * Transfers of clients between employment areas in PostgreSQL (see the SQLite store): requests,
 * decisions and the per-key request limit shared by every node. A request is checked and added in
 * one transaction holding an advisory lock, so that two nodes cannot both pass the limit or both
 * open a request for the same client and area.
 */
export class PostgresTransferStore implements TransferStore {
  constructor(private readonly pool: pg.Pool) {}

  async addRequest(
    t: Omit<StoredTransfer, 'id'>,
    limit: { since: string; max: number },
  ): Promise<{ added: StoredTransfer } | { busy: { oldest: string | null } } | { pending: StoredTransfer }> {
    return inTransaction(this.pool, async (client) => {
      await client.query(LOCK);
      const { count, oldest } = await reached(client, t.requesterKey, limit.since);
      if (count >= limit.max) return { busy: { oldest } };
      const { rows: open } = await client.query<TransferRow>(
        `SELECT * FROM transfers WHERE jobseeker_id = $1 AND to_area = $2 AND status = 'pending' AND expires_at > $3 ORDER BY id DESC LIMIT 1`,
        [t.jobseekerId, t.toArea, t.requestedAt],
      );
      if (open[0]) return { pending: transferFromRow(open[0]) };
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO transfers (jobseeker_id, from_area, to_area, requester_key, requester_name, reason, status, requested_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [t.jobseekerId, t.fromArea, t.toArea, t.requesterKey, t.requesterName, t.reason, t.status, t.requestedAt, t.expiresAt],
      );
      return { added: { ...t, id: rows[0]!.id } };
    });
  }

  async refuseIds(
    key: { keyId: string; name: string },
    at: string,
    refused: number,
    limit: { since: string; max: number },
  ): Promise<{ admitted: boolean; counted: number; oldest: string | null }> {
    return inTransaction(this.pool, async (client) => {
      // The transfer requests' lock: a request and a refused write at once count against one limit.
      await client.query(LOCK);
      const { count, oldest } = await reached(client, key.keyId, limit.since);
      const counted = Math.max(0, Math.min(refused, limit.max - count));
      if (counted > 0) {
        await client.query('INSERT INTO refused_ids (key_id, key_name, at) SELECT $1, $2, $3 FROM generate_series(1, $4)', [key.keyId, key.name, at, counted]);
      }
      return { admitted: count < limit.max && counted === refused, counted, oldest: oldest ?? (counted > 0 ? at : null) };
    });
  }

  async refusingKeys(since: string, threshold: number) {
    const { rows } = await this.pool.query<{ keyId: string; name: string; day: string; refused: number }>(
      `SELECT key_id AS "keyId", max(key_name) AS name, substr(at, 1, 10) AS day, count(*) AS refused
         FROM refused_ids WHERE at > $1 GROUP BY key_id, substr(at, 1, 10) HAVING count(*) > $2 ORDER BY day DESC, refused DESC`,
      [since, threshold],
    );
    return rows;
  }

  async get(id: number): Promise<StoredTransfer | undefined> {
    const { rows } = await this.pool.query<TransferRow>('SELECT * FROM transfers WHERE id = $1', [id]);
    return rows[0] && transferFromRow(rows[0]);
  }

  async list(scope: { from?: string; to?: string; either?: string }): Promise<StoredTransfer[]> {
    const [where, params] =
      scope.either !== undefined
        ? ['WHERE from_area = $1 OR to_area = $1', [scope.either]]
        : scope.from !== undefined
          ? ['WHERE from_area = $1', [scope.from]]
          : scope.to !== undefined
            ? ['WHERE to_area = $1', [scope.to]]
            : ['', []];
    const { rows } = await this.pool.query<TransferRow>(`SELECT * FROM transfers ${where} ORDER BY id DESC LIMIT ${TRANSFER_LIST_MAX}`, params);
    return rows.map(transferFromRow);
  }

  async update(id: number, from: StoredTransfer['status'], change: Partial<StoredTransfer>): Promise<boolean> {
    const set = transferChanges(change);
    if (set.length === 0) return false;
    const sql = `UPDATE transfers SET ${set.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${set.length + 1} AND status = $${set.length + 2}`;
    return (await this.pool.query(sql, [...set.map(([, value]) => value), id, from])).rowCount === 1;
  }

  async active(jobseekerId: string, toArea: string, now: string): Promise<StoredTransfer | undefined> {
    const { rows } = await this.pool.query<TransferRow>(
      `SELECT * FROM transfers WHERE jobseeker_id = $1 AND to_area = $2 AND status = 'approved' AND expires_at > $3 ORDER BY id DESC LIMIT 1`,
      [jobseekerId, toArea, now],
    );
    return rows[0] && transferFromRow(rows[0]);
  }

  async approvedSince(since: string): Promise<StoredTransfer[]> {
    const { rows } = await this.pool.query<TransferRow>(
      `SELECT * FROM transfers WHERE status IN ('approved', 'withdrawn') AND decided_key IS NOT NULL AND decided_at > $1 ORDER BY decided_at DESC LIMIT ${TRANSFER_LIST_MAX}`,
      [since],
    );
    return rows.map(transferFromRow);
  }

  async busyRequesters(since: string, threshold: number) {
    const { rows } = await this.pool.query<{ keyId: string; name: string; day: string; requests: number }>(
      `SELECT requester_key AS "keyId", max(requester_name) AS name, substr(requested_at, 1, 10) AS day, count(*) AS requests
         FROM transfers WHERE requested_at > $1 GROUP BY requester_key, substr(requested_at, 1, 10) HAVING count(*) > $2 ORDER BY day DESC, requests DESC`,
      [since, threshold],
    );
    return rows;
  }

  async ofJobseeker(jobseekerId: string): Promise<StoredTransfer[]> {
    const { rows } = await this.pool.query<TransferRow>('SELECT * FROM transfers WHERE jobseeker_id = $1 ORDER BY id', [jobseekerId]);
    return rows.map(transferFromRow);
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await this.pool.query('DELETE FROM transfers WHERE jobseeker_id = $1', [jobseekerId]);
  }
}
