import { FREE_TEXT_DETAILS } from '../../core/audit-note.js';
import type { Clock } from '../../core/clock.js';
import type { AuditRecord } from '../../core/privacy/schema.js';
import { codeOf, messageOf } from '../../core/thrown.js';

export interface AuditEntry {
  keyId?: string;
  /** A person signed in with an identity provider: their name (keyId is person:<provider>:<subject>). */
  person?: string;
  role?: string;
  /** The caller's organisation (for the admins' filter). */
  organisation?: string;
  method: string;
  route: string;
  status: number;
  /** Jobseekers the request read, wrote or returned, in the order `detail` refers to them. */
  jobseekers: string[];
  /** What was decided, e.g. the score breakdown of each hit; refers to jobseekers by position. */
  detail?: unknown;
  /** The caller's network address. */
  address?: string;
  /**
   * `erasureMark` when the request began: a jobseeker it names who was erased since (while it ran,
   * by this or another process) is written as their tombstone, not the id. Without it, every
   * jobseeker named is checked.
   */
  erasureMark?: number;
  /**
   * The jobseeker id the request's path named, checked against the tombstones whatever the answer
   * (a list of an unknown client's overrides or referrals answers 200, empty).
   */
  named?: string;
}

/** An entry waiting for its group write, with when it was recorded. */
export type WaitingEntry = { at: string; entry: AuditEntry };

/**
 * A key's last use is written with the audit group that records the use, at most once a minute per
 * key (per process or node), never on the request's own path: a busy key costs one row update a minute.
 */
const KEY_USE_EVERY_MS = 60_000;
/** How many audit entries may wait before they are written at once. */
export const AUDIT_GROUP_MAX = 512;
/** When writing fails (a full disk, no primary reachable), entries wait in memory and are retried this often ... */
export const AUDIT_RETRY_MS = 1000;
/** ... up to this many; beyond it the service refuses requests (see `full`) rather than serve unaudited. */
export const AUDIT_BACKLOG_MAX = 50_000;

/**
 * The entries of an audit trail that wait for their group write, the same in SQLite and PostgreSQL:
 * kept for at most `groupMs` (or AUDIT_GROUP_MAX entries) and written together; while writing
 * fails they wait (up to AUDIT_BACKLOG_MAX) and are retried. Each engine's trail writes a group.
 */
export abstract class GroupedAuditTrail {
  protected pending: WaitingEntry[] = [];
  protected timer: NodeJS.Timeout | undefined;
  protected failure: string | undefined;
  /** When this process last wrote each key's last use (ms). */
  private readonly keyUseNoted = new Map<string, number>();

  protected constructor(
    protected readonly warn: (message: string) => void,
    /** When entries and erasures happen: the service's clock (the machine's for the command-line tools). */
    protected readonly now: Clock,
    /** How long an entry may wait to be written with others (one transaction per group): the configured `auditGroupMs`. */
    protected readonly groupMs: number,
  ) {}

  /** Writes what waits, from a timer: never throws (see `failed`). */
  protected abstract flushInBackground(): void;

  record(entry: AuditEntry): void {
    this.pending.push({ at: this.now().toISOString(), entry });
    if (this.pending.length >= AUDIT_GROUP_MAX && !this.failure) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), this.failure ? AUDIT_RETRY_MS : this.groupMs);
  }

  /** Whether so many entries wait unwritten that requests must be refused. */
  get full(): boolean {
    return this.pending.length >= AUDIT_BACKLOG_MAX;
  }

  /** Entries waiting in memory for their group write. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Why entries are waiting unwritten, if they are. */
  problem(): string | undefined {
    return this.failure && `${this.pending.length} audit entries wait unwritten (${this.failure})`;
  }

  /** A group write failed: the entries keep waiting and are retried (warned once until one succeeds). */
  protected failed(error: unknown): void {
    if (!this.failure) this.warn(`writing the audit trail failed (${messageOf(error)}); entries wait in memory and are retried`);
    this.failure = codeOf(error) ?? 'error';
    this.timer ??= setTimeout(() => this.flushInBackground(), AUDIT_RETRY_MS).unref();
  }

  /**
   * When an API key's request (or its session's) is written at `at`, and its last use is due to be
   * written: the instant before which a stored last use is moved forward (another process may have
   * written it within the minute). Undefined when it is not due.
   */
  protected keyUseDue(entry: AuditEntry, at: string): string | undefined {
    if (!entry.keyId || entry.role === undefined || entry.keyId.startsWith('person:')) return undefined;
    const ms = Date.parse(at);
    const noted = this.keyUseNoted.get(entry.keyId);
    if (noted !== undefined && ms - noted < KEY_USE_EVERY_MS && ms >= noted) return undefined;
    this.keyUseNoted.set(entry.keyId, ms);
    return new Date(ms - KEY_USE_EVERY_MS).toISOString();
  }
}

/**
 * Whether an id the entry names is checked against the erasures before it is written: all a refused
 * request names, all an answered one names when an erasure came after it began (`mark`, the newest
 * erasure now), and the id its path named.
 */
export const checkedForErasure = (entry: AuditEntry, id: string, mark: number): boolean =>
  entry.status >= 400 || entry.erasureMark === undefined || entry.erasureMark < mark || id === entry.named;

/** An entry's detail without what was written in words about someone erased (FREE_TEXT_DETAILS). */
export function withoutFreeText(detail: unknown): unknown {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return detail;
  const dropped = new Set<string>(FREE_TEXT_DETAILS);
  return Object.fromEntries(Object.entries(detail).filter(([field]) => !dropped.has(field)));
}

/** A row of `audit`, the same in SQLite (detail as JSON text) and PostgreSQL (detail as read from jsonb). */
export type AuditRow<Detail> = {
  id: number;
  at: string;
  key_id: string | null;
  role: string | null;
  method: string;
  route: string;
  status: number;
  detail: Detail;
  address: string | null;
  person: string | null;
};

/** The record of an audit row, with the jobseekers it names (in order) and its detail read. */
export const auditRecordOf = (r: AuditRow<unknown>, jobseekers: string[], detail: unknown): AuditRecord => ({
  id: r.id,
  at: r.at,
  keyId: r.key_id,
  role: r.role,
  method: r.method,
  route: r.route,
  status: r.status,
  jobseekers,
  detail,
  address: r.address,
  ...(r.person ? { person: r.person } : {}),
});
