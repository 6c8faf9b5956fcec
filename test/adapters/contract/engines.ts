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

/**
 * Tables a test may fill; emptied (ids from 1 again) before each test. The seeded rows (generations, the national organisation) stay.
 * DELETE rather than TRUNCATE: TRUNCATE makes new files for every table and index (~30 tables), ~50 times
 * the time of deleting the few rows a test wrote (~100 ms of each PostgreSQL test on 2 cores, the most of
 * the contract suites' time). As TRUNCATE, it fires no triggers and checks no foreign keys (replica role,
 * for this transaction only), and restarts the identity sequences of the emptied tables.
 */
const RESET = async (pool: pg.Pool) => {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('schema_version', 'generations')",
  );
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    await client.query(rows.map(({ name }) => `DELETE FROM ${name}`).join('; '));
    await client.query(
      `SELECT setval(s.oid, q.start_value, false) FROM pg_class s
         JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
         JOIN pg_class t ON t.oid = d.refobjid
         JOIN pg_sequences q ON q.schemaname = current_schema() AND q.sequencename = s.relname
       WHERE s.relkind = 'S' AND t.relname = ANY($1)`,
      [rows.map((r) => r.name)],
    );
    await client.query(
      "INSERT INTO organisations (id, name, kind, area, created_at) VALUES ('national', 'National administration', 'national', NULL, '2026-01-01T00:00:00.000Z')",
    );
    await client.query('UPDATE generations SET generation = 0');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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
