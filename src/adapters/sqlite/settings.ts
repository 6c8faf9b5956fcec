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

/** A flag kept in the database, so that it survives a crash (e.g. "an erasure awaits compaction"). */
export function settingFlag(db: Db, name: string) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?');
  const set = db.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  return {
    isSet: () => get.get(name)?.value === '1',
    set: () => void set.run(name, '1'),
    clear: () => void set.run(name, '0'),
  };
}
