/**
 * `npm run restore -- DIR`: restores a backup made by `npm run backup` into the data directory
 * (KOHTAANTO_DATA_DIR). Refuses while the service runs on it, and refuses a backup whose files do
 * not match their checksums or whose database fails SQLite's integrity check (nothing is changed
 * then). The replaced files are kept in `before-restore-<time>/` in the data directory.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { sqliteOnly } from '../runtime/database.js';
import { restore } from '../runtime/backup.js';
import { messageOf } from '../core/thrown.js';

const USAGE = 'usage: npm run restore -- DIR   (a backup made by npm run backup; the service must be stopped)';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${messageOf(error)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const dataDir = config.dataDir;
  try {
    sqliteOnly(config.database, 'npm run restore', 'restore PostgreSQL from its base backup and WAL archive');
    const { manifest, keptAside } = restore(parsed.positionals[0]!, dataDir);
    console.log(`restored the backup of ${manifest.createdAt} into ${dataDir}${keptAside ? `; the files it replaced are in ${keptAside}` : ''}. Start the service: indexes missing from the backup rebuild.`);
    return 0;
  } catch (error) {
    console.error(`restore failed: ${messageOf(error)}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
