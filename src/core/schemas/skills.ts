import { z } from 'zod';
import { language } from './common.js';
import { vacancyRequirements } from './requirements.js';

/** In an answer labelled in a language asked for (`?lang=`): set when the taxonomy has no label in it, the language of `label`. */
const FALLBACK_LANGUAGE = z
  .string()
  .optional()
  .describe('Set in an answer asked for in a language (`lang`) the taxonomy has no label of this concept in: the language of `label` (a fallback)');

/** A skill as the engine understands it: a taxonomy concept, where it came from and how sure. */
export const skillRef = z.object({
  uri: z.string().describe('Concept URI, or "text:<words>" for a skill the taxonomy does not know'),
  label: z.string(),
  confidence: z.number().describe('0..1'),
  source: z.enum(['skills', 'optionalSkills', 'text', 'occupation', 'languages']).describe('The input it came from'),
  evidence: z.string().describe('The words it was read from'),
  start: z.number().optional().describe('Character offset of the evidence in the text'),
  end: z.number().optional(),
  method: z.enum(['label', 'inflected', 'embedding', 'unmatched', 'occupation']),
  labelLanguage: z.string().optional().describe("Set when the words matched a label of another language than the text's (a fallback): that language"),
  fallbackLanguage: FALLBACK_LANGUAGE,
});
export type SkillRef = z.output<typeof skillRef>;

/** An occupation as the engine understands it: the ESCO concept and/or ISCO-08 unit group. */
export const occupationRef = z.object({
  uri: z.string().optional().describe('ESCO occupation URI, when known'),
  isco: z.string().optional().describe('ISCO-08 unit group (4 digits), when known'),
  label: z.string(),
  method: z.enum(['given', 'title', 'wish']).describe('From the `occupation` field, inferred from the title, or a wish in the text'),
  evidence: z.string().describe('The words it was read from'),
  fallbackLanguage: FALLBACK_LANGUAGE,
});
export type OccupationRef = z.output<typeof occupationRef>;

export const jobseekerSkills = z.object({
  skills: z.array(skillRef),
  occupations: z.array(occupationRef).default([]).describe('Occupations worked in or sought: given, from the title, or wished for'),
  wishes: z
    .array(skillRef)
    .default([])
    .describe('Skills named as wished for, being learnt or missing ("haluaisin", "learning", "ei ole"): never counted as held'),
  language: z.string().optional().describe('Detected language of the summary'),
});
export const vacancySkills = z.object({
  occupation: occupationRef.optional().describe('Given, or inferred from the title'),
  language: z.string().optional().describe('Detected language of the description'),
  essential: z.array(skillRef).describe('Required: from `skills`, or the occupation\'s essential skills'),
  optional: z.array(skillRef).describe('From `optionalSkills`, or the occupation\'s optional skills'),
  mentioned: z.array(skillRef).describe('Named in the description only: not required'),
  requirements: vacancyRequirements
    .optional()
    .describe('Licence classes, languages with level and cards: from the fields (required) and what the description requires or counts as an advantage'),
  duplicateOf: z
    .string()
    .optional()
    .describe('The vacancy this one repeats (same employer, municipality and near-identical text, e.g. from another job board): not matched or counted'),
  sources: z.array(z.string()).optional().describe('Vacancies repeating this one (the same job published by other sources)'),
  linkKey: z.string().optional().describe('Employer, municipality, title and terms, by which repeated vacancies are found'),
});

/** A skill in a match explanation, labelled in the requested language. */
export const explainedSkill = z.object({
  uri: z.string(),
  label: z.string(),
  importance: z.enum(['essential', 'optional']),
  via: z.string().optional().describe("The jobseeker's related skill that covers it (a narrower, broader or related one)"),
});
export type ExplainedSkill = z.output<typeof explainedSkill>;

export const labelLang = language.default('fi').describe('Language of skill labels in the answer');
