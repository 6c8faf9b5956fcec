import type { Db } from './database.js';

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
