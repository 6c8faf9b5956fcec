import { z } from 'zod';

/** A skill as the engine understands it: a taxonomy concept, where it came from and how sure. */
export const skillRef = z.object({
  uri: z.string().describe('Concept URI, or "text:<words>" for a skill the taxonomy does not know'),
  label: z.string(),
  confidence: z.number().describe('0..1'),
  source: z.enum(['skills', 'optionalSkills', 'text', 'occupation']).describe('The input it came from'),
  evidence: z.string().describe('The words it was read from'),
  start: z.number().optional().describe('Character offset of the evidence in the text'),
  end: z.number().optional(),
  method: z.enum(['label', 'inflected', 'embedding', 'unmatched', 'occupation']),
});
export type SkillRef = z.output<typeof skillRef>;

export const jobseekerSkills = z.object({ skills: z.array(skillRef) });
export const vacancySkills = z.object({
  essential: z.array(skillRef).describe('Required: from `skills`, or the occupation\'s essential skills'),
  optional: z.array(skillRef).describe('From `optionalSkills`, or the occupation\'s optional skills'),
  mentioned: z.array(skillRef).describe('Named in the description only: not required'),
});

/** A skill in a match explanation, labelled in the requested language. */
export const explainedSkill = z.object({
  uri: z.string(),
  label: z.string(),
  importance: z.enum(['essential', 'optional']),
});
export type ExplainedSkill = z.output<typeof explainedSkill>;

export const labelLang = z.enum(['fi', 'sv', 'en']).default('fi').describe('Language of skill labels in the answer');
