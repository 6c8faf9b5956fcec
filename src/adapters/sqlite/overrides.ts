import type { Override } from '../../core/oversight/schema.js';
import type { Db } from './database.js';

type Row = { jobseeker_id: string; vacancy_id: string; action: Override['action']; reason: string; key_id: string | null; at: string };
const override = (r: Row): Override => ({ jobseekerId: r.jobseeker_id, vacancyId: r.vacancy_id, action: r.action, reason: r.reason, counsellor: r.key_id, at: r.at });

/** Counsellors' overrides of a client's suggestions. */
export class OverrideStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      put: db.prepare<[string, string, string, string, string | null, string]>(
        `INSERT INTO overrides (jobseeker_id, vacancy_id, action, reason, key_id, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (jobseeker_id, vacancy_id) DO UPDATE SET action = excluded.action, reason = excluded.reason, key_id = excluded.key_id, at = excluded.at`,
      ),
      of: db.prepare<[string], Row>('SELECT * FROM overrides WHERE jobseeker_id = ? ORDER BY at, vacancy_id'),
      remove: db.prepare<[string, string]>('DELETE FROM overrides WHERE jobseeker_id = ? AND vacancy_id = ?'),
      forget: db.prepare<[string]>('DELETE FROM overrides WHERE jobseeker_id = ?'),
    };
  }

  async put(o: Override): Promise<void> {
    this.s.put.run(o.jobseekerId, o.vacancyId, o.action, o.reason, o.counsellor, o.at);
  }

  async ofJobseeker(id: string): Promise<Override[]> {
    return this.s.of.all(id).map(override);
  }

  async remove(jobseekerId: string, vacancyId: string): Promise<boolean> {
    return this.s.remove.run(jobseekerId, vacancyId).changes > 0;
  }

  async forgetJobseeker(id: string): Promise<void> {
    this.s.forget.run(id);
  }
}
