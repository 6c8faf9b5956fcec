import { createHash } from 'node:crypto';
import { cellDraws } from '../analytics/random-rounding.js';

/**
 * Shares of the exposure report as they may be published: the exact value plus keyed pseudo-random noise,
 * rounded to 2 decimals and kept within 0 … 1 (exposure.ts explains what this protects and where it stops).
 *
 * The noise is Laplace-distributed with scale SHARE_NOISE_SCALE. Its draw is keyed by the installation's
 * secret, by a digest of the ranked content the shares come from (contentDigest) and by the cell (the group):
 * the same question over the same rankings gives the same answer, so asking it again averages nothing away,
 * and any change of who is ranked where, who lives in the area or which group they are in gives fresh draws.
 */

/**
 * Scale of the noise (Laplace b): standard deviation b·√2 ≈ 0.071, so the difference of two answers has a
 * standard deviation of 0.1. One ranked person moves a share by at most 1/21 ≈ 0.048 between two reports at
 * the smallest size that publishes shares (one ranking more among 20, sample s against s + 1; or the 21st
 * position of 20 rankings alike, k = 20 against 21: 0.031); see exposure.ts.
 */
export const SHARE_NOISE_SCALE = 0.05;
/** The noise lies within ± this with 95 % probability (b · ln 20): the report's intervals are widened by it. */
export const SHARE_NOISE_95 = SHARE_NOISE_SCALE * Math.log(20);

/** A share as published, and a spread (never published, it widens the intervals) with its own draw. */
export interface NoisedShares {
  share(cell: string, exact: number): number;
  spread(cell: string, exact: number): number;
}

/** A Laplace draw of scale b from a uniform one in [0, 1). */
export function laplace(u: number, b: number): number {
  const centred = Math.min(Math.max(u, 2 ** -48), 1 - 2 ** -48) - 0.5;
  return -b * Math.sign(centred) * Math.log(1 - 2 * Math.abs(centred));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const within = (x: number, high: number) => Math.min(high, Math.max(0, x));

/**
 * A digest of what the shares are computed from (never published: it only keys the draws): each ranking as
 * its positions, each either outside the area or a jobseeker with their groups; the rankings in sorted order
 * (a mean does not depend on it).
 */
export function contentDigest(rankings: string[][], describe: (id: string) => string | undefined): string {
  const lines = rankings.map((items) => items.map((id) => describe(id) ?? '-').join('\u0001')).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
}

/** The noised shares of one report's content under the installation's key. */
export function noisedShares(key: Buffer, content: string): NoisedShares {
  const draw = cellDraws(key, `exposure shares\0${content}`);
  return {
    share: (cell, exact) => round2(within(exact + laplace(draw(`share\0${cell}`), SHARE_NOISE_SCALE), 1)),
    spread: (cell, exact) => within(exact + laplace(draw(`spread\0${cell}`), SHARE_NOISE_SCALE), 0.5),
  };
}
