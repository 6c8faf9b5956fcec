import type { Db } from './database.js';
import { codeOf } from '../../core/thrown.js';

/** How long a write waits for another process's write lock before it fails (SQLite's busy timeout). */
export const BUSY_TIMEOUT_MS = 5000;

/** Another process held the write lock: a background write tried again a little later. */
const BUSY_RETRY_MS = [1, 4];

/**
 * Runs `write` in one IMMEDIATE transaction unless another process holds the database's write lock:
 * false then, nothing written. For writes that run in the background (the audit trail's and the
 * decision log's groups): SQLite's busy handler waits by sleeping, and a worker that sleeps for the
 * lock answers no request meanwhile (with two workers their group commits met every few
 * milliseconds). Requests' own writes keep waiting as before.
 */
export function writeUnlessLocked(db: Db, write: () => void): boolean {
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(write).immediate();
    return true;
  } catch (error) {
    if (codeOf(error) === 'SQLITE_BUSY') return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** When a background write that found the lock taken tries again (ms; spread so that two workers do not meet again). */
export const busyRetryMs = () => BUSY_RETRY_MS[0]! + Math.random() * BUSY_RETRY_MS[1]!;
