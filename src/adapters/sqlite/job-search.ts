import type { StoredObligationChange, StoredReportedApplication } from '../../core/job-search/schema.js';
import type { JobSearchStore } from '../../core/job-search/service.js';
import type { Db } from './database.js';
import { obligationChangeOf as change, reportedApplicationOf as reported, type ChangeRow, type ReportedRow } from '../rows/job-search.js';


/** Job-search obligations and reported applications (see src/core/job-search/service.ts). Personal data: erased with the client. */
export class SqliteJobSearchStore implements JobSearchStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      change: db.prepare<[string, number, string, string, string]>('INSERT INTO obligation_changes (jobseeker_id, per_month, reason, at, actor) VALUES (?, ?, ?, ?, ?)'),
      changes: db.prepare<[string], ChangeRow>('SELECT * FROM obligation_changes WHERE jobseeker_id = ? ORDER BY id DESC'),
      report: db.prepare<[string, string, string, string, string | null, string, string], { id: number }>(
        'INSERT INTO reported_applications (jobseeker_id, applied_on, employer, title, vacancy_id, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      between: db.prepare<[string, string, string], ReportedRow>('SELECT * FROM reported_applications WHERE jobseeker_id = ? AND applied_on BETWEEN ? AND ? ORDER BY applied_on'),
      reported: db.prepare<[string], ReportedRow>('SELECT * FROM reported_applications WHERE jobseeker_id = ? ORDER BY applied_on'),
      forgetChanges: db.prepare<[string]>('DELETE FROM obligation_changes WHERE jobseeker_id = ?'),
      forgetReported: db.prepare<[string]>('DELETE FROM reported_applications WHERE jobseeker_id = ?'),
    };
  }

  async changeObligation(c: StoredObligationChange): Promise<void> {
    this.s.change.run(c.jobseekerId, c.perMonth, c.reason, c.at, c.actor);
  }

  async obligationChanges(jobseekerId: string): Promise<StoredObligationChange[]> {
    return this.s.changes.all(jobseekerId).map(change);
  }

  async addReported(a: Omit<StoredReportedApplication, 'id'>): Promise<StoredReportedApplication> {
    const { id } = this.s.report.get(a.jobseekerId, a.appliedOn, a.employer, a.title, a.vacancyId ?? null, a.at, a.actor)!;
    return { ...a, id };
  }

  async reportedBetween(jobseekerId: string, from: string, to: string): Promise<StoredReportedApplication[]> {
    return this.s.between.all(jobseekerId, from, to).map(reported);
  }

  async ofJobseeker(jobseekerId: string) {
    return { obligation: await this.obligationChanges(jobseekerId), reported: this.s.reported.all(jobseekerId).map(reported) };
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.db.transaction(() => {
      this.s.forgetChanges.run(jobseekerId);
      this.s.forgetReported.run(jobseekerId);
    }).immediate();
  }
}
