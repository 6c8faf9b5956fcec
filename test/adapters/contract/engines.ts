import type pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../../src/adapters/sqlite/database.js';
import { migratedDatabase } from '../../helpers/postgres.js';

/**
 * The engines an adapter contract suite runs against, each with a fresh, migrated database per
 * test: SQLite in memory, and PostgreSQL on this worker's throw-away cluster (one database per test
 * file, its tables emptied before each test). A suite gets the database's handle for its own
 * factory (`sqlite` or `pool`) and `rows` to look at what is stored (e.g. after an erasure), in
 * SQL both engines read (`$1`, `$2`… placeholders).
 */
export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  sqlite?: Db;
  pool?: pg.Pool;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
}

export interface Engine {
  name: string;
  /** Call inside a describe: before each test `current()` is an empty database of this engine. */
  use(): { current: () => TestDatabase };
}

/** `$n` placeholders as SQLite's `?` (each used once, in order). */
const sqliteSql = (sql: string) => sql.replace(/\$\d+/g, '?');

export const sqliteEngine: Engine = {
  name: 'SQLite',
  use() {
    let db: TestDatabase | undefined;
    beforeEach(() => {
      db?.sqlite?.close();
      const sqlite = openDatabase(':memory:');
      db = {
        engine: 'sqlite',
        sqlite,
        rows: async <T>(sql: string, params: unknown[] = []) => sqlite.prepare(sqliteSql(sql)).all(...params) as T[],
        run: async (sql, params = []) => void sqlite.prepare(sqliteSql(sql)).run(...params),
      };
    });
    afterAll(() => db?.sqlite?.close());
    return { current: () => db! };
  },
};

/** Tables a test may fill; emptied (ids from 1 again) before each test. The seeded rows (generations, the national organisation) stay. */
const RESET = async (pool: pg.Pool) => {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('schema_version', 'generations')",
  );
  await pool.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
  await pool.query(
    "INSERT INTO organisations (id, name, kind, area, created_at) VALUES ('national', 'National administration', 'national', NULL, '2026-01-01T00:00:00.000Z')",
  );
  await pool.query('UPDATE generations SET generation = 0');
};

export const postgresEngine: Engine = {
  name: 'PostgreSQL',
  use() {
    let opened: Awaited<ReturnType<typeof migratedDatabase>> | undefined;
    let db: TestDatabase | undefined;
    beforeAll(async () => {
      opened = await migratedDatabase();
      const pool = opened.pool;
      db = {
        engine: 'postgres',
        pool,
        rows: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
        run: async (sql, params = []) => void (await pool.query(sql, params)),
      };
    });
    beforeEach(async () => RESET(opened!.pool));
    afterAll(async () => opened?.close());
    return { current: () => db! };
  },
};

export const ENGINES: Engine[] = [sqliteEngine, postgresEngine];
