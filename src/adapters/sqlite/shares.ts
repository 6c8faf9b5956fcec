import type { Share } from '../../core/privacy/schema.js';
import type { Db } from './database.js';

export type { Share };

import { shareFromRow, type ShareRow } from '../rows/shares.js';

/**
 * Candidates a counsellor has shared with employer services: each share binds the client, the
 * vacancy, the unit owning the vacancy, the counsellor and an expiry date. A share counts only
 * while unexpired and while the vacancy has the same owner.
 */
export class ShareStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare<[string, string, string, string, string, string, string | null]>(
        'INSERT OR REPLACE INTO shares (vacancy_id, jobseeker_id, owner, key_id, at, expires_at, shared_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      active: db.prepare<[string, string, string], string>(
        'SELECT jobseeker_id FROM shares WHERE vacancy_id = ? AND owner = ? AND expires_at > ?',
      ).pluck(),
      forJobseeker: db.prepare<[string], ShareRow>('SELECT * FROM shares WHERE jobseeker_id = ? ORDER BY at'),
      removeJobseeker: db.prepare<[string]>('DELETE FROM shares WHERE jobseeker_id = ?'),
      remove: db.prepare<[string, string]>('DELETE FROM shares WHERE vacancy_id = ? AND jobseeker_id = ?'),
    };
  }

  async add(share: Share): Promise<void> {
    this.s.add.run(share.vacancyId, share.jobseekerId, share.owner, share.keyId, share.at, share.expiresAt, share.sharedBy ?? null);
  }

  /** Jobseekers shared, unexpired at `now`, for a vacancy while `owner` owns it. */
  async activeFor(vacancyId: string, owner: string, now: string): Promise<Set<string>> {
    return new Set(this.s.active.all(vacancyId, owner, now));
  }

  async ofJobseeker(jobseekerId: string): Promise<Share[]> {
    return this.s.forJobseeker.all(jobseekerId).map(shareFromRow);
  }

  /** Ends a share before it expires (the client withdrew consent); whether there was one. */
  async remove(vacancyId: string, jobseekerId: string): Promise<boolean> {
    return this.s.remove.run(vacancyId, jobseekerId).changes > 0;
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.s.removeJobseeker.run(jobseekerId);
  }

}
