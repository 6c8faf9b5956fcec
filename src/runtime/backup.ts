import Database from 'better-sqlite3';
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, pragmaNumber } from '../adapters/sqlite/database.js';
import { lockDataDir } from './lock.js';
import { secureDataDir } from './permissions.js';
import { messageOf } from '../core/thrown.js';

/** The database, and the installation secret that keys pseudonyms and tombstones (without it erased ids could not be recognised). */
const DATABASE = 'kohtaanto.sqlite';
const SECRET = 'kohtaanto.secret';
const MANIFEST = 'manifest.json';
/** Index files rebuild from the database; a backup holds them only when asked (they make the first start faster). */
const isIndexFile = (name: string) => /\.hnsw(\.json)?$/.test(name);

export interface Manifest {
  format: 1;
  createdAt: string;
  schemaVersion: number;
  /** Every file of the backup with its size and SHA-256. */
  files: Record<string, { bytes: number; sha256: string }>;
}

/** A manifest as a backup directory holds it: only what the checks read, each part checked by them (a missing file list names no database). */
const manifestRead = z.object({
  createdAt: z.string().optional(),
  schemaVersion: z.number().optional(),
  files: z.record(z.string(), z.object({ bytes: z.number(), sha256: z.string() })).optional(),
});
type ManifestRead = z.output<typeof manifestRead>;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A consistent snapshot of a data directory while the service runs and writes: the database by
 * `VACUUM INTO` (one read transaction of SQLite: in WAL mode writers go on, and the copy is the
 * database as it was when the transaction began — the stepwise online backup API starts again
 * whenever another process writes, so under a steady write load it may never finish), the secret,
 * and with `indexes` the index files, copied before the database so that they are never ahead of it
 * (a service started on the backup catches them up from the change log). A manifest names each file
 * with its SHA-256. Every write acknowledged before the backup began is in it.
 */
export function backup(dataDir: string, target: string, options: { indexes?: boolean } = {}): Manifest {
  const database = join(dataDir, DATABASE);
  if (!existsSync(database)) throw new Error(`no ${DATABASE} in ${dataDir} (KOHTAANTO_DATA_DIR): nothing to back up`);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: give a new or empty directory for the backup`);
  secureDataDir(target);
  const files: string[] = [];
  if (options.indexes) {
    for (const name of readdirSync(dataDir).filter(isIndexFile)) {
      copyFileSync(join(dataDir, name), join(target, name));
      files.push(name);
    }
  }
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(join(target, DATABASE));
  } finally {
    db.close();
  }
  files.push(DATABASE);
  if (existsSync(join(dataDir, SECRET))) {
    copyFileSync(join(dataDir, SECRET), join(target, SECRET));
    files.push(SECRET);
  }
  const copy = new Database(join(target, DATABASE), { readonly: true });
  const schemaVersion = pragmaNumber(copy, 'user_version');
  copy.close();
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    schemaVersion,
    files: Object.fromEntries(files.map((f) => [f, { bytes: statSync(join(target, f)).size, sha256: sha256(join(target, f)) }])),
  };
  writeFileSync(join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Why a backup cannot be restored, or undefined when it checks out: every file whole, the database intact and not newer than this code. */
export function verifyBackup(source: string): { manifest?: ManifestRead; problems: string[] } {
  const problems: string[] = [];
  let manifest: ManifestRead;
  try {
    manifest = manifestRead.parse(JSON.parse(readFileSync(join(source, MANIFEST), 'utf8')));
  } catch (error) {
    return { problems: [`${join(source, MANIFEST)} is missing or unreadable (${messageOf(error)}): not a Kohtaanto backup`] };
  }
  if (!manifest.files?.[DATABASE]) problems.push(`the manifest names no ${DATABASE}`);
  for (const [name, { bytes, sha256: expected }] of Object.entries(manifest.files ?? {})) {
    const file = join(source, name);
    if (!existsSync(file)) problems.push(`${name} is missing`);
    else if (statSync(file).size !== bytes) problems.push(`${name} has ${statSync(file).size} bytes, the backup wrote ${bytes}: it was changed or cut short`);
    else if (sha256(file) !== expected) problems.push(`${name} does not match its checksum: it was changed or damaged`);
  }
  if (problems.length === 0) {
    try {
      const db = new Database(join(source, DATABASE), { readonly: true, fileMustExist: true });
      const check = db.pragma('integrity_check', { simple: true });
      db.close();
      if (check !== 'ok') problems.push(`${DATABASE} fails SQLite's integrity check: ${String(check)}`);
    } catch (error) {
      problems.push(`${DATABASE} cannot be read as a database: ${messageOf(error)}`);
    }
    if (manifest.schemaVersion !== undefined && manifest.schemaVersion > SCHEMA_VERSION) {
      problems.push(`the backup's schema version ${manifest.schemaVersion} is newer than this release's (${SCHEMA_VERSION}): restore it with the release that made it`);
    }
  }
  return { manifest, problems };
}

/**
 * Restores a backup into a data directory the service is not running on (its lock is taken for the
 * time of the restore): checks the backup first and changes nothing when it fails; the files it
 * replaces are moved to `before-restore-<time>/` in the data directory, not deleted. Index files
 * not in the backup are moved aside too (they would belong to the replaced database): they rebuild.
 */
export function restore(source: string, dataDir: string): { manifest: ManifestRead; keptAside: string | undefined } {
  const { manifest, problems } = verifyBackup(source);
  if (!manifest || problems.length > 0) throw new Error(`refusing to restore ${source}:\n  - ${problems.join('\n  - ')}`);
  secureDataDir(dataDir);
  const lock = lockDataDir(dataDir); // throws while the service runs on it
  try {
    const replaced = readdirSync(dataDir).filter((f) => f === SECRET || f.startsWith(DATABASE) || isIndexFile(f) || f.endsWith('.labels'));
    let aside: string | undefined;
    if (replaced.length > 0) {
      aside = join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      mkdirSync(aside, { mode: 0o700 });
      for (const f of replaced) renameSync(join(dataDir, f), join(aside, f));
    }
    for (const name of Object.keys(manifest.files ?? {})) copyFileSync(join(source, name), join(dataDir, name));
    return { manifest, keptAside: aside };
  } finally {
    lock.release();
  }
}

/** Removes a directory left by a failed backup (used by the CLI). */
export const removeBackupDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
