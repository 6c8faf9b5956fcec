import type { Principal } from '../access.js';
import type { AuditNote } from '../audit-note.js';
import type { GapAnalysis } from '../gaps.js';
import type { Guard } from '../guard.js';
import type { GapRequest } from './schema.js';

/**
 * A client's gaps, the use case behind GET /v1/jobseekers/:id/gaps: the client's area decides who
 * may ask; the skills reported (and what each would open) go to the audit trail.
 */
export class Gaps {
  constructor(private readonly ports: { guard: Pick<Guard, 'jobseeker'>; gaps: Pick<GapAnalysis, 'forJobseeker' | 'forVacancy'> }) {}

  async of(p: Principal, id: string, request: GapRequest, audit: AuditNote) {
    const { vacancy, ...query } = request;
    audit.jobseekers.push(id);
    await this.ports.guard.jobseeker(p, id);
    if (vacancy) return this.ports.gaps.forVacancy(id, vacancy, query);
    const report = await this.ports.gaps.forJobseeker(id, query);
    audit.detail = { skills: report.skills.map((s) => ({ uri: s.uri, uplift: s.uplift })) };
    return report;
  }
}
