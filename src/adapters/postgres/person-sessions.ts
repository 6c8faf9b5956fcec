import type pg from 'pg';
import type { PersonSessionRecord } from '../../core/signin/sessions.js';
import { personSessionFromRow, type PersonSessionRow } from '../rows/person-sessions.js';

/** Sessions of people signed in with an identity provider, in PostgreSQL (see the SQLite PersonSessionStore). */
export class PostgresPersonSessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(r: PersonSessionRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO person_sessions (token_sha256, provider, subject, name, role, organisation_id, csrf, created_at, last_seen, expires_at, checked_at, refresh_token, id_token)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [r.tokenHash, r.provider, r.subject, r.name, r.role, r.organisationId, r.csrf, r.createdAt, r.lastSeen, r.expiresAt, r.checkedAt, r.refreshToken ?? null, r.idToken],
    );
  }

  async get(tokenHash: string): Promise<PersonSessionRecord | undefined> {
    const { rows } = await this.pool.query<PersonSessionRow>('SELECT * FROM person_sessions WHERE token_sha256 = $1', [tokenHash]);
    return rows[0] && personSessionFromRow(rows[0]);
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.pool.query('UPDATE person_sessions SET last_seen = $1 WHERE token_sha256 = $2', [at, tokenHash]);
  }

  async checked(tokenHash: string, r: Pick<PersonSessionRecord, 'name' | 'role' | 'organisationId' | 'checkedAt' | 'refreshToken' | 'idToken'>): Promise<void> {
    await this.pool.query(
      'UPDATE person_sessions SET name = $1, role = $2, organisation_id = $3, checked_at = $4, refresh_token = $5, id_token = $6 WHERE token_sha256 = $7',
      [r.name, r.role, r.organisationId, r.checkedAt, r.refreshToken ?? null, r.idToken, tokenHash],
    );
  }

  /** Claims the recheck of a session last checked at `seen` (one statement: of two nodes only one claims it). */
  async claimRecheck(tokenHash: string, seen: string, at: string): Promise<boolean> {
    return (await this.pool.query('UPDATE person_sessions SET checked_at = $1 WHERE token_sha256 = $2 AND checked_at = $3', [at, tokenHash, seen])).rowCount === 1;
  }

  async remove(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM person_sessions WHERE token_sha256 = $1', [tokenHash]);
  }

  async removeExpired(now: string, idleSince: string): Promise<void> {
    await this.pool.query('DELETE FROM person_sessions WHERE expires_at <= $1 OR last_seen <= $2', [now, idleSince]);
  }
}
