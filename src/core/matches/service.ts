import type { Principal } from '../access.js';
import type { AuditNote } from '../audit-note.js';
import type { CandidateLists } from '../candidates.js';
import type { Matcher } from '../matching.js';
import type { Decisions } from '../oversight/decisions.js';
import type { Suggestions } from '../oversight/suggestions.js';
import type { AdHocMatchBody, MatchHit, MatchQuery, MatchResponse } from './schema.js';

export interface MatchPorts {
  /** The embedder every answer names. */
  embedder: string;
  suggestions: Pick<Suggestions, 'vacanciesFor'>;
  candidates: Pick<CandidateLists, 'forVacancy' | 'forText'>;
  matcher: Pick<Matcher, 'forText'>;
  decisions: Pick<Decisions, 'served'>;
}

/** The score breakdown of each hit, for the audit log (the AI Act's logging of decisions). */
const decisions = (hits: MatchHit[], idOf: (hit: MatchHit, position: number) => string | number) =>
  hits.map((h, i) => ({ hit: idOf(h, i), score: h.score, parts: h.parts, missing: h.missingSkills.length }));

/**
 * Ranked, explained matches, the use cases behind /v1/jobseekers/:id/matches,
 * /v1/vacancies/:id/candidates and /v1/match: each authorises (in Suggestions and CandidateLists),
 * ranks, records the decision and the audit detail, and returns the answer. The audit keeps the
 * real ids of candidates, whatever the caller sees.
 */
export class Matches {
  constructor(private readonly ports: MatchPorts) {}

  async vacanciesFor(p: Principal, id: string, query: MatchQuery & { paySubsidy?: boolean }, audit: AuditNote): Promise<MatchResponse> {
    const hits = await this.ports.suggestions.vacanciesFor(p, id, query);
    audit.jobseekers.push(id);
    audit.detail = { jobseeker: 0, decisions: decisions(hits, (h) => h.id) };
    return { query: { id, ...query }, embedder: this.ports.embedder, hits };
  }

  async candidatesFor(p: Principal, vacancyId: string, query: MatchQuery, audit: AuditNote): Promise<MatchResponse> {
    const { ranked, shown } = await this.ports.candidates.forVacancy(p, vacancyId, query);
    this.candidatesAudited(audit, ranked, vacancyId);
    return { query: { id: vacancyId, ...query }, embedder: this.ports.embedder, hits: shown };
  }

  /** Ad-hoc text (a CV or a job description), not stored. */
  async forText(p: Principal, body: AdHocMatchBody, audit: AuditNote): Promise<MatchResponse> {
    const { text, skills, municipality, remote, target, k, lang, filter } = body;
    const query = { k, lang, ...filter };
    const profile = { text, skills, municipality, remote };
    if (target === 'jobseekers') {
      const { ranked, shown } = await this.ports.candidates.forText(p, profile, query);
      this.candidatesAudited(audit, ranked);
      return { query, embedder: this.ports.embedder, hits: shown };
    }
    const hits = await this.ports.matcher.forText(profile, target, query);
    this.ports.decisions.served(p, 'text-vacancies', hits);
    audit.detail = { decisions: decisions(hits, (h) => h.id) };
    return { query, embedder: this.ports.embedder, hits };
  }

  private candidatesAudited(audit: AuditNote, hits: MatchHit[], vacancyId?: string): void {
    audit.jobseekers.push(...hits.map((h) => h.id));
    audit.detail = { vacancy: vacancyId, decisions: decisions(hits, (_h, i) => i) };
  }
}
