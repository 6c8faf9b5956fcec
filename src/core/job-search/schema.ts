import { z } from 'zod';
import { multiLine, pastDate, recordId, singleLine } from '../schemas/common.js';

/**
 * The job-search obligation of the Nordic labour service model (Finland, since 2022): a client
 * applies for a set number of jobs per review period — by default four a month, which the
 * employment authority may lower (e.g. where few suitable jobs exist nearby). Kohtaanto counts the
 * applications (from suggestions and as the client reports them) and, as decision support, the
 * suitable open vacancies within the client's commuting range. It imposes nothing: a person decides.
 */
export const DEFAULT_APPLICATIONS_PER_MONTH = 4;
export const MAX_APPLICATIONS_PER_MONTH = 4;
/** Least length of the reason for changing a client's obligation (the audit keeps it). */
export const OBLIGATION_REASON_MIN = 10;

/** PUT /v1/jobseekers/:id/job-search/obligation */
export const obligationChange = z
  .object({
    perMonth: z.number().int().min(0).max(MAX_APPLICATIONS_PER_MONTH).describe(`Applications per month, 0–${MAX_APPLICATIONS_PER_MONTH} (default ${DEFAULT_APPLICATIONS_PER_MONTH})`),
    reason: multiLine(1000).refine((r) => r.length >= OBLIGATION_REASON_MIN, { message: `at least ${OBLIGATION_REASON_MIN} characters: say why` }),
  })
  .strict();
export type ObligationChange = z.infer<typeof obligationChange>;

/** POST /v1/jobseekers/:id/applications: an application the client reports (not from a suggestion). */
export const reportedApplicationInput = z
  .object({
    appliedOn: pastDate,
    employer: singleLine(200),
    title: singleLine(200),
    vacancyId: recordId.optional().describe('When the vacancy is in Kohtaanto'),
  })
  .strict();
export type ReportedApplicationInput = z.infer<typeof reportedApplicationInput>;

/** GET /v1/jobseekers/:id/job-search?month=YYYY-MM */
export const jobSearchQuery = z
  .object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month (YYYY-MM)').optional().describe('The review period (default: this month)') })
  .strict();
export type JobSearchQuery = z.infer<typeof jobSearchQuery>;

export const obligationView = z.object({
  perMonth: z.number(),
  reason: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type ObligationView = z.infer<typeof obligationView>;

export const countedApplication = z.object({
  appliedOn: z.string(),
  source: z.enum(['suggestion', 'reported']),
  vacancyId: z.string().nullable(),
  employer: z.string().nullable(),
  title: z.string().nullable(),
});
export type CountedApplication = z.infer<typeof countedApplication>;

export const jobSearchView = z.object({
  jobseekerId: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  obligation: obligationView,
  applications: z.array(countedApplication),
  applied: z.number().describe('Applications counted in the period'),
  /** Decision support for the obligation: how many suitable vacancies there are to apply for. */
  suitableOpenVacancies: z
    .number()
    .describe('Open vacancies suitable for the client within their commuting range now (of the best matches looked at; see README)'),
  changes: z.array(obligationView).describe("Changes of the client's obligation, newest first"),
});
export type JobSearchView = z.infer<typeof jobSearchView>;

/** A reported application as stored, and as answered when recorded. */
export const storedReportedApplication = reportedApplicationInput.extend({ id: z.number(), jobseekerId: z.string(), at: z.string(), actor: z.string() });
export type StoredReportedApplication = z.infer<typeof storedReportedApplication>;

/** An obligation change as stored. */
export const storedObligationChange = z.object({ jobseekerId: z.string(), perMonth: z.number(), reason: z.string(), at: z.string(), actor: z.string() });
export type StoredObligationChange = z.infer<typeof storedObligationChange>;

/** What the client's data export holds of their job search. */
export const jobSearchExport = z.object({
  obligationChanges: z.array(obligationView),
  reportedApplications: z.array(
    z.object({ id: z.number(), appliedOn: z.string(), employer: z.string(), title: z.string(), vacancyId: z.string().optional(), at: z.string(), actor: z.string() }),
  ),
});
export type JobSearchExport = z.infer<typeof jobSearchExport>;
