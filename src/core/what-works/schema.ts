import { z } from 'zod';
import { analysisArea, areaQuery, publishedCount } from '../analytics/schema.js';
import { labelLang } from '../schemas/skills.js';
import { FUNNEL_STEPS, perStep, RANK_BANDS, type FunnelStep } from './steps.js';

export { FUNNEL_STEPS, RANK_BANDS, type FunnelStep, type RankBand } from './steps.js';

const date = z.iso.date();

/** GET /v1/analytics/what-works */
export const whatWorksQuery = areaQuery
  .extend({
    from: date.optional().describe('Suggestions made from the first day of this day\'s month (default: the twelve months up to `to`)'),
    to: date.optional().describe('Suggestions made up to this day, taken back to the last day of the month before unless it is a month end (default: today); the answer gives the days used'),
    lang: labelLang,
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type WhatWorksQuery = z.infer<typeof whatWorksQuery>;

/**
 * What became of one job suggestion, as the report counts it (never leaves the core: the report
 * publishes only rounded counts over many of them). `reached` is the furthest step of the funnel.
 */
export interface SuggestionOutcome {
  jobseekerId: string;
  reached: FunnelStep;
  /** 1-based position of the vacancy in the last ranking that showed it to a counsellor before the suggestion; null: not shown by the engine. */
  rank: number | null;
  /** The client had been unemployed 12 months or more when the vacancy was suggested. */
  longTerm: boolean;
  /** Days from the vacancy's publication to the hire; null when not hired or the publication day is unknown. */
  daysToHire: number | null;
  /**
   * Hired with a pay subsidy: the registers record the client's pay-subsidised employment (outcome
   * `employed-subsidised`) beginning within SUBSIDY_WINDOW_DAYS of the hire, either side.
   */
  subsidised: boolean;
}

/** How far apart a hire and the register's pay-subsidised employment may begin to be the same job (days). */
export const SUBSIDY_WINDOW_DAYS = 90;

/** A rate over published counts: null when a count is suppressed or too small to publish a share (see suppression.ts). */
export const publishedRate = z.object({
  rate: z.number().nullable().describe('Share to 0.05; null when fewer than 5 are counted'),
  margin95: z.number().nullable().describe('Half-width of the 95 % interval (normal approximation), to 0.01'),
});
export type PublishedRate = z.infer<typeof publishedRate>;


/** One horizon of a training's (or provider's) effect on employment. */
export const effectHorizon = z.object({
  months: z.number(),
  participants: publishedCount.describe('Participants whose training ended long enough ago and who had comparison clients'),
  comparisonClients: publishedCount.describe('Distinct similar clients not referred to any training, compared with them'),
  employed: z.number().nullable().describe('Share of participants employed within the horizon after the end, from the two published counts (to 0.05; null when either is "<5")'),
  comparison: z.number().nullable().describe("Their comparison clients' share employed over the same days, rounded at random to a multiple of 0.05"),
  effect: z
    .number()
    .nullable()
    .describe(
      'Employed participants over participants (both published counts) less the published comparison share, with its 95 % interval (low, high) that also counts the rounding\'s own error; null: not enough evidence',
    ),
  low: z.number().nullable(),
  high: z.number().nullable(),
  evidence: z.enum(['enough', 'not enough']).describe('"not enough" below 20 participants observed or 20 comparison clients (as published)'),
});
export type EffectHorizon = z.infer<typeof effectHorizon>;

/** A training's (or, without trainingId, a provider's) completion and effect on employment. */
export const trainingEffect = z.object({
  trainingId: z.string().optional(),
  title: z.string().optional(),
  provider: z.string(),
  referred: publishedCount,
  completed: publishedCount,
  interrupted: publishedCount,
  completion: z.number().nullable().describe('Completed of those that ended (to 0.05; null below 5)'),
  horizons: z.array(effectHorizon),
});
export type TrainingEffect = z.infer<typeof trainingEffect>;

export const whatWorks = z.object({
  area: analysisArea,
  from: z.string(),
  to: z.string(),
  funnel: z
    .object(perStep(() => publishedCount))
    .describe('Suggestions made in the period that reached each step (an interview counts as applied, a hire as every step before it); rounded at random to a multiple of 5 ("<5": 0-4; 5: 3-9; 5k: 5k-4 to 5k+4)'),
  clients: z.object({
    suggested: publishedCount.describe('Clients with at least one suggestion in the period'),
    hired: publishedCount.describe('Of them, clients hired through one'),
    longTermSuggested: publishedCount.describe('Clients unemployed 12 months or more when suggested a vacancy'),
    longTermHired: publishedCount,
    longTermPlaced: publishedRate.describe('Share of those long-term unemployed clients hired through a suggestion'),
  }),
  daysToFill: z
    .object({ median: z.number().nullable(), hires: publishedCount })
    .describe('Days from a vacancy\'s publication to the hire of a suggested client: one of the three middle values, drawn per question (null below 5 hires)'),
  byRank: z
    .array(
      z.object({
        rank: z.enum(RANK_BANDS),
        suggestions: publishedCount,
        interviews: publishedCount,
        hires: publishedCount,
        subsidisedHires: publishedCount.describe('Of the hires, those with a pay subsidy (rounded on its own: see paySubsidy)'),
        interviewRate: publishedRate,
        hireRate: publishedRate,
      }),
    )
    .describe("By the vacancy's position in the last ranking the engine showed before the suggestion (from the decision records): the engine's own online quality figure"),
  paySubsidy: z
    .object({
      hires: publishedCount.describe('Suggestions hired with a pay subsidy (the register\'s pay-subsidised employment began within 90 days of the hire)'),
      share: z
        .number()
        .nullable()
        .describe('Subsidised hires of all hires (funnel.hired), from the two published counts (to 0.05); null when either is "<5"'),
    })
    .describe(
      'Hires with a pay subsidy apart from all hires. Only these two counts are published, each rounded on its own: hires without a subsidy are all hires less these, ' +
        'a range of ±4 (never an exact count, however small), and no third cell of them is published to narrow it',
    ),
  trainings: z
    .array(trainingEffect)
    .describe('Per training the area\'s clients were referred to in the period: completion, and employment 3 and 6 months after the end against matched clients not referred (occupation group, unemployment duration, age band)'),
  providers: z.array(trainingEffect).describe('The same per training provider'),
});
export type WhatWorks = z.infer<typeof whatWorks>;
