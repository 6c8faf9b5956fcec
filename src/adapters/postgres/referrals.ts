import type pg from 'pg';
import type { Referral, ReferralEvent } from '../../core/referrals/schema.js';
import type { ReferralStore } from '../../core/referrals/service.js';
import type { Tombstones } from '../sqlite/tombstones.js';
import { referralsWithHistory, type ReferralEventRow as EventRow, type ReferralRow as Row } from '../rows/referrals.js';
import { inTransaction } from './pool.js';


const EVENT = 'INSERT INTO referral_events (referral_id, state, happened_on, at, actor, role, note) VALUES ($1, $2, $3, $4, $5, $6, $7)';

/**
 * Referrals of jobseekers to trainings in PostgreSQL, as SqliteReferralStore keeps them: the state
 * changes only from the version read (checked in the UPDATE itself: of two changes from the same
 * version, the second finds the row changed and updates nothing). Erasure keeps only an anonymous
 * count (training, date).
 */
export class PostgresReferralStore implements ReferralStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tombstones: Tombstones,
  ) {}

  async add(r: Omit<Referral, 'id' | 'at' | 'state' | 'version' | 'history'>, first: Omit<ReferralEvent, 'state'>): Promise<Referral> {
    const id = await inTransaction(this.pool, async (c) => {
      const { rows } = await c.query<{ id: number }>(
        "INSERT INTO referrals (jobseeker_id, training_id, key_id, counsellor, reason, at, state) VALUES ($1, $2, $3, $4, $5, $6, 'referred') RETURNING id",
        [r.jobseekerId, r.trainingId, r.keyId, r.counsellor, r.reason, first.at],
      );
      await c.query(EVENT, [rows[0]!.id, 'referred', first.on, first.at, first.by, first.role, first.note]);
      return rows[0]!.id;
    });
    return (await this.get(id))!;
  }

  async get(id: number): Promise<Referral | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM referrals WHERE id = $1', [id]);
    return (await this.withHistory(rows))[0];
  }

  async ofJobseeker(jobseekerId: string): Promise<Referral[]> {
    return this.withHistory((await this.pool.query<Row>('SELECT * FROM referrals WHERE jobseeker_id = $1 ORDER BY id', [jobseekerId])).rows);
  }

  async change(id: number, version: number, event: ReferralEvent): Promise<boolean> {
    return inTransaction(this.pool, async (c) => {
      const { rowCount } = await c.query('UPDATE referrals SET state = $1, version = version + 1 WHERE id = $2 AND version = $3', [event.state, id, version]);
      if (rowCount === 0) return false;
      await c.query(EVENT, [id, event.state, event.on, event.at, event.by, event.role, event.note]);
      return true;
    });
  }

  /** Erasure: the referral stays countable (training, date) but no longer names the person, the reason or what became of it. */
  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM referral_events WHERE referral_id IN (SELECT id FROM referrals WHERE jobseeker_id = $1)', [jobseekerId]);
      await c.query('UPDATE referrals SET jobseeker_id = $1, reason = NULL, state = NULL WHERE jobseeker_id = $2', [this.tombstones.token(jobseekerId), jobseekerId]);
    });
  }

  private async withHistory(rows: Row[]): Promise<Referral[]> {
    if (rows.length === 0) return [];
    const events = await this.pool.query<EventRow>(
      'SELECT referral_id, state, happened_on, at, actor, role, note FROM referral_events WHERE referral_id = ANY($1::bigint[]) ORDER BY id',
      [rows.map((r) => r.id)],
    );
    return referralsWithHistory(rows, events.rows);
  }
}
