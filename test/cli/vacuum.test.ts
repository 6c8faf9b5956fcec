import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { removeDir, ROOT, tempDir } from '../helpers/files.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

/** `npm run vacuum` as run by an operator (the command on its source through tsx, as `npm run vacuum` does). */
const vacuum = (env: Record<string, string>) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'vacuum.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

/** The command through its exit status and output (what it does to the file: test/runtime/vacuum.test.ts, test/runtime/retention.test.ts). */
describe('npm run vacuum', () => {
  it('converts a file made without incremental vacuum, saying so on standard output, and exits 0', () => {
    const dir = tempDir();
    dirs.push(dir);
    const raw = new Database(join(dir, 'kohtaanto.sqlite'));
    raw.exec('CREATE TABLE earlier (x)');
    raw.close();
    openDatabase(join(dir, 'kohtaanto.sqlite')).close();
    const done = vacuum({ KOHTAANTO_DATA_DIR: dir });
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/kohtaanto\.sqlite: auto_vacuum none → incremental; \d+ → \d+ bytes\n$/);
  });

  it('refuses on PostgreSQL on standard error with exit status 1, touching no directory', () => {
    const dir = join(tempDir(), 'data');
    dirs.push(join(dir, '..'));
    const run = vacuum({ KOHTAANTO_DATABASE: 'postgres://kohtaanto@db1:5432,db2:5432/kohtaanto?target_session_attrs=read-write', KOHTAANTO_DATA_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/npm run vacuum works on the SQLite file, but KOHTAANTO_DATABASE names PostgreSQL.*autovacuum/);
    expect(existsSync(dir)).toBe(false);
  });
});
