/**
 * Statistical disclosure control for counts of jobseekers (personal data) that planners see.
 *
 * Since 2026-12-07 every planner figure publishes its counts of people rounded *at random* under the
 * installation's key (random-rounding.ts, published-counts.ts): the nearest rounding below let two nested
 * questions be subtracted to prove one person (test/http/planner-differencing.test.ts). What stays here:
 * the threshold, the suppressed mark, the month end figures are counted at, and the nearest rule itself
 * (`jobseekerCount`), which the tests compare against. The rest of this comment is why counts are rounded
 * at all.
 *
 * Two rules, applied to every published count of jobseekers and to everything computed from one:
 * - **Suppression**: a count below 5 is shown as "<5".
 * - **Rounding**: a count of 5 or more is rounded to the nearest multiple of 5.
 *
 * Why rounding (and not complementary suppression): areas nest (municipality ⊂ employment area ⊂
 * region ⊂ country) and planners may ask for any of them, with filters, so a suppressed cell
 * could be recovered by subtracting the published cells of a nested area from its total (the
 * review recovered 6 suppressed cells exactly in 658 requests). Complementary suppression would
 * have to be solved across every combination of area and filter a planner can ask for. With every
 * count rounded, a difference of published counts is off by up to ±2.5 per term, so it gives a
 * range, never an exact small count. Gaps, ratios and shares are computed from the published
 * (rounded) counts, so they reveal nothing more. Counts of vacancies are not personal data and are
 * exact. What is not promised: a formal guarantee against an attacker combining very many
 * overlapping queries (rounding bounds what each query tells, not what all of them tell).
 */
export const MIN_JOBSEEKERS_SHOWN = 5;
export const ROUNDING_BASE = 5;

export type Suppressed = '<5';
export const SUPPRESSED: Suppressed = '<5';

/** A count of jobseekers as it may be published: rounded to a multiple of 5, or "<5". */
export function jobseekerCount(n: number): number | Suppressed {
  return n < MIN_JOBSEEKERS_SHOWN ? SUPPRESSED : Math.round(n / ROUNDING_BASE) * ROUNDING_BASE;
}

/** The published count to compute with, or null when it is suppressed. */
export function publishedCount(n: number): number | null {
  const shown = jobseekerCount(n);
  return shown === SUPPRESSED ? null : shown;
}

export const isSuppressed = (n: number) => n < MIN_JOBSEEKERS_SHOWN;

/**
 * The share `part / whole` of jobseekers as it may be published: worked out from the two published
 * (rounded) counts, never the exact ones, and null when either is suppressed. A share of the exact
 * counts gives the counts back: 1 of 6 is 0.17, which no other count of 5–7 makes, and a suppressed
 * "<5" beside a share of 0.15 over "5" people is a 1.
 */
export function publishedShare(part: number, whole: number): number | null {
  const p = publishedCount(part);
  const w = publishedCount(whole);
  return p === null || w === null ? null : Math.min(1, p / w);
}

/**
 * The day figures over jobseekers are counted at, for a day asked for: the last day of the month
 * before it, or the day itself when it is the last day of its month. Any figure derived from a
 * date (long-term unemployment from unemployment start dates, age bands) changes at most once a
 * month, so stepping `asOf` a day at a time cannot find the day a count flips, and with it one
 * person's start date (issue 28, L3). Answers carry the day used as their `asOf`.
 */
export function publishedAsOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const lastOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d === lastOfMonth ? day : new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}

/** Why a share is not published (see `smallPopulation`). */
export const SMALL_POPULATION = `fewer than ${MIN_JOBSEEKERS_SHOWN} jobseekers`;

/**
 * Whether a share, ratio or percentage over (or about) a population of jobseekers may not be
 * published: below the suppression threshold it describes few enough people to describe one.
 */
export const smallPopulation = (...populations: number[]) => populations.some((n) => n < MIN_JOBSEEKERS_SHOWN);
