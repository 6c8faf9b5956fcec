import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import { notFound } from '../errors.js';
import type { Guard } from '../guard.js';
import type { Lang } from '../languages.js';
import type { Matcher } from '../matching.js';
import type { MatchHit, MatchQuery } from '../matches/schema.js';
import type { Override, OverrideInput } from './schema.js';
import type { Decisions } from './decisions.js';
import { explainToPerson } from './explanation.js';
import type { Clock } from '../clock.js';

export interface SuggestionPorts {
  matcher: Pick<Matcher, 'vacanciesForJobseeker' | 'pair'>;
  overrides: {
    put(o: Override): Promise<void>;
    ofJobseeker(id: string): Promise<Override[]>;
    remove(jobseekerId: string, vacancyId: string): Promise<boolean>;
  };
  /** Whether the vacancy exists and is open (matched and counted). */
  isOpen(vacancyId: string): Promise<boolean>;
  guard: Guard;
  decisions: Decisions;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

export type SuggestedHit = MatchHit & { counsellorOverride?: { action: 'put-forward'; reason: string; at: string } };

/**
 * Vacancies suggested for a client with the human in the loop: a counsellor's overrides apply
 * (set aside: not suggested; put forward: first, whatever its score), each ranking served is kept
 * as a decision record, and the client can be told in their language why a vacancy was suggested.
 */
export class Suggestions {
  constructor(private readonly ports: SuggestionPorts) {}

  async vacanciesFor(p: Principal, id: string, query: MatchQuery & { paySubsidy?: boolean }): Promise<SuggestedHit[]> {
    await this.ports.guard.jobseeker(p, id);
    const overrides = await this.ports.overrides.ofJobseeker(id);
    const setAside = new Set(overrides.filter((o) => o.action === 'set-aside').map((o) => o.vacancyId));
    const open = await Promise.all(overrides.map((o) => o.action === 'put-forward' && this.ports.isOpen(o.vacancyId)));
    const forward = overrides.filter((_o, i) => open[i]);
    const ranked = await this.ports.matcher.vacanciesForJobseeker(id, { ...query, k: query.k + setAside.size + forward.length });
    const first: SuggestedHit[] = [];
    for (const o of forward) {
      const hit = await this.ports.matcher.pair(id, o.vacancyId, query.lang);
      // Put forward, but not a pay-subsidy vacancy: left out when only those are asked for.
      if (query.paySubsidy && !hit.paySubsidy) continue;
      first.push({ ...hit, counsellorOverride: { action: 'put-forward', reason: o.reason, at: o.at } });
    }
    const shown = new Set(first.map((h) => h.id));
    const hits = [...first, ...ranked.filter((h) => !setAside.has(h.id) && !shown.has(h.id))].slice(0, query.k);
    this.ports.decisions.served(p, 'vacancies', hits, id);
    return hits;
  }

  /** Why the vacancy was (or would be) suggested to the client, in fi, sv or en. */
  async explanation(p: Principal, id: string, vacancyId: string, lang: Lang, audit: AuditNote = unaudited()) {
    await this.ports.guard.jobseeker(p, id);
    const explanation = explainToPerson(await this.ports.matcher.pair(id, vacancyId, lang), lang);
    audit.jobseekers.push(id);
    return explanation;
  }

  async override(p: Principal, id: string, input: OverrideInput, audit: AuditNote = unaudited()): Promise<Override> {
    await this.ports.guard.jobseeker(p, id);
    if (input.action === 'put-forward' && !(await this.ports.isOpen(input.vacancyId))) throw notFound('vacancy', input.vacancyId);
    const o: Override = { ...input, jobseekerId: id, counsellor: p.keyId, at: this.ports.now().toISOString() };
    await this.ports.overrides.put(o);
    audit.jobseekers.push(id);
    return o;
  }

  async overrides(p: Principal, id: string, audit: AuditNote = unaudited()): Promise<Override[]> {
    audit.jobseekers.push(id);
    await this.ports.guard.jobseeker(p, id);
    return await this.ports.overrides.ofJobseeker(id);
  }

  async withdraw(p: Principal, id: string, vacancyId: string, audit: AuditNote = unaudited()): Promise<void> {
    await this.ports.guard.jobseeker(p, id);
    if (!(await this.ports.overrides.remove(id, vacancyId))) throw notFound('override', vacancyId);
    audit.jobseekers.push(id);
  }
}
