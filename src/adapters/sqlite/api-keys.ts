import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Principal, Role } from '../../core/access.js';
import type { Db } from './database.js';

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PREFIX = 'kht';

/**
 * API keys: `kht_<id>_<secret>`. Only the SHA-256 of the 256-bit random secret is stored, so a
 * copy of the database does not hand out working keys. Keys are created and revoked by an admin
 * with `npm run keys`.
 */
/** Compared against when a key id is unknown or revoked (never equal to a real secret's hash). */
const UNKNOWN_KEY_HASH = Buffer.alloc(32);

export class ApiKeyStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO api_keys (id, name, role, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      byId: db.prepare<[string], { id: string; name: string; role: Role; secret_sha256: string; revoked_at: string | null }>(
        'SELECT id, name, role, secret_sha256, revoked_at FROM api_keys WHERE id = ?',
      ),
      list: db.prepare<[], { id: string; name: string; role: Role; created_at: string; revoked_at: string | null }>(
        'SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY created_at, id',
      ),
      revoke: db.prepare<[string, string]>('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      active: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM api_keys WHERE revoked_at IS NULL'),
    };
  }

  /** Creates a key; the returned `key` is shown once and never stored. */
  create(role: Role, name: string): { id: string; key: string } {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    this.s.insert.run(id, name, role, sha256(secret), new Date().toISOString());
    return { id, key: `${PREFIX}_${id}_${secret}` };
  }

  /** The principal behind a presented key, or undefined if it is unknown, malformed or revoked. */
  verify(presented: string): Principal | undefined {
    const match = /^kht_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!match) return undefined;
    const row = this.s.byId.get(match[1]!);
    // The same work whether the key id exists or not (hash and compare against a stand-in), so
    // that answer times do not tell which key ids exist.
    const usable = row !== undefined && !row.revoked_at;
    const expected = usable ? Buffer.from(row.secret_sha256, 'hex') : UNKNOWN_KEY_HASH;
    const actual = Buffer.from(sha256(match[2]!), 'hex');
    const equal = timingSafeEqual(expected, actual);
    return usable && equal ? { keyId: row.id, name: row.name, role: row.role } : undefined;
  }

  revoke(id: string): boolean {
    return this.s.revoke.run(new Date().toISOString(), id).changes === 1;
  }

  list(): ApiKeyInfo[] {
    return this.s.list.all().map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  activeCount(): number {
    return this.s.active.get()!.n;
  }
}
