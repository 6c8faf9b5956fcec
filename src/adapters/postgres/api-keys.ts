import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Principal, Role } from '../../core/access.js';
import type { Clock } from '../../core/clock.js';
import type { ApiKeyInfo } from '../../core/organisations/schema.js';
import { expiryAfterGrace, KEY_COLUMNS, KEY_LIST_SQL, keyInfoOf, newKey, presentedKey, principalIfRight, principalOf, usable, type KeyListRow, type KeyRow } from '../rows/api-keys.js';
import { DEFAULT_POSTGRES } from '../../config.js';
import { LastRead } from './last-read.js';
import { inTransaction } from './pool.js';

/**
 * API keys in PostgreSQL (see the SQLite ApiKeyStore, whose behaviour it keeps): `kht_<id>_<secret>`,
 * only the secret's SHA-256 stored; an unknown key id reads another key's row with the same
 * statement and compares a hash, as a known id with a wrong secret does.
 */
export class PostgresApiKeyStore {
  /**
   * The keys this node verified, by the presented key's SHA-256: answered from memory for
   * `recheckMs` after each read (a match then costs no round trip for its key), and while no
   * primary is reachable; never once the key has expired (see LastRead). A key revoked or rotated
   * here, or whose organisation changed here, is forgotten at once; elsewhere it is seen within `recheckMs`.
   */
  private readonly verified: LastRead<string, { principal: Principal; expiresAt: string | null }>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: Clock = () => new Date(),
    recheckMs: number = DEFAULT_POSTGRES.keyRecheckMs,
  ) {
    this.verified = new LastRead(DEFAULT_POSTGRES.lastReadsKept, recheckMs);
  }

  /** Forgets the keys of an organisation verified here (its area, part of their principal, changed). */
  organisationChanged(organisationId: string): void {
    this.verified.forgetWhere((k) => k.principal.organisation.id === organisationId);
  }

  /** Creates a key; the returned `key` is shown once and never stored. The organisation must exist. */
  async create(role: Role, name: string, organisationId: string, expiresInDays = 365, owner?: string): Promise<{ id: string; key: string; expiresAt: string }> {
    return this.insert(this.pool, role, name, organisationId, expiresInDays, owner);
  }

  private async insert(db: pg.Pool | pg.PoolClient, role: Role, name: string, organisationId: string, expiresInDays: number, owner?: string) {
    const k = newKey(this.now(), expiresInDays);
    await db.query(
      'INSERT INTO api_keys (id, name, role, secret_sha256, created_at, organisation_id, expires_at, owner) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [k.id, name, role, k.secretSha256, k.createdAt, organisationId, k.expiresAt, owner ?? null],
    );
    return { id: k.id, key: k.key, expiresAt: k.expiresAt };
  }

  /** Issues a successor of a usable key and lets the old one expire after `graceDays`, in one transaction; undefined when it is not usable. */
  async rotate(id: string, graceDays: number, expiresInDays = 365): Promise<{ id: string; key: string; expiresAt: string; oldExpiresAt: string } | undefined> {
    const forget = () => this.verified.forgetWhere((k) => k.principal.keyId === id);
    forget();
    const rotated = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = $1 FOR UPDATE OF k`, [id]);
      const row = rows[0];
      if (!row || !usable(row, this.now().toISOString())) return undefined;
      const next = await this.insert(client, row.role, row.name, row.organisation_id!, expiresInDays, row.owner ?? undefined);
      const now = this.now();
      const oldExpiresAt = expiryAfterGrace(row, now, graceDays);
      await client.query('UPDATE api_keys SET expires_at = $1 WHERE id = $2 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)', [oldExpiresAt, id, now.toISOString()]);
      return { ...next, oldExpiresAt };
    });
    // Again once committed: a verify read before the commit may have kept the key meanwhile.
    forget();
    return rotated;
  }

  /** The principal behind a presented key, or undefined (unknown, malformed, revoked, expired, in no organisation); unknown ids cost what known ones do. */
  async verify(presented: string): Promise<Principal | undefined> {
    const key = presentedKey(presented);
    if (!key) return undefined;
    const unexpired = (k: { expiresAt: string | null }) => k.expiresAt === null || k.expiresAt > this.now().toISOString();
    return (await this.verified.read(createHash('sha256').update(presented).digest('hex'), () => this.lookUp(key), unexpired))?.principal;
  }

  private async lookUp(key: { id: string; secret: string }): Promise<{ principal: Principal; expiresAt: string | null } | undefined> {
    // The presented id's row or, when no key has that id, the next id's (the first id's past the last).
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id
        WHERE k.id = coalesce((SELECT id FROM api_keys WHERE id >= $1 ORDER BY id LIMIT 1), (SELECT min(id) FROM api_keys))`,
      [key.id],
    );
    const principal = principalIfRight(rows[0], key, this.now().toISOString());
    return principal && { principal, expiresAt: rows[0]!.expires_at };
  }

  /** The principal of a key id while the key is usable (sessions hold the key id, never the key). */
  async principalOf(keyId: string): Promise<Principal | undefined> {
    const { rows } = await this.pool.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = $1`, [keyId]);
    return rows[0] && usable(rows[0], this.now().toISOString()) ? principalOf(rows[0]) : undefined;
  }

  async revoke(id: string): Promise<boolean> {
    const forget = () => this.verified.forgetWhere((k) => k.principal.keyId === id);
    forget();
    const revoked = (await this.pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [this.now().toISOString(), id])).rowCount === 1;
    // Again once committed: a verify read before the commit may have kept the key meanwhile.
    forget();
    return revoked;
  }

  async list(): Promise<ApiKeyInfo[]> {
    const { rows } = await this.pool.query<KeyListRow>(KEY_LIST_SQL);
    return rows.map(keyInfoOf);
  }

  async activeCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*) AS n FROM api_keys WHERE revoked_at IS NULL AND organisation_id IS NOT NULL AND (expires_at IS NULL OR expires_at > $1)',
      [this.now().toISOString()],
    );
    return rows[0]!.n;
  }
}
