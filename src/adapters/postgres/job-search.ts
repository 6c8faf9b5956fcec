import type pg from 'pg';
import type { StoredObligationChange, StoredReportedApplication } from '../../core/job-search/schema.js';
import type { JobSearchStore } from '../../core/job-search/service.js';
import { obligationChangeOf as change, reportedApplicationOf as reported, type ChangeRow, type ReportedRow } from '../rows/job-search.js';
import { inTransaction } from './pool.js';


/** Job-search obligations and reported applications in PostgreSQL (see SqliteJobSearchStore). Erased with the client. */
export class PostgresJobSearchStore implements JobSearchStore {
  constructor(private readonly pool: pg.Pool) {}

  async changeObligation(c: StoredObligationChange): Promise<void> {
    await this.pool.query('INSERT INTO obligation_changes (jobseeker_id, per_month, reason, at, actor) VALUES ($1, $2, $3, $4, $5)', [c.jobseekerId, c.perMonth, c.reason, c.at, c.actor]);
  }

  async obligationChanges(jobseekerId: string): Promise<StoredObligationChange[]> {
    return (await this.pool.query<ChangeRow>('SELECT * FROM obligation_changes WHERE jobseeker_id = $1 ORDER BY id DESC', [jobseekerId])).rows.map(change);
  }

  async addReported(a: Omit<StoredReportedApplication, 'id'>): Promise<StoredReportedApplication> {
    const { rows } = await this.pool.query<{ id: number }>(
      'INSERT INTO reported_applications (jobseeker_id, applied_on, employer, title, vacancy_id, at, actor) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [a.jobseekerId, a.appliedOn, a.employer, a.title, a.vacancyId ?? null, a.at, a.actor],
    );
    return { ...a, id: rows[0]!.id };
  }

  async reportedBetween(jobseekerId: string, from: string, to: string): Promise<StoredReportedApplication[]> {
    const { rows } = await this.pool.query<ReportedRow>(
      'SELECT * FROM reported_applications WHERE jobseeker_id = $1 AND applied_on BETWEEN $2 AND $3 ORDER BY applied_on, id',
      [jobseekerId, from, to],
    );
    return rows.map(reported);
  }

  async ofJobseeker(jobseekerId: string) {
    const { rows } = await this.pool.query<ReportedRow>('SELECT * FROM reported_applications WHERE jobseeker_id = $1 ORDER BY applied_on, id', [jobseekerId]);
    return { obligation: await this.obligationChanges(jobseekerId), reported: rows.map(reported) };
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM obligation_changes WHERE jobseeker_id = $1', [jobseekerId]);
      await c.query('DELETE FROM reported_applications WHERE jobseeker_id = $1', [jobseekerId]);
    });
  }
}
