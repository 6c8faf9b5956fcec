import type { StoredTransfer } from '../../core/transfers/schema.js';

/** A row of `transfers`, the same in SQLite and PostgreSQL, and the record it holds. */
export type TransferRow = {
  id: number;
  jobseeker_id: string;
  from_area: string | null;
  to_area: string;
  requester_key: string;
  requester_name: string;
  reason: string;
  status: StoredTransfer['status'];
  requested_at: string;
  expires_at: string;
  decided_key: string | null;
  decided_at: string | null;
  refusal: string | null;
  withdrawn_at: string | null;
};

export const transferFromRow = (r: TransferRow): StoredTransfer => ({
  id: r.id,
  jobseekerId: r.jobseeker_id,
  fromArea: r.from_area,
  toArea: r.to_area,
  requesterKey: r.requester_key,
  requesterName: r.requester_name,
  reason: r.reason,
  status: r.status,
  requestedAt: r.requested_at,
  expiresAt: r.expires_at,
  decidedKey: r.decided_key,
  decidedAt: r.decided_at,
  refusal: r.refusal,
  withdrawnAt: r.withdrawn_at,
});

/** Most transfers one listing returns (newest first). */
export const TRANSFER_LIST_MAX = 1000;

/** The columns a transfer's change sets, with their values (the fields `change` names). */
export function transferChanges(change: Partial<StoredTransfer>): [column: string, value: string | null][] {
  const columns: [string, string | null | undefined][] = [
    ['status', change.status],
    ['expires_at', change.expiresAt],
    ['decided_key', change.decidedKey],
    ['decided_at', change.decidedAt],
    ['refusal', change.refusal],
    ['withdrawn_at', change.withdrawnAt],
  ];
  return columns.flatMap(([column, value]) => (value === undefined ? [] : [[column, value]]));
}

/**
 * What counts against a key's daily limit of reaching for other areas' clients (KOHTAANTO_TRANSFER_REQUESTS_PER_DAY):
 * its transfer requests and its writes refused because the id is another area's client, after a time.
 * Parameters: key, since, key, since (SQLite's `?`; PostgreSQL's through `reachedSince('$')`).
 */
export const reachedSince = (placeholder: (n: number) => string) =>
  `SELECT count(*) AS count, min(at) AS oldest FROM (
     SELECT requested_at AS at FROM transfers WHERE requester_key = ${placeholder(1)} AND requested_at > ${placeholder(2)}
     UNION ALL SELECT at FROM refused_ids WHERE key_id = ${placeholder(3)} AND at > ${placeholder(4)}) AS reached`;
export const REACHED_SINCE = reachedSince(() => '?');
