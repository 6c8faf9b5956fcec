import { cellDraws, randomlyRounded, type CellDraws } from '../analytics/random-rounding.js';
import { MIN_JOBSEEKERS_SHOWN, ROUNDING_BASE, SUPPRESSED, type Suppressed } from '../analytics/suppression.js';
import type { EffectHorizon } from './schema.js';

/**
 * A training's effect as it may be published: only from counts rounded at random, as What works rounds
 * its suggestion counts (src/core/analytics/random-rounding.ts), with the same draws for the same
 * question. Published to 0.01 from the exact counts, two reports whose periods differ by one referral
 * told that participant's outcome: 10 of 25 employed against 40 comparison clients is an effect of 0.10,
 * one more participant gives 0.13 if employed and 0.09 if not. Here the participants and those of them
 * employed are counts rounded at random to a multiple of 5, the comparison clients' share is rounded at
 * random to a multiple of 0.05, and the employed share, the effect and its interval are worked out from
 * those alone. Two reports one participant apart then give ranges that overlap whatever that participant's
 * outcome, so no pair of them proves it (test/http/what-works-differencing.test.ts).
 *
 * The interval stays honest: beside the sampling error of the participants' share and of the comparison
 * rates, it counts the rounding's own error — a count rounded at random this way is off by at most 4,
 * with a variance of 4 on average over the remainders, a share rounded to 0.05 by 0.05²/6 — and where
 * the employed participants are "<5" (0 … 4, read as 0) its upper end reaches the 2 more that "<5" may
 * hide below 3. The half-width is rounded up, never down.
 */

/** The measured counts a published effect is made from (training-effects.ts MeasuredEffect). */
export interface EffectCounts {
  months: number;
  participants: number;
  /** Of them, employed within the horizon. */
  employedParticipants: number;
  comparisonClients: number;
  /** The mean comparison rate of the participants, and its variance (from the comparison clients alone). */
  comparison: number;
  comparisonVariance: number;
}

/** Participants and comparison clients (published) below which no effect is given. */
export const MIN_EVIDENCE = 20;

const SHARE_STEP = 0.05;
/**
 * The variance random rounding to a multiple of 5 adds to a count: r(5 − r) for a remainder r, 4 on
 * average over the remainders 0 … 4 (the remainder itself is what must not be published, so the mean).
 */
const COUNT_ROUNDING_VARIANCE = (ROUNDING_BASE ** 2 - 1) / 6;
/** The same for a share rounded at random to 0.05: step² × f(1 − f), step²/6 on average over its fraction f. */
const SHARE_ROUNDING_VARIANCE = SHARE_STEP ** 2 / 6;
/** How much more "<5" may hide than the 0 it is read as: 1 and 2 are always "<5" (3 and 4 are rounded unbiasedly). */
const SUPPRESSED_BIAS = 2;

const to2 = (x: number) => Math.round(x * 100) / 100 + 0;
/** To the nearest multiple of `step` (a function of published figures only). */
const nearest = (x: number, step: number) => to2(Math.round(x / step) * step);

/** The draws of one What works question: its people's municipalities (all of Finland when none) and its whole-month period. */
export function questionDraws(key: Buffer, municipalities: string[] | undefined, from: string, to: string): CellDraws {
  // An area and a region of the same municipalities (or a municipality asked by name or code) are one question, one set of draws.
  const place = municipalities ? [...municipalities].sort().join(',') : 'Finland';
  return cellDraws(key, `what-works\0${place}\0${from}\0${to}`);
}

/** A share (0 … 1) rounded at random to a multiple of 0.05, up with the probability of its remainder (unbiased). */
export function randomlyRoundedShare(share: number, draw: number): number {
  const steps = share / SHARE_STEP;
  const below = Math.floor(steps + 1e-9);
  const rest = steps - below; // a share already on the grid (to within floating point) stays where it is
  return to2(Math.min(1, (rest > 1e-9 && draw < rest ? below + 1 : below) * SHARE_STEP));
}

/** The cell a group of referrals is rounded under: its trainings, so that a provider of one training is the same cell as that training (one draw, not two to average). */
export const effectCell = (trainingIds: Iterable<string>) => `trainings.${[...new Set(trainingIds)].sort().join(',')}`;

/** One horizon as it may be published, from the randomly rounded counts of `cell` (effectCell) under the question's draws. */
export function publishedHorizon(m: EffectCounts, cell: string, draw: CellDraws): EffectHorizon {
  const at = `${cell}.${m.months}m`;
  const participants = randomlyRounded(m.participants, draw(`${at}.participants`));
  const employedParticipants = randomlyRounded(m.employedParticipants, draw(`${at}.employed`));
  const comparisonClients = randomlyRounded(m.comparisonClients, draw(`${at}.comparisonClients`));
  const n = participants === SUPPRESSED ? 0 : participants;
  const comparison = n >= MIN_JOBSEEKERS_SHOWN ? randomlyRoundedShare(m.comparison, draw(`${at}.comparison`)) : null;
  const shareOfN = (k: number | Suppressed) => (k === SUPPRESSED || n === 0 ? null : Math.min(1, k / n));
  const employed = shareOfN(employedParticipants);
  const enough = n >= MIN_EVIDENCE && comparisonClients !== SUPPRESSED && comparisonClients >= MIN_EVIDENCE && comparison !== null;
  const base = { months: m.months, participants, comparisonClients, employed: employed === null ? null : nearest(employed, SHARE_STEP), comparison };
  if (!enough) return { ...base, effect: null, low: null, high: null, evidence: 'not enough' };
  const pT = employed ?? 0; // "<5" read as 0: see SUPPRESSED_BIAS
  const effect = pT - comparison;
  const variance = (pT * (1 - pT)) / n + m.comparisonVariance + (COUNT_ROUNDING_VARIANCE * (1 + pT * pT)) / (n * n) + SHARE_ROUNDING_VARIANCE;
  const half = Math.ceil(1.96 * Math.sqrt(variance) * 100 - 1e-9) / 100;
  const hidden = employed === null ? SUPPRESSED_BIAS / n : 0;
  return {
    ...base,
    effect: to2(effect),
    low: to2(Math.floor((effect - half) * 100 + 1e-9) / 100),
    high: to2(Math.ceil((effect + half + hidden) * 100 - 1e-9) / 100),
    evidence: 'enough',
  };
}

/** What a counsellor's training list and the training plan read of a training's effect: one with enough evidence, as What works publishes it. */
export interface PublishedEffect {
  months: number;
  effect: number;
  low: number;
  high: number;
  participants: number;
}

/** The horizon's effect where it has enough evidence, in the shape the plan and the training list read. */
export function givenEffect(h: EffectHorizon): PublishedEffect | undefined {
  if (h.evidence !== 'enough' || h.effect === null || h.low === null || h.high === null || h.participants === SUPPRESSED) return undefined;
  return { months: h.months, effect: h.effect, low: h.low, high: h.high, participants: h.participants };
}
