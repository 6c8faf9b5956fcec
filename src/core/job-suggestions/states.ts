// No imports: the web app takes the states from here too (without zod).

/**
 * What became of a suggested vacancy:
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

/** The states that need a reason with them (the service refuses the change without one). */
export const REASON_REQUIRED: readonly SettableState[] = ['declined'];
