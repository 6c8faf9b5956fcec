import { notFound } from './errors.js';
import type { RecordService } from './records.js';
import type { Jobseeker } from './schemas/jobseeker.js';

export interface ErasurePorts {
  jobseekers: RecordService<Jobseeker>;
  shares: { forgetJobseeker(id: string): void };
  referrals: { forgetJobseeker(id: string): void };
  audit: { eraseSubject(id: string, keyId: string | undefined): void };
  /**
   * Asks for the deleted points to be dropped from the index and its file. Search never returns a
   * deleted point (it is marked deleted at once); compaction removes the bytes from disk too.
   */
  scheduleCompaction(): void;
}

/**
 * GDPR erasure of jobseekers: the record and its vector leave SQLite, the vector leaves the HNSW
 * index, shares with employer services are forgotten, referrals keep only the training and date,
 * and the audit trail keeps only a tombstone.
 */
export function eraseJobseekers(ports: ErasurePorts, ids: string[], keyId?: string): { erased: string[]; notFound: string[] } {
  const { removed, notFound: missing } = ports.jobseekers.removeMany(ids);
  const erased = [...new Set(ids)].filter((id) => !missing.includes(id));
  for (const id of erased) {
    ports.shares.forgetJobseeker(id);
    ports.referrals.forgetJobseeker(id);
    ports.audit.eraseSubject(id, keyId);
  }
  if (removed > 0) ports.scheduleCompaction();
  return { erased, notFound: missing };
}

export function eraseJobseeker(ports: ErasurePorts, id: string, keyId?: string): void {
  if (eraseJobseekers(ports, [id], keyId).erased.length === 0) throw notFound('jobseeker', id);
}
