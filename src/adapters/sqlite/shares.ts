import type { Share } from '../../core/privacy/schema.js';
import type { Db } from './database.js';

export type { Share };

type Row = { vacancy_id: string; jobseeker_id: string; owner: string; key_id: string; at: string; expires_at: string; shared_by: string | null };
const fromRow = (r: Row): Share => ({
  vacancyId: r.vacancy_id,
  jobseekerId: r.jobseeker_id,
  owner: r.owner,
  keyId: r.key_id,
  at: r.at,
  expiresAt: r.expires_at,
  ...(r.shared_by === null ? {} : { sharedBy: r.shared_by }),
});

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
      forJobseeker: db.prepare<[string], Row>('SELECT * FROM shares WHERE jobseeker_id = ? ORDER BY at'),
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
    return this.s.forJobseeker.all(jobseekerId).map(fromRow);
  }

  /** Ends a share before it expires (the client withdrew consent); whether there was one. */
  async remove(vacancyId: string, jobseekerId: string): Promise<boolean> {
    return this.s.remove.run(vacancyId, jobseekerId).changes > 0;
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.s.removeJobseeker.run(jobseekerId);
  }

}
