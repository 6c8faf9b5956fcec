import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import type { Clock } from '../clock.js';
import { fill, invalidInput, KohtaantoError, MESSAGES, problem, versionMismatch } from '../errors.js';
import type { Guard } from '../guard.js';
import { NEXT_REFERRAL_STATES, type Referral, type ReferralChange, type ReferralEvent, type ReferralExport, type ReferralInput } from './schema.js';

/** What the referral use cases store and read (src/adapters/sqlite/referrals.ts). */
export interface ReferralStore {
  add(r: Omit<Referral, 'id' | 'at' | 'state' | 'version' | 'history'>, first: Omit<ReferralEvent, 'state'>): Promise<Referral>;
  get(id: number): Promise<Referral | undefined>;
  ofJobseeker(jobseekerId: string): Promise<Referral[]>;
  /** Sets the state only if the referral still has `version` (two people changing it at once cannot both win). */
  change(id: number, version: number, event: ReferralEvent): Promise<boolean>;
}

export interface ReferralPorts {
  store: ReferralStore;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<unknown>;
  /** Throws not found for an unknown training. */
  training(id: string): unknown;
  guard: Guard;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

const noReferral = (id: number) => new KohtaantoError('not_found', `no referral ${id} that you may see`);

/**
 * Referrals of a counsellor's clients to trainings, and what became of each: accepted, started,
 * completed or interrupted, or declined or cancelled before it started. Each change is dated (the
 * day it happened and when it was recorded), names who recorded it and may carry a note. A change
 * is made by a counsellor of the client's area or an admin; a training provider's update comes
 * through the same route with an API key of the counsellor's organisation.
 */
export class Referrals {
  constructor(private readonly ports: ReferralPorts) {}

  async refer(p: Principal, r: ReferralInput, audit: AuditNote = unaudited()): Promise<Referral> {
    audit.jobseekers.push(r.jobseekerId);
    await this.ports.guard.jobseeker(p, r.jobseekerId); // first: another area's client and an unknown id get one answer
    await this.ports.jobseeker(r.jobseekerId);
    this.ports.training(r.trainingId);
    const at = this.ports.now().toISOString();
    const made = await this.ports.store.add(
      { jobseekerId: r.jobseekerId, trainingId: r.trainingId, reason: r.reason ?? null, keyId: p.keyId, counsellor: p.name },
      { on: at.slice(0, 10), at, by: p.name, role: p.role, note: null },
    );
    audit.detail = { referral: made.id, training: made.trainingId };
    return made;
  }

  async ofJobseeker(p: Principal, jobseekerId: string, audit: AuditNote = unaudited()): Promise<Referral[]> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId);
    await this.ports.jobseeker(jobseekerId);
    return await this.ports.store.ofJobseeker(jobseekerId);
  }

  async change(p: Principal, id: number, change: ReferralChange, audit: AuditNote = unaudited()): Promise<Referral> {
    const stored = await this.ports.store.get(id);
    // Another area's client's referral, an erased client's (kept anonymous) and one that does not exist get one answer.
    if (!stored || !(await this.ports.guard.reaches(p, stored.jobseekerId))) throw noReferral(id);
    audit.jobseekers.push(stored.jobseekerId);
    if (change.version !== stored.version) throw versionMismatch(String(id));
    const next = NEXT_REFERRAL_STATES[stored.state];
    if (!next.includes(change.state)) {
      const allowed = next.length > 0 ? next.join(', ') : '—';
      const params = { id, state: stored.state, next: allowed };
      const error = new KohtaantoError('conflict', fill(MESSAGES.referral_step.en, params), [problem('state', 'referral_next', { state: stored.state, next: allowed })], params);
      throw Object.assign(error, { messageId: 'referral_step' as const });
    }
    if (change.state === 'declined' && !change.note) throw invalidInput([problem('note', 'required')]);
    const at = this.ports.now().toISOString();
    const today = at.slice(0, 10);
    const on = change.on ?? today;
    const previous = stored.history.at(-1)?.on ?? stored.at.slice(0, 10);
    if (on > today || on < previous) throw invalidInput([problem('on', 'date_between', { from: previous, to: today })]);
    const event: ReferralEvent = { state: change.state, on, at, by: p.name, role: p.role, note: change.note ?? null };
    if (!(await this.ports.store.change(id, stored.version, event))) throw versionMismatch(String(id));
    const changed = (await this.ports.store.get(id))!;
    audit.detail = { referral: id, state: changed.state };
    return changed;
  }

  /** For the client's data export: every referral with its state and history. */
  async exportOf(jobseekerId: string): Promise<ReferralExport[]> {
    return (await this.ports.store.ofJobseeker(jobseekerId)).map(({ trainingId, counsellor, reason, at, state, history }) => ({ trainingId, counsellor, reason, at, state, history }));
  }
}
