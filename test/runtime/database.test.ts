import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { processesPerNode, sqliteOnly } from '../../src/runtime/database.js';
import { vacuumDataDir } from '../../src/runtime/vacuum.js';
import { tempDir } from '../helpers/files.js';

const URL = 'postgres://kohtaanto@db1:5432,db2:5432/kohtaanto?target_session_attrs=read-write';

describe('the database of record', () => {
  it('is the SQLite file unless KOHTAANTO_DATABASE names a PostgreSQL database', () => {
    expect(loadConfig({}).database).toBeUndefined();
    expect(loadConfig({ KOHTAANTO_DATABASE: URL }).database).toBe(URL);
    expect(() => loadConfig({ KOHTAANTO_DATABASE: 'mysql://db/kohtaanto' })).toThrow(/KOHTAANTO_DATABASE.*PostgreSQL connection string/);
    expect(() => loadConfig({ KOHTAANTO_DATABASE: 'postgres://db1:5432' })).toThrow(/KOHTAANTO_DATABASE/);
  });

  it('runs one process per node on PostgreSQL, the configured workers on SQLite', () => {
    expect(processesPerNode({ workers: 4 })).toBe(4);
    expect(processesPerNode({ workers: 4, database: URL })).toBe(1);
  });

  it('refuses the commands that work on the SQLite file when PostgreSQL is the database of record, saying what to do instead', () => {
    expect(() => sqliteOnly(undefined, 'npm run backup', 'x')).not.toThrow();
    expect(() => sqliteOnly(URL, 'npm run backup', 'back up PostgreSQL with pg_basebackup')).toThrow(
      /^npm run backup works on the SQLite file, but KOHTAANTO_DATABASE names PostgreSQL as the database of record: back up PostgreSQL with pg_basebackup/,
    );
    // npm run vacuum so (the command itself, its exit status and standard error: test/cli/vacuum.test.ts).
    const dataDir = join(tempDir(), 'data');
    const run = vacuumDataDir({ database: URL, dataDir });
    expect(run.status).toBe(1);
    expect(run.message).toMatch(/^npm run vacuum works on the SQLite file, but KOHTAANTO_DATABASE names PostgreSQL.*autovacuum/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
