import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';

/** A per-installation secret kept in the database, created on first use (e.g. the pseudonym key). */
export function installationSecret(db: Db, name: string): Buffer {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?').get(name);
  if (row) return Buffer.from(row.value, 'base64');
  const value = randomBytes(32);
  db.prepare('INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)').run(name, value.toString('base64'));
  return installationSecret(db, name);
}
