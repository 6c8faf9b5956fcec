import { jobseekerCount, MIN_JOBSEEKERS_SHOWN, publishedShare } from '../analytics/suppression.js';
import type { TrainingEffect } from './schema.js';

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
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;

function durationBand(since: string | null, on: string): string {
  if (!since) return '?';
  const months = daysBetween(since, on) / 30.44;
  return months < 6 ? '<6' : months < 12 ? '6-12' : months < 24 ? '12-24' : '24+';
}
function ageBand(birthYear: number | null, on: string): string {
  if (birthYear === null) return '?';
  const age = Number(on.slice(0, 4)) - birthYear;
  return age < 25 ? '<25' : age < 35 ? '25-34' : age < 50 ? '35-49' : '50+';
}
/** The matching cell of a client on a day. */
const cellOf = (c: ClientFacts, on: string) => `${c.isco?.[0] ?? '?'}|${durationBand(c.unemployedSince, on)}|${ageBand(c.birthYear, on)}`;
/** Employed within `days` after `on` (an employment event on a later day, up to that many days after). */
const employedWithin = (c: ClientFacts, on: string, days: number) => {
  const last = addDays(on, days);
  return c.employed.some((d) => d > on && d <= last);
};
/** Still without work on `on`: unemployed since before it, and no employment event between. */
const jobless = (c: ClientFacts, on: string) => c.unemployedSince !== null && c.unemployedSince <= on && !c.employed.some((d) => d >= c.unemployedSince! && d <= on);

/** To `step`, as a number a person reads (never -0). */
const round = (x: number, step: number) => Math.round(Math.round(x / step) * step * 100) / 100 + 0;
const roundShare = (share: number | null) => (share === null ? null : round(share, 0.05));

/** The effects of each training and provider of the referrals given, as they may be published. */
export function trainingEffects(referrals: ReferralFacts[], clients: ClientFacts[], today: string): { trainings: TrainingEffect[]; providers: TrainingEffect[] } {
  const byId = new Map(clients.map((c) => [c.jobseekerId, c]));
  const controlsByGroup = new Map<string, ClientFacts[]>();
  for (const c of clients) {
    if (c.referred) continue;
    const group = c.isco?.[0] ?? '?';
    controlsByGroup.set(group, [...(controlsByGroup.get(group) ?? []), c]);
  }
  /** The comparison clients of a cell on a day, and their employment rate at each horizon (remembered). */
  const comparisons = new Map<string, { ids: string[]; rates: number[] }>();
  const comparison = (client: ClientFacts, on: string) => {
    const cell = cellOf(client, on);
    const key = `${cell}|${on}`;
    let found = comparisons.get(key);
    if (!found) {
      const pool = (controlsByGroup.get(client.isco?.[0] ?? '?') ?? []).filter((c) => jobless(c, on) && cellOf(c, on) === cell);
      found = { ids: pool.map((c) => c.jobseekerId), rates: HORIZONS.map((h) => (pool.length === 0 ? 0 : pool.filter((c) => employedWithin(c, on, h.days)).length / pool.length)) };
      comparisons.set(key, found);
    }
    return found;
  };
  const effectOf = (label: { trainingId?: string; title?: string; provider: string }, group: ReferralFacts[]): TrainingEffect => {
    const completed = group.filter((r) => r.state === 'completed').length;
    const interrupted = group.filter((r) => r.state === 'interrupted').length;
    const ended = completed + interrupted;
    const horizons = HORIZONS.map((h, i) => {
      let n = 0;
      let employed = 0;
      let comparisonSum = 0;
      let comparisonVariance = 0;
      const controls = new Set<string>();
      for (const r of group) {
        const client = byId.get(r.jobseekerId);
        if (!client || !r.endedOn || addDays(r.endedOn, h.days) > today) continue; // not observed long enough yet
        const c = comparison(client, r.endedOn);
        if (c.ids.length === 0) continue; // no comparison client in its cell: left out
        n++;
        if (employedWithin(client, r.endedOn, h.days)) employed++;
        const p = c.rates[i]!;
        comparisonSum += p;
        comparisonVariance += (p * (1 - p)) / c.ids.length;
        for (const id of c.ids) controls.add(id);
      }
      const enough = n >= MIN_EVIDENCE && controls.size >= MIN_EVIDENCE;
      const pT = n > 0 ? employed / n : 0;
      const pC = n > 0 ? comparisonSum / n : 0;
      const se = n > 0 ? Math.sqrt((pT * (1 - pT)) / n + comparisonVariance / (n * n)) : 0;
      const effect = pT - pC;
      return {
        months: h.months,
        participants: jobseekerCount(n),
        comparisonClients: jobseekerCount(controls.size),
        // From the published counts (see publishedShare): the exact share would give a suppressed count back.
        employed: roundShare(publishedShare(employed, n)),
        comparison: n >= MIN_JOBSEEKERS_SHOWN ? round(pC, 0.05) : null,
        effect: enough ? round(effect, 0.01) : null,
        low: enough ? round(effect - 1.96 * se, 0.01) : null,
        high: enough ? round(effect + 1.96 * se, 0.01) : null,
        evidence: enough ? ('enough' as const) : ('not enough' as const),
      };
    });
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
    for (const r of referrals) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.values()];
  };
  const byReferred = (a: TrainingEffect, b: TrainingEffect) => (typeof b.referred === 'number' ? b.referred : 0) - (typeof a.referred === 'number' ? a.referred : 0);
  return {
    trainings: grouped((r) => r.trainingId).map((g) => effectOf({ trainingId: g[0]!.trainingId, title: g[0]!.title, provider: g[0]!.provider }, g)).sort(byReferred),
    providers: grouped((r) => r.provider).map((g) => effectOf({ provider: g[0]!.provider }, g)).sort(byReferred),
  };
}
