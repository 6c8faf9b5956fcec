import type { Matcher } from '../matching.js';
import type { MatchHit } from './schema.js';

/**
 * Rankings that other use cases read for their order, ids and scores only (the exposure report,
 * the suitable vacancies of the job-search obligation): the language changes none of these, so
 * their texts come in Finnish.
 */
const RANKING_LANGUAGE = 'fi';

/** The ids of a vacancy's k best candidates, best first. */
export const candidateIds =
  (matcher: Pick<Matcher, 'candidatesForVacancy'>) =>
  async (vacancyId: string, k: number): Promise<string[]> =>
    (await matcher.candidatesForVacancy(vacancyId, { k, lang: RANKING_LANGUAGE })).map((h) => h.id);

/** A client's k best vacancies, best first. */
export const bestVacancies =
  (matcher: Pick<Matcher, 'vacanciesForJobseeker'>) =>
  (jobseekerId: string, k: number): Promise<MatchHit[]> =>
    matcher.vacanciesForJobseeker(jobseekerId, { k, lang: RANKING_LANGUAGE });
