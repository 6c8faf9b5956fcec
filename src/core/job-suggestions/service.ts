import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import { conflict, invalidInput, KohtaantoError, versionMismatch } from '../errors.js';
import type { Guard } from '../guard.js';
import {
  DEADLINE_MAX_DAYS,
  EMPLOYER_STATES,
  NEXT_STATES,
  type JobSuggestionChange,
  type JobSuggestionEvent,
  type JobSuggestionExport,
  type JobSuggestionInput,
  type JobSuggestionState,
  type JobSuggestionView,
  type StoredJobSuggestion,
} from './schema.js';
import { REASON_REQUIRED } from './states.js';
import type { Clock } from '../clock.js';

/** What the job-suggestion use cases store and read (src/adapters/sqlite/job-suggestions.ts). */
export interface JobSuggestionStore {
  /**
   * Stores the suggestion unless the client already has an open one for the vacancy (not final,
   * not past its deadline on `createdAt`'s day): then it stores nothing and rejects with
   * `alreadySuggested`. The check and the insert are one atomic step, so of two suggest calls at
   * once only one stores.
   */
  add(s: Omit<StoredJobSuggestion, 'id' | 'version' | 'history'>, first: JobSuggestionEvent): Promise<StoredJobSuggestion>;
  get(id: number): Promise<StoredJobSuggestion | undefined>;
  ofJobseeker(jobseekerId: string): Promise<StoredJobSuggestion[]>;
  ofVacancy(vacancyId: string): Promise<StoredJobSuggestion[]>;
  /** Sets the state only if the suggestion still has `version` (two people changing it at once cannot both win). */
  change(id: number, version: number, state: JobSuggestionState, event: JobSuggestionEvent): Promise<boolean>;
  /**
   * The client withdrew their consent to be shared with the vacancy's unit: their suggestions of the vacancy
   * lose it (and a new version, so that a change read before loses too).
   */
  withdrawConsent(vacancyId: string, jobseekerId: string): Promise<void>;
  /** Erasure: the client's suggestions and their history go. */
  forgetJobseeker(jobseekerId: string): Promise<void>;
}

export interface JobSuggestionPorts {
  store: JobSuggestionStore;
  guard: Guard;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<unknown>;
  /** Throws not found for an unknown vacancy. */
  vacancy(id: string): Promise<{ title: string; employer?: string; expiresAt?: string }>;
  /** The employer-services unit that owns a vacancy; null: none. */
  ownerOf(vacancyId: string): Promise<string | null>;
  /** Shares the client with the vacancy's unit (their name and contact on its candidate list). */
  share(p: Principal, vacancyId: string, jobseekerId: string): Promise<void>;
  /**
   * The client as the vacancy's unit sees them: the pseudonym of the vacancy's candidate list, and
   * name and contact while they are shared with the unit (src/core/sharing.ts).
   */
  candidate(vacancyId: string, jobseekerId: string): Promise<{ id: string; shared: boolean; name?: string; contact?: { email?: string; phone?: string } }>;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

/** Days to apply when neither the counsellor nor the vacancy sets a deadline. */
export const DEFAULT_DEADLINE_DAYS = 14;
const DAY_MS = 86_400_000;

/** The answer when the client has an open suggestion of the vacancy already (the service's check, and the store's inside its insert). */
export const alreadySuggested = (vacancyId: string, id: number, state: JobSuggestionState) =>
  conflict(`vacancy '${vacancyId}' is already suggested to this client (suggestion ${id}, ${state})`);

const noSuggestion = (id: number) => new KohtaantoError('not_found', `no job suggestion ${id} that you may see`);

/**
 * Job suggestions: a counsellor proposes a vacancy to a client with a deadline, recording whether
 * the client agreed to be shared with the vacancy's employer-services unit (then they are, through
 * sharing); the client's applying, declining or withdrawing is recorded by the counsellor, the
 * interview, offer, hire or rejection by the counsellor or by the unit the client was shared with.
 * Every change is dated and names who made it. Counsellors reach their area's clients' suggestions,
 * a unit only those of its own vacancies the client consented to share (until they withdraw it); planners none.
 */
export class JobSuggestions {
  private readonly now: Clock;

