import { join } from 'node:path';
import { openDatabase, type Db } from '../adapters/sqlite/database.js';
import type { EngineLog } from './log.js';
import { lockDataDir } from './lock.js';
import { secureDataDir } from './permissions.js';

export const databaseFile = (dataDir: string) => join(dataDir, 'kohtaanto.sqlite');

/**
 * The data directory and its SQLite file, opened: its modes made its user's only (on every start,
 * whatever an earlier release left), its lock taken when this is the only process on it, and the
 * database migrated (by any process but a follower, which finds it done). `close` closes the
 * database and releases the lock.
 */
export function openDataDir(dataDir: string, lock: boolean, migrate: boolean, log: EngineLog): { db: Db; close(): void } {
  secureDataDir(dataDir);
  const held = lock ? lockDataDir(dataDir) : { release: () => undefined };
  try {
    const db = openDatabase(databaseFile(dataDir), migrate ? (line) => log.info(line) : undefined);
    return {
      db,
      close: () => {
        try {
          db.close();
        } finally {
          held.release();
        }
      },
    };
  } catch (error) {
    held.release();
    throw error;
  }
}
