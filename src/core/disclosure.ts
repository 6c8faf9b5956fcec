import type { Role } from './access.js';
import { seesPersonalData } from './access.js';
import type { MatchHit } from './schemas/match.js';

export interface CandidateDisclosure {
  role: Role;
  /** Jobseeker ids a counsellor has shared with employer services for this vacancy. */
  shared: ReadonlySet<string>;
  /** Stable pseudonym for a jobseeker id (keyed hash; the key never leaves the server). */
  pseudonym: (jobseekerId: string) => string;
  /** Name and contact details of a jobseeker, for shared candidates. */
  contactOf: (jobseekerId: string) => { name?: string; contact?: { email?: string; phone?: string } } | undefined;
}

/**
 * Candidate lists as a role may see them. Counsellors and admins see real ids; employer services
 * see a pseudonymous id and the skills, and name and contact details only for the candidates a
 * counsellor has shared for that vacancy.
 */
export function discloseCandidates(hits: MatchHit[], d: CandidateDisclosure): MatchHit[] {
  if (seesPersonalData(d.role)) return hits;
  return hits.map((hit) => {
    if (!d.shared.has(hit.id)) return { ...hit, id: d.pseudonym(hit.id), shared: false };
    const person = d.contactOf(hit.id);
    return { ...hit, shared: true, ...(person?.name ? { name: person.name } : {}), ...(person?.contact ? { contact: person.contact } : {}) };
  });
}
