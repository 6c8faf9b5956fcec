import type { Referral } from '../../core/referrals/schema.js';
import type { Db } from './database.js';
import type { Tombstones } from './tombstones.js';
import type { Clock } from '../../core/clock.js';

/** Referrals of jobseekers to trainings. Personal data: erasure keeps only an anonymous count. */
export class ReferralStore {
  private readonly s;

  constructor(
    db: Db,
    private readonly tombstones: Tombstones,
    private readonly now: Clock = () => new Date(),
  ) {
    this.s = {
      insert: db.prepare<[string, string, string, string, string | null, string], { id: number }>(
        'INSERT INTO referrals (jobseeker_id, training_id, key_id, counsellor, reason, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      forJobseeker: db.prepare<[string], { id: number; jobseeker_id: string; training_id: string; key_id: string; counsellor: string; reason: string | null; at: string }>(
        'SELECT * FROM referrals WHERE jobseeker_id = ? ORDER BY id',
      ),
      anonymise: db.prepare<[string, string]>('UPDATE referrals SET jobseeker_id = ?, reason = NULL WHERE jobseeker_id = ?'),
    };
  }

  add(r: Omit<Referral, 'id' | 'at'>): Referral {
    const at = this.now().toISOString();
    const { id } = this.s.insert.get(r.jobseekerId, r.trainingId, r.keyId, r.counsellor, r.reason, at)!;
    return { ...r, id, at };
  }

  ofJobseeker(jobseekerId: string): Referral[] {
    return this.s.forJobseeker.all(jobseekerId).map((r) => ({
      id: r.id,
      jobseekerId: r.jobseeker_id,
      trainingId: r.training_id,
      keyId: r.key_id,
      counsellor: r.counsellor,
      reason: r.reason,
      at: r.at,
    }));
  }

  /** Erasure: the referral stays countable (training, date) but no longer names the person or the reason. */
  forgetJobseeker(jobseekerId: string): void {
    this.s.anonymise.run(this.tombstones.token(jobseekerId), jobseekerId);
  }
}
