/**
 * `npm run vacuum`: once, with the service stopped, on a data directory whose SQLite file was
 * created before new files got incremental vacuum (KOHTAANTO_DATA_DIR): rewrites the SQLite file with
 * `auto_vacuum = INCREMENTAL` (a VACUUM: it needs free disk space about the file's size and takes
 * about a minute per few GB). From then on the running service gives the pages freed by the
 * retention back to the disk by itself (src/runtime/retention.ts).
 */
import { loadConfig } from '../config.js';
import { sqliteOnly } from '../runtime/database.js';
import { openDatabase, pragmaNumber } from '../adapters/sqlite/database.js';
import { databaseFile } from '../runtime/data-dir.js';
import { lockDataDir } from '../runtime/lock.js';
import { statSync } from 'node:fs';
import { messageOf } from '../core/thrown.js';

const MODES = ['none', 'full', 'incremental'];

function main(): number {
  const config = loadConfig();
  try {
    sqliteOnly(config.database, 'npm run vacuum', "PostgreSQL's autovacuum reuses the space");
  } catch (error) {
    console.error(messageOf(error));
    return 1;
  }
  const dataDir = config.dataDir;
  const file = databaseFile(dataDir);
  let lock;
  try {
    lock = lockDataDir(dataDir); // refuses while the service runs on it
  } catch (error) {
    console.error(`vacuum refused: ${messageOf(error)}`);
    return 1;
  }
  try {
    const db = openDatabase(file);
    try {
      const mode = MODES[pragmaNumber(db, 'auto_vacuum')];
      const before = statSync(file).size;
      if (mode === 'incremental') {
        db.pragma('incremental_vacuum');
        console.log(`${file}: auto_vacuum is already incremental; free pages given back (${before} → ${statSync(file).size} bytes)`);
        return 0;
      }
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      console.log(`${file}: auto_vacuum ${mode} → incremental; ${before} → ${statSync(file).size} bytes`);
      return 0;
    } finally {
      db.close();
    }
  } catch (error) {
    console.error(`vacuum failed: ${messageOf(error)}`);
    return 1;
  } finally {
    lock.release();
  }
}

process.exitCode = main();
