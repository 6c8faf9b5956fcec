import type { PersonSessionRecord } from '../../core/signin/sessions.js';
import type { Db } from './database.js';
import { personSessionFromRow, type PersonSessionRow } from '../rows/person-sessions.js';

/** Sessions of people signed in with an identity provider, in SQLite (shared by every worker process). */
export class PersonSessionStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare(
        `INSERT INTO person_sessions (token_sha256, provider, subject, name, role, organisation_id, csrf, created_at, last_seen, expires_at, checked_at, refresh_token, id_token)
         VALUES (@tokenHash, @provider, @subject, @name, @role, @organisationId, @csrf, @createdAt, @lastSeen, @expiresAt, @checkedAt, @refreshToken, @idToken)`,
      ),
      get: db.prepare<[string], PersonSessionRow>('SELECT * FROM person_sessions WHERE token_sha256 = ?'),
      touch: db.prepare<[string, string]>('UPDATE person_sessions SET last_seen = ? WHERE token_sha256 = ?'),
      checked: db.prepare(
        `UPDATE person_sessions SET name = @name, role = @role, organisation_id = @organisationId, checked_at = @checkedAt,
         refresh_token = @refreshToken, id_token = @idToken WHERE token_sha256 = @tokenHash`,
      ),
      claim: db.prepare<[string, string, string]>('UPDATE person_sessions SET checked_at = ? WHERE token_sha256 = ? AND checked_at = ?'),
      remove: db.prepare<[string]>('DELETE FROM person_sessions WHERE token_sha256 = ?'),
      expired: db.prepare<[string, string]>('DELETE FROM person_sessions WHERE expires_at <= ? OR last_seen <= ?'),
    };
  }

  async add(r: PersonSessionRecord): Promise<void> {
    this.s.add.run({ ...r, refreshToken: r.refreshToken ?? null });
  }

  async get(tokenHash: string): Promise<PersonSessionRecord | undefined> {
    const row = this.s.get.get(tokenHash);
    return row && personSessionFromRow(row);
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    this.s.touch.run(at, tokenHash);
  }

  async checked(tokenHash: string, r: Pick<PersonSessionRecord, 'name' | 'role' | 'organisationId' | 'checkedAt' | 'refreshToken' | 'idToken'>): Promise<void> {
    this.s.checked.run({ ...r, refreshToken: r.refreshToken ?? null, tokenHash });
  }

  async claimRecheck(tokenHash: string, seen: string, at: string): Promise<boolean> {
    return this.s.claim.run(at, tokenHash, seen).changes === 1;
  }

  async remove(tokenHash: string): Promise<void> {
    this.s.remove.run(tokenHash);
  }

  async removeExpired(now: string, idleSince: string): Promise<void> {
    this.s.expired.run(now, idleSince);
  }
}
