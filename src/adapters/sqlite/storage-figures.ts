import { statSync } from 'node:fs';
import { pragmaNumber, type Db } from './database.js';

/** A file's size in bytes, 0 when it does not exist (no WAL right after a truncating checkpoint). */
const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * What the SQLite file holds and weighs, for the metrics: its size and its write-ahead log's, the
 * free pages a vacuum could give back, and the sign-in sessions not yet ended. Each is read when
 * asked (a scrape), never on a request's path.
 */
export function storageFigures(db: Db, file: string) {
  const s = {
    keySessions: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sessions WHERE expires_at > ?'),
    personSessions: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM person_sessions WHERE expires_at > ?'),
  };
  return {
    fileBytes: () => sizeOf(file),
    walBytes: () => sizeOf(`${file}-wal`),
    /** Bytes in free pages: what `PRAGMA incremental_vacuum` (or a VACUUM) would give back to the disk. */
    freeBytes: () => pragmaNumber(db, 'freelist_count') * pragmaNumber(db, 'page_size'),
    /** Sessions not past their expiry, of API keys (the web app signed in with a key) and of people (identity providers). */
    sessions: (now: Date) => {
      const at = now.toISOString();
      return { key: s.keySessions.get(at)!.n, person: s.personSessions.get(at)!.n };
    },
  };
}

export type StorageFigures = ReturnType<typeof storageFigures>;
