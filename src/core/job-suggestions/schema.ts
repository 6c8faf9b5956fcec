import { z } from 'zod';
import { multiLine, plausibleDate, recordId } from '../schemas/common.js';
import { JOB_SUGGESTION_STATES, SETTABLE_STATES } from './states.js';

/**
 * A vacancy a counsellor suggests a client apply for (a "job suggestion", as the Nordic services
 * call it: NAV's "stilling fra NAV"), and what became of it (the states: ./states.ts, zod-free for
 * the web app).
 */
export { EMPLOYER_STATES, JOB_SUGGESTION_STATES, NEXT_STATES, SETTABLE_STATES, type JobSuggestionState, type SettableState } from './states.js';

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

/**
 * A suggestion as a caller sees it. Employer units: only suggestions the client consented to share,
 * no note, and the client by the pseudonym of the vacancy's candidate list (never the client's id),
 * with name and contact while the share lasts.
 */
export const jobSuggestionView = z.object({
  id: z.number(),
  jobseekerId: z.string().describe("The client's id; for employer units the candidate's pseudonym on this vacancy's list"),
  name: z.string().optional().describe('Employer units: the candidate’s name while they are shared with the unit'),
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).optional().describe('Employer units: while shared'),
  shared: z.boolean().optional().describe('Employer units: whether the client is shared with the unit now (name and contact shown)'),
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
export type JobSuggestionList = z.infer<typeof jobSuggestionList>;

/** A suggestion in the client's data export (GDPR access request). */
export type JobSuggestionExport = Omit<JobSuggestionView, 'jobseekerId'>;
