import { z } from 'zod';
import {
  educationLevel,
  emailAddress,
  freeText,
  languageList,
  municipalityRef,
  phoneNumber,
  plausibleDate,
  recordId,
  shortText,
  skillList,
  storedFields,
  title,
} from '../schemas/common.js';
import { cardList, languageRequirement, licenceClasses } from '../schemas/requirements.js';
import { vacancySkills } from '../schemas/skills.js';

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
    languages: languageList.default([]).describe('Languages required (older form: read as required at `good`; see languageRequirements)'),
    languageRequirements: z
      .array(languageRequirement)
      .max(20)
      .default([])
      .describe('Languages with the level asked for; `required: false` is an advantage'),
    workingTime: z.enum(['full', 'part']).default('full'),
    educationLevel: educationLevel.optional(),
    drivingLicenceRequired: z.boolean().default(false).describe('Older form of drivingLicences: true reads as class B'),
    drivingLicences: licenceClasses.default([]).describe('Driving-licence classes required (a higher class covers those it includes: CE covers C and B)'),
    cards: cardList.default([]).describe('Cards and certificates required'),
    employment: z.enum(['permanent', 'fixed-term']).optional().describe('Permanent or fixed-term'),
    startDate: plausibleDate.optional().describe('When the work starts'),
    salary: shortText(200).optional().describe('Pay as the employer states it, e.g. "TES, 2 400 €/kk"'),
    howToApply: z
      .object({ url: z.url({ protocol: /^https?$/ }).max(2000).optional(), email: emailAddress.optional(), text: shortText(500).optional() })
      .strict()
      .optional()
      .describe('Where and how to apply'),
    contactPerson: z
      .object({
        name: shortText(200),
        phone: phoneNumber.optional(),
        email: emailAddress.optional(),
      })
      .strict()
      .optional()
      .describe("The employer's contact person for the vacancy, as published in the ad"),
    remote: z.boolean().default(false).describe('The work can be done remotely'),
    paySubsidy: z
      .boolean()
      .optional()
      .describe('The employer accepts a pay-subsidised hire (palkkatuki, lönesubvention); absent: not said, read as no'),
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
