import { z } from 'zod';
import { freeText, municipalityRef, regionRef, skillList } from './common.js';

export const matchQuery = z
  .object({
    k: z.coerce.number().int().min(1).max(200).default(20).describe('Number of hits'),
    municipality: municipalityRef.optional().describe('Only hits in this municipality (code or name)'),
    region: regionRef.optional().describe('Only hits in this region (maakunta)'),
  })
  .strict();
export type MatchQuery = z.output<typeof matchQuery>;

export const scoreParts = z.object({
  semantic: z.number().describe('Cosine similarity of the two texts (0..1)'),
  skills: z.number().nullable().describe("Share of the vacancy's skills the jobseeker has; null if it lists none"),
  location: z.number().nullable().describe('1 same municipality or remote, 0.5 same region, 0 elsewhere'),
});

export const matchHit = z.object({
  id: z.string(),
  title: z.string(),
  municipality: z.string(),
  municipalityName: z.string(),
  region: z.string(),
  employer: z.string().optional(),
  score: z.number().describe('Weighted score (0..1) of the known parts'),
  parts: scoreParts,
  matchedSkills: z.array(z.string()).describe('Skills the vacancy asks for that the jobseeker has'),
  missingSkills: z.array(z.string()).describe('Skills the vacancy asks for that the jobseeker lacks'),
  shared: z
    .boolean()
    .optional()
    .describe('Employer services only: whether a counsellor shared this candidate (else the id is a pseudonym)'),
  name: z.string().optional().describe('Shared candidates only'),
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).optional(),
});
export type MatchHit = z.output<typeof matchHit>;

export const matchResponse = z.object({
  query: z.object({ id: z.string().optional(), k: z.number(), municipality: z.string().optional(), region: z.string().optional() }),
  embedder: z.string(),
  hits: z.array(matchHit),
});

export const adHocMatchBody = z
  .object({
    text: freeText.describe('CV text or job description to match, not stored'),
    target: z.enum(['vacancies', 'jobseekers']).default('vacancies').describe('What to find'),
    skills: skillList.default([]),
    municipality: municipalityRef.optional().describe('Where the text\'s owner is (for location fit)'),
    remote: z.boolean().default(false),
    k: z.number().int().min(1).max(200).default(20),
    filter: z
      .object({ municipality: municipalityRef.optional(), region: regionRef.optional() })
      .strict()
      .default({}),
  })
  .strict();
