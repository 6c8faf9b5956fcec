import type { Principal } from './access.js';
import type { AuditNote } from './audit-note.js';
import { invalidInput } from './errors.js';
import type { Guard } from './guard.js';
import type { WriteCheck } from './records.js';

/** Most vacancies one unit lists as its own (a page of them is read from these). */
const MAX_OWNED = 100_000;

/**
 * What a caller may do with one kind of record, asked by the record routes before (and told
 * after) each operation. Throws `forbidden` when the organisation boundary refuses it.
 */
export interface RecordAccess {
  read(p: Principal, id: string): Promise<void>;
  /** Municipality codes the caller may list records in; undefined: all. */
  listWithin(p: Principal): ReadonlySet<string> | undefined;
  /** Ids of the records the caller's organisation owns (`owner=mine`); refused where there is no owner. */
  owned(p: Principal): Promise<string[]>;
  /** `audit`: the request's note, told of the ids the boundary refused (see Guard.jobseekerWrites). */
  write(p: Principal, records: { id: string; municipality: string }[], audit?: AuditNote): Promise<void>;
  /**
   * What is checked again, and claimed, inside the write's own transaction (so that two callers
   * writing one new id at once cannot both pass): undefined when nothing is. Given as data (see
   * WriteTerms): the store reads what it needs in the transaction and asks the check.
   */
  within(p: Principal): WriteCheck | undefined;
  remove(p: Principal, ids: string[]): Promise<void>;
  /**
   * A bulk deletion: the ids the caller may delete. Ids it may not (another area's clients) are left
   * out and answered as not found, as unknown ids are; refusals it must tell (vacancies) throw.
   */
  removable(p: Principal, ids: string[]): Promise<string[]>;
}

/** Jobseekers: the client's employment area decides (see Guard). */
export function jobseekerAccess(guard: Guard): RecordAccess {
  return {
    read: async (p, id) => guard.jobseeker(p, id),
    listWithin: (p) => guard.jobseekerMunicipalities(p),
    owned: async () => {
      throw invalidInput([{ field: 'owner', message: 'jobseekers belong to employment areas, not owners: leave owner out' }]);
    },
    write: async (p, records, audit) => guard.jobseekerWrites(p, records, audit),
    within: () => undefined,
    remove: async (p, ids) => {
      for (const id of ids) await guard.jobseeker(p, id);
    },
    removable: async (p, ids) => {
      const reached = await Promise.all(ids.map((id) => guard.reaches(p, id)));
      return ids.filter((_id, i) => reached[i]);
    },
  };
}

/** Vacancies: anyone with the role reads them; the owning unit (and admins) change them. */
export function vacancyAccess(
  guard: Guard,
  owners: { ownedBy(organisation: string, after: string, limit: number): Promise<string[]> },
): RecordAccess {
  return {
    read: async () => {},
    listWithin: () => undefined,
    owned: (p) => owners.ownedBy(p.organisation.id, '', MAX_OWNED),
    write: (p, records) => guard.vacancyWrites(p, records.map((r) => r.id)),
    // The unit creating a vacancy owns it from the same transaction that inserts it: a second unit
    // writing the same new id at the same moment finds it owned and is refused, its content unstored.
    // (A deleted vacancy's owner and shares go with it in the deletion's transaction: see RecordStore.removeAll.)
    within: (p) => {
      const owner = guard.ownerFor(p);
      return { check: (found) => guard.vacancyWritesFound(p, found), ...(owner !== null ? { claimFor: owner } : {}) };
    },
    remove: (p, ids) => guard.vacancyWrites(p, ids),
    removable: async (p, ids) => {
      await guard.vacancyWrites(p, ids);
      return ids;
    },
  };
}
