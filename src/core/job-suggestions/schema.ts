import { z } from 'zod';
import { multiLine, plausibleDate, recordId } from '../schemas/common.js';

/**
 * A vacancy a counsellor suggests a client apply for (a "job suggestion", as the Nordic services
 * call it: NAV's "stilling fra NAV"), and what became of it:
 * `suggested → applied → interview → offer → hired`, or `not-selected`, `declined` (with a reason),
 * `withdrawn`; a suggestion still `suggested` after its deadline is shown as `expired`.
 */
export const JOB_SUGGESTION_STATES = ['suggested', 'applied', 'interview', 'offer', 'hired', 'not-selected', 'declined', 'withdrawn', 'expired'] as const;
export type JobSuggestionState = (typeof JOB_SUGGESTION_STATES)[number];
/** The states a change may set (`suggested` is where each begins, `expired` comes with the deadline). */
export const SETTABLE_STATES = ['applied', 'interview', 'offer', 'hired', 'not-selected', 'declined', 'withdrawn'] as const;
export type SettableState = (typeof SETTABLE_STATES)[number];
/** What the employer unit records of a candidate shared with it; the rest is the counsellor's (the client tells them). */
export const EMPLOYER_STATES: readonly SettableState[] = ['interview', 'offer', 'hired', 'not-selected'];

/** Which state may follow which (a counsellor or admin may set any of them; an employer unit its own). */
export const NEXT_STATES: Record<JobSuggestionState, readonly SettableState[]> = {
  suggested: ['applied', 'interview', 'not-selected', 'declined', 'withdrawn'],
  applied: ['interview', 'offer', 'hired', 'not-selected', 'declined', 'withdrawn'],
  interview: ['offer', 'hired', 'not-selected', 'declined', 'withdrawn'],
  offer: ['hired', 'not-selected', 'declined', 'withdrawn'],
  hired: [],
  'not-selected': [],
  declined: [],
  withdrawn: [],
  expired: [],
};

/** Longest a suggestion's deadline may be ahead (days). */
export const DEADLINE_MAX_DAYS = 90;

/** POST /v1/jobseekers/:id/job-suggestions */
export const jobSuggestionInput = z
  .object({
    vacancyId: recordId,
    deadline: plausibleDate.optional().describe('Apply by this date (YYYY-MM-DD; default: the vacancy closes, or 14 days)'),
    consent: z
      .boolean()
      .describe("The client agreed that their name and contact details go to the vacancy's employer-services unit (the candidate is shared with it)"),
    note: multiLine(1000).optional().describe("The counsellor's note (seen by counsellors only)"),
  })
  .strict();
export type JobSuggestionInput = z.infer<typeof jobSuggestionInput>;

/** POST /v1/job-suggestions/:id/state */
export const jobSuggestionChange = z
  .object({
    state: z.enum(SETTABLE_STATES),
    reason: multiLine(500).optional().describe('Why (required for declined)'),
    version: z.number().int().min(1).describe('The version read: a change made by someone else since is refused (412), not overwritten'),
  })
  .strict();
export type JobSuggestionChange = z.infer<typeof jobSuggestionChange>;

export const jobSuggestionParams = z
  .object({ id: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a suggestion number (decimal digits)').transform(Number) })
  .strict();

/** One change of state: when, to what, by whom. */
export const jobSuggestionEvent = z.object({
  state: z.enum(JOB_SUGGESTION_STATES),
  at: z.string(),
  by: z.string().describe('The name of the person or key that made the change'),
  role: z.string(),
  reason: z.string().nullable(),
});
export type JobSuggestionEvent = z.infer<typeof jobSuggestionEvent>;

/** A suggestion as stored (see src/adapters/sqlite/job-suggestions.ts). */
export const storedJobSuggestion = z.object({
  id: z.number(),
  jobseekerId: recordId,
  vacancyId: recordId,
  /** The employer-services unit that owned the vacancy when it was suggested; null: none. */
  unit: z.string().nullable(),
  state: z.enum(JOB_SUGGESTION_STATES),
  deadline: z.string(),
  consent: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdKey: z.string(),
  createdName: z.string(),
  version: z.number(),
  history: z.array(jobSuggestionEvent),
});
export type StoredJobSuggestion = z.infer<typeof storedJobSuggestion>;

/** A suggestion as a caller sees it (employer units: no note; only suggestions the client consented to share). */
export const jobSuggestionView = z.object({
  id: z.number(),
  jobseekerId: z.string(),
  vacancyId: z.string(),
  vacancyTitle: z.string().optional(),
  employer: z.string().optional(),
  unit: z.string().nullable(),
  state: z.enum(JOB_SUGGESTION_STATES),
  deadline: z.string(),
  consent: z.boolean(),
  note: z.string().nullable().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number(),
  history: z.array(jobSuggestionEvent),
});
export type JobSuggestionView = z.infer<typeof jobSuggestionView>;
export const jobSuggestionList = z.object({ items: z.array(jobSuggestionView) });

/** A suggestion in the client's data export (GDPR access request). */
export type JobSuggestionExport = Omit<JobSuggestionView, 'jobseekerId'>;
