import { jobseekerCount, MIN_JOBSEEKERS_SHOWN, publishedShare } from '../analytics/suppression.js';
import type { TrainingEffect } from './schema.js';
import { ageBand, ComparisonPool, dayNumber, durationBandOfDays, type CellOnDay } from './comparison-pool.js';

/**
 * Per training (and per provider): completion, and employment 3 and 6 months after the training
 * ended against a matched comparison group of similar clients who were not referred to any
 * training — exact matching on the ISCO major group of the client's occupation, the band of
 * unemployment duration and the age band at the day the training ended, within the report's area
 * (each participant gets the comparison rate of its cell; the effect is the participants' rate
 * minus the mean of those, i.e. the effect on the participants). Where the participants observed
 * long enough, or the comparison clients, are fewer than MIN_EVIDENCE, the answer says "not enough
 * evidence" and gives no effect.
 */

/** Participants (and comparison clients) below which no effect is given. */
export const MIN_EVIDENCE = 20;
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

/** To `step`, as a number a person reads (never -0). */
const round = (x: number, step: number) => Math.round(Math.round(x / step) * step * 100) / 100 + 0;
const roundShare = (share: number | null) => (share === null ? null : round(share, 0.05));

/** One horizon's effect as measured, before rounding and suppression: never published as it is. */
export interface MeasuredEffect {
  months: number;
  /** Participants observed long enough who had comparison clients. */
  participants: number;
  /** Distinct comparison clients. */
  comparisonClients: number;
  /** Participants employed within the horizon, and the mean of their comparison rates. */
  employed: number;
  comparison: number;
  /** employed − comparison, and its standard error (normal approximation). */
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
      return { months: h.months, participants: n, comparisonClients: controls, employed: pT, comparison: pC, effect: pT - pC, se, enough: n >= MIN_EVIDENCE && controls >= MIN_EVIDENCE };
    });
}

/** Per training, the effect at `months` after the end where there is enough evidence for the report to give one. */
export function measuredEffects(referrals: ReferralFacts[], clients: ClientFacts[], today: string, months: number): Map<string, MeasuredEffect> {
  const measure = effectMeasurer(clients, today);
  const byTraining = new Map<string, ReferralFacts[]>();
  for (const r of referrals) {
    const group = byTraining.get(r.trainingId);
    if (group) group.push(r);
    else byTraining.set(r.trainingId, [r]);
  }
  const found = new Map<string, MeasuredEffect>();
  for (const [id, group] of byTraining) {
    const at = measure(group).find((m) => m.months === months);
    if (at?.enough) found.set(id, at);
  }
  return found;
}

/** A measured effect with enough evidence as it may be published: to 0.01, its 95 % interval, participants rounded to 5. */
export function publishedEffect(m: MeasuredEffect) {
  return {
    months: m.months,
    effect: round(m.effect, 0.01),
    low: round(m.effect - 1.96 * m.se, 0.01),
    high: round(m.effect + 1.96 * m.se, 0.01),
    participants: jobseekerCount(m.participants),
  };
}

/** The effects of each training and provider of the referrals given, as they may be published. */
export function trainingEffects(referrals: ReferralFacts[], clients: ClientFacts[], today: string): { trainings: TrainingEffect[]; providers: TrainingEffect[] } {
  const measure = effectMeasurer(clients, today);
  const effectOf = (label: { trainingId?: string; title?: string; provider: string }, group: ReferralFacts[]): TrainingEffect => {
    const completed = group.filter((r) => r.state === 'completed').length;
    const interrupted = group.filter((r) => r.state === 'interrupted').length;
    const ended = completed + interrupted;
    const horizons = measure(group).map((m) => ({
      months: m.months,
      participants: jobseekerCount(m.participants),
      comparisonClients: jobseekerCount(m.comparisonClients),
      // From the published counts (see publishedShare): the exact share would give a suppressed count back.
      employed: roundShare(publishedShare(Math.round(m.employed * m.participants), m.participants)),
      comparison: m.participants >= MIN_JOBSEEKERS_SHOWN ? round(m.comparison, 0.05) : null,
      effect: m.enough ? round(m.effect, 0.01) : null,
      low: m.enough ? round(m.effect - 1.96 * m.se, 0.01) : null,
      high: m.enough ? round(m.effect + 1.96 * m.se, 0.01) : null,
      evidence: m.enough ? ('enough' as const) : ('not enough' as const),
    }));
    return {
      ...(label.trainingId ? { trainingId: label.trainingId, title: label.title! } : {}),
      provider: label.provider,
      referred: jobseekerCount(group.length),
      completed: jobseekerCount(completed),
      interrupted: jobseekerCount(interrupted),
      completion: roundShare(publishedShare(completed, ended)),
      horizons,
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
