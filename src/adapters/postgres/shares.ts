import type pg from 'pg';
import type { Share } from '../../core/privacy/schema.js';

import { shareFromRow, type ShareRow } from '../rows/shares.js';

/** Candidates shared with employer services, in PostgreSQL (see the SQLite ShareStore). */
export class PostgresShareStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Adds a share, or replaces the one of the same vacancy and client. */
  async add(share: Share): Promise<void> {
    await this.pool.query(
      `INSERT INTO shares (vacancy_id, jobseeker_id, owner, key_id, at, expires_at, shared_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (vacancy_id, jobseeker_id) DO UPDATE SET owner = excluded.owner, key_id = excluded.key_id, at = excluded.at, expires_at = excluded.expires_at, shared_by = excluded.shared_by`,
      [share.vacancyId, share.jobseekerId, share.owner, share.keyId, share.at, share.expiresAt, share.sharedBy ?? null],
    );
  }

  /** Jobseekers shared, unexpired at `now`, for a vacancy while `owner` owns it. */
  async activeFor(vacancyId: string, owner: string, now: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ jobseeker_id: string }>('SELECT jobseeker_id FROM shares WHERE vacancy_id = $1 AND owner = $2 AND expires_at > $3', [vacancyId, owner, now]);
    return new Set(rows.map((r) => r.jobseeker_id));
  }

  async ofJobseeker(jobseekerId: string): Promise<Share[]> {
    const { rows } = await this.pool.query<ShareRow>('SELECT * FROM shares WHERE jobseeker_id = $1 ORDER BY at', [jobseekerId]);
    return rows.map(shareFromRow);
  }

  /** Ends a share before it expires (the client withdrew consent); whether there was one. */
  async remove(vacancyId: string, jobseekerId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM shares WHERE vacancy_id = $1 AND jobseeker_id = $2', [vacancyId, jobseekerId])).rowCount ?? 0) > 0;
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await this.pool.query('DELETE FROM shares WHERE jobseeker_id = $1', [jobseekerId]);
  }
}
