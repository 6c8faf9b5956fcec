import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile } from '../../src/runtime/data-dir.js';
import { vacuumDataDir } from '../../src/runtime/vacuum.js';
import { removeDir, tempDir } from '../helpers/files.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
const dataDir = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};

/**
 * `npm run vacuum` in-process (the command's exit status and output: test/cli/vacuum.test.ts; a large
 * file pruned by the retention and then vacuumed: test/runtime/retention.test.ts).
 */
describe('vacuum of a data directory', () => {
  it('rewrites a file made without incremental vacuum with it, and then only gives free pages back', () => {
    const dir = dataDir();
    const raw = new Database(databaseFile(dir));
    raw.exec('CREATE TABLE earlier (x)');
    raw.close();
    openDatabase(databaseFile(dir)).close();
    const first = vacuumDataDir({ dataDir: dir });
    expect(first.status).toBe(0);
    expect(first.message).toMatch(/: auto_vacuum none → incremental; \d+ → (\d+) bytes$/);
    expect(first.message.startsWith(`${databaseFile(dir)}: `)).toBe(true);
    expect(Number(first.message.match(/(\d+) bytes$/)![1])).toBe(statSync(databaseFile(dir)).size);
    const db = openDatabase(databaseFile(dir));
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
    expect(vacuumDataDir({ dataDir: dir })).toMatchObject({ status: 0, message: expect.stringMatching(/: auto_vacuum is already incremental; free pages given back \(\d+ → \d+ bytes\)$/) });
    expect(existsSync(join(dir, 'kohtaanto.lock'))).toBe(false); // its lock released
  });

  it('refuses on PostgreSQL and says what to do instead, touching no directory', () => {
    const dir = join(dataDir(), 'data');
    expect(vacuumDataDir({ database: 'postgres://db1:5432/kohtaanto', dataDir: dir })).toEqual({
      status: 1,
      message: expect.stringMatching(/^npm run vacuum works on the SQLite file, but KOHTAANTO_DATABASE names PostgreSQL .*autovacuum reuses the space/),
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('says why it failed when the file cannot be opened', () => {
    const dir = dataDir();
    mkdirSync(databaseFile(dir)); // a directory where the file belongs
    const failed = vacuumDataDir({ dataDir: dir });
    expect(failed.status).toBe(1);
    expect(failed.message).toMatch(/^vacuum failed: /);
    expect(existsSync(join(dir, 'kohtaanto.lock'))).toBe(false);
  });
});
