import { jobseekerKind } from './kinds.js';
import { seekerSide, type MatchCache, type Matcher } from './matching.js';
import type { Embedder } from './ports.js';
import type { StoredJobseeker } from './jobseekers/schema.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';

export interface WhatIfDeps {
  matcher: Matcher;
  normalizer: SkillNormalizer;
  embedder: Embedder;
}

/**
 * The vacancies a client would match with these skills added to the profile, recomputed in full:
 * new embedding, new normalised skills, new retrieval and scoring (the gap analysis and the
 * training plan both ask this).
 */
export async function matchWithSkills(
  deps: WhatIfDeps,
  client: StoredJobseeker,
  skills: string[],
  query: Parameters<Matcher['vacanciesForProfile']>[2],
  cache?: MatchCache,
) {
  const profile = { ...client, skills: [...client.skills, ...skills] };
  const [vector] = await deps.embedder.embed([jobseekerKind.documentText(profile)]);
  const normalized = await deps.normalizer.forJobseeker(profile);
  return deps.matcher.vacanciesForProfile(vector!, seekerSide({ ...profile, normalized }), query, cache);
}
