import type { Referral, ReferralEvent } from '../../core/referrals/schema.js';
import type { ReferralStore } from '../../core/referrals/service.js';
import type { Db } from './database.js';
import type { Tombstones } from './tombstones.js';
import { referralsWithHistory, type ReferralEventRow as EventRow, type ReferralRow as Row } from '../rows/referrals.js';


/**
 * Referrals of jobseekers to trainings, their state and its history, read from the tables every
 * time so that all worker processes share them. Personal data: erasure keeps only an anonymous
 * count (training, date); the state, its history and the reason go.
 */
export class SqliteReferralStore implements ReferralStore {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly tombstones: Tombstones,
  ) {
    this.s = {
      insert: db.prepare<[string, string, string, string, string | null, string], { id: number }>(
        "INSERT INTO referrals (jobseeker_id, training_id, key_id, counsellor, reason, at, state) VALUES (?, ?, ?, ?, ?, ?, 'referred') RETURNING id",
      ),
      event: db.prepare<[number, string, string, string, string, string, string | null]>(
        'INSERT INTO referral_events (referral_id, state, happened_on, at, actor, role, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[number], Row>('SELECT * FROM referrals WHERE id = ?'),
      forJobseeker: db.prepare<[string], Row>('SELECT * FROM referrals WHERE jobseeker_id = ? ORDER BY id'),
      events: db.prepare<[string], EventRow>(
        'SELECT referral_id, state, happened_on, at, actor, role, note FROM referral_events WHERE referral_id IN (SELECT value FROM json_each(?)) ORDER BY id',
      ),
      change: db.prepare<[string, number, number]>('UPDATE referrals SET state = ?, version = version + 1 WHERE id = ? AND version = ?'),
      forgetEvents: db.prepare<[string]>('DELETE FROM referral_events WHERE referral_id IN (SELECT id FROM referrals WHERE jobseeker_id = ?)'),
      anonymise: db.prepare<[string, string]>('UPDATE referrals SET jobseeker_id = ?, reason = NULL, state = NULL WHERE jobseeker_id = ?'),
    };
  }

  async add(r: Omit<Referral, 'id' | 'at' | 'state' | 'version' | 'history'>, first: Omit<ReferralEvent, 'state'>): Promise<Referral> {
    const id = this.db.transaction(() => {
      const { id } = this.s.insert.get(r.jobseekerId, r.trainingId, r.keyId, r.counsellor, r.reason, first.at)!;
      this.s.event.run(id, 'referred', first.on, first.at, first.by, first.role, first.note);
      return id;
    }).immediate();
    return (await this.get(id))!;
  }

  async get(id: number): Promise<Referral | undefined> {
    const row = this.s.get.get(id);
    return row && this.withHistory([row])[0];
  }

  async ofJobseeker(jobseekerId: string): Promise<Referral[]> {
    return this.withHistory(this.s.forJobseeker.all(jobseekerId));
  }

  async change(id: number, version: number, event: ReferralEvent): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.s.change.run(event.state, id, version).changes === 0) return false;
      this.s.event.run(id, event.state, event.on, event.at, event.by, event.role, event.note);
      return true;
    }).immediate();
  }

  /** Erasure: the referral stays countable (training, date) but no longer names the person, the reason or what became of it. */
  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.db.transaction(() => {
      this.s.forgetEvents.run(jobseekerId);
      this.s.anonymise.run(this.tombstones.token(jobseekerId), jobseekerId);
    }).immediate();
  }

  private withHistory(rows: Row[]): Referral[] {
    if (rows.length === 0) return [];
    return referralsWithHistory(rows, this.s.events.all(JSON.stringify(rows.map((r) => r.id))));
  }
}
