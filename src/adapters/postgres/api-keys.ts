import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { Membership, Principal, Role } from '../../core/access.js';
import type { Clock } from '../../core/clock.js';
import type { ApiKeyInfo } from '../../core/organisations/schema.js';
import { LastRead } from './last-read.js';
import { inTransaction } from './pool.js';

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
  owner: string | null;
};

const KEY_COLUMNS = 'k.id, k.name, k.role, k.secret_sha256, k.revoked_at, k.expires_at, k.organisation_id, o.kind, o.area, k.owner';

/**
 * API keys in PostgreSQL (see the SQLite ApiKeyStore, whose behaviour it keeps): `kht_<id>_<secret>`,
 * only the secret's SHA-256 stored; an unknown key id reads another key's row with the same
 * statement and compares a hash, as a known id with a wrong secret does.
 */
export class PostgresApiKeyStore {
  /** The keys this node verified, by the presented key's SHA-256: answered while no primary is reachable, until the key expires (see LastRead). */
  private readonly verified = new LastRead<string, { principal: Principal; expiresAt: string | null }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: Clock = () => new Date(),
  ) {}

  /** Creates a key; the returned `key` is shown once and never stored. The organisation must exist. */
  async create(role: Role, name: string, organisationId: string, expiresInDays = 365, owner?: string): Promise<{ id: string; key: string; expiresAt: string }> {
    return this.insert(this.pool, role, name, organisationId, expiresInDays, owner);
  }

  private async insert(db: pg.Pool | pg.PoolClient, role: Role, name: string, organisationId: string, expiresInDays: number, owner?: string) {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS).toISOString();
    await db.query(
      'INSERT INTO api_keys (id, name, role, secret_sha256, created_at, organisation_id, expires_at, owner) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, name, role, sha256(secret), now.toISOString(), organisationId, expiresAt, owner ?? null],
    );
    return { id, key: `${PREFIX}_${id}_${secret}`, expiresAt };
  }

  /** Issues a successor of a usable key and lets the old one expire after `graceDays`, in one transaction; undefined when it is not usable. */
  async rotate(id: string, graceDays: number, expiresInDays = 365): Promise<{ id: string; key: string; expiresAt: string; oldExpiresAt: string } | undefined> {
    this.verified.forget((k) => k.principal.keyId === id);
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = $1 FOR UPDATE OF k`, [id]);
      const row = rows[0];
      if (!row || !this.usable(row)) return undefined;
      const next = await this.insert(client, row.role, row.name, row.organisation_id!, expiresInDays, row.owner ?? undefined);
      const now = this.now();
      const graceEnd = new Date(now.getTime() + graceDays * DAY_MS).toISOString();
      const oldExpiresAt = row.expires_at && row.expires_at < graceEnd ? row.expires_at : graceEnd;
      await client.query('UPDATE api_keys SET expires_at = $1 WHERE id = $2 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)', [oldExpiresAt, id, now.toISOString()]);
      return { ...next, oldExpiresAt };
    });
  }

  private usable(row: KeyRow): boolean {
    return !row.revoked_at && row.kind !== null && (row.expires_at === null || row.expires_at > this.now().toISOString());
  }

  /** The principal behind a presented key, or undefined (unknown, malformed, revoked, expired, in no organisation); unknown ids cost what known ones do. */
  async verify(presented: string): Promise<Principal | undefined> {
    const match = /^kht_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!match) return undefined;
    const unexpired = (k: { expiresAt: string | null }) => k.expiresAt === null || k.expiresAt > this.now().toISOString();
    return (await this.verified.read(sha256(presented), () => this.lookUp(match[1]!, match[2]!), unexpired))?.principal;
  }

  private async lookUp(id: string, secret: string): Promise<{ principal: Principal; expiresAt: string | null } | undefined> {
    // The presented id's row or, when no key has that id, the next id's (the first id's past the last).
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id
        WHERE k.id = coalesce((SELECT id FROM api_keys WHERE id >= $1 ORDER BY id LIMIT 1), (SELECT min(id) FROM api_keys))`,
      [id],
    );
    const row = rows[0];
    const found = row !== undefined && row.id === id;
    const usable = row !== undefined && this.usable(row) && found;
    const expected = Buffer.from(usable ? row.secret_sha256 : UNKNOWN_KEY_HASH, 'hex');
    const equal = timingSafeEqual(expected, Buffer.from(sha256(secret), 'hex'));
    if (!usable || !equal) return undefined;
    return { principal: principal(row), expiresAt: row.expires_at };
  }

  /** The principal of a key id while the key is usable (sessions hold the key id, never the key). */
  async principalOf(keyId: string): Promise<Principal | undefined> {
    const { rows } = await this.pool.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = $1`, [keyId]);
    return rows[0] && this.usable(rows[0]) ? principal(rows[0]) : undefined;
  }

  async revoke(id: string): Promise<boolean> {
    this.verified.forget((k) => k.principal.keyId === id);
    return (await this.pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [this.now().toISOString(), id])).rowCount === 1;
  }

  async list(): Promise<ApiKeyInfo[]> {
    const { rows } = await this.pool.query<{ id: string; name: string; role: Role; owner: string | null; organisation_id: string | null; created_at: string; expires_at: string | null; revoked_at: string | null; last_used_at: string | null }>(
      'SELECT id, name, role, owner, organisation_id, created_at, expires_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at, id',
    );
    return rows.map((r) => ({
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
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*) AS n FROM api_keys WHERE revoked_at IS NULL AND organisation_id IS NOT NULL AND (expires_at IS NULL OR expires_at > $1)',
      [this.now().toISOString()],
    );
    return rows[0]!.n;
  }
}

function principal(row: KeyRow): Principal {
  const organisation: Membership = { id: row.organisation_id!, kind: row.kind!, ...(row.area ? { area: row.area } : {}) };
  return { keyId: row.id, name: row.name, role: row.role, organisation };
}
