import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../../src/adapters/sqlite/database.js';
import { tempDir } from '../../helpers/service.js';


// What every engine's record store does is proved on SQLite and PostgreSQL alike in
// test/adapters/contract/record-store.test.ts; here, what only the SQLite file does.
describe('SqliteRecordStore on a real SQLite file', () => {
  it('uses WAL mode and the latest schema version, and reopens without migrating twice', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });
});
