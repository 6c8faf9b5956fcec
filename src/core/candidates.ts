import type { Principal } from './access.js';
import type { Guard } from './guard.js';
import type { AdHocProfile, CandidateOptions, Matcher, RankQuery } from './matching.js';
import type { Decisions } from './oversight/decisions.js';
import type { MatchHit } from './matches/schema.js';
import { tieOrder, type Sharing } from './sharing.js';

export interface CandidateListPorts {
  guard: Pick<Guard, 'candidatesOf' | 'servesMunicipality'>;
  matcher: { candidatesForVacancy: Matcher['candidatesForVacancy']; forText(profile: AdHocProfile, target: 'jobseekers', query: RankQuery, options: CandidateOptions): Promise<MatchHit[]> };
  sharing: Pick<Sharing, 'candidatesOf' | 'adHocCandidates' | 'admitAdHocSearch' | 'listKey' | 'answerKey'>;
  decisions: Pick<Decisions, 'served'>;
}

/** A candidate list: the real ranking (for the audit) and what the caller is shown. */
export interface CandidateList {
  ranked: MatchHit[];
  shown: MatchHit[];
}

/**
 * Candidate lists, the use cases: a vacancy's candidates and candidates for ad-hoc text. Whoever is
 * not an admin gets a ranking over taxonomy requirements only (free-text requirements move nothing
 * they could see) and sees each candidate as Sharing allows; the list counts against the
 * organisation's daily budget before it is recorded as a decision served.
 */
export class CandidateLists {
  constructor(private readonly ports: CandidateListPorts) {}

  /**
   * Who is scored without comparing texts: every candidate of a list whose caller sees any of them
   * pseudonymously (everyone but admins). One rule for the whole list, so that its scores compare:
   * a counsellor's own clients scored with the text part and other areas' without it would not.
   */
  private conceptsOnly(p: Principal): CandidateOptions['conceptsOnly'] {
    return p.role !== 'admin';
  }

  /**
   * What the ranking breaks ties by: for everyone but admins the order of the list's pseudonyms, not the real
   * ids, whose order would be one in every list (alike candidates joined by their places, even when
   * candidates of another gate split them into several tied runs).
   */
  private tieOrder(p: Principal, key: Buffer): CandidateOptions['tieOrder'] {
    return p.role === 'admin' ? undefined : tieOrder(key);
  }

  async forVacancy(p: Principal, vacancyId: string, query: RankQuery): Promise<CandidateList> {
    await this.ports.guard.candidatesOf(p, vacancyId);
    const key = await this.ports.sharing.listKey(vacancyId);
    const ranked = await this.ports.matcher.candidatesForVacancy(vacancyId, query, { conceptsOnly: this.conceptsOnly(p), tieOrder: this.tieOrder(p, key) });
    const shown = await this.ports.sharing.candidatesOf(p, vacancyId, ranked);
    this.ports.decisions.served(p, 'candidates', ranked, vacancyId);
    return { ranked, shown };
  }

  async forText(p: Principal, profile: AdHocProfile, query: RankQuery): Promise<CandidateList> {
    await this.ports.sharing.admitAdHocSearch(p, query.k);
    const key = this.ports.sharing.answerKey();
    const ranked = await this.ports.matcher.forText(profile, 'jobseekers', query, { conceptsOnly: this.conceptsOnly(p), tieOrder: this.tieOrder(p, key) });
    const shown = await this.ports.sharing.adHocCandidates(p, ranked, key);
    this.ports.decisions.served(p, 'text-candidates', ranked);
    return { ranked, shown };
  }
}
