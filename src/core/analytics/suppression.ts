/** Cells counting fewer jobseekers than this are not shown (statistical disclosure control). */
export const MIN_JOBSEEKERS_SHOWN = 5;

export type Suppressed = '<5';
export const SUPPRESSED: Suppressed = '<5';

/** A count of jobseekers as it may be published: the number, or "<5". */
export function jobseekerCount(n: number): number | Suppressed {
  return n < MIN_JOBSEEKERS_SHOWN ? SUPPRESSED : n;
}

export const isSuppressed = (n: number) => n < MIN_JOBSEEKERS_SHOWN;
