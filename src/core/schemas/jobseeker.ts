import { z } from 'zod';
import {
  educationLevel,
  freeText,
  languageList,
  municipalityRef,
  recordId,
  skillList,
  storedFields,
  title,
} from './common.js';

/** A jobseeker (client) profile as a counsellor enters it. */
export const jobseekerInput = z
  .object({
    id: recordId,
    title: title.describe('Desired occupation or job title'),
    summary: freeText.describe('Profile summary / CV text, in Finnish, Swedish or English'),
    occupation: z.string().trim().max(200).optional().describe('Occupation code or label (ISCO/ESCO)'),
    skills: skillList.default([]),
    municipality: municipalityRef.describe('Home municipality: code or name'),
    languages: languageList.default([]).describe('Languages the jobseeker works in'),
    workingTime: z.enum(['full', 'part', 'any']).default('any').describe('Working time sought'),
    educationLevel: educationLevel.optional(),
    drivingLicence: z.boolean().default(false).describe('Holds a driving licence (B)'),
    remote: z.boolean().default(false).describe('Looks for remote work'),
    status: z.enum(['active', 'inactive']).default('active').describe('Only active jobseekers are matched'),
  })
  .strict();

export type JobseekerInput = z.input<typeof jobseekerInput>;
export type Jobseeker = z.output<typeof jobseekerInput>;

export const storedJobseeker = jobseekerInput.extend(storedFields);
export type StoredJobseeker = z.output<typeof storedJobseeker>;
