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

/** What the ranking orders a hit by, as far as the list shows it: hits alike in all of it are tied. */
const rankedBy = (h: MatchHit) => JSON.stringify([h.score, h.parts, h.gates, h.distanceKm ?? null, h.commute?.beyondRange ?? null, h.counsellorOverride ?? null]);

/**
 * The ranking breaks ties by the real id, so candidates a list shows alike came in one order in every list
 * and every search, and their places joined them across lists whatever their pseudonyms
 * (test/http/candidate-linking.test.ts). A run of tied hits with anyone shown by pseudonym is put in the
 * order of their pseudonyms instead: one order per vacancy and owning unit, a new one per ad-hoc answer.
 */
function tiesByPseudonym(hits: MatchHit[], d: Pick<CandidateDisclosure, 'seesPerson' | 'pseudonym'>): MatchHit[] {
  const out: MatchHit[] = [];
  for (let i = 0; i < hits.length; ) {
    let end = i + 1;
    while (end < hits.length && rankedBy(hits[end]!) === rankedBy(hits[i]!)) end++;
    const run = hits.slice(i, end);
    if (run.length > 1 && run.some((h) => !d.seesPerson(h))) {
      const order = new Map(run.map((h) => [h.id, d.pseudonym(h.id)]));
      run.sort((a, b) => (order.get(a.id)! < order.get(b.id)! ? -1 : order.get(a.id)! > order.get(b.id)! ? 1 : 0));
    }
    out.push(...run);
    i = end;
  }
  return out;
}

/** Shown instead of the title of a pseudonymous candidate whose occupation is no taxonomy concept. */
export const NO_OCCUPATION = '–';

/**
 * Candidate lists as the caller may see them. A candidate the caller does not serve keeps a
 * pseudonym (which differs between vacancies, so lists cannot be joined) and shows only taxonomy
 * concepts: the occupation's label instead of their own free-text title (which can say anything
 * about a person, and a rare one would link them across lists), taxonomy skills, and their commute
 * without the range they gave (a rare one would link them too); their score
 * parts are worked out over taxonomy concepts only (see Matcher.candidatesForVacancy). Tied candidates
 * come in the order of their pseudonyms, not of their real ids. A shared candidate keeps the same
 * pseudonym and position and gains name and contact.
 */
export function discloseCandidates(hits: MatchHit[], d: CandidateDisclosure): MatchHit[] {
  return tiesByPseudonym(hits, d).map((hit) => {
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
