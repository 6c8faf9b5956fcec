import type { Clock } from '../clock.js';
import { dayOf } from '../clock.js';
import { invalidInput, problem } from '../errors.js';
import type { AnalysisArea } from '../analytics/schema.js';
import { jobseekerCount, MIN_JOBSEEKERS_SHOWN, publishedAsOf, SUPPRESSED, type Suppressed } from '../analytics/suppression.js';
import { randomlyRounded } from '../analytics/random-rounding.js';
import { questionDraws } from './published-effects.js';
import { trainingEffects, type ClientFacts, type ReferralFacts } from './training-effects.js';
import { FUNNEL_STEPS, RANK_BANDS, type FunnelStep, type PublishedRate, type RankBand, type SuggestionOutcome, type WhatWorks } from './schema.js';
import { perStep } from './steps.js';

/** Where the outcomes of job suggestions come from (src/adapters/sqlite/what-works-source.ts). */
export interface WhatWorksSource {
  /** Every suggestion made from `from` to `to` (days, inclusive) to a client living in one of `municipalities` (all when undefined). */
  suggestionOutcomes(filter: { municipalities?: string[]; from: string; to: string }): Promise<SuggestionOutcome[]>;
  /**
   * The referrals to trainings made from `from` to `to` to clients living in the area, and every
   * client of the area (the comparison clients among them) with their employment events; no clients
   * when there is no referral (nothing to compare them with).
   */
  trainingFacts(filter: { municipalities?: string[]; from: string; to: string }): Promise<{ referrals: ReferralFacts[]; clients: ClientFacts[] }>;
}

/** Longest period one report covers (days). */
const MAX_PERIOD_DAYS = 3 * 366;

/** The first day of the twelve whole months ending on `to` (a month end). */
function firstOfYearBefore(to: string): string {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
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
 * A share as it may be published: to 0.05, with its 95 % margin to 0.01, worked out from the two
 * published counts and none where either is "<5" (a share of the exact counts would give a suppressed
 * count back).
 */
export function rateOfPublished(hits: number | Suppressed, of: number | Suppressed): PublishedRate {
  if (hits === SUPPRESSED || of === SUPPRESSED) return { rate: null, margin95: null };
  const p = Math.min(1, hits / of);
  const step = (x: number, by: number) => Math.round(Math.round(x / by) * by * 100) / 100;
  return { rate: step(p, 0.05), margin95: step(1.96 * Math.sqrt((p * (1 - p)) / of), 0.01) };
}

/** The share of two exact counts rounded to the nearest 5 (the rule before random rounding; kept for its tests' figures). */
export const publishedRate = (hits: number, of: number): PublishedRate => rateOfPublished(jobseekerCount(hits), jobseekerCount(of));

/**
 * A middle value of the hires' days, null below 5 hires: one of the three around the median, which one
 * drawn per question. An exact median is a function of the hires alone, so two nested questions whose
 * medians differ would prove a hire between them; a drawn middle value may differ for the same hires.
 */
function middleValue(values: number[], draw: number): number | null {
  if (values.length < MIN_JOBSEEKERS_SHOWN) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(values.length / 2) + Math.min(1, Math.floor(draw * 3) - 1)]!;
}

/**
 * Hires with a pay subsidy beside all hires. The two counts are rounded on their own and the share
 * worked out from them, never from the exact ones (a share to 0.05 of ten hires would give the exact
 * count, and with it the hires without a subsidy); no count of hires without a subsidy is published,
 * so all less subsidised stays a range (see random-rounding.ts).
 */
function subsidisedApart(allHires: number | Suppressed, hires: number | Suppressed): WhatWorks['paySubsidy'] {
  const share = hires === SUPPRESSED || allHires === SUPPRESSED || allHires === 0 ? null : Math.min(1, Math.round((hires / allHires) * 20) / 20);
  return { hires, share };
}

/**
 * "What works" for planners (issue 33): what became of the vacancies counsellors suggested in an
 * area and period — the funnel from suggestion to hire, long-term unemployed clients placed, days to
 * fill, and hire and interview rates by the rank at which the engine showed the vacancy. Aggregates
 * only: every count of suggestions (each is one client's), and every count behind the training effects, is rounded at random to a multiple of 5, the
 * same for the same question (src/core/analytics/random-rounding.ts: no pair of questions can be
 * subtracted to find one person), "<5" when rounded to 0; shares are worked out from the published counts,
 * and a period is whole calendar months (`to` taken back to the last month end, `from` to its month's first day).
 */
export class WhatWorksReport {
  constructor(
    private readonly source: WhatWorksSource,
    private readonly clock: Clock,
    /** Keys the rounding's draws (the installation's secret: src/runtime/secret.ts). */
    private readonly key: Buffer,
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
    // The question is its people's place and period: an area and a region of the same municipalities (or a
    // municipality asked by name or code) are one question, with one set of draws, not two to average.
    const draw = questionDraws(this.key, area.municipalities, from, to);
    const effects = trainingEffects(facts.referrals, facts.clients, dayOf(this.clock()), draw);
    const count = (cell: string, n: number) => randomlyRounded(n, draw(cell));
    const funnel: WhatWorks['funnel'] = perStep((step) => count(`funnel.${step}`, outcomes.filter((o) => reached(o, step)).length));
    const clients = new Set(outcomes.map((o) => o.jobseekerId));
    const hired = new Set(outcomes.filter((o) => o.reached === 'hired').map((o) => o.jobseekerId));
    const longTerm = new Set(outcomes.filter((o) => o.longTerm).map((o) => o.jobseekerId));
    const longTermHired = new Set(outcomes.filter((o) => o.longTerm && o.reached === 'hired').map((o) => o.jobseekerId));
    const days = outcomes.flatMap((o) => (o.reached === 'hired' && o.daysToHire !== null ? [o.daysToHire] : []));
    const byRank = RANK_BANDS.map((rank) => {
      const band = outcomes.filter((o) => rankBand(o.rank) === rank);
      const suggestions = count(`byRank.${rank}.suggestions`, band.length);
      const interviews = count(`byRank.${rank}.interviews`, band.filter((o) => reached(o, 'interview')).length);
      const hires = count(`byRank.${rank}.hires`, band.filter((o) => reached(o, 'hired')).length);
      return {
        rank,
        suggestions,
        interviews,
        hires,
        subsidisedHires: count(`byRank.${rank}.subsidisedHires`, band.filter((o) => o.reached === 'hired' && o.subsidised).length),
        interviewRate: rateOfPublished(interviews, suggestions),
        hireRate: rateOfPublished(hires, suggestions),
      };
    });
    const longTermPublished = count('clients.longTermSuggested', longTerm.size);
    const longTermHiredPublished = count('clients.longTermHired', longTermHired.size);
    return {
      area,
      from,
      to,
      funnel,
      clients: {
        suggested: count('clients.suggested', clients.size),
        hired: count('clients.hired', hired.size),
        longTermSuggested: longTermPublished,
        longTermHired: longTermHiredPublished,
        longTermPlaced: rateOfPublished(longTermHiredPublished, longTermPublished),
      },
      daysToFill: { median: middleValue(days, draw('daysToFill.median')), hires: count('daysToFill.hires', days.length) },
      paySubsidy: subsidisedApart(funnel.hired, count('paySubsidy.hires', outcomes.filter((o) => o.reached === 'hired' && o.subsidised).length)),
      byRank,
      trainings: effects.trainings,
      providers: effects.providers,
    };
  }
}
