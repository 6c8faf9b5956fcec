import { z } from 'zod';
import { language, municipalityRef, recordId } from '../schemas/common.js';
import { gates, scoreParts } from '../matches/schema.js';
import { explainedSkill, labelLang } from '../schemas/skills.js';
import { TRAINING_KINDS } from '../trainings/schema.js';

/** How far around the client's municipality the gap analysis looks. */
export const reach = z.enum(['municipality', 'region', 'country']);
export type Reach = z.infer<typeof reach>;

/** GET /v1/jobseekers/:id/gaps */
export const gapQuery = z
  .object({
    reach: reach.default('region'),
    municipality: municipalityRef.optional(),
    vacancy: recordId.optional(),
    includeZero: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('Also list skills that open no vacancy (uplift 0), after the others'),
    lang: labelLang,
  })
  .strict();

export const concept = z.object({ uri: z.string(), label: z.string() });

/** Why a training is offered where it is. */
export const offerReason = z.enum(['language-for-work', 'short-course', 'online', 'near']);
export type OfferReason = z.infer<typeof offerReason>;

/** A training offered for a gap skill (see training-advice.ts). */
export const trainingOffer = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  kind: z.enum(TRAINING_KINDS),
  municipality: z.string().optional(),
  online: z.boolean(),
  durationDays: z.number(),
  cost: z.number(),
  nextStart: z.string().nullable().describe('null: continuous intake'),
  distance: z.enum(['local or online', 'same region', 'further away']),
  distanceKm: z.number().describe("From the client's municipality (0 online or in the same municipality)"),
  language: language.describe('Language of instruction'),
  reason: offerReason
    .describe('Why it is offered where it is: a language-for-work course for a language, a short course before a programme, online, or within reach'),
  covers: z.array(concept).describe("The client's gap skills it teaches"),
  explanation: z.string(),
  measured: z
    .object({
      months: z.number(),
      effect: z.number().describe('Employment of earlier participants of the area within `months` of the end, less that of matched clients not referred'),
      low: z.number(),
      high: z.number().describe('The 95 % interval'),
      participants: z.union([z.number(), z.literal('<5')]).describe('Rounded to 5'),
    })
    .optional()
    .describe("The training's measured effect in the client's employment area, as What works gives it; absent without enough evidence (20 participants and 20 comparison clients)"),
});

/** What would get a client into work: missing skills ranked by the vacancies they open, with trainings. */
export const gapReport = z.object({
  jobseeker: z.string(),
  area: z.object({ reach: z.string(), municipality: z.string().optional(), region: z.string().optional() }),
  threshold: z.number().describe('Score from which a vacancy counts as suitable'),
  considered: z.number().describe('Best-matching vacancies of the area looked at'),
  suitableNow: z.number(),
  skills: z.array(
    z.object({
      uri: z.string(),
      label: z.string(),
      demand: z.number().describe('How many of the considered vacancies ask for it'),
      essentialIn: z.number(),
      suitableWith: z.number().describe('Suitable vacancies with the skill added to the profile (recomputed)'),
      uplift: z.number(),
      language: z.string().optional().describe('The language (ISO 639 code) a language skill stands for: the client is counted as working in it'),
      together: z
        .array(concept)
        .optional()
        .describe('Skills needed with this one to open the vacancies counted (a vacancy within reach that no single skill opens)'),
      trainings: z.array(trainingOffer),
      explanation: z.string(),
    }),
  ),
  targets: z.array(
    z.object({
      occupation: z.string().nullable(),
      label: z.string(),
      vacancies: z.number(),
      similarity: z.number(),
      missingSkills: z.array(concept),
      explanation: z.string(),
    }),
  ),
});

/** The gap to one vacancy. */
export const vacancyGap = z.object({
  jobseeker: z.string(),
  vacancy: z.string(),
  score: z.number(),
  parts: scoreParts,
  gates,
  matchedSkills: z.array(explainedSkill),
  missingSkills: z.array(explainedSkill.extend({ trainings: z.array(trainingOffer) })),
});

export type TrainingOfferView = z.infer<typeof trainingOffer>;
export type GapReportView = z.infer<typeof gapReport>;
export type VacancyGap = z.infer<typeof vacancyGap>;
export const gapAnswer = z.union([gapReport, vacancyGap]);
export type GapRequest = z.output<typeof gapQuery>;
