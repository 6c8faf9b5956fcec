import type { SettingFlag } from '../../core/ports.js';
import type { Db } from './database.js';

/** A flag kept in the database, so that it survives a crash (e.g. "an erasure awaits compaction"); answers at once. */
export function settingFlag(db: Db, name: string): SettingFlag {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?');
  const set = db.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  return {
    isSet: async () => get.get(name)?.value === '1',
    set: async () => void set.run(name, '1'),
    clear: async () => void set.run(name, '0'),
  };
}
