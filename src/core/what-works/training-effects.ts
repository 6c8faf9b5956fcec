import { randomlyRounded, type CellDraws } from '../analytics/random-rounding.js';
import { SUPPRESSED, type Suppressed } from '../analytics/suppression.js';
import type { TrainingEffect } from './schema.js';
import { effectCell, givenEffect, MIN_EVIDENCE, publishedHorizon, type PublishedEffect } from './published-effects.js';
import { ageBand, ComparisonPool, dayNumber, durationBandOfDays, type CellOnDay } from './comparison-pool.js';

/**
 * Per training (and per provider): completion, and employment 3 and 6 months after the training
 * ended against a matched comparison group of similar clients who were not referred to any
 * training — exact matching on the ISCO major group of the client's occupation, the band of
 * unemployment duration and the age band at the day the training ended, within the report's area
 * (each participant gets the comparison rate of its cell; the effect is the participants' rate
 * minus the mean of those, i.e. the effect on the participants). Where the participants observed
 * long enough, or the comparison clients, are fewer than MIN_EVIDENCE, the answer says "not enough
 * evidence" and gives no effect. Everything published comes from counts rounded at random under the
 * question's draws (published-effects.ts): no pair of reports one participant apart tells their outcome.
 */

export { MIN_EVIDENCE };
/** The horizons, in months and the days counted for them. */
export const HORIZONS = [
  { months: 3, days: 91 },
  { months: 6, days: 182 },
] as const;

export interface ClientFacts {
  jobseekerId: string;
  /** ISCO-08 code of the client's occupation (any length); null when unknown. */
  isco: string | null;
  unemployedSince: string | null;
  birthYear: number | null;
  /** Referred to any training, ever (not a comparison client). */
  referred: boolean;
  /** Days (YYYY-MM-DD) of the client's employment events (open market, subsidised, self-employed), sorted. */
  employed: string[];
}

export interface ReferralFacts {
  jobseekerId: string;
  trainingId: string;
  title: string;
  provider: string;
  state: string;
  /** The day the training was completed or interrupted; null while under way or when it never started. */
  endedOn: string | null;
}

const DAY = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The matching cell of a client on a day: ISCO major group, unemployment-duration band, age band. */
function cellOf(c: ClientFacts, on: string): { group: string; duration: string; age: string } {
  return {
    group: c.isco?.[0] ?? '?',
    duration: c.unemployedSince ? durationBandOfDays(dayNumber(on) - dayNumber(c.unemployedSince)) : '?',
    age: ageBand(c.birthYear, on),
  };
}
/** Employed within `days` after `on` (an employment event on a later day, up to that many days after). */
const employedWithin = (c: ClientFacts, on: string, days: number) => {
  const last = addDays(on, days);
  return c.employed.some((d) => d > on && d <= last);
};

/** A share of two published counts to 0.05; null when either is "<5" or the whole is 0. */
const shareOfPublished = (part: number | Suppressed, whole: number | Suppressed) =>
  part === SUPPRESSED || whole === SUPPRESSED || whole === 0 ? null : Math.round(Math.min(1, part / whole) * 20) / 20;

/** One horizon's effect as measured, before rounding and suppression: never published as it is. */
export interface MeasuredEffect {
  months: number;
  /** Participants observed long enough who had comparison clients. */
  participants: number;
  /** Distinct comparison clients. */
  comparisonClients: number;
  /** Of them, employed within the horizon; their share, and the mean of their comparison rates. */
  employedParticipants: number;
  employed: number;
  comparison: number;
  /** The variance of `comparison` (from the comparison clients' rates, once per cell the participants share). */
  comparisonVariance: number;
  /** employed − comparison, and its standard error (normal approximation), on the exact counts (benchmarks only: never published). */
  effect: number;
  se: number;
  /** At least MIN_EVIDENCE participants and comparison clients: the report gives the effect. */
  enough: boolean;
}

/**
 * The measurer of effects over these clients (comparison cells remembered between calls): for a group
 * of referrals, each horizon's effect on the participants against their matched comparison clients.
 */
