import { z } from 'zod';
import {
  educationLevel,
  freeText,
  languageList,
  municipalityRef,
  plausibleDate,
  recordId,
  shortText,
  skillList,
  storedFields,
  title,
} from './common.js';
import { vacancySkills } from './skills.js';

/** A vacancy (job opening) as employer services enter it. */
export const vacancyInput = z
  .object({
    id: recordId,
    title: title.describe('Job title'),
    description: freeText.describe('Job description, in Finnish, Swedish or English'),
    occupation: shortText(200).optional().describe('Occupation code or label (ISCO/ESCO)'),
    employer: shortText(200).optional(),
    skills: skillList.default([]).describe('Skills the vacancy requires (essential)'),
    optionalSkills: skillList.default([]).describe('Skills that are an advantage (optional)'),
    municipality: municipalityRef.describe('Place of work: municipality code or name'),
    languages: languageList.default([]).describe('Languages required'),
    workingTime: z.enum(['full', 'part']).default('full'),
    educationLevel: educationLevel.optional(),
    drivingLicenceRequired: z.boolean().default(false),
    remote: z.boolean().default(false).describe('The work can be done remotely'),
    positions: z.number().int().min(1).max(10_000).default(1),
    status: z.enum(['open', 'closed']).default('open').describe('Only open vacancies are matched'),
    publishedAt: plausibleDate.optional(),
    expiresAt: plausibleDate.optional(),
  })
  .strict();

export type VacancyInput = z.input<typeof vacancyInput>;
export type Vacancy = z.output<typeof vacancyInput>;

export const storedVacancy = vacancyInput.extend({
  ...storedFields,
  normalized: vacancySkills.describe('Required (essential, optional) and mentioned skills as taxonomy concepts'),
});
export type StoredVacancy = z.output<typeof storedVacancy>;
