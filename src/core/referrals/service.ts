import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import type { Guard } from '../guard.js';
import type { Referral, ReferralInput } from './schema.js';

export interface ReferralPorts {
  store: { add(r: Omit<Referral, 'id' | 'at'>): Referral; ofJobseeker(jobseekerId: string): Referral[] };
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): unknown;
  /** Throws not found for an unknown training. */
  training(id: string): unknown;
  guard: Guard;
}

/** Referrals of a counsellor's clients to trainings. */
export class Referrals {
  constructor(private readonly ports: ReferralPorts) {}

  refer(p: Principal, r: ReferralInput, audit: AuditNote = unaudited()): Referral {
    audit.jobseekers.push(r.jobseekerId);
    this.ports.guard.jobseeker(p, r.jobseekerId); // first: another area's client and an unknown id get one answer
    this.ports.jobseeker(r.jobseekerId);
    this.ports.training(r.trainingId);
    return this.ports.store.add({ jobseekerId: r.jobseekerId, trainingId: r.trainingId, reason: r.reason ?? null, keyId: p.keyId, counsellor: p.name });
  }

  ofJobseeker(p: Principal, jobseekerId: string, audit: AuditNote = unaudited()): Referral[] {
    audit.jobseekers.push(jobseekerId);
    this.ports.guard.jobseeker(p, jobseekerId);
    this.ports.jobseeker(jobseekerId);
    return this.ports.store.ofJobseeker(jobseekerId);
  }
}
