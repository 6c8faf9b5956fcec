import type { GapAnalysis, GapQuery, GapReport } from '../gaps.js';

export interface KeptReportsPorts {
  analysis: Pick<GapAnalysis, 'forJobseeker' | 'forVacancy'>;
  /**
   * What a report is computed from: changes with every write of a vacancy, a jobseeker or a training
   * this process sees, and with the day (what is open, when trainings start).
   */
  version: () => string;
}

/**
 * A client's gap report (a ranking and a what-if ranking per tested skill: the costliest read of a
 * counsellor's page) kept per client and query while the records it was computed from stay the
 * same: the plan tab opened again, its print view or a second counsellor get the same report without
 * computing it again. Any write of a vacancy, jobseeker or training (or a new day) computes anew, so
 * a kept report is always the one a computation at the request gives. The least recently asked go
 * first past `capacity`.
 */
export class KeptGapReports implements Pick<GapAnalysis, 'forJobseeker' | 'forVacancy'> {
  private readonly kept = new Map<string, { version: string; report: Promise<GapReport> }>();
  /** The version the kept reports were computed at: any write makes them all stale, and they are dropped (an erased client's too). */
  private version: string | undefined;

  constructor(
    private readonly ports: KeptReportsPorts,
    private readonly capacity: number,
  ) {}

  forJobseeker(id: string, query: GapQuery): Promise<GapReport> {
    const key = JSON.stringify([id, query.reach, query.municipality ?? null, query.lang, query.today ?? null, query.includeZero ?? false]);
    const version = this.ports.version();
    if (version !== this.version) {
      this.kept.clear();
      this.version = version;
    }
    const found = this.kept.get(key);
    if (found && found.version === version) {
      // Most recently asked last (a Map keeps insertion order).
      this.kept.delete(key);
      this.kept.set(key, found);
      return found.report;
    }
    const report = this.ports.analysis.forJobseeker(id, query);
    this.kept.delete(key);
    this.kept.set(key, { version, report });
    // A report that fails (an unknown client, a closed store) is not kept.
    report.catch(() => {
      if (this.kept.get(key)?.report === report) this.kept.delete(key);
    });
    while (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
    return report;
  }

  /** How many reports are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** One vacancy's gap: a single ranking, not kept. */
  forVacancy(jobseekerId: string, vacancyId: string, query: GapQuery) {
    return this.ports.analysis.forVacancy(jobseekerId, vacancyId, query);
  }
}
