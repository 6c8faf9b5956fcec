import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import type { Guard } from '../guard.js';
import type { JobSuggestionEvent } from '../job-suggestions/schema.js';
import type { MatchHit } from '../matches/schema.js';
import { suitsNow } from '../suitability.js';
import {
  DEFAULT_APPLICATIONS_PER_MONTH,
  type CountedApplication,
  type JobSearchQuery,
  type JobSearchView,
  type ObligationChange,
  type ObligationView,
  type ReportedApplicationInput,
  type StoredObligationChange,
  type StoredReportedApplication,
} from './schema.js';
import type { Clock } from '../clock.js';

export interface JobSearchStore {
  changeObligation(c: StoredObligationChange): Promise<void>;
  /** Newest first. */
  obligationChanges(jobseekerId: string): Promise<StoredObligationChange[]>;
  addReported(a: Omit<StoredReportedApplication, 'id'>): Promise<StoredReportedApplication>;
  reportedBetween(jobseekerId: string, from: string, to: string): Promise<StoredReportedApplication[]>;
  ofJobseeker(jobseekerId: string): Promise<{ obligation: StoredObligationChange[]; reported: StoredReportedApplication[] }>;
  forgetJobseeker(jobseekerId: string): Promise<void>;
}

export interface JobSearchPorts {
  store: JobSearchStore;
  guard: Guard;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<unknown>;
  /** The client's job suggestions with their histories. */
  suggestions(jobseekerId: string): Promise<{ vacancyId: string; history: JobSuggestionEvent[] }[]>;
  /** The best `k` vacancies for the client, ranked as their matches are. */
  matches(jobseekerId: string, k: number): Promise<MatchHit[]>;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

export interface JobSearchSettings {
  /** A vacancy is suitable when its match score reaches this (and it passes every hard gate, the commuting range included). */
  suitableScore: number;
  /** How many of the best matches are looked at for the suitable-vacancy figure. */
  suitablePool: number;
}

/** States of a suggestion that mean the client applied (an interview or offer follows an application). */
const APPLIED = new Set(['applied', 'interview', 'offer', 'hired']);

/**
 * The job-search obligation per client and review period (a calendar month): the number of
 * applications asked (default four, 0–4, changed by a counsellor with a reason), the applications
 * counted in the period — a suggestion the client applied for (the date of the first step showing
 * it) and applications the client reports — and the suitable open vacancies within the client's
 * commuting range now. Decision support only: nothing here sanctions anyone.
 */
export class JobSearch {
  private readonly now: Clock;

  constructor(
    private readonly ports: JobSearchPorts,
    private readonly settings: JobSearchSettings,
  ) {
    this.now = ports.now;
  }

  async forJobseeker(p: Principal, jobseekerId: string, query: JobSearchQuery, audit: AuditNote = unaudited()): Promise<JobSearchView> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId); // first: another area's client and an unknown id get one answer
    await this.ports.jobseeker(jobseekerId);
    const month = query.month ?? this.now().toISOString().slice(0, 7);
    const from = `${month}-01`;
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const to = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10); // the month's last day
    const applications: CountedApplication[] = [];
    for (const s of await this.ports.suggestions(jobseekerId)) {
      const applied = s.history.find((e) => APPLIED.has(e.state))?.at.slice(0, 10);
      if (applied && applied >= from && applied <= to) applications.push({ appliedOn: applied, source: 'suggestion', vacancyId: s.vacancyId, employer: null, title: null });
    }
    for (const a of await this.ports.store.reportedBetween(jobseekerId, from, to)) {
      applications.push({ appliedOn: a.appliedOn, source: 'reported', vacancyId: a.vacancyId ?? null, employer: a.employer, title: a.title });
    }
    applications.sort((a, b) => a.appliedOn.localeCompare(b.appliedOn));
    const changes = (await this.ports.store.obligationChanges(jobseekerId)).map(viewOf);
    const hits = await this.ports.matches(jobseekerId, this.settings.suitablePool);
    return {
      jobseekerId,
      period: { from, to },
      obligation: changes[0] ?? { perMonth: DEFAULT_APPLICATIONS_PER_MONTH, reason: null, setBy: null, setAt: null },
      applications,
      applied: applications.length,
      suitableOpenVacancies: hits.filter((h) => suitsNow(h, this.settings.suitableScore)).length,
      changes,
    };
  }

  async setObligation(p: Principal, jobseekerId: string, change: ObligationChange, audit: AuditNote = unaudited()): Promise<ObligationView> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId);
    await this.ports.jobseeker(jobseekerId);
    const stored = { jobseekerId, perMonth: change.perMonth, reason: change.reason, at: this.now().toISOString(), actor: p.name };
    await this.ports.store.changeObligation(stored);
    const set = viewOf(stored);
    audit.detail = { perMonth: set.perMonth, reason: set.reason };
    return set;
  }

  async report(p: Principal, jobseekerId: string, input: ReportedApplicationInput, audit: AuditNote = unaudited()): Promise<StoredReportedApplication> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId);
    await this.ports.jobseeker(jobseekerId);
    return await this.ports.store.addReported({ ...input, jobseekerId, at: this.now().toISOString(), actor: p.name });
  }

  /** For the client's data export. */
  async exportOf(jobseekerId: string) {
    const { obligation, reported } = await this.ports.store.ofJobseeker(jobseekerId);
    return { obligationChanges: obligation.map(viewOf), reportedApplications: reported.map(({ jobseekerId: _j, ...a }) => a) };
  }
}

const viewOf = (c: StoredObligationChange): ObligationView => ({ perMonth: c.perMonth, reason: c.reason, setBy: c.actor, setAt: c.at });
