import type { StoredObligationChange, StoredReportedApplication } from '../../core/job-search/schema.js';

/** Rows of `obligation_changes` and `reported_applications`, the same in SQLite and PostgreSQL. */
export type ChangeRow = { jobseeker_id: string; per_month: number; reason: string; at: string; actor: string };
export type ReportedRow = { id: number; jobseeker_id: string; applied_on: string; employer: string; title: string; vacancy_id: string | null; at: string; actor: string };

export const obligationChangeOf = (r: ChangeRow): StoredObligationChange => ({ jobseekerId: r.jobseeker_id, perMonth: r.per_month, reason: r.reason, at: r.at, actor: r.actor });
export const reportedApplicationOf = (r: ReportedRow): StoredReportedApplication => ({
  id: r.id,
  jobseekerId: r.jobseeker_id,
  appliedOn: r.applied_on,
  employer: r.employer,
  title: r.title,
  ...(r.vacancy_id ? { vacancyId: r.vacancy_id } : {}),
  at: r.at,
  actor: r.actor,
});
