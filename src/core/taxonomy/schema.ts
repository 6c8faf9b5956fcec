import { z } from 'zod';
import { freeText, queryInt, singleLine, skillList } from '../schemas/common.js';
import { labelLang, skillRef } from '../schemas/skills.js';

/** GET /v1/taxonomy/skills and /v1/taxonomy/occupations: concept search (autocomplete). */
export const conceptSearchQuery = z
  .object({
    q: singleLine(200).describe('Words to look for, e.g. "hitsa" or "forklift"'),
    lang: labelLang,
    limit: queryInt(1, 100).default(20),
  })
  .strict();

/** A concept found by a search (src/core/taxonomy/search.ts). */
export const conceptHit = z.object({
  uri: z.string(),
  /** Preferred label in the requested language (or the nearest available one). */
  label: z.string(),
  /** The label that matched the query, when it is not the preferred one. */
  matchedLabel: z.string().optional(),
  score: z.number(),
});
export type ConceptHit = z.infer<typeof conceptHit>;

export const occupationHit = conceptHit.extend({
  code: z.string(),
  iscoGroup: z.string(),
  essentialSkills: z.number(),
  optionalSkills: z.number(),
});
export type OccupationHit = z.infer<typeof occupationHit>;

export const skillSearchResult = z.object({ taxonomy: z.string(), items: z.array(conceptHit) });
export type SkillSearchResult = z.infer<typeof skillSearchResult>;
export const occupationSearchResult = z.object({ taxonomy: z.string(), items: z.array(occupationHit) });

/** POST /v1/skills/extract */
export const extractionInput = z
  .object({
    text: freeText,
    skills: skillList.default([]),
    lang: labelLang,
    suggest: z.number().int().min(0).max(50).default(0).describe('Also rank this many skills the text suggests'),
  })
  .strict();

export const extraction = z.object({
  taxonomy: z.string(),
  concepts: z.array(skillRef),
  suggested: z.array(z.object({ uri: z.string(), label: z.string(), score: z.number() })).optional(),
});
