import { z } from 'zod';
import { freeText, municipalityRef, queryDecimal, queryInt, regionRef, skillList } from '../schemas/common.js';
import { explainedSkill, labelLang } from '../schemas/skills.js';

const withinKm = queryDecimal(0, 1500)
  .optional()
  .describe("Only hits whose municipality's centre is within this many km of the record's own municipality");
const failedGates = z
  .enum(['last', 'ranked'])
  .default('last')
  .describe('`last`: hits failing a hard requirement (language, licence, cards, working time) come after every pass; `ranked`: by score alone');

/** Where a hit stands for the jobseeker (see standingOf in ../suitability.ts). */
export const STANDINGS = ['suitable', 'fit', 'no-fit'] as const;

/** Where hits beyond a commuting range rank (see MatchSettings.commute in ../matching.ts). */
export const COMMUTE_RULES = ['fits', 'strict', 'gate', 'off'] as const;
export type CommuteRule = (typeof COMMUTE_RULES)[number];

const commute = z
  .enum(COMMUTE_RULES)
  .optional()
  .describe(
    "Where hits beyond the commuting range rank (absent: the service's setting, KOHTAANTO_COMMUTE_RULE for a client's vacancies, KOHTAANTO_CANDIDATE_COMMUTE_RULE for candidates): `strict` after every hit within it (suitable work nearby first); `fits` the right work further away after the right work within it and before other work nearby; `gate` as a failed hard requirement; `off` the range ignored",
  );

export const matchQuery = z
  .object({
    k: queryInt(1, 200).default(20).describe('Number of hits'),
    municipality: municipalityRef.optional().describe('Only hits in this municipality (code or name)'),
    region: regionRef.optional().describe('Only hits in this region (maakunta)'),
    within: withinKm,
    failedGates: failedGates,
    commute,
    lang: labelLang,
  })
  .strict();
export type MatchQuery = z.output<typeof matchQuery>;

/**
 * GET /v1/jobseekers/:id/matches: a client's vacancies, with the pay-subsidy filter besides. Only
 * here: a vacancy's candidates take no such filter (employer services would learn from it who is
 * eligible, which is personal data of the client's counsellors alone).
 */
export const jobseekerMatchQuery = matchQuery
  .extend({
    paySubsidy: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe(
        "`true`: only vacancies whose employer accepts a pay-subsidised hire, for a client their counsellor assessed eligible (`paySubsidyEligible`; else 400)",
      ),
  })
  .strict();
export type JobseekerMatchQuery = z.output<typeof jobseekerMatchQuery>;

export const scoreParts = z.object({
  semantic: z
    .number()
    .nullable()
    .describe('Cosine similarity of the two texts (0..1); null for a candidate shown pseudonymously (free text is not compared)'),
  essential: z.number().nullable().describe("Share of the vacancy's essential skills the jobseeker has; null if unknown"),
  optional: z.number().nullable().describe("Share of the vacancy's optional skills the jobseeker has; null if unknown"),
  location: z
    .number()
    .nullable()
    .describe('1 same municipality or remote, then falling with distance (0.5 at 40 km, 0.2 at 80 km); null if unknown'),
  occupation: z
    .number()
    .nullable()
    .describe('1 same occupation, 0.8 same ISCO unit group, 0.5 minor group, 0.25 sub-major group, else 0; null if unknown'),
});

const gate = z.enum(['pass', 'unknown', 'fail']);
export const gates = z
  .object({
    language: gate,
    licence: gate,
    cards: gate,
    workingTime: gate,
    commute: gate.describe("`fail`: beyond the jobseeker's commuting range, the place neither wished nor moved to (remote work passes)"),
  })
  .describe("Hard requirements (languages at their level, licence classes, cards and certificates, working time, commuting range), shown rather than scored: `unknown` when the jobseeker has not said");

