import { createHash } from 'node:crypto';
import { cellDraws } from '../analytics/random-rounding.js';

/**
 * Shares of the exposure report as they may be published: the exact value plus keyed pseudo-random noise,
 * rounded to 2 decimals and kept within 0 … 1 (exposure.ts explains what this protects and where it stops).
 *
 * The noise is the sum of three uniform draws (Irwin–Hall), scaled to lie within ± SHARE_NOISE_BOUND:
 * standard deviation 0.05, bell-shaped, and *bounded*, so that the report's intervals, widened by the bound,
 * hold the exact share whatever the draw and noise never flags a group. (Laplace noise of the same spread,
 * the textbook choice, has long tails: over 200 installation keys it flagged a group in 16 reports of a
 * ranking that knows nothing of the groups, and missed a planted penalty in 23.) Its draws are keyed by the
 * installation's secret, by a digest of the ranked content the shares come from (contentDigest) and by the
 * cell (the group): the same question over the same rankings gives the same answer, so asking it again
 * averages nothing away, and any change of who is ranked where, who lives in the area or which group they
 * are in gives fresh draws.
 */

/**
 * The noise lies within ± this (standard deviation a third of it, 0.05; of the difference of two answers
 * 0.071). One ranked person moves a share by at most 1/21 ≈ 0.048 between two reports at the smallest size
 * that publishes shares (one ranking more among 20: sample s against s + 1), and by 0.031 as the 21st
 * position of 20 rankings alike (k = 20 against 21); see exposure.ts.
 */
export const SHARE_NOISE_BOUND = 0.15;
/** How far a published share may be from the exact one: the noise's bound and half the last decimal. */
export const SHARE_MARGIN = SHARE_NOISE_BOUND + 0.005;

/**
 * A group's share is published only when enough of its members were ranked, decided against a threshold
 * drawn for each group and report uniformly within FEW_RANKED_FROM … FEW_RANKED_TO: never with 0–2 members
 * ranked, always from 8, and with 3 … 7 members with chance 0.1, 0.3, 0.5, 0.7, 0.9. One person more moves
 * that chance by at most 0.2, so a pair of nested reports (k = 20 against 21) guesses whether the person
 * between them is a group's n-th member right at most 60 % of the time; the exact rule of 1–4 (privacy-10)
 * told it every time, and 0 shown beside 1 hidden told the first member.
 */
export const FEW_RANKED_FROM = 2.5;
export const FEW_RANKED_TO = 7.5;

/** A share as published, a spread (never published, it widens the intervals), each with its own draws, and whether a group's share may be shown at all. */
export interface NoisedShares {
  share(cell: string, exact: number): number;
  spread(cell: string, exact: number): number;
  /** Whether enough of a group's members were ranked (`ranked` distinct ones) to publish its share: see FEW_RANKED_FROM. */
  enoughRanked(cell: string, ranked: number): boolean;
}

/** Noise within ± bound from three uniform draws in [0, 1): their sum, centred and scaled. */
export const boundedNoise = (draws: [number, number, number], bound: number) => ((draws[0] + draws[1] + draws[2] - 1.5) / 1.5) * bound;

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
  const noise = (cell: string) => boundedNoise([draw(`${cell}\0${1}`), draw(`${cell}\0${2}`), draw(`${cell}\0${3}`)], SHARE_NOISE_BOUND);
  return {
    share: (cell, exact) => round2(within(exact + noise(`share\0${cell}`), 1)),
    spread: (cell, exact) => within(exact + noise(`spread\0${cell}`), 0.5),
    enoughRanked: (cell, ranked) => ranked >= FEW_RANKED_FROM + draw(`ranked\0${cell}`) * (FEW_RANKED_TO - FEW_RANKED_FROM),
  };
}