export function effectMeasurer(clients: ClientFacts[], today: string): (group: ReferralFacts[]) => MeasuredEffect[] {
  const byId = new Map(clients.map((c) => [c.jobseekerId, c]));
  const pool = new ComparisonPool(clients.filter((c) => !c.referred));
  const days = HORIZONS.map((h) => h.days);
  /** The comparison clients of a cell on a day and their employment rate at each horizon (remembered). */
  const comparisons = new Map<string, { cell: CellOnDay; rates: number[] }>();
  const comparison = (client: ClientFacts, on: string) => {
    const { group, duration, age } = cellOf(client, on);
    const key = `${group}|${duration}|${age}|${on}`;
    let found = comparisons.get(key);
    if (!found) {
      const cell = pool.cell(group, duration, age, on, days);
      found = { cell, rates: cell.employedWithin.map((k) => (cell.jobless === 0 ? 0 : k / cell.jobless)) };
      comparisons.set(key, found);
    }
    return found;
  };
  /** Each referral's part in each horizon, worked out once (a referral is measured with its training and again with its provider). */
  const parts = new Map<ReferralFacts, ({ c: { cell: CellOnDay; rates: number[] }; employed: boolean } | null)[]>();
  const partsOf = (r: ReferralFacts) => {
    let found = parts.get(r);
    if (!found) {
      const client = byId.get(r.jobseekerId);
      let c: { cell: CellOnDay; rates: number[] } | undefined;
      found = HORIZONS.map((h) => {
        if (!client || !r.endedOn || addDays(r.endedOn, h.days) > today) return null; // not observed long enough yet
        c ??= comparison(client, r.endedOn);
        if (c.cell.jobless === 0) return null; // no comparison client in its cell: left out
        return { c, employed: employedWithin(client, r.endedOn, h.days) };
      });
      parts.set(r, found);
    }
    return found;
  };
  return (group) =>
    HORIZONS.map((h, i) => {
      let n = 0;
      let employed = 0;
      let comparisonSum = 0;
      /** Participants per comparison cell: those of one cell share one estimated rate, so its variance counts once per cell, weighted by their number squared. */
      const shared = new Map<{ cell: CellOnDay; rates: number[] }, number>();
      for (const r of group) {
        const part = partsOf(r)[i];
        if (!part) continue;
        const { c } = part;
        n++;
        if (part.employed) employed++;
        comparisonSum += c.rates[i]!;
        shared.set(c, (shared.get(c) ?? 0) + 1);
      }
      // Distinct comparison clients over the group's cells, each client read once.
      const controls = pool.distinct([...shared.keys()].map((c) => c.cell));
      let comparisonVariance = 0;
      for (const [c, m] of shared) comparisonVariance += (m * m * c.rates[i]! * (1 - c.rates[i]!)) / c.cell.jobless;
      const pT = n > 0 ? employed / n : 0;
      const pC = n > 0 ? comparisonSum / n : 0;
      const se = n > 0 ? Math.sqrt((pT * (1 - pT)) / n + comparisonVariance / (n * n)) : 0;
      const enough = n >= MIN_EVIDENCE && controls >= MIN_EVIDENCE;
      return { months: h.months, participants: n, comparisonClients: controls, employedParticipants: employed, employed: pT, comparison: pC, comparisonVariance: n > 0 ? comparisonVariance / (n * n) : 0, effect: pT - pC, se, enough };
    });
}

/**
 * Per training, the effect at `months` after the end as What works publishes it (rounded at random under
 * the question's draws), where the published counts give enough evidence for one.
 */
export function measuredEffects(referrals: ReferralFacts[], clients: ClientFacts[], today: string, months: number, draw: CellDraws): Map<string, PublishedEffect> {
  const measure = effectMeasurer(clients, today);
  const byTraining = new Map<string, ReferralFacts[]>();
  for (const r of referrals) {
    const group = byTraining.get(r.trainingId);
    if (group) group.push(r);
    else byTraining.set(r.trainingId, [r]);
  }
  const found = new Map<string, PublishedEffect>();
  for (const [id, group] of byTraining) {
    const at = measure(group).find((m) => m.months === months);
    const given = at && givenEffect(publishedHorizon(at, effectCell([id]), draw));
    if (given) found.set(id, given);
  }
  return found;
}

/** The effects of each training and provider of the referrals given, as they may be published. */
export function trainingEffects(referrals: ReferralFacts[], clients: ClientFacts[], today: string, draw: CellDraws): { trainings: TrainingEffect[]; providers: TrainingEffect[] } {
  const measure = effectMeasurer(clients, today);
  const effectOf = (label: { trainingId?: string; title?: string; provider: string }, group: ReferralFacts[]): TrainingEffect => {
    const cell = effectCell(group.map((r) => r.trainingId));
    const count = (name: string, n: number) => randomlyRounded(n, draw(`${cell}.${name}`));
    const completed = count('completed', group.filter((r) => r.state === 'completed').length);
    const interrupted = count('interrupted', group.filter((r) => r.state === 'interrupted').length);
    // Completion from the published counts: one of its own ("ended") would be a third draw over the same people.
    const ended = completed === SUPPRESSED ? interrupted : interrupted === SUPPRESSED ? completed : completed + interrupted;
    return {
      ...(label.trainingId ? { trainingId: label.trainingId, title: label.title! } : {}),
      provider: label.provider,
      referred: count('referred', group.length),
      completed,
      interrupted,
      completion: shareOfPublished(completed, ended),
      horizons: measure(group).map((m) => publishedHorizon(m, cell, draw)),
    };
  };
  const grouped = (key: (r: ReferralFacts) => string) => {
    const groups = new Map<string, ReferralFacts[]>();
    for (const r of referrals) {
      const group = groups.get(key(r));
      if (group) group.push(r);
      else groups.set(key(r), [r]);
    }
    return [...groups.values()];
  };
  const byReferred = (a: TrainingEffect, b: TrainingEffect) => (typeof b.referred === 'number' ? b.referred : 0) - (typeof a.referred === 'number' ? a.referred : 0);
  return {
    trainings: grouped((r) => r.trainingId).map((g) => effectOf({ trainingId: g[0]!.trainingId, title: g[0]!.title, provider: g[0]!.provider }, g)).sort(byReferred),
    providers: grouped((r) => r.provider).map((g) => effectOf({ provider: g[0]!.provider }, g)).sort(byReferred),
  };
}
