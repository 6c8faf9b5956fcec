import { z } from 'zod';
import { language, queryInt } from '../schemas/common.js';
import { labelLang } from '../schemas/skills.js';

const date = z.iso.date();
/** Figures over jobseekers are counted at a month end: see publishedAsOf. */
const asOf = date
  .optional()
  .describe('Day long-term unemployment is counted at (default today); taken back to the last day of the month before, unless it is a month end. The answer gives the day used.');
/** A count of jobseekers as it may be published: rounded, or "<5" (see suppression.ts). */
export const publishedCount = z.union([z.number(), z.literal('<5')]);
export const jobseekerCount = publishedCount.describe('A count of jobseekers; "<5" when fewer than 5 (suppressed)');
export type JobseekerCount = z.infer<typeof jobseekerCount>;

/** At most one of them: an employment area, a region or a municipality; none means Finland. */
export const areaQuery = z.object({
  area: z.string().max(200).optional().describe('Employment area: id or name (see GET /v1/employment-areas)'),
  region: z.string().max(100).optional().describe('Region (maakunta): code or name'),
  municipality: z.string().max(100).optional().describe('Municipality: code or name'),
});
export type AreaQuery = z.infer<typeof areaQuery>;

/** GET /v1/analytics/skills and /v1/analytics/occupations */
export const demandQuery = areaQuery
  .extend({
    from: date.optional().describe('Vacancies published on or after this date'),
    to: date.optional().describe('Vacancies published on or before this date'),
    occupationGroup: z.string().regex(/^\d{1,4}$/, '1 to 4 digits of an ISCO code').optional().describe('ISCO group, e.g. 5 or 7212'),
    language: language.optional().describe('Vacancies requiring, and jobseekers working in, this language'),
    lang: labelLang,
    asOf: asOf,
    limit: queryInt(1, 20_000).default(500),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

/** GET /v1/analytics/mismatch */
export const mismatchQuery = areaQuery
  .extend({
    candidates: queryInt(1, 50).default(3).describe('"At least N suitable local candidates"'),
    lang: labelLang,
    asOf,
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

/** The place an analysis covers: Finland, an employment area, a region or a municipality. */
export const analysisArea = z.object({
  kind: z.enum(['country', 'employment-area', 'region', 'municipality']),
  id: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  /** Municipality codes; undefined for the whole country. */
  municipalities: z.array(z.string()).optional(),
});
export type AnalysisArea = z.infer<typeof analysisArea>;

/** GET /v1/employment-areas */
export const employmentAreaList = z.object({ items: z.array(z.object({ id: z.string(), nameFi: z.string(), nameSv: z.string(), municipalities: z.array(z.string()) })) });
export type EmploymentAreaList = z.infer<typeof employmentAreaList>;

/** Demand against supply of one skill. */
export const skillRow = z.object({
  uri: z.string(),
  label: z.string(),
  /** Open vacancies needing the skill, and their positions. */
  demand: z.object({ vacancies: z.number(), essential: z.number(), optional: z.number(), positions: z.number() }),
  /** Active jobseekers having the skill ("<5" when fewer than 5). */
  supply: jobseekerCount,
  gap: z.number().nullable().describe('Vacancies minus jobseekers; null when the supply is suppressed'),
  shortageRatio: z.number().nullable().describe('Vacancies per jobseeker; null when none or suppressed'),
});
export type SkillRow = z.infer<typeof skillRow>;

/** Demand against supply of one occupation. */
export const occupationRow = z.object({
  occupation: z.string().nullable(),
  isco: z.string().nullable(),
  label: z.string(),
  demand: z.object({ vacancies: z.number(), positions: z.number() }),
  supply: jobseekerCount,
  longTermUnemployed: jobseekerCount,
  gap: z.number().nullable(),
  shortageRatio: z.number().nullable(),
});
export type OccupationRow = z.infer<typeof occupationRow>;

/** When a kept answer was counted (KOHTAANTO_ANALYTICS_REFRESH_MINUTES > 0; src/runtime/kept-answers.ts). */
export const countedFields = {
  countedAt: z.string().optional().describe('When these figures were counted (they are kept between requests while the records stay the same, KOHTAANTO_ANALYTICS_REFRESH_MINUTES)'),
  countedCurrent: z
    .boolean()
    .optional()
    .describe('false: the records counted have changed since (the figures are being counted again); true: counted over the records stored now'),
};
export const skillRows = z.object({ area: analysisArea, asOf: z.string(), total: z.number(), items: z.array(skillRow), ...countedFields });
/** When a kept answer was counted, as the answers that keep them say it. */
export type Counted = Pick<z.infer<typeof skillRows>, keyof typeof countedFields>;
export const occupationRows = z.object({ area: analysisArea, asOf: z.string(), total: z.number(), items: z.array(occupationRow), ...countedFields });

/** A share found with the match engine over all records or an evenly spread sample of them. */
export const matchedShare = z.object({
  share: z.number().nullable().describe('null when nothing was matched, or when suppressed'),
  suppressed: z.string().optional().describe('Why the share is not published: it would describe fewer than 5 jobseekers'),
  matched: z.number().describe('Records put through the match engine'),
  of: publishedCount,
  margin95: z.number().describe('Half-width of the 95 % confidence interval (0 when all were matched)'),
});
export type MatchedShare = z.infer<typeof matchedShare>;

export const mismatch = z.object({
  area: analysisArea,
  asOf: z.string().describe('The day long-term unemployment was counted at (a month end)'),
  threshold: z.number(),
  vacancies: z.number(),
  positions: z.number(),
  jobseekers: jobseekerCount,
  longTermUnemployed: jobseekerCount,
  vacanciesPerJobseeker: z.number().nullable(),
  vacanciesWithSuitableCandidates: matchedShare.extend({ candidates: z.number() }),
  longTermWithoutSuitableVacancy: matchedShare,
  shortageOccupations: z.array(occupationRow),
  surplusOccupations: z.array(occupationRow),
  matchedAt: z
    .string()
    .optional()
    .describe('When the two shares from the match engine were counted (they are kept between requests, KOHTAANTO_ANALYTICS_REFRESH_MINUTES)'),
  matchedCurrent: z
    .boolean()
    .optional()
    .describe('false: vacancies or jobseekers changed since the shares were counted (they are being counted again); the other figures are current'),
});
export type Mismatch = z.infer<typeof mismatch>;

/** What a training plan maximises per unit of budget (see src/core/analytics/training-plan.ts). */
export const PLAN_OBJECTIVES = ['employment', 'vacancies'] as const;
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];

/** Training places, or euros. */
export const budget = z
  .union([z.object({ places: z.number().int().min(1).max(10_000) }).strict(), z.object({ euros: z.number().min(1).max(100_000_000) }).strict()])
  .describe("Training places, or euros (each place costs the training's price)");
export type Budget = z.infer<typeof budget>;

/** POST /v1/analytics/training-plan */
export const planRequest = areaQuery
  .extend({
    budget,
    lang: labelLang,
    asOf,
    objective: z
      .enum(PLAN_OBJECTIVES)
      .default('employment')
      .describe('What to buy most of per unit of budget: expected employment gain (measured where the outcomes suffice), or vacancies put within reach (the proxy used before)'),
  })
  .strict();

/** A count of clients in the training plan, or places (one client a place): rounded at random to a multiple of 5, "<5" for 0-4. */
const clientCount = publishedCount.describe('A count of clients (or places, one client each), rounded at random to a multiple of 5; "<5" for 0-4');

export const trainingPlan = z.object({
  area: analysisArea,
  asOf: z.string().describe('The day long-term unemployment was counted at (a month end)'),
  clientsExamined: clientCount.describe('Clients of the place examined (long-term unemployed first, at most 60), rounded at random to a multiple of 5; "<5" for 0-4'),
  candidatePairs: clientCount.describe('Client-training pairs that put a vacancy within reach, rounded at random to a multiple of 5; "<5" for 0-4'),
  purchases: z.array(
    z.object({
      training: z.object({
        id: z.string(),
        title: z.string(),
        provider: z.string(),
        municipality: z.string().optional(),
        online: z.boolean(),
        costPerPlace: z.number(),
      }),
      places: clientCount.describe('Places to buy (one client each), rounded at random to a multiple of 5; "<5": 1-4, and then cost, reach and gain are null'),
      cost: z.number().nullable().describe('The published places times the price; null when the places are "<5"'),
      vacanciesOpened: z.number().nullable().describe('Vacancies this purchase puts within reach that earlier picks did not; null when the places are "<5"'),
      expectedEmployed: z
        .number()
        .nullable()
        .describe('Clients this purchase is expected to bring into work within the horizon (the published places times the expected gain per place, to 0.1); null when the places are "<5"'),
      effect: z
        .object({
          basis: z.enum(['measured', 'estimated']).describe('measured: from the outcomes of earlier participants in the area (shrunk toward the estimate); estimated: from the vacancies the places open'),
          participants: jobseekerCount.nullable().describe('Earlier participants measured (rounded to 5); null for an estimate'),
          perPlace: z.number().nullable().describe('Expected employment gain per place (to 0.01); null when the places are "<5"'),
        })
        .describe('What the expected gain rests on (see docs/analytics.md#training-plan)'),
      explanation: z.string(),
    }),
  ),
  objective: z.enum(PLAN_OBJECTIVES),
  places: clientCount.describe('Places of the purchases shown, summed (a purchase of "<5" places counts 0); "<5" when that is 0'),
  cost: z.number().describe('Cost of the purchases shown, summed'),
  vacanciesOpened: z.number().describe('Vacancies the purchases shown put within reach'),
  expectedEmployed: z.number().describe('Clients the purchases shown are expected to bring into work within the horizon (to 0.1)'),
  budget: z
    .object({
      unit: z.enum(['places', 'euros']),
      given: z.number(),
      spent: z.number().describe('The places or cost shown, summed: the purchases of "<5" places are not in it (see unspent)'),
      unspent: z
        .object({ atLeast: z.number(), atMost: z.number() })
        .describe(
          'What is left of the budget, as a range worked out from the published figures alone: each purchase may have bought any number of places its published count stands for ("<5": 1-4; 5: 3-9; any other 5k: 5k-4 to 5k+4), never more than the budget. Not given less spent: spent leaves out the purchases of "<5" places, whose money is spent all the same; and the exact amount, beside the spending shown, would tell how many places the hidden purchases bought',
        ),
      stoppedBecause: z.string().describe('Why the plan stopped: "budget spent" when the published spending reaches the budget, else "not told: the places are rounded" (the exact reason told the exact number of places); "withheld" when no plan is shown'),
    })
    .describe('Courses without a price are never bought: they add no capacity to purchase'),
  withheld: z
    .object({
      reason: z.literal('too few clients'),
      minimumClients: z.number(),
      message: z.string().describe("Why no plan is shown, in the request's lang"),
    })
    .optional()
    .describe('No plan is shown for a place with fewer clients examined (as published) than KOHTAANTO_PLAN_MIN_CLIENTS: it would be those clients\' own gap analyses'),
});
export type TrainingPlan = z.infer<typeof trainingPlan>;