export const matchHit = z.object({
  id: z.string(),
  title: z.string().describe("The record's title; for a pseudonymous candidate the taxonomy occupation's label instead (never free text)"),
  municipality: z.string(),
  municipalityName: z.string(),
  region: z.string(),
  employer: z.string().optional(),
  occupation: z
    .object({ uri: z.string(), label: z.string() })
    .optional()
    .describe("The taxonomy occupation (a vacancy's, or the one a jobseeker worked in or seeks first), labelled in `lang`"),
  alsoPublishedAs: z.array(z.string()).optional().describe('The same vacancy published by other sources (their ids); shown once, here'),
  distanceKm: z.number().optional().describe('Between the two municipalities\' centres (absent for remote work)'),
  commute: z
    .object({
      rangeKm: z
        .number()
        .optional()
        .describe("The jobseeker's commuting range (road km, one way; given, or the default of the home municipality's type); absent for a pseudonymous candidate (a range they chose would link them across lists)"),
      roadKm: z.number().describe('Estimated road km: the distance between the centres × 1.3'),
      beyondRange: z.boolean(),
      waivedBy: z
        .enum(['relocation', 'wishedMunicipality', 'wishedRegion'])
        .optional()
        .describe('Beyond the range but not demoted: the jobseeker would move, or wished this municipality or region'),
    })
    .optional()
    .describe('The commute (absent for remote work or an unknown place)'),
  score: z.number().describe('Weighted score (0..1) of the known parts'),
  standing: z
    .enum(STANDINGS)
    .describe(
      "Where the hit stands for the jobseeker: `suitable` suits them now (their line of work, the score at KOHTAANTO_SUITABLE_SCORE with at least 75 % of the essential skills, no hard requirement failing, the commuting range included: what a gap report's `suitableNow` counts); `fit` their kind of work at the fit floor, not suitable now (the gates, the commute and the missing skills say why); `no-fit` other work or a score below the fit floor, ranked after the fits nearby and never to be shown as suitable",
    ),
  parts: scoreParts,
  gates,
  matchedSkills: z.array(explainedSkill).describe('Required skills of the vacancy that the jobseeker has'),
  missingSkills: z.array(explainedSkill).describe('Required skills of the vacancy that the jobseeker lacks'),
  paySubsidy: z.literal(true).optional().describe("Vacancy hits: the employer accepts a pay-subsidised hire (absent for candidates: a client's eligibility is never shown in a candidate list)"),
  notes: z
    .array(z.string())
    .optional()
    .describe("A vacancy hit's free-text skills (no taxonomy concept): shown as written, never scored, matched or missing"),
  shared: z
    .boolean()
    .optional()
    .describe('Employer services only: whether a counsellor shared this candidate (else the id is a pseudonym)'),
  name: z.string().optional().describe('Shared candidates only'),
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).optional(),
  counsellorOverride: z
    .object({ action: z.literal('put-forward'), reason: z.string(), at: z.string() })
    .optional()
    .describe('Put forward by a counsellor (first, whatever its score), with the reason'),
});
export type MatchHit = z.output<typeof matchHit>;

export const matchResponse = z.object({
  query: z.object({
    id: z.string().optional(),
    k: z.number(),
    municipality: z.string().optional(),
    region: z.string().optional(),
    within: z.number().optional(),
    failedGates: z.string().optional(),
    paySubsidy: z.boolean().optional(),
    lang: z.string(),
  }),
  embedder: z.string(),
  hits: z.array(matchHit),
});
export type MatchResponse = z.infer<typeof matchResponse>;

export const adHocMatchBody = z
  .object({
    text: freeText.describe('CV text or job description to match, not stored'),
    target: z.enum(['vacancies', 'jobseekers']).default('vacancies').describe('What to find'),
    skills: skillList.default([]),
    municipality: municipalityRef.optional().describe('Where the text\'s owner is (for location fit)'),
    remote: z.boolean().default(false),
    k: z.number().int().min(1).max(200).default(20),
    lang: labelLang,
    filter: z
      .object({
        municipality: municipalityRef.optional(),
        region: regionRef.optional(),
        within: z.number().min(0).max(1500).optional().describe('Only hits within this many km'),
        failedGates,
      })
      .strict()
      .default({ failedGates: 'last' }),
  })
  .strict();
export type AdHocMatchBody = z.output<typeof adHocMatchBody>;
