import type pg from 'pg';
import type { Override } from '../../core/oversight/schema.js';
import type { OverrideStore } from '../sqlite/overrides.js';
import { LastRead } from './last-read.js';

type Row = { jobseeker_id: string; vacancy_id: string; action: Override['action']; reason: string; key_id: string | null; at: string };
const override = (r: Row): Override => ({ jobseekerId: r.jobseeker_id, vacancyId: r.vacancy_id, action: r.action, reason: r.reason, counsellor: r.key_id, at: r.at });

/** What the services call on counsellors' overrides (the SQLite adapter's public methods). */
export type OverridePort = Pick<OverrideStore, 'put' | 'ofJobseeker' | 'remove' | 'forgetJobseeker'>;

/**
 * Counsellors' overrides of a client's suggestions in PostgreSQL: one per client and vacancy, the
 * last one standing. A client's overrides as this node last read them answer while no primary is
 * reachable (a match applies them: see LastRead).
 */
export class PostgresOverrideStore implements OverridePort {
  private readonly lastRead = new LastRead<string, Override[]>();

  constructor(private readonly pool: pg.Pool) {}

  async put(o: Override): Promise<void> {
    this.lastRead.forget(o.jobseekerId);
    await this.pool.query(
      `INSERT INTO overrides (jobseeker_id, vacancy_id, action, reason, key_id, at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (jobseeker_id, vacancy_id) DO UPDATE SET action = excluded.action, reason = excluded.reason, key_id = excluded.key_id, at = excluded.at`,
      [o.jobseekerId, o.vacancyId, o.action, o.reason, o.counsellor, o.at],
    );
  }

  async ofJobseeker(id: string): Promise<Override[]> {
    const read = async () => (await this.pool.query<Row>('SELECT * FROM overrides WHERE jobseeker_id = $1 ORDER BY at, vacancy_id', [id])).rows.map(override);
    return (await this.lastRead.read(id, read))!;
  }

  async remove(jobseekerId: string, vacancyId: string): Promise<boolean> {
    this.lastRead.forget(jobseekerId);
    return ((await this.pool.query('DELETE FROM overrides WHERE jobseeker_id = $1 AND vacancy_id = $2', [jobseekerId, vacancyId])).rowCount ?? 0) > 0;
  }

  async forgetJobseeker(id: string): Promise<void> {
    this.lastRead.forget(id);
    await this.pool.query('DELETE FROM overrides WHERE jobseeker_id = $1', [id]);
  }
}
