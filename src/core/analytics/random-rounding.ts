import { createHmac } from 'node:crypto';
import { ROUNDING_BASE, SUPPRESSED, type Suppressed } from './suppression.js';

/**
 * Rounding that two reports cannot be subtracted through (the What works report, src/core/what-works).
 *
 * Rounding every count to the *nearest* 5 lets a pair of nested questions prove that one person is
 * in their difference: 13 hires in an employment area's twelve months are published as 15 (13–17),
 * 12 in its eleven months as 10 (8–12), so the month between them held at least one hire, which its
 * own report shows as "<5"; the same between an area and the area less one municipality. (Checked
 * with planted data: test/http/what-works-differencing.test.ts.) Here a count n = 5k + r of 3 or more
 * is rounded *at random* to 5k or 5k + 5, up with probability r/5 (unbiased), and one rounded to 0 is
 * shown as "<5"; 0 to 2 are always "<5". So "<5" stands for 0 … 4, 5 for 3 … 9 and any other 5k for
 * 5k−4 … 5k+4: the ranges of two counts one apart always overlap, so no pair of answers proves that
 * their populations differ by one person; no single answer shows fewer than 3 people, and two answers
 * at most narrow a count below 5 to 3 or 4 (a "<5" beside a 5 of the same people or fewer).
 *
 * The draw is keyed by the installation's secret and by the question (its municipalities, its period and
 * the cell): asking the same question again gives the same answer, so repeating it cannot average the
 * rounding away, and two questions over the same people may be rounded differently, so two different
 * answers do not prove different people. What is not promised: many *different* questions known to
 * cover the same people (periods reaching back before any data, places where only some municipalities
 * have any) each give another draw, and enough of them narrow the count (docs/analytics.md).
 */

/** A draw in [0, 1) for each cell of one question. */
export type CellDraws = (cell: string) => number;

/** The draws of one question (`question` names its area and period) under the installation's key. */
export function cellDraws(key: Buffer, question: string): CellDraws {
  return (cell) => createHmac('sha256', key).update(`${question}\0${cell}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** Counts below this are always "<5" (no answer shows one or two people); 3 and 4 are rounded at random, so "<5" and 5 overlap. */
export const ALWAYS_SUPPRESSED_BELOW = 3;

/** A count of people as it may be published: from 3 on, to a multiple of 5 at random (up with probability r/5); "<5" for 0. */
export function randomlyRounded(n: number, draw: number): number | Suppressed {
  if (n < ALWAYS_SUPPRESSED_BELOW) return SUPPRESSED;
  const below = Math.floor(n / ROUNDING_BASE) * ROUNDING_BASE;
  const rounded = draw < (n - below) / ROUNDING_BASE ? below + ROUNDING_BASE : below;
  return rounded === 0 ? SUPPRESSED : rounded;
}

/** The true counts a published count may stand for (what anyone reading it can work out). */
export function countsBehind(published: number | Suppressed): { low: number; high: number } {
  if (published === SUPPRESSED) return { low: 0, high: ROUNDING_BASE - 1 };
  return { low: Math.max(ALWAYS_SUPPRESSED_BELOW, published - ROUNDING_BASE + 1), high: published + ROUNDING_BASE - 1 };
}
