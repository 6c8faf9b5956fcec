import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Membership, Principal, Role } from '../../core/access.js';
import type { ApiKeyInfo } from '../../core/organisations/schema.js';
import type { Db } from './database.js';
import type { Clock } from '../../core/clock.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PREFIX = 'kht';
const DAY_MS = 86_400_000;

/** Compared against when a key id is unknown, revoked or expired (never equal to a real secret's hash). */
const UNKNOWN_KEY_HASH = '0'.repeat(64);

type KeyRow = {
  id: string;
  name: string;
  role: Role;
  secret_sha256: string;
  revoked_at: string | null;
  expires_at: string | null;
  organisation_id: string | null;
  kind: Membership['kind'] | null;
  area: string | null;
  /** Read by `byId` only. */
  owner?: string | null;
};
type ListRow = {
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
      byId: db.prepare<[string], KeyRow>(
        `SELECT k.id, k.name, k.role, k.secret_sha256, k.revoked_at, k.expires_at, k.organisation_id, o.kind, o.area, k.owner
           FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = ?`,
      ),
      // The presented id's row or, when no key has that id, the next id's (the first id's past the
      // last): the same index and table reads, of rows spread alike, whether the id exists or not.
      byIdOrNext: db.prepare<[string], KeyRow>(
        `SELECT k.id, k.name, k.role, k.secret_sha256, k.revoked_at, k.expires_at, k.organisation_id, o.kind, o.area
           FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id
          WHERE k.id = coalesce((SELECT id FROM api_keys WHERE id >= ? ORDER BY id LIMIT 1), (SELECT min(id) FROM api_keys))`,
      ),
      list: db.prepare<[], ListRow>(
        'SELECT id, name, role, owner, organisation_id, created_at, expires_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at, id',
      ),
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
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS).toISOString();
    this.s.insert.run(id, name, role, sha256(secret), now.toISOString(), organisationId, expiresAt, owner ?? null);
    return { id, key: `${PREFIX}_${id}_${secret}`, expiresAt };
  }

  /**
   * Issues a successor of a usable key (same role, name and organisation) and lets the old one
   * expire after `graceDays`; undefined when the key is unknown, revoked or expired.
   */
  async rotate(id: string, graceDays: number, expiresInDays = 365): Promise<{ id: string; key: string; expiresAt: string; oldExpiresAt: string } | undefined> {
    const row = this.s.byId.get(id);
    if (!row || !this.usable(row)) return undefined;
    return this.db.transaction(() => {
      const next = this.insert(row.role, row.name, row.organisation_id!, expiresInDays, row.owner ?? undefined);
      const now = this.now();
      const graceEnd = new Date(now.getTime() + graceDays * DAY_MS);
      const oldExpiresAt = row.expires_at && row.expires_at < graceEnd.toISOString() ? row.expires_at : graceEnd.toISOString();
      this.s.expire.run(oldExpiresAt, id, now.toISOString());
      return { ...next, oldExpiresAt };
    }).immediate();
  }

  private usable(row: KeyRow): boolean {
    return !row.revoked_at && row.kind !== null && (row.expires_at === null || row.expires_at > this.now().toISOString());
  }

  /**
   * The principal behind a presented key, or undefined if it is unknown, malformed, revoked, expired
   * or in no organisation. An unknown key id costs what a known id with a wrong secret costs, so that
   * answer times do not tell which key ids exist: the same query reads another key's row in its place,
   * and a hash is compared (timingSafeEqual) as a real one would be (see benchmarks/auth.ts).
   */
  async verify(presented: string): Promise<Principal | undefined> {
    const match = /^kht_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!match) return undefined;
    const id = match[1]!;
    const row = this.s.byIdOrNext.get(id);
    const found = row !== undefined && row.id === id;
    const usable = row !== undefined && this.usable(row) && found;
    const expected = Buffer.from(usable ? row.secret_sha256 : UNKNOWN_KEY_HASH, 'hex');
    const equal = timingSafeEqual(expected, Buffer.from(sha256(match[2]!), 'hex'));
    if (!usable || !equal) return undefined;
    return this.principal(row);
  }

  /** The principal of a key id while the key is usable (for sessions, which hold the key id, never the key). */
  async principalOf(keyId: string): Promise<Principal | undefined> {
    const row = this.s.byId.get(keyId);
    return row && this.usable(row) ? this.principal(row) : undefined;
  }

  private principal(row: KeyRow): Principal {
    const organisation: Membership = { id: row.organisation_id!, kind: row.kind!, ...(row.area ? { area: row.area } : {}) };
    return { keyId: row.id, name: row.name, role: row.role, organisation };
  }

  async revoke(id: string): Promise<boolean> {
    return this.s.revoke.run(this.now().toISOString(), id).changes === 1;
  }

  async list(): Promise<ApiKeyInfo[]> {
    return this.s.list.all().map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      owner: r.owner,
      organisation: r.organisation_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async activeCount(): Promise<number> {
    return this.s.active.get(this.now().toISOString())!.n;
  }
}
