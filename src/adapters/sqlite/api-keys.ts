import type { Principal, Role } from '../../core/access.js';
import type { ApiKeyInfo } from '../../core/organisations/schema.js';
import type { Db } from './database.js';
import type { Clock } from '../../core/clock.js';
import { expiryAfterGrace, KEY_COLUMNS, KEY_LIST_SQL, keyInfoOf, newKey, presentedKey, principalIfRight, principalOf, usable, type KeyListRow, type KeyRow } from '../rows/api-keys.js';

/**
 * API keys: `kht_<id>_<secret>`. Only the SHA-256 of the 256-bit random secret is stored, so a
 * copy of the database does not hand out working keys. Every key belongs to an organisation and
 * expires; rotation issues a successor and lets the old key run out after a grace period. Created,
 * rotated and revoked by an admin (`npm run keys`, or /v1/admin/keys).
 */
export class ApiKeyStore {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly now: Clock = () => new Date(),
  ) {
    this.s = {
      insert: db.prepare<[string, string, string, string, string, string, string, string | null]>(
        'INSERT INTO api_keys (id, name, role, secret_sha256, created_at, organisation_id, expires_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      byId: db.prepare<[string], KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = ?`),
      // The presented id's row or, when no key has that id, the next id's (the first id's past the
      // last): the same index and table reads, of rows spread alike, whether the id exists or not.
      byIdOrNext: db.prepare<[string], KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id
          WHERE k.id = coalesce((SELECT id FROM api_keys WHERE id >= ? ORDER BY id LIMIT 1), (SELECT min(id) FROM api_keys))`,
      ),
      list: db.prepare<[], KeyListRow>(KEY_LIST_SQL),
      revoke: db.prepare<[string, string]>('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      expire: db.prepare<[string, string, string]>(
        'UPDATE api_keys SET expires_at = ? WHERE id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
      ),
      active: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM api_keys WHERE revoked_at IS NULL AND organisation_id IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)',
      ),
    };
  }

  /** Creates a key; the returned `key` is shown once and never stored. The organisation must exist. */
  async create(role: Role, name: string, organisationId: string, expiresInDays = 365, owner?: string): Promise<{ id: string; key: string; expiresAt: string }> {
    return this.insert(role, name, organisationId, expiresInDays, owner);
  }

  /** Inserts a key (synchronous: rotation does it inside its transaction). */
  private insert(role: Role, name: string, organisationId: string, expiresInDays: number, owner?: string): { id: string; key: string; expiresAt: string } {
    const k = newKey(this.now(), expiresInDays);
    this.s.insert.run(k.id, name, role, k.secretSha256, k.createdAt, organisationId, k.expiresAt, owner ?? null);
    return { id: k.id, key: k.key, expiresAt: k.expiresAt };
  }

  /**
   * Issues a successor of a usable key (same role, name and organisation) and lets the old one
   * expire after `graceDays`; undefined when the key is unknown, revoked or expired.
   */
  async rotate(id: string, graceDays: number, expiresInDays = 365): Promise<{ id: string; key: string; expiresAt: string; oldExpiresAt: string } | undefined> {
    const row = this.s.byId.get(id);
    if (!row || !usable(row, this.now().toISOString())) return undefined;
    return this.db.transaction(() => {
      const next = this.insert(row.role, row.name, row.organisation_id!, expiresInDays, row.owner ?? undefined);
      const now = this.now();
      const oldExpiresAt = expiryAfterGrace(row, now, graceDays);
      this.s.expire.run(oldExpiresAt, id, now.toISOString());
      return { ...next, oldExpiresAt };
    }).immediate();
  }


  /**
   * The principal behind a presented key, or undefined if it is unknown, malformed, revoked, expired
   * or in no organisation. An unknown key id costs what a known id with a wrong secret costs, so that
   * answer times do not tell which key ids exist: the same query reads another key's row in its place,
   * and a hash is compared (timingSafeEqual) as a real one would be (see benchmarks/auth.ts).
   */
  async verify(presented: string): Promise<Principal | undefined> {
    const key = presentedKey(presented);
    return key && principalIfRight(this.s.byIdOrNext.get(key.id), key, this.now().toISOString());
  }

  /** The principal of a key id while the key is usable (for sessions, which hold the key id, never the key). */
  async principalOf(keyId: string): Promise<Principal | undefined> {
    const row = this.s.byId.get(keyId);
    return row && usable(row, this.now().toISOString()) ? principalOf(row) : undefined;
  }

  async revoke(id: string): Promise<boolean> {
    return this.s.revoke.run(this.now().toISOString(), id).changes === 1;
  }

  async list(): Promise<ApiKeyInfo[]> {
    return this.s.list.all().map(keyInfoOf);
  }

  async activeCount(): Promise<number> {
    return this.s.active.get(this.now().toISOString())!.n;
  }
}