  constructor(private readonly ports: JobSuggestionPorts) {
    this.now = ports.now;
  }

  async suggest(p: Principal, jobseekerId: string, input: JobSuggestionInput, audit: AuditNote = unaudited()): Promise<JobSuggestionView> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId); // first: another area's client and an unknown id get one answer
    await this.ports.jobseeker(jobseekerId);
    const vacancy = await this.ports.vacancy(input.vacancyId);
    const today = this.today();
    const latest = this.daysFrom(DEADLINE_MAX_DAYS);
    const deadline = input.deadline ?? (vacancy.expiresAt && vacancy.expiresAt >= today && vacancy.expiresAt <= latest ? vacancy.expiresAt : this.daysFrom(DEFAULT_DEADLINE_DAYS));
    if (deadline < today || deadline > latest) {
      throw invalidInput([{ field: 'deadline', message: `a date from today (${today}) to ${latest}` }]);
    }
    const open = (await this.ports.store.ofJobseeker(jobseekerId)).find((s) => s.vacancyId === input.vacancyId && !this.isFinal(s));
    if (open) throw alreadySuggested(input.vacancyId, open.id, this.stateOf(open));
    const unit = await this.ports.ownerOf(input.vacancyId);
    if (input.consent && unit !== null) await this.ports.share(p, input.vacancyId, jobseekerId);
    const at = this.now().toISOString();
    const stored = await this.ports.store.add(
      {
        jobseekerId,
        vacancyId: input.vacancyId,
        unit,
        state: 'suggested',
        deadline,
        consent: input.consent,
        note: input.note ?? null,
        createdAt: at,
        createdKey: p.keyId,
        createdName: p.name,
      },
      { state: 'suggested', at, by: p.name, role: p.role, reason: null },
    );
    // Twice at once: the client's consent withdrawn (DELETE of the share) after the share above and before the
    // suggestion was stored found no suggestion to take it from; the consent stands only while the share does.
    let kept = stored;
    if (input.consent && unit !== null && !(await this.ports.candidate(input.vacancyId, jobseekerId)).shared) {
      await this.ports.store.withdrawConsent(input.vacancyId, jobseekerId);
      kept = (await this.ports.store.get(stored.id)) ?? stored;
    }
    const suggestion = await this.view(p, kept);
    audit.detail = { jobSuggestion: suggestion.id, vacancy: suggestion.vacancyId, consent: suggestion.consent };
    return suggestion;
  }

  async ofJobseeker(p: Principal, jobseekerId: string, audit: AuditNote = unaudited()): Promise<JobSuggestionView[]> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId);
    await this.ports.jobseeker(jobseekerId);
    return Promise.all((await this.ports.store.ofJobseeker(jobseekerId)).map((s) => this.view(p, s)));
  }

  /** A vacancy's suggestions: for its unit those the clients consented to share; for counsellors their area's clients'. */
  async ofVacancy(p: Principal, vacancyId: string, audit: AuditNote = unaudited()): Promise<JobSuggestionView[]> {
    await this.ports.vacancy(vacancyId);
    await this.ports.guard.candidatesOf(p, vacancyId);
    const all = await this.ports.store.ofVacancy(vacancyId);
    const sees = await Promise.all(all.map((s) => this.sees(p, s)));
    const seen = all.filter((_s, i) => sees[i]);
    audit.jobseekers.push(...seen.map((s) => s.jobseekerId));
    return Promise.all(seen.map((s) => this.view(p, s)));
  }

  async change(p: Principal, id: number, change: JobSuggestionChange, audit: AuditNote = unaudited()): Promise<JobSuggestionView> {
    const stored = await this.ports.store.get(id);
    if (!stored || !(await this.sees(p, stored))) throw noSuggestion(id);
    if (p.role === 'employer-service' && !EMPLOYER_STATES.includes(change.state)) {
      throw invalidInput([{ field: 'state', message: `an employer unit records ${EMPLOYER_STATES.join(', ')}; the client's own steps are recorded by their counsellor` }]);
    }
    if (change.version !== stored.version) throw versionMismatch(String(id));
    const current = this.stateOf(stored);
    if (!NEXT_STATES[current].includes(change.state)) {
      throw conflict(`suggestion ${id} is ${current}: ${NEXT_STATES[current].length > 0 ? `it may become ${NEXT_STATES[current].join(', ')}` : 'nothing follows'}`);
    }
    if (REASON_REQUIRED.includes(change.state) && !change.reason) throw invalidInput([{ field: 'reason', message: 'say why the client declined' }]);
    const event: JobSuggestionEvent = { state: change.state, at: this.now().toISOString(), by: p.name, role: p.role, reason: change.reason ?? null };
    if (!(await this.ports.store.change(id, stored.version, change.state, event))) throw versionMismatch(String(id));
    const changed = await this.view(p, (await this.ports.store.get(id))!);
    audit.jobseekers.push(stored.jobseekerId);
    audit.detail = { jobSuggestion: changed.id, state: changed.state };
    return changed;
  }

  /** For the client's data export: every suggestion with its history. */
  async exportOf(jobseekerId: string): Promise<JobSuggestionExport[]> {
    return (await this.ports.store.ofJobseeker(jobseekerId)).map(({ jobseekerId: _j, createdKey: _k, createdName, ...s }) => ({
      ...s,
      state: this.stateOf({ ...s, jobseekerId, createdKey: '', createdName }),
      createdBy: createdName,
    }));
  }

  /** Whether the caller may see (and change) this suggestion. */
  private async sees(p: Principal, s: StoredJobSuggestion): Promise<boolean> {
    if (p.role === 'admin') return true;
    if (p.role === 'counsellor') return this.ports.guard.reaches(p, s.jobseekerId);
    // The unit sees a client only when the client agreed and the unit owns the vacancy now and did then;
    // a client who withdrew the consent (DELETE of the share: Sharing.unshare) agreed no longer.
    if (p.role === 'employer-service') return s.consent && s.unit === p.organisation.id && (await this.ports.ownerOf(s.vacancyId)) === s.unit;
    return false;
  }

  private async view(p: Principal, s: StoredJobSuggestion): Promise<JobSuggestionView> {
    let vacancy: { title?: string; employer?: string } = {};
    try {
      const v = await this.ports.vacancy(s.vacancyId);
      vacancy = { title: v.title, ...(v.employer ? { employer: v.employer } : {}) };
    } catch {
      // deleted since: the suggestion keeps its id
    }
    // An employer unit knows the client by the pseudonym of the vacancy's list, and by name only while shared.
    const person = p.role === 'employer-service' ? await this.ports.candidate(s.vacancyId, s.jobseekerId) : undefined;
    return {
      id: s.id,
      jobseekerId: person ? person.id : s.jobseekerId,
      ...(person ? { shared: person.shared, ...(person.name ? { name: person.name } : {}), ...(person.contact ? { contact: person.contact } : {}) } : {}),
      vacancyId: s.vacancyId,
      ...(vacancy.title ? { vacancyTitle: vacancy.title } : {}),
      ...(vacancy.employer ? { employer: vacancy.employer } : {}),
      unit: s.unit,
      state: this.stateOf(s),
      deadline: s.deadline,
      consent: s.consent,
      ...(p.role === 'employer-service' ? {} : { note: s.note }),
      createdAt: s.createdAt,
      createdBy: s.createdName,
      version: s.version,
      // A unit reads the reasons its own people gave; the counsellor's reasons for the client's steps
      // (why they declined or withdrew, often health or family) are the counsellor's, like the note.
      history: p.role === 'employer-service' ? s.history.map((e) => (e.role === 'employer-service' ? e : { ...e, reason: null })) : s.history,
    };
  }

  /** A suggestion nobody acted on by its deadline has expired. */
  private stateOf(s: StoredJobSuggestion): JobSuggestionState {
    return s.state === 'suggested' && s.deadline < this.today() ? 'expired' : s.state;
  }

  private isFinal(s: StoredJobSuggestion): boolean {
    return NEXT_STATES[this.stateOf(s)].length === 0;
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private daysFrom(days: number): string {
    return new Date(this.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);
  }
}
