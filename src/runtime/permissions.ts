import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf } from '../core/thrown.js';

/** The data directory and every directory in it: its user only. */
export const DIR_MODE = 0o700;
/** Every file in it (SQLite and its -wal/-shm, index files, label vectors, the secret, keys, the lock): read and written by its user only. */
export const FILE_MODE = 0o600;

/**
 * Creates the data directory if needed and, on every start, gives it and everything in it its
 * user's modes only (DIR_MODE, FILE_MODE): a directory made by an earlier release (0755, files
 * 0644) is closed on upgrade. SQLite gives a new -wal/-shm the database file's mode, so they come
 * out 0600 too; the service also runs under umask 077 (src/cli/serve.ts). Symbolic links are left
 * as they are (their targets are not the service's to change).
 */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  secure(dataDir);
}

function secure(dir: string): void {
  chmodSync(dir, DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) secure(path);
      else if (entry.isFile() && (lstatSync(path).mode & 0o777) !== FILE_MODE) chmodSync(path, FILE_MODE);
    } catch (error) {
      // A file another process removed meanwhile (a -shm, a temporary index file) needs no mode.
      if (codeOf(error) !== 'ENOENT') throw error;
    }
  }
}
