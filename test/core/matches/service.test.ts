import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/core/access.js';
import type { AuditNote } from '../../../src/core/audit-note.js';
import { Matches } from '../../../src/core/matches/service.js';
import type { MatchHit } from '../../../src/core/matches/schema.js';

const unit: Principal = { keyId: 'ku', name: 'u', role: 'employer-service', organisation: { id: 'unit', kind: 'employer-services' } };
const hit = (id: string, score: number, missing = 0) =>
  ({ id, score, parts: { semantic: score }, missingSkills: Array.from({ length: missing }, () => ({ uri: 'x' })) }) as unknown as MatchHit;
const query = { k: 2, lang: 'fi' as const, failedGates: 'last' as const };

/** Matches over port doubles: what each ranking port returns, and what was served. */
function matches() {
  const served: unknown[][] = [];
  const ranked = [hit('J1', 0.9, 1), hit('J2', 0.7)];
  const service = new Matches({
    embedder: 'model-x',
    suggestions: { vacanciesFor: async () => [hit('V1', 0.8, 2)] },
    candidates: {
      forVacancy: async () => ({ ranked, shown: ranked.map((h, i) => ({ ...h, id: `cand-${i}` })) }),
      forText: async () => ({ ranked, shown: ranked.map((h, i) => ({ ...h, id: `cand-${i}` })) }),
    },
    matcher: { forText: async () => [hit('V7', 0.5)] },
    decisions: { served: (...args: unknown[]) => void served.push(args) },
  });
  return { service, served };
}

describe('Matches: each ranking answered with its query and embedder, its decisions in the audit', () => {
  it("keeps the candidates' real ids and score parts in the audit while the caller sees pseudonyms", async () => {
    const { service } = matches();
    const audit: AuditNote = { jobseekers: [] };
    const answer = await service.candidatesFor(unit, 'V1', query, audit);
    expect(answer.hits.map((h) => h.id)).toEqual(['cand-0', 'cand-1']);
    expect(answer.query).toEqual({ id: 'V1', ...query });
    expect(answer.embedder).toBe('model-x');
    expect(audit.jobseekers).toEqual(['J1', 'J2']);
    expect(audit.detail).toEqual({
      vacancy: 'V1',
      decisions: [
        { hit: 0, score: 0.9, parts: { semantic: 0.9 }, missing: 1 },
        { hit: 1, score: 0.7, parts: { semantic: 0.7 }, missing: 0 },
      ],
    });
  });

  it("notes the client and the vacancies' ids for a client's matches", async () => {
    const audit: AuditNote = { jobseekers: [] };
    const answer = await matches().service.vacanciesFor(unit, 'J9', query, audit);
    expect(answer).toEqual({ query: { id: 'J9', ...query }, embedder: 'model-x', hits: [hit('V1', 0.8, 2)] });
    expect(audit).toEqual({ jobseekers: ['J9'], detail: { jobseeker: 0, decisions: [{ hit: 'V1', score: 0.8, parts: { semantic: 0.8 }, missing: 2 }] } });
  });

  it('records ad-hoc vacancies as a decision served; ad-hoc candidates are audited as a vacancy\'s are, without a vacancy', async () => {
    const { service, served } = matches();
    const body = { text: 'hitsaaja', skills: [], remote: false, k: 2, lang: 'fi' as const, filter: { failedGates: 'last' as const }, target: 'vacancies' as const };
    const audit: AuditNote = { jobseekers: [] };
    const vacancies = await service.forText(unit, body, audit);
    expect(vacancies).toEqual({ query: { k: 2, lang: 'fi', failedGates: 'last' }, embedder: 'model-x', hits: [hit('V7', 0.5)] });
    expect(served).toEqual([[unit, 'text-vacancies', [hit('V7', 0.5)]]]);
    expect(audit).toEqual({ jobseekers: [], detail: { decisions: [{ hit: 'V7', score: 0.5, parts: { semantic: 0.5 }, missing: 0 }] } });
    const candidateAudit: AuditNote = { jobseekers: [] };
    const candidates = await service.forText(unit, { ...body, target: 'jobseekers' }, candidateAudit);
    expect(candidates.hits.map((h) => h.id)).toEqual(['cand-0', 'cand-1']);
    expect(candidateAudit.jobseekers).toEqual(['J1', 'J2']);
    expect((candidateAudit.detail as { vacancy?: string }).vacancy).toBeUndefined();
  });
});
