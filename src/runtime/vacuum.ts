import { statSync } from 'node:fs';
import { openDatabase, pragmaNumber } from '../adapters/sqlite/database.js';
import { messageOf } from '../core/thrown.js';
import { databaseFile } from './data-dir.js';
import { sqliteOnly } from './database.js';
import { lockDataDir } from './lock.js';

/**
 * `npm run vacuum` (src/cli/vacuum.ts) on a data directory, with the service stopped: rewrites a SQLite
 * file created before new files got incremental vacuum with `auto_vacuum = INCREMENTAL` (a VACUUM: it
 * needs free disk space about the file's size and takes about a minute per few GB); on a file that has
 * it already, gives its free pages back. From then on the running service gives the pages freed by the
 * retention back to the disk by itself (src/runtime/retention.ts).
 */
export interface Vacuumed {
  /** The command's exit status: 0 done, 1 refused or failed. */
  status: 0 | 1;
  /** What it prints: on standard output when done, on standard error otherwise. */
  message: string;
}

const MODES = ['none', 'full', 'incremental'];

export function vacuumDataDir(config: { database?: string; dataDir: string }): Vacuumed {
  try {
    sqliteOnly(config.database, 'npm run vacuum', "PostgreSQL's autovacuum reuses the space");
  } catch (error) {
    return { status: 1, message: messageOf(error) };
  }
  const file = databaseFile(config.dataDir);
  let lock;
  try {
    lock = lockDataDir(config.dataDir); // refuses while the service runs on it
  } catch (error) {
    return { status: 1, message: `vacuum refused: ${messageOf(error)}` };
  }
  try {
    const db = openDatabase(file);
    try {
      const mode = MODES[pragmaNumber(db, 'auto_vacuum')];
      const before = statSync(file).size;
      if (mode === 'incremental') {
        db.pragma('incremental_vacuum');
        return { status: 0, message: `${file}: auto_vacuum is already incremental; free pages given back (${before} → ${statSync(file).size} bytes)` };
      }
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { status: 0, message: `${file}: auto_vacuum ${mode} → incremental; ${before} → ${statSync(file).size} bytes` };
    } finally {
      db.close();
    }
  } catch (error) {
    return { status: 1, message: `vacuum failed: ${messageOf(error)}` };
  } finally {
    lock.release();
  }
}
