import type { Principal } from '../access.js';
import type { AuditNote } from '../audit-note.js';
import type { GapAnalysis } from '../gaps.js';
import type { Guard } from '../guard.js';
import type { GapRequest } from './schema.js';
import type { PublishedEffect } from '../what-works/published-effects.js';

/**
 * A client's gaps, the use case behind GET /v1/jobseekers/:id/gaps: the client's area decides who
 * may ask; the skills reported (and what each would open) go to the audit trail.
 */
export class Gaps {
  constructor(
    private readonly ports: {
      guard: Pick<Guard, 'jobseeker'>;
      gaps: Pick<GapAnalysis, 'forJobseeker' | 'forVacancy'>;
      /** The measured effects of trainings in the client's employment area (none: offers carry none). */
      measuredFor?: (jobseekerId: string) => Promise<Map<string, PublishedEffect>>;
    },
  ) {}

  async of(p: Principal, id: string, request: GapRequest, audit: AuditNote) {
    const { vacancy, ...query } = request;
    audit.jobseekers.push(id);
    await this.ports.guard.jobseeker(p, id);
    const measured = this.ports.measuredFor ? await this.ports.measuredFor(id) : new Map<string, PublishedEffect>();
    if (vacancy) {
      const gap = await this.ports.gaps.forVacancy(id, vacancy, query);
      return measured.size === 0 ? gap : { ...gap, missingSkills: gap.missingSkills.map((s) => ({ ...s, trainings: withMeasured(s.trainings, measured) })) };
    }
    const report = await this.ports.gaps.forJobseeker(id, query);
    audit.detail = { skills: report.skills.map((s) => ({ uri: s.uri, uplift: s.uplift })) };
    return measured.size === 0 ? report : { ...report, skills: report.skills.map((s) => ({ ...s, trainings: withMeasured(s.trainings, measured) })) };
  }
}

/** Each offer with its training's measured effect, where the area has enough evidence (issue 33, item 6). */
function withMeasured<T extends { id: string }>(offers: T[], measured: Map<string, PublishedEffect>): T[] {
  return offers.map((o) => {
    const m = measured.get(o.id);
    return m ? { ...o, measured: m } : o;
  });
}
