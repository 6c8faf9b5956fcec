import type { Principal } from './access.js';
import { unaudited, type AuditNote } from './audit-note.js';
import type { Guard } from './guard.js';
import type { AuditQuery, AuditRecord, AuditTrail, Erasure, ShareExport } from './privacy/schema.js';
import type { ReferralExport } from './referrals/schema.js';
import type { DecisionsExport, Override } from './oversight/schema.js';
import type { TransferExport } from './transfers/schema.js';
import type { JobSuggestionExport } from './job-suggestions/schema.js';
import type { JobSearchExport } from './job-search/schema.js';
import type { OutcomeExport } from './outcomes/schema.js';


export interface PersonalDataPorts {
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<object>;
  shares: { ofJobseeker(id: string): Promise<ShareExport[]> };
  referrals: { exportOf(id: string): Promise<ReferralExport[]> };
  audit: {
    forJobseeker(id: string, limit: number): Promise<AuditRecord[]>;
    recent(limit: number): Promise<AuditRecord[]>;
    erasureOf(id: string): Promise<Erasure | undefined>;
  };
  guard: Guard;
  decisions: { ofJobseeker(id: string): Promise<DecisionsExport> };
  overrides: { ofJobseeker(id: string): Promise<Override[]> };
  transfers: { ofJobseeker(id: string): Promise<TransferExport[]> };
  jobSuggestions: { exportOf(id: string): Promise<JobSuggestionExport[]> };
  jobSearch: { exportOf(id: string): Promise<JobSearchExport> };
  outcomes: { exportOf(id: string): Promise<OutcomeExport[]> };
}

/** Longest access log handed out with an export. */
const EXPORT_ACCESS_LOG = 10_000;

/** A person's data for their access request (GDPR art. 15), and the audit trail for admins. */
export class PersonalData {
  constructor(private readonly ports: PersonalDataPorts) {}

  /** Everything held on a jobseeker: profile, shares, referrals, who read their data when, and the rankings they were in. */
  async export(p: Principal, id: string, audit: AuditNote = unaudited()) {
    await this.ports.guard.jobseeker(p, id); // first: another area's client and an unknown id get one answer
    const jobseeker = await this.ports.jobseeker(id);
    const exported = {
      jobseeker,
      sharedWithEmployerServices: (await this.ports.shares.ofJobseeker(id)).map(({ vacancyId, at, expiresAt }) => ({ vacancyId, at, expiresAt })),
      referrals: await this.ports.referrals.exportOf(id),
      accessLog: (await this.ports.audit.forJobseeker(id, EXPORT_ACCESS_LOG)).map(({ jobseekers: _j, detail: _d, ...entry }) => entry),
      decisions: await this.ports.decisions.ofJobseeker(id),
      counsellorOverrides: (await this.ports.overrides.ofJobseeker(id)).map(({ jobseekerId: _j, ...o }) => o),
      transfers: await this.ports.transfers.ofJobseeker(id),
      jobSuggestions: await this.ports.jobSuggestions.exportOf(id),
      jobSearch: await this.ports.jobSearch.exportOf(id),
      outcomes: await this.ports.outcomes.exportOf(id),
    };
    audit.jobseekers.push(id);
    return exported;
  }

  /** The trail for one jobseeker (with their erasure, if erased) or the most recent entries. */
  async auditTrail(query: AuditQuery): Promise<AuditTrail> {
    const { jobseeker, limit } = query;
    if (!jobseeker) return { entries: await this.ports.audit.recent(limit) };
    const erased = await this.ports.audit.erasureOf(jobseeker);
    return { entries: await this.ports.audit.forJobseeker(jobseeker, limit), ...(erased ? { erasure: erased } : {}) };
  }
}
