import { z } from 'zod';
import { language, queryInt, multiLine, recordId } from '../schemas/common.js';
import { countedFields, publishedCount } from '../analytics/schema.js';
import { scoreParts } from '../matches/schema.js';

/** Score parts as the decision log keeps them (those of a hit). */
const parts = scoreParts.partial().catchall(z.number().nullable());

/** The decisions concerning one jobseeker, as exported with their data. */
export const decisionsExport = z.object({
  rankingsForThem: z
    .array(
      z.object({
        at: z.string(),
        model: z.string().describe('Embedding model id with its content hash'),
        taxonomy: z.string(),
        vacancies: z.array(z.object({ vacancy: z.string(), position: z.number(), score: z.number(), parts })),
      }),
    )
    .describe('Vacancy rankings served for this jobseeker, newest first (up to 1,000)'),
  appearancesInCandidateRankings: z
    .array(z.object({ at: z.string(), vacancy: z.string().optional(), position: z.number(), score: z.number(), parts }))
    .describe("Where this jobseeker was ranked among a vacancy's candidates, newest first (up to 1,000)"),
});
export type DecisionsExport = z.output<typeof decisionsExport>;

const date = z.iso.date();

/** The dimensions of the exposure report (see exposure.ts). */
export const DIMENSIONS = ['ageBand', 'gender', 'motherTongue', 'longTermUnemployed', 'municipality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** GET /v1/oversight/exposure */
export const exposureQuery = z
  .object({
    area: z.string().max(200).optional().describe('Employment area: id or name'),
    region: z.string().max(100).optional().describe('Region (maakunta): code or name'),
    municipality: z.string().max(100).optional().describe('Municipality: code or name'),
    source: z
      .enum(['decisions', 'replay'])
      .default('decisions')
      .describe('decisions: the candidate rankings served in the period; replay: a sample of open vacancies ranked by the engine now'),
    from: date.optional().describe('decisions: first day (default 30 days ago)'),
    to: date.optional().describe('decisions: last day (default today)'),
    sample: queryInt(1, 2000).default(200).describe('replay: vacancies sampled'),
    k: queryInt(1, 100).default(10).describe('replay: candidates ranked per vacancy'),
    asOf: date.optional().describe('Day ages and long-term unemployment are counted at (default today); taken back to the last day of the month before unless it is a month end (the answer gives the day used)'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

/** One group of one dimension in the exposure report. */
export const exposureGroup = z.object({
  dimension: z.enum(DIMENSIONS),
  group: z.string(),
  eligible: publishedCount,
  eligibleShare: z.number().nullable(),
  exposureShare: z.number().nullable().describe('Mean share of the position-discounted exposure (1/log2(position+1)), with keyed noise (within ± 0.15, σ 0.05), 2 decimals'),
  /** Exposure share over eligible share (1 = exposed as often as the group's size predicts). */
  ratio: z.number().nullable().describe('Exposure share / eligible share'),
  ratioLow: z.number().nullable().describe("95 % interval over rankings, from the published share, widened by the noise's 95 % range"),
  ratioHigh: z.number().nullable(),
  flagged: z.boolean().describe('The interval lies wholly below 0.8 or above 1.25 (four-fifths rule), with 20 or more rankings; municipalities are not flagged (distance is part of the score by design). Kept when the share is hidden for too few members ranked'),
});
export type ExposureGroup = z.infer<typeof exposureGroup>;

/** The exposure report (see core/oversight/exposure.ts). */
export const exposureResponse = z.object({
  area: z.object({ kind: z.string(), id: z.string(), nameFi: z.string(), nameSv: z.string() }),
  source: z.enum(['decisions', 'replay']),
  from: z.string().optional(),
  to: z.string().optional(),
  asOf: z.string(),
  rankings: z.number().describe('Candidate rankings reported on'),
  positions: z.number(),
  outsideAreaShare: z.number().nullable().describe("Share of the exposure that went to other areas' jobseekers (not in the groups), with keyed noise like the groups' shares; null when shares are suppressed"),
  eligible: publishedCount.describe("The area's active jobseekers"),
  sharesSuppressed: z
    .string()
    .nullable()
    .describe('Why no exposure share is published (fewer than 20 distinct jobseekers of the area ranked, or fewer than 20 rankings); a group\'s share is also hidden when few of its members were ranked (none or a few: always under 3, never from 8, in between by a keyed draw), and a second one of its dimension then'),
  groups: z.array(exposureGroup),
  flagged: z.array(z.object({ dimension: z.string(), group: z.string(), ratio: z.number().nullable().describe('null when the group\'s share is hidden (too few of its members ranked: flagged as all but never shown)') })),
  ...countedFields,
});
export type ExposureResponse = z.infer<typeof exposureResponse>;
/** The report of exposure.ts, before the area and period are added to it. */
export type ExposureReport = Omit<ExposureResponse, 'area' | 'source' | 'from' | 'to' | 'asOf'>;

/** A counsellor's override of one suggestion for a client. */
export const overrideInput = z
  .object({
    vacancyId: z.string().min(1).max(128).describe('The vacancy suggested, or to suggest'),
    action: z.enum(['set-aside', 'put-forward']).describe('set-aside: no longer suggested to this client; put-forward: suggested first'),
    reason: multiLine(1000).refine((r) => r.length >= 10, 'the reason, in at least 10 characters (it is kept with the decision)'),
  })
  .strict();
export type OverrideInput = z.output<typeof overrideInput>;

export const override = overrideInput.extend({ jobseekerId: z.string(), counsellor: z.string().nullable(), at: z.string() });
export type Override = z.output<typeof override>;

export const overrideList = z.object({ items: z.array(override) });

/** A client and a vacancy in a path: an explanation, an override. */
export const jobseekerVacancyParams = z.object({ id: recordId, vacancyId: recordId });
/** GET /v1/jobseekers/:id/matches/:vacancyId/explanation */
export const explanationQuery = z.object({ lang: language.default('fi') }).strict();

/** A person's explanation of one suggestion. */
export const personExplanation = z.object({ vacancy: z.string(), lang: language, sentences: z.array(z.string()) });
export type PersonExplanation = z.infer<typeof personExplanation>;
