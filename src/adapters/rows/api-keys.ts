import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Membership, Principal, Role } from '../../core/access.js';
import type { ApiKeyInfo } from '../../core/organisations/schema.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DAY_MS = 86_400_000;

/** Compared against when a key id is unknown, revoked or expired (never equal to a real secret's hash). */
const UNKNOWN_KEY_HASH = '0'.repeat(64);

/** A row of `api_keys` joined with its organisation, the same in SQLite and PostgreSQL. */
export type KeyRow = {
  id: string;
  name: string;
  role: Role;
  secret_sha256: string;
  revoked_at: string | null;
  expires_at: string | null;
  organisation_id: string | null;
  kind: Membership['kind'] | null;
  area: string | null;
  /** Read where a key is rotated. */
  owner?: string | null;
};

/** The columns of a KeyRow (`k` the key, `o` its organisation). */
export const KEY_COLUMNS = 'k.id, k.name, k.role, k.secret_sha256, k.revoked_at, k.expires_at, k.organisation_id, o.kind, o.area, k.owner';

/** A row of the admins' key list. */
export type KeyListRow = {
  id: string;
  name: string;
  role: Role;
  owner: string | null;
  organisation_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
};

export const KEY_LIST_SQL = 'SELECT id, name, role, owner, organisation_id, created_at, expires_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at, id';

export const keyInfoOf = (r: KeyListRow): ApiKeyInfo => ({
  id: r.id,
  name: r.name,
  role: r.role,
  owner: r.owner,
  organisation: r.organisation_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

/** A new key: `kht_<id>_<secret>` (shown once) and what is stored of it (the secret's SHA-256 only). */
export function newKey(now: Date, expiresInDays: number): { id: string; key: string; secretSha256: string; createdAt: string; expiresAt: string } {
  const id = randomUUID().replaceAll('-', '').slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS).toISOString();
  return { id, key: `kht_${id}_${secret}`, secretSha256: sha256(secret), createdAt: now.toISOString(), expiresAt };
}

/** When a rotated key stops working: after `graceDays`, or its own expiry when that comes first. */
export function expiryAfterGrace(row: KeyRow, now: Date, graceDays: number): string {
  const graceEnd = new Date(now.getTime() + graceDays * DAY_MS).toISOString();
  return row.expires_at && row.expires_at < graceEnd ? row.expires_at : graceEnd;
}

/** Whether a key works at `now` (ISO): not revoked, not expired, in an organisation. */
export const usable = (row: KeyRow, now: string): boolean => !row.revoked_at && row.kind !== null && (row.expires_at === null || row.expires_at > now);

/** The presented key's id and secret, or undefined when it is not of the form `kht_<id>_<secret>`. */
export function presentedKey(presented: string): { id: string; secret: string } | undefined {
  const match = /^kht_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(presented);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/**
 * The principal of `row` when it is the presented key's and the secret is right; `row` is the
 * presented id's row or another key's read in its place, and a hash is compared either way
 * (timingSafeEqual), so that answer times do not tell which key ids exist.
 */
export function principalIfRight(row: KeyRow | undefined, presented: { id: string; secret: string }, now: string): Principal | undefined {
  const ok = row !== undefined && row.id === presented.id && usable(row, now);
  const expected = Buffer.from(ok ? row.secret_sha256 : UNKNOWN_KEY_HASH, 'hex');
  const equal = timingSafeEqual(expected, Buffer.from(sha256(presented.secret), 'hex'));
  return ok && equal ? principalOf(row) : undefined;
}

/** The principal a usable key's row stands for. */
export function principalOf(row: KeyRow): Principal {
  const organisation: Membership = { id: row.organisation_id!, kind: row.kind!, ...(row.area ? { area: row.area } : {}) };
  return { keyId: row.id, name: row.name, role: row.role, organisation };
}
