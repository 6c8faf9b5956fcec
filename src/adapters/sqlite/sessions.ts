import type { SessionRecord } from '../../core/sessions.js';
import type { Db } from './database.js';

type Row = { token_sha256: string; key_id: string; csrf: string; created_at: string; last_seen: string; expires_at: string };

/** Web app sessions in SQLite (shared by every process on the data directory). */
export class SessionStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare<[string, string, string, string, string, string]>(
        'INSERT INTO sessions (token_sha256, key_id, csrf, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[string], Row>('SELECT * FROM sessions WHERE token_sha256 = ?'),
      touch: db.prepare<[string, string]>('UPDATE sessions SET last_seen = ? WHERE token_sha256 = ?'),
      remove: db.prepare<[string]>('DELETE FROM sessions WHERE token_sha256 = ?'),
      expired: db.prepare<[string, string]>('DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?'),
    };
  }

  async add(r: SessionRecord): Promise<void> {
    this.s.add.run(r.tokenHash, r.keyId, r.csrf, r.createdAt, r.lastSeen, r.expiresAt);
  }

  async get(tokenHash: string): Promise<SessionRecord | undefined> {
    const r = this.s.get.get(tokenHash);
    return r && { tokenHash: r.token_sha256, keyId: r.key_id, csrf: r.csrf, createdAt: r.created_at, lastSeen: r.last_seen, expiresAt: r.expires_at };
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    this.s.touch.run(at, tokenHash);
  }

  async remove(tokenHash: string): Promise<void> {
    this.s.remove.run(tokenHash);
  }

  /** Drops sessions past their expiry or idle since before `idleSince`. */
  async removeExpired(now: string, idleSince: string): Promise<void> {
    this.s.expired.run(now, idleSince);
  }
}
