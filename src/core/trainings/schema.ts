import { z } from 'zod';
import { freeText, language, municipalityRef, recordId, shortText, singleLine, skillList, title } from '../schemas/common.js';
import { skillRef } from '../schemas/skills.js';

/**
 * The kinds of labour-market training (työvoimakoulutus) a public employment service buys, from
 * short courses to programmes giving a qualification (see core/training-advice.ts for the rules).
 */
export const TRAINING_KINDS = [
  'licence-or-card',
  'language-for-work',
  'updating-course',
  'vocational-qualification',
  'further-vocational',
  'specialist-vocational',
  'apprenticeship',
  'degree-programme',
  'other',
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
/** Kinds of earlier catalogues, still accepted on input (and read from older stores) as the kind they became. */
export const LEGACY_TRAINING_KINDS: Record<string, TrainingKind> = {
  vocational: 'vocational-qualification',
  licence: 'licence-or-card',
  language: 'language-for-work',
  it: 'updating-course',
};
const isTrainingKind = (k: string): k is TrainingKind => TRAINING_KINDS.some((kind) => kind === k);
const kind = z
  .enum([...TRAINING_KINDS, 'vocational', 'licence', 'language', 'it'])
  .transform((k): TrainingKind => LEGACY_TRAINING_KINDS[k] ?? (isTrainingKind(k) ? k : 'other'))
  .default('other')
  .describe(
    'licence-or-card (hygieniapassi, trukkikortti…), language-for-work, updating-course (täydennyskoulutus), vocational-qualification ' +
      '(perustutkinto), further-vocational (ammattitutkinto), specialist-vocational (erikoisammattitutkinto), apprenticeship (oppisopimus), ' +
      'degree-programme (higher education: listed, never offered as labour-market training), other; earlier kinds vocational, licence, ' +
      'language, it are read as vocational-qualification, licence-or-card, language-for-work, updating-course',
  );

/** A course or programme from a training provider, as the catalogue holds it. */
const trainingFields = z
  .object({
    id: recordId,
    title,
    description: freeText,
    provider: singleLine(200),
    kind,
    occupation: shortText(200).optional().describe('The occupation a programme qualifies for (ISCO/ESCO code or label); read from the title when absent'),
    municipality: municipalityRef.optional().describe('Where it is held; leave out for online training'),
    online: z.boolean().default(false),
    durationDays: z.number().int().min(1).max(1500).describe('Length in working days'),
    startDates: z.array(z.iso.date()).max(100).default([]).describe('Upcoming start dates (YYYY-MM-DD); empty = continuous intake'),
    cost: z.number().min(0).max(1_000_000).describe('Price per participant in euros'),
    language: language.default('fi'),
    skills: skillList.min(1).describe('Skills the training teaches'),
  })
  .strict();

export const trainingInput = trainingFields.refine((t) => t.online || t.municipality !== undefined, {
    message: 'give the municipality where the training is held, or set online: true',
    path: ['municipality'],
  });

export type Training = z.output<typeof trainingInput>;

export const storedTraining = trainingFields.extend({
  region: z.string().optional(),
  normalized: z.object({ skills: z.array(skillRef).describe('Skills taught, as taxonomy concepts') }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredTraining = z.output<typeof storedTraining>;

/** GET /v1/trainings */
export const trainingQuery = z.object({ skill: z.string().max(300).optional().describe('Skill concept URI') }).strict();
export const trainingList = z.object({ items: z.array(storedTraining) });
/** POST /v1/trainings/bulk */
export const trainingBulkResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
