import type { Principal } from './access.js';
import type { AuditNote } from './audit-note.js';
import { invalidInput, notFound, problem } from './errors.js';
import type { BaseRecord, Stored } from './kinds.js';
import type { RecordAccess } from './record-access.js';
import type { BatchResult, Expectation, RecordService } from './records.js';

/** Records read per page while exporting. */
const EXPORT_PAGE = 500;

export interface RecordUseCasePorts<In extends BaseRecord> {
  records: RecordService<In>;
  /** The organisation boundary for this kind (src/core/record-access.ts). */
  access: RecordAccess;
  /**
   * For personal data (jobseekers): reads and writes are audited by id, and deletion is GDPR
   * erasure (record, vector, shares; the audit trail keeps a tombstone).
   */
  erase?(ids: string[], keyId?: string): Promise<{ erased: string[]; notFound: string[] }>;
}

export interface RecordListing {
  limit: number;
  after?: string;
  municipality?: string;
  q?: string;
  owner?: 'mine';
}

/**
 * Create, replace, read, list and delete one kind of record, single and in bulk, as a caller may:
 * each use case asks the organisation boundary first, acts (a unit's claim to a vacancy it creates is
 * checked and made inside the write's own transaction) and notes the jobseekers touched for the audit.
 */
export class RecordUseCases<In extends BaseRecord> {
  /** Whether these records are personal data (jobseekers): audited by id, erased on deletion. */
  readonly personal: boolean;

  constructor(private readonly ports: RecordUseCasePorts<In>) {
    this.personal = ports.erase !== undefined;
  }

  /** e.g. "jobseeker" */
  get name(): string {
    return this.ports.records.kind.name;
  }

  /** Most records one batch may hold. */
  get maxBatch(): number {
    return this.ports.records.maxBatch;
  }

  /** Every record the caller may read (`owner`: only its unit's), for a spreadsheet. */
  async export(p: Principal, owner: boolean, audit: AuditNote): Promise<Stored<In>[]> {
    const { records, access } = this.ports;
    const within = access.listWithin(p);
    const ids = owner ? await access.owned(p) : undefined;
    const all: Stored<In>[] = [];
    for (let after = ''; ; ) {
      const page = await records.list({ limit: EXPORT_PAGE, after, within, ids });
      all.push(...page);
      if (page.length < EXPORT_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    this.touched(audit, all.map((r) => String(r.id)));
    return all;
  }

  async list(p: Principal, listing: RecordListing, audit: AuditNote): Promise<{ items: Stored<In>[]; next?: string }> {
    const { q, owner, ...page } = listing;
    const ids = owner ? await this.ports.access.owned(p) : undefined;
    const items = await this.ports.records.list({ ...page, search: q, ids, within: this.ports.access.listWithin(p) });
    this.touched(audit, items.map((r) => r.id));
    const next = items.length === listing.limit ? items[items.length - 1]?.id : undefined;
    return next ? { items, next } : { items };
  }

  async get(p: Principal, id: string, audit: AuditNote): Promise<Stored<In>> {
    await this.ports.access.read(p, id);
    const record = await this.ports.records.get(id);
    this.touched(audit, [record.id]);
    return record;
  }

  async create(p: Principal, input: In, audit: AuditNote): Promise<Stored<In>> {
    const { records, access } = this.ports;
    await access.write(p, [input], audit);
    const record = await records.create(input, access.within(p));
    this.touched(audit, [record.id]);
    return record;
  }

  /**
   * Creates or replaces the record `id`. `expectation` (what the request's conditional headers
   * expect to find stored) is asked only after the organisation boundary: a record the caller may
   * not change answers 403/404 as before, never a precondition failure telling that it exists or its version.
   */
  async put(
    p: Principal,
    id: string,
    body: Omit<In, 'id'> & { id?: string },
    expectation: () => Expectation | undefined,
    audit: AuditNote,
  ): Promise<{ record: Stored<In>; created: boolean }> {
    if (body.id !== undefined && body.id !== id) throw invalidInput([problem('id', 'id_differs', { body: body.id, path: id })]);
    const { records, access } = this.ports;
    const record = { ...body, id } as In;
    await access.write(p, [record], audit);
    const expect = expectation();
    const saved = await records.put(record, access.within(p), expect);
    this.touched(audit, [saved.record.id]);
    return saved;
  }

  /** Deletes (personal data: erases) one record. */
  async remove(p: Principal, id: string): Promise<void> {
    const { records, access, erase } = this.ports;
    await access.remove(p, [id]);
    if (!erase) {
      await records.remove(id);
    } else if ((await erase([id], p.keyId)).erased.length === 0) {
      throw notFound(this.name, id);
    }
  }

  /** Creates or replaces a batch, atomically. */
  async putMany(p: Principal, inputs: In[], audit: AuditNote): Promise<BatchResult> {
    const { records, access } = this.ports;
    await access.write(p, inputs, audit);
    const result = await records.putMany(inputs, access.within(p));
    this.touched(audit, inputs.map((r) => r.id));
    return result;
  }

  /** Deletes (personal data: erases) a batch, atomically; ids the caller may not reach are reported as not found, exactly as unknown ones. */
  async removeMany(p: Principal, asked: string[]): Promise<{ removed: number; notFound: string[] }> {
    const { records, access, erase } = this.ports;
    const ids = await access.removable(p, asked);
    if (!erase) return records.removeMany(ids);
    const { erased } = await erase(ids, p.keyId);
    return { removed: erased.length, notFound: [...new Set(asked)].filter((id) => !erased.includes(id)) };
  }

  /** Records which jobseekers a request touched, for the audit log. */
  private touched(audit: AuditNote, ids: string[]): void {
    if (this.personal) audit.jobseekers.push(...ids);
  }
}
