import type pg from 'pg';
import type { SessionRecord } from '../../core/sessions.js';

type Row = { token_sha256: string; key_id: string; csrf: string; created_at: string; last_seen: string; expires_at: string };

/** Web app sessions in PostgreSQL (every node sees them; see the SQLite SessionStore). */
export class PostgresSessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(r: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (token_sha256, key_id, csrf, created_at, last_seen, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      r.tokenHash,
      r.keyId,
      r.csrf,
      r.createdAt,
      r.lastSeen,
      r.expiresAt,
    ]);
  }

  async get(tokenHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM sessions WHERE token_sha256 = $1', [tokenHash]);
    const r = rows[0];
    return r && { tokenHash: r.token_sha256, keyId: r.key_id, csrf: r.csrf, createdAt: r.created_at, lastSeen: r.last_seen, expiresAt: r.expires_at };
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET last_seen = $1 WHERE token_sha256 = $2', [at, tokenHash]);
  }

  async remove(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenHash]);
  }

  /** Drops sessions past their expiry or idle since before `idleSince`. */
  async removeExpired(now: string, idleSince: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen <= $2', [now, idleSince]);
  }
}
