import { createHash, createHmac } from 'node:crypto';

/**
 * What remains of an erased person: a keyed one-way hash of their id (HMAC with the installation
 * secret, kept outside the database file), so that someone holding a copy of the database cannot
 * test guessed ids against the tombstones (an unkeyed sha256 gave up both erased ids of a test
 * database after a million guesses in 2 s). Tombstones written before the key existed are unkeyed.
 */
export interface Tombstones {
  /** The keyed hash stored for an erased id. */
  hash(jobseekerId: string): string;
  /** The same id as an earlier release stored it (unkeyed sha256), to find old erasures. */
  legacyHash(jobseekerId: string): string;
  /** What records show instead of an erased id. */
  token(jobseekerId: string): string;
}

export function keyedTombstones(key: Buffer): Tombstones {
  const hash = (id: string) => createHmac('sha256', key).update(`jobseeker:${id}`).digest('hex');
  return {
    hash,
    legacyHash: (id) => createHash('sha256').update(`jobseeker:${id}`).digest('hex'),
    token: (id) => `erased:${hash(id).slice(0, 16)}`,
  };
}
