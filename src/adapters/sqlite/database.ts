import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** Versioned schema migrations; a database records the last one applied in PRAGMA user_version. */
const MIGRATIONS: string[] = [
  // 1: jobseekers and vacancies share one table shape; `label` is the key shared with the HNSW index.
  ['jobseekers', 'vacancies']
    .map(
      (table) => `
      CREATE TABLE ${table} (
        label        INTEGER PRIMARY KEY AUTOINCREMENT,
        id           TEXT NOT NULL UNIQUE,
        municipality TEXT NOT NULL,
        region       TEXT NOT NULL,
        matchable    INTEGER NOT NULL,
        record       TEXT NOT NULL,
        text_hash    TEXT NOT NULL,
        embedder     TEXT NOT NULL,
        vector       BLOB NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX ${table}_municipality ON ${table} (municipality, matchable, embedder);
      CREATE INDEX ${table}_region ON ${table} (region, matchable, embedder);
      CREATE INDEX ${table}_embedder ON ${table} (embedder);`,
    )
    .join('\n') +
    `
    CREATE TABLE generations (kind TEXT PRIMARY KEY, generation INTEGER NOT NULL);
    INSERT INTO generations VALUES ('jobseekers', 0), ('vacancies', 0);`,
];

/** Opens (creating if needed) the SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this Kohtaanto (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
