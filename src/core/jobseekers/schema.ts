import { z } from 'zod';
import {
  educationLevel,
  emailAddress,
  freeText,
  languageList,
  municipalityRef,
  pastDate,
  phoneNumber,
  regionRef,
  recordId,
  shortText,
  skillList,
  storedFields,
  title,
} from '../schemas/common.js';
import { DEFAULT_COMMUTE_KM, MAX_COMMUTE_KM } from '../commute.js';
import { cardList, languageSkill, licenceClasses } from '../schemas/requirements.js';
import { jobseekerSkills } from '../schemas/skills.js';

/**
 * Group attributes (birth year, gender, mother tongue): optional, given with the client's consent,
 * read only by the exposure report (`/v1/oversight/exposure`). Matching never reads them: scoring
 * takes its fields one by one (see matching.ts `seekerSide`), and a test proves the rankings equal.
 */
const OVERSIGHT_ONLY = 'Oversight only (the exposure report by group): never used in matching or shown to employer services';

/** A jobseeker (client) profile as a counsellor enters it. */
export const jobseekerInput = z
  .object({
    id: recordId,
    title: title.describe('Desired occupation or job title'),
    summary: freeText.describe('Profile summary / CV text, in Finnish, Swedish or English'),
    occupation: shortText(200).optional().describe('Occupation code or label (ISCO/ESCO)'),
    wishedOccupations: z
      .array(shortText(200))
      .max(5)
      .default([])
      .describe('Occupations the client asks to work in besides the title (code or label, fi/sv/en): matched and advised on like their own'),
    skills: skillList.default([]),
    municipality: municipalityRef.describe('Home municipality: code or name'),
    languages: languageList.default([]).describe('Languages the jobseeker works in'),
    workingTime: z.enum(['full', 'part', 'any']).default('any').describe('Working time sought'),
    educationLevel: educationLevel.optional(),
    drivingLicence: z.boolean().optional().describe('Older form of drivingLicences: true reads as class B held (others unknown), false as none held'),
    drivingLicences: licenceClasses.optional().describe('Driving-licence classes held; unknown when absent'),
    languageLevels: z
      .array(languageSkill)
      .max(20)
      .optional()
      .describe('Languages with level; a language in `languages` only counts as good (fluent and native unknown)'),
    cards: cardList.optional().describe('Cards and certificates held; unknown when absent (skills naming one count too)'),
    remote: z.boolean().default(false).describe('Looks for remote work'),
    commuteKm: z
      .number()
      .int()
      .min(0)
      .max(MAX_COMMUTE_KM)
      .optional()
      .describe(
        `Daily commuting range, road km one way (0–${MAX_COMMUTE_KM}); absent: ${DEFAULT_COMMUTE_KM.urban} km in an urban home municipality, ${DEFAULT_COMMUTE_KM.semiUrban} semi-urban, ${DEFAULT_COMMUTE_KM.rural} rural. Vacancies beyond it rank after those within`,
      ),
    wishedMunicipalities: z
      .array(municipalityRef)
      .max(30)
      .optional()
      .describe('Municipalities the client wishes to work in (code or name): never demoted for distance'),
    wishedRegions: z.array(regionRef).max(19).optional().describe('Regions (maakunta) the client wishes to work in: never demoted for distance'),
    willingToRelocate: z.boolean().optional().describe('Would move for work: no vacancy is demoted for distance'),
    status: z.enum(['active', 'inactive']).default('active').describe('Only active jobseekers are matched'),
    unemployedSince: pastDate
      .optional()
      .describe('Start of the current unemployment spell (12 months or more: long-term unemployed)'),
    paySubsidyEligible: z
      .boolean()
      .optional()
      .describe(
        "Personal data, counsellors only: the counsellor's assessment that a pay-subsidised hire (palkkatuki, lönesubvention) suits the client. " +
          'Recorded by a person (long-term unemployment is a hint shown beside it, never a rule); absent: not assessed. Never shown to employer services or used in ranking',
      ),
    birthYear: z
      .number()
      .int()
      .min(1900)
      .refine((year) => year <= new Date().getUTCFullYear() - 15, 'a birth year at least 15 years ago')
      .optional()
      .describe(OVERSIGHT_ONLY),
    gender: z.enum(['female', 'male', 'other']).optional().describe(OVERSIGHT_ONLY),
    motherTongue: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'an ISO 639 language code in lower case, such as fi, sv, ru or so')
      .optional()
      .describe(OVERSIGHT_ONLY),
    name: shortText(200).optional().describe('Personal data: shown to employer services only when shared'),
    contact: z
      .object({
        email: emailAddress.optional(),
        phone: phoneNumber.optional(),
      })
      .strict()
      .optional()
      .describe('Personal data: shown to employer services only when shared'),
  })
  .strict();

export type JobseekerInput = z.input<typeof jobseekerInput>;
export type Jobseeker = z.output<typeof jobseekerInput>;

export const storedJobseeker = jobseekerInput.extend({
  ...storedFields,
  normalized: jobseekerSkills.describe('Skills as taxonomy concepts, from `skills` and `summary`'),
});
export type StoredJobseeker = z.output<typeof storedJobseeker>;
