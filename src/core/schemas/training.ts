import { z } from 'zod';
import { freeText, municipalityRef, recordId, singleLine, skillList, title } from './common.js';
import { skillRef } from './skills.js';

/** A course or programme from a training provider, as the catalogue holds it. */
const trainingFields = z
  .object({
    id: recordId,
    title,
    description: freeText,
    provider: singleLine(200),
    kind: z.enum(['vocational', 'licence', 'language', 'it', 'other']).default('other'),
    municipality: municipalityRef.optional().describe('Where it is held; leave out for online training'),
    online: z.boolean().default(false),
    durationDays: z.number().int().min(1).max(1500).describe('Length in working days'),
    startDates: z.array(z.iso.date()).max(100).default([]).describe('Upcoming start dates (YYYY-MM-DD); empty = continuous intake'),
    cost: z.number().min(0).max(1_000_000).describe('Price per participant in euros'),
    language: z.enum(['fi', 'sv', 'en']).default('fi'),
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
