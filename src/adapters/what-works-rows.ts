import { SUBSIDY_WINDOW_DAYS, type FunnelStep, type SuggestionOutcome } from '../core/what-works/schema.js';

/** What both engines' "what works" sources (sqlite/ and postgres/what-works-source.ts) do with the rows they read. */

/** The day after `day` (the last day of a period whole: everything before the next day). */
export const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The furthest funnel step among a suggestion's states (an interview implies an application, a hire every step). */
const STEP_OF: Record<string, FunnelStep | undefined> = { applied: 'applied', interview: 'interview', offer: 'offer', hired: 'hired' };
const ORDER: FunnelStep[] = ['suggested', 'applied', 'interview', 'offer', 'hired'];

export interface SuggestionRow {
  jobseeker_id: string;
  created_at: string;
  unemployed_since: string | null;
  /** The states the suggestion reached, comma-separated. */
  states: string | null;
  hired_at: string | null;
  published: string | null;
  rank: number | null;
  /** The days the client's pay-subsidised employments began (outcome events `employed-subsidised`), comma-separated. */
  subsidised_on: string | null;
}

/** The outcomes of the suggestions read (the day a year before each suggestion's worked out once per day). */
export function suggestionOutcomes(rows: SuggestionRow[]): SuggestionOutcome[] {
  const yearBefore = new Map<string, string>();
  const dayYearBefore = (day: string) => {
    let found = yearBefore.get(day);
    if (found === undefined) {
      found = new Date(Date.parse(`${day}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
      yearBefore.set(day, found);
    }
    return found;
  };
  return rows.map((r) => suggestionOutcome(r, dayYearBefore));
}

function suggestionOutcome(r: SuggestionRow, dayYearBefore: (day: string) => string): SuggestionOutcome {
  let reached: FunnelStep = 'suggested';
  for (const state of r.states?.split(',') ?? []) {
    const step = STEP_OF[state];
    if (step && ORDER.indexOf(step) > ORDER.indexOf(reached)) reached = step;
  }
  const suggestedOn = r.created_at.slice(0, 10);
  const yearBefore = dayYearBefore(suggestedOn);
  const days = (a: string, b: string) => Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
  return {
    jobseekerId: r.jobseeker_id,
    reached,
    rank: r.rank,
    longTerm: r.unemployed_since !== null && r.unemployed_since <= yearBefore,
    daysToHire: reached === 'hired' && r.hired_at && r.published ? Math.max(0, days(r.published, r.hired_at)) : null,
    // Hired, and the registers have the client in pay-subsidised work beginning near the hire.
    subsidised: reached === 'hired' && r.hired_at !== null && (r.subsidised_on?.split(',') ?? []).some((on) => Math.abs(days(on, r.hired_at!)) <= SUBSIDY_WINDOW_DAYS),
  };
}
