/**
 * `npm run backup -- DIR [--indexes]`: a consistent snapshot of the service's data directory
 * (KOHTAANTO_DATA_DIR) into the new or empty directory DIR, while the service runs and writes.
 * See docs/operations/backup.md for scheduling and off-site copies.
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { sqliteOnly } from '../runtime/database.js';
import { backup, removeBackupDir } from '../runtime/backup.js';
import { messageOf } from '../core/thrown.js';

const USAGE = 'usage: npm run backup -- DIR [--indexes]   (DIR: a new or empty directory; --indexes: also the index files, which otherwise rebuild)';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { indexes: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${messageOf(error)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const target = positionals[0]!;
  const existed = existsSync(target) && readdirSync(target).length > 0;
  try {
    const config = loadConfig();
    sqliteOnly(config.database, 'npm run backup', 'back up PostgreSQL with pg_basebackup and WAL archiving; a node rebuilds its copy and index files from it');
    const manifest = backup(config.dataDir, target, { indexes: values.indexes });
    const bytes = Object.values(manifest.files).reduce((n, f) => n + f.bytes, 0);
    console.log(`backup in ${target}: ${Object.keys(manifest.files).join(', ')} (${(bytes / 2 ** 20).toFixed(1)} MiB, schema ${manifest.schemaVersion}) at ${manifest.createdAt}`);
    return 0;
  } catch (error) {
    if (!existed) removeBackupDir(target);
    console.error(`backup failed: ${messageOf(error)}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
