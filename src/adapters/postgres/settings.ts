import type pg from 'pg';
import type { SettingFlag } from '../../core/ports.js';

/** A flag kept in PostgreSQL's `settings` (e.g. "an erasure awaits compaction"), seen by every node. */
export function postgresSettingFlag(pool: pg.Pool, name: string): SettingFlag {
  const set = (value: string) =>
    pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]).then(() => undefined);
  return {
    isSet: async () => (await pool.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name])).rows[0]?.value === '1',
    set: () => set('1'),
    clear: () => set('0'),
  };
}
