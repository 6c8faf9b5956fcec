import type { Share } from '../../core/privacy/schema.js';

/** A row of `shares`, the same in SQLite and PostgreSQL. */
export type ShareRow = { vacancy_id: string; jobseeker_id: string; owner: string; key_id: string; at: string; expires_at: string; shared_by: string | null };

export const shareFromRow = (r: ShareRow): Share => ({
  vacancyId: r.vacancy_id,
  jobseekerId: r.jobseeker_id,
  owner: r.owner,
  keyId: r.key_id,
  at: r.at,
  expiresAt: r.expires_at,
  ...(r.shared_by === null ? {} : { sharedBy: r.shared_by }),
});
