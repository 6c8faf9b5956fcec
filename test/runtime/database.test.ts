import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { compose } from '../../src/runtime/compose.js';
import { checkDatabase, STORES_ON_POSTGRES, storesNotOnPostgres } from '../../src/runtime/database.js';
import { ROOT, tempDir } from '../helpers/service.js';

const URL = 'postgres://kohtaanto@db1:5432,db2:5432/kohtaanto?target_session_attrs=read-write';

describe('the database of record', () => {
  it('is the SQLite file unless KOHTAANTO_DATABASE names a PostgreSQL database', () => {
    expect(loadConfig({}).database).toBeUndefined();
    expect(loadConfig({ KOHTAANTO_DATABASE: URL }).database).toBe(URL);
    expect(() => loadConfig({ KOHTAANTO_DATABASE: 'mysql://db/kohtaanto' })).toThrow(/KOHTAANTO_DATABASE.*PostgreSQL connection string/);
    expect(() => loadConfig({ KOHTAANTO_DATABASE: 'postgres://db1:5432' })).toThrow(/KOHTAANTO_DATABASE/);
  });

  it('refuses PostgreSQL while a store of record has no PostgreSQL adapter, naming each such store', () => {
    expect(() => checkDatabase(undefined)).not.toThrow();
    expect(() => checkDatabase(URL, { records: true, 'audit log': false, shares: false })).toThrow(
      /KOHTAANTO_DATABASE is set, but these stores are not on PostgreSQL yet: audit log, shares\. .*unset KOHTAANTO_DATABASE to run on SQLite/,
    );
    expect(() => checkDatabase(URL, { records: true, shares: true })).not.toThrow();
    expect(storesNotOnPostgres()).not.toContain('jobseekers and vacancies (records, vectors, change log)');
    expect(storesNotOnPostgres().length).toBe(Object.values(STORES_ON_POSTGRES).filter((on) => !on).length);
  });

  it('stops the service before it opens anything: no SQLite file is made beside the PostgreSQL data', async () => {
    const dataDir = join(tempDir(), 'data');
    const config = { ...loadConfig({ KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_SEED_FIXTURES: 'false' }), database: URL };
    const log = { info: () => undefined, warn: () => undefined };
    const missing = storesNotOnPostgres();
    if (missing.length === 0) return; // every store is on PostgreSQL: the service starts (test/http/postgres.test.ts)
    await expect(compose(config, log)).rejects.toThrow(new RegExp(`not on PostgreSQL yet: .*${missing[0]!.replace(/[()]/g, '\\$&')}`));
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('npm start on PostgreSQL with a store still on SQLite exits at once with the message, starting no worker', () => {
    if (storesNotOnPostgres().length === 0) return;
    const dataDir = join(tempDir(), 'data');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('src', 'cli', 'serve.ts')], {
      cwd: ROOT,
      env: { ...process.env, KOHTAANTO_DATABASE: URL, KOHTAANTO_WORKERS: '2', KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/KOHTAANTO_DATABASE is set, but these stores are not on PostgreSQL yet: .*wiring on PostgreSQL/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
