import type { Principal } from '../access.js';
import { unaudited, type AuditNote } from '../audit-note.js';
import type { Clock } from '../clock.js';
import { invalidInput, problem, tooManyRecords, type FieldProblem } from '../errors.js';
import type { Guard } from '../guard.js';
import type { OutcomeExport, OutcomeImportResult, OutcomeInput, StoredOutcome } from './schema.js';

/** What the outcome use cases store and read (src/adapters/sqlite/outcomes.ts). */
export interface OutcomeStore {
  /** Stores the events not stored yet (by client, event and date), in one transaction; how many were new. */
  addMany(outcomes: StoredOutcome[]): Promise<number>;
  /** How many of these events are stored already. */
  countStored(outcomes: Pick<StoredOutcome, 'jobseekerId' | 'event' | 'date'>[]): Promise<number>;
  ofJobseeker(jobseekerId: string): Promise<StoredOutcome[]>;
  /** Erasure: the client's events go. */
  forgetJobseeker(jobseekerId: string): Promise<void>;
}

export interface OutcomePorts {
  store: OutcomeStore;
  guard: Guard;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<unknown>;
  now: Clock;
}

/**
 * Labour-market outcomes from registers: dated events per client, imported in bulk by admins and
 * by counsellors for their area's clients. An import is atomic: one bad line (a value that cannot
 * be read, or a client who is unknown or not the caller's — the same answer for both) refuses the
 * whole request with every bad line named, and nothing is stored. Importing the same events again
 * changes nothing.
 */
export class Outcomes {
  constructor(
    private readonly ports: OutcomePorts,
    readonly maxBatch: number,
  ) {}

  /** `options.lines`: each input's line in the file (problems name it); by default its position. */
  async import(p: Principal, inputs: OutcomeInput[], options: { dryRun: boolean; lines?: readonly number[] }, audit: AuditNote = unaudited()): Promise<OutcomeImportResult> {
    if (inputs.length > this.maxBatch) throw tooManyRecords(this.maxBatch, inputs.length);
    const problems: FieldProblem[] = [];
    const reachable = new Map<string, boolean>();
    for (const [i, o] of inputs.entries()) {
      let ok = reachable.get(o.jobseekerId);
      if (ok === undefined) {
        // Another area's client and an unknown id get one answer (false for both).
        ok = await this.ports.guard.reaches(p, o.jobseekerId);
        reachable.set(o.jobseekerId, ok);
      }
      if (!ok) problems.push(problem('jobseekerId', 'no_client', { id: o.jobseekerId }, options.lines?.[i] ?? i + 1));
    }
    if (problems.length > 0) throw invalidInput(problems);
    const at = this.ports.now().toISOString();
    const seen = new Set<string>();
    const outcomes = inputs
      .filter((o) => {
        const key = `${o.jobseekerId}\u0000${o.event}\u0000${o.date}`;
        return !seen.has(key) && (seen.add(key), true);
      })
      .map((o) => ({ jobseekerId: o.jobseekerId, event: o.event, date: o.date, source: o.source ?? null, importedAt: at, importedBy: p.name }));
    audit.jobseekers.push(...reachable.keys());
    const created = options.dryRun ? outcomes.length - (await this.ports.store.countStored(outcomes)) : await this.ports.store.addMany(outcomes);
    audit.detail = { outcomes: inputs.length, created, ...(options.dryRun ? { dryRun: true } : {}) };
    return { created, updated: 0, unchanged: inputs.length - created };
  }

  async ofJobseeker(p: Principal, jobseekerId: string, audit: AuditNote = unaudited()): Promise<OutcomeExport[]> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId); // first: another area's client and an unknown id get one answer
    await this.ports.jobseeker(jobseekerId);
    return await this.exportOf(jobseekerId);
  }

  /** For the client's data export. */
  async exportOf(jobseekerId: string): Promise<OutcomeExport[]> {
    return (await this.ports.store.ofJobseeker(jobseekerId)).map(({ jobseekerId: _j, ...o }) => o);
  }
}
