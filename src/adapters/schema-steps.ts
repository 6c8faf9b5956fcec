import type pg from 'pg';
import type { Db } from './sqlite/database.js';

/**
 * One change of the stored schema, described once for both engines. SQLite's schema grew in 23
 * steps (src/adapters/sqlite/database.ts); PostgreSQL starts from a baseline equal to step 23
 * (src/adapters/postgres/baseline.ts). Every change after that is a step here: its number (24, 25,
 * …), why it is made, and what each engine runs — usually the same portable SQL twice (CREATE
 * TABLE/INDEX, ALTER TABLE ADD COLUMN with the types mapped as the baseline maps them), or a
 * function where a data migration reads what it changes. SQLite's migrations apply them after its
 * own 23 (database.ts lists `...SCHEMA_STEPS.map((s) => s.sqlite)` from the first step on) and
 * src/adapters/postgres/migrate.ts after the baseline. test/adapters/postgres/schema.test.ts fails
 * when the two engines' tables, columns or indexes differ, or when SQLite's version is not the
 * baseline's plus these steps (a migration added to one engine only).
 */
export interface SchemaStep {
  version: number;
  why: string;
  sqlite: string | ((db: Db, log: (line: string) => void) => void);
  postgres: string | ((client: pg.ClientBase, log: (line: string) => void) => Promise<void>);
}

/** The steps after schema version 23, in order (none yet). */
export const SCHEMA_STEPS: readonly SchemaStep[] = [];
