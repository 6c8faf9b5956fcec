import type { Clock } from '../clock.js';
import { dayOf } from '../clock.js';
import { invalidInput, problem } from '../errors.js';
import type { AnalysisArea } from '../analytics/schema.js';
import { jobseekerCount, MIN_JOBSEEKERS_SHOWN, publishedAsOf, publishedCount, publishedShare } from '../analytics/suppression.js';
import { trainingEffects, type ClientFacts, type ReferralFacts } from './training-effects.js';
import { FUNNEL_STEPS, RANK_BANDS, type FunnelStep, type PublishedRate, type RankBand, type SuggestionOutcome, type WhatWorks } from './schema.js';

/** Where the outcomes of job suggestions come from (src/adapters/sqlite/what-works-source.ts). */
export interface WhatWorksSource {
  /** Every suggestion made from `from` to `to` (days, inclusive) to a client living in one of `municipalities` (all when undefined). */
  suggestionOutcomes(filter: { municipalities?: string[]; from: string; to: string }): Promise<SuggestionOutcome[]>;
  /**
   * The referrals to trainings made from `from` to `to` to clients living in the area, and every
   * client of the area (the comparison clients among them) with their employment events.
   */
  trainingFacts(filter: { municipalities?: string[]; from: string; to: string }): Promise<{ referrals: ReferralFacts[]; clients: ClientFacts[] }>;
}

/** Longest period one report covers (days). */
const MAX_PERIOD_DAYS = 3 * 366;

/** The first day of the twelve whole months ending on `to` (a month end). */
function firstOfYearBefore(to: string): string {
  const [y, m] = to.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y - 1, m, 1)).toISOString().slice(0, 10);
}

const stepIndex = (s: FunnelStep) => FUNNEL_STEPS.indexOf(s);
const reached = (o: SuggestionOutcome, step: FunnelStep) => stepIndex(o.reached) >= stepIndex(step);

export function rankBand(rank: number | null): RankBand {
  if (rank === null) return 'not shown';
  if (rank === 1) return '1';
  if (rank <= 3) return '2-3';
  if (rank <= 10) return '4-10';
  if (rank <= 20) return '11-20';
  return '21+';
}

/**
 * A share as it may be published: to 0.05, with its 95 % margin to 0.01, worked out from the published
 * (rounded) counts and none where either is suppressed (see publishedShare: a share of the exact
 * counts would give a suppressed count back).
 */
export function publishedRate(hits: number, of: number): PublishedRate {
  const p = publishedShare(hits, of);
  if (p === null) return { rate: null, margin95: null };
  const n = publishedCount(of)!;
  const step = (x: number, by: number) => Math.round(Math.round(x / by) * by * 100) / 100;
  return { rate: step(p, 0.05), margin95: step(1.96 * Math.sqrt((p * (1 - p)) / n), 0.01) };
}

function median(values: number[]): number | null {
  if (values.length < MIN_JOBSEEKERS_SHOWN) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * Hires with a pay subsidy beside all hires. The count is rounded on its own and the share worked out
 * from the two published counts, never from the exact ones (a share to 0.05 of ten hires would give
 * the exact count, and with it the hires without a subsidy); no count of hires without a subsidy is
 * published, so all less subsidised stays a range (see suppression.ts).
 */
function subsidisedApart(allHires: number | '<5', outcomes: SuggestionOutcome[]): WhatWorks['paySubsidy'] {
  const hires = jobseekerCount(outcomes.filter((o) => o.reached === 'hired' && o.subsidised).length);
  const share = hires === '<5' || allHires === '<5' || allHires === 0 ? null : Math.min(1, Math.round((hires / allHires) * 20) / 20);
  return { hires, share };
}

/**
 * "What works" for planners (issue 33): what became of the vacancies counsellors suggested in an
 * area and period — the funnel from suggestion to hire, long-term unemployed clients placed, days to
 * fill, and hire and interview rates by the rank at which the engine showed the vacancy. Aggregates
 * only, with the analytics' rounding and suppression: every count of suggestions (each is one
 * client's) is rounded to 5 or "<5", shares are given to 0.05 and none over fewer than 5, and a
 * period is whole calendar months (`to` taken back to the last month end, `from` to its month's first day).
 */
export class WhatWorksReport {
  constructor(
    private readonly source: WhatWorksSource,
    private readonly clock: Clock,
  ) {}

  async report(area: AnalysisArea, query: { from?: string; to?: string }): Promise<WhatWorks> {
    // Whole months only (see publishedAsOf): stepping `from` or `to` a day at a time cannot find the day a
    // rounded count flips, and with it the day one client applied or was hired.
    const to = publishedAsOf(query.to ?? dayOf(this.clock()));
    const from = query.from ? `${query.from.slice(0, 7)}-01` : firstOfYearBefore(to);
    if (from > to) throw invalidInput([problem('from', 'period_days_order', { from, to })]);
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS) throw invalidInput([problem('from', 'period_too_long', { max: MAX_PERIOD_DAYS })]);
    const filter = { ...(area.municipalities ? { municipalities: area.municipalities } : {}), from, to };
    const outcomes = await this.source.suggestionOutcomes(filter);
    const facts = await this.source.trainingFacts(filter);
    const effects = trainingEffects(facts.referrals, facts.clients, dayOf(this.clock()));
    const funnel = Object.fromEntries(FUNNEL_STEPS.map((step) => [step, jobseekerCount(outcomes.filter((o) => reached(o, step)).length)])) as WhatWorks['funnel'];
    const clients = new Set(outcomes.map((o) => o.jobseekerId));
    const hired = new Set(outcomes.filter((o) => o.reached === 'hired').map((o) => o.jobseekerId));
    const longTerm = new Set(outcomes.filter((o) => o.longTerm).map((o) => o.jobseekerId));
    const longTermHired = new Set(outcomes.filter((o) => o.longTerm && o.reached === 'hired').map((o) => o.jobseekerId));
    const days = outcomes.flatMap((o) => (o.reached === 'hired' && o.daysToHire !== null ? [o.daysToHire] : []));
    const byRank = RANK_BANDS.map((rank) => {
      const band = outcomes.filter((o) => rankBand(o.rank) === rank);
      const interviews = band.filter((o) => reached(o, 'interview')).length;
      const hires = band.filter((o) => reached(o, 'hired')).length;
      return {
        rank,
        suggestions: jobseekerCount(band.length),
        interviews: jobseekerCount(interviews),
        hires: jobseekerCount(hires),
        subsidisedHires: jobseekerCount(band.filter((o) => o.reached === 'hired' && o.subsidised).length),
        interviewRate: publishedRate(interviews, band.length),
        hireRate: publishedRate(hires, band.length),
      };
    });
    return {
      area,
      from,
      to,
      funnel,
      clients: {
        suggested: jobseekerCount(clients.size),
        hired: jobseekerCount(hired.size),
        longTermSuggested: jobseekerCount(longTerm.size),
        longTermHired: jobseekerCount(longTermHired.size),
        longTermPlaced: publishedRate(longTermHired.size, longTerm.size),
      },
      daysToFill: { median: median(days), hires: jobseekerCount(days.length) },
      paySubsidy: subsidisedApart(funnel.hired, outcomes),
      byRank,
      trainings: effects.trainings,
      providers: effects.providers,
    };
  }
}
