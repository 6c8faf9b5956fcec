import type { MatchHit } from './matches/schema.js';

export interface CandidateDisclosure {
  /** Whether the caller sees this candidate as a person (their own area's client, or an admin). */
  seesPerson: (hit: MatchHit) => boolean;
  /** Candidates a counsellor has shared for this vacancy with the unit that owns it. */
  shared: ReadonlySet<string>;
  /** The pseudonym of a candidate in this list (keyed per vacancy; per request for ad-hoc text). */
  pseudonym: (jobseekerId: string) => string;
  /** Name and contact details of a jobseeker, for shared candidates. */
  contactOf: (jobseekerId: string) => { name?: string; contact?: { email?: string; phone?: string } } | undefined;
}

/** Only taxonomy concepts: a free-text skill could be as good as a name (e.g. a rare condition). */
const concepts = (skills: MatchHit['matchedSkills']) => skills.filter((s) => !s.uri.startsWith('text:'));

/**
 * A pseudonymous candidate's commute without the range they gave (`commuteKm`, any whole number of km):
 * a rare range is as good as a name for joining two lists or two searches of the same person
 * (test/http/candidate-linking.test.ts). Whether the vacancy is beyond it, and the road distance, stay.
 */
const withoutRange = ({ rangeKm: _, ...commute }: NonNullable<MatchHit['commute']>) => commute;

/** Shown instead of the title of a pseudonymous candidate whose occupation is no taxonomy concept. */
export const NO_OCCUPATION = '–';

/**
 * Candidate lists as the caller may see them. A candidate the caller does not serve keeps a
 * pseudonym (which differs between vacancies, so lists cannot be joined) and shows only taxonomy
 * concepts: the occupation's label instead of their own free-text title (which can say anything
 * about a person, and a rare one would link them across lists), taxonomy skills, and their commute
 * without the range they gave (a rare one would link them too); their score
 * parts are worked out over taxonomy concepts only (see Matcher.candidatesForVacancy). A shared
 * candidate keeps the same pseudonym and position and gains name and contact.
 */
export function discloseCandidates(hits: MatchHit[], d: CandidateDisclosure): MatchHit[] {
  return hits.map((hit) => {
    if (d.seesPerson(hit)) return hit;
    const pseudonymous: MatchHit = {
      ...hit,
      id: d.pseudonym(hit.id),
      title: hit.occupation?.label ?? NO_OCCUPATION,
      matchedSkills: concepts(hit.matchedSkills),
      missingSkills: concepts(hit.missingSkills),
      ...(hit.commute ? { commute: withoutRange(hit.commute) } : {}),
      shared: false,
    };
    if (!d.shared.has(hit.id)) return pseudonymous;
    const person = d.contactOf(hit.id);
    return { ...pseudonymous, shared: true, ...(person?.name ? { name: person.name } : {}), ...(person?.contact ? { contact: person.contact } : {}) };
  });
}
