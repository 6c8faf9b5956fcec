import { notFound, tooManyRecords } from './errors.js';
import type { RecordService } from './records.js';
import type { Jobseeker } from './jobseekers/schema.js';

export interface ErasurePorts {
  jobseekers: RecordService<Jobseeker>;
  shares: { forgetJobseeker(id: string): Promise<void> };
  referrals: { forgetJobseeker(id: string): Promise<void> };
  audit: { eraseSubject(id: string, keyId: string | undefined): Promise<void> };
  decisions: { eraseJobseeker(id: string): Promise<void> };
  overrides: { forgetJobseeker(id: string): Promise<void> };
  transfers: { forgetJobseeker(id: string): Promise<void> };
  jobSuggestions: { forgetJobseeker(id: string): Promise<void> };
  jobSearch: { forgetJobseeker(id: string): Promise<void> };
  outcomes: { forgetJobseeker(id: string): Promise<void> };
  /**
   * Asks for the deleted points to be dropped from the index and its file. Search never returns a
   * deleted point (it is marked deleted at once); compaction removes the bytes from disk too.
   */
  scheduleCompaction(): Promise<void>;
  /** Moves the write-ahead log into the database file and empties it (the erased rows' old pages go with it). */
  checkpoint(): void;
}

/**
 * GDPR erasure of jobseekers: the record and its vector leave SQLite, the vector leaves the HNSW
 * index, shares with employer services are forgotten, referrals keep only the training and date (their state and history go), outcomes from registers are deleted,
 * the audit trail keeps only a tombstone, transfers of them between areas and the vacancies suggested to them, their job-search obligation and reported applications are deleted, and the decision log forgets the rankings made for them
 * and their places in candidate rankings.
 */
export async function eraseJobseekers(ports: ErasurePorts, ids: string[], keyId?: string): Promise<{ erased: string[]; notFound: string[] }> {
  const unique = [...new Set(ids)];
  if (unique.length > ports.jobseekers.maxBatch) throw tooManyRecords(ports.jobseekers.maxBatch, unique.length);
  // What refers to the person first, the record last: if a step fails (a full disk), the record is
  // still there and the erasure can be asked again; it never leaves traces of someone gone.
  const found = await Promise.all(unique.map((id) => ports.jobseekers.find(id)));
  const existing = unique.filter((_id, i) => found[i] !== undefined);
  for (const id of existing) {
    await ports.shares.forgetJobseeker(id);
    await ports.referrals.forgetJobseeker(id);
    await ports.audit.eraseSubject(id, keyId);
    await ports.decisions.eraseJobseeker(id);
    await ports.overrides.forgetJobseeker(id);
    await ports.transfers.forgetJobseeker(id);
    await ports.jobSuggestions.forgetJobseeker(id);
    await ports.jobSearch.forgetJobseeker(id);
    await ports.outcomes.forgetJobseeker(id);
  }
  const { removed, notFound: missing } = await ports.jobseekers.removeMany(existing);
  const erased = existing.filter((id) => !missing.includes(id));
  const absent = unique.filter((id) => !erased.includes(id));
  if (removed > 0) {
    await ports.scheduleCompaction();
    ports.checkpoint();
  }
  return { erased, notFound: absent };
}

export async function eraseJobseeker(ports: ErasurePorts, id: string, keyId?: string): Promise<void> {
  if ((await eraseJobseekers(ports, [id], keyId)).erased.length === 0) throw notFound('jobseeker', id);
}
