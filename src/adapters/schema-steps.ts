import type pg from 'pg';
import { analyticsFactsFunction, clientBirthYear as postgresBirthYear, clientIsco as postgresIsco } from './postgres/baseline.js';
import { analyticsFacts, clientBirthYear as sqliteBirthYear, clientIsco as sqliteIsco } from './sqlite/analytics-facts.js';
import type { Db } from './sqlite/database.js';
import { FREE_TEXT_DETAILS } from '../core/audit-note.js';

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

/**
 * The audit entries naming an erased client: their tombstone token ('erased:' and 16 hex digits, the
 * same shape in every release since erasure came) and no client kept under that id (ids may hold ':').
 */
const ERASED_SUBJECTS = `SELECT s.audit_id FROM audit_subjects s WHERE s.jobseeker_id LIKE 'erased:%' AND length(s.jobseeker_id) = 23
  AND NOT EXISTS (SELECT 1 FROM jobseekers j WHERE j.id = s.jobseeker_id)`;

/** The steps after schema version 23, in order. */
export const SCHEMA_STEPS: readonly SchemaStep[] = [
  {
    version: 24,
    why: "clients' occupation code and birth year among the analytics facts (the what-works report read them from 300,000 records' JSON)",
    // The report's matching cells need each client's ISCO code, birth year and unemployment start:
    // kept beside the other analytics facts by the triggers, copied once here for the clients stored.
    // Self-contained, as SQLite's steps 21 and 22: it may run again over its own result.
    sqlite: (db) => {
      const columns = db.prepare<[], string>("SELECT name FROM pragma_table_info('analytics_records')").pluck().all();
      if (!columns.includes('isco')) db.exec('ALTER TABLE analytics_records ADD COLUMN isco TEXT;');
      if (!columns.includes('birth_year')) db.exec('ALTER TABLE analytics_records ADD COLUMN birth_year INTEGER;');
      db.exec(`
      DROP TRIGGER IF EXISTS jobseekers_facts_insert;
      DROP TRIGGER IF EXISTS jobseekers_facts_update;
      DROP TRIGGER IF EXISTS jobseekers_facts_delete;
      ${analyticsFacts('jobseekers', 24, false)}
      UPDATE analytics_records SET isco = ${sqliteIsco('j')}, birth_year = ${sqliteBirthYear('j')}
        FROM jobseekers j WHERE analytics_records.kind = 'jobseekers' AND analytics_records.label = j.label;`);
    },
    postgres: `
      ALTER TABLE analytics_records ADD COLUMN isco text COLLATE "C", ADD COLUMN birth_year bigint;
      ${analyticsFactsFunction('jobseekers', 'CREATE OR REPLACE', true)}
      UPDATE analytics_records a SET isco = ${postgresIsco('j')}, birth_year = ${postgresBirthYear('j')}
        FROM jobseekers j WHERE a.kind = 'jobseekers' AND a.label = j.label;`,
  },
  {
    version: 25,
    why: 'the audit entries of clients erased before 298210f lose the free text written about them (FREE_TEXT_DETAILS), as erasure does since',
    // An erased client's entries name their tombstone ('erased:…', src/adapters/sqlite/tombstones.ts) in
    // audit_subjects; since 298210f the erasure also drops FREE_TEXT_DETAILS from those entries' detail.
    // This one-off does the same for the entries erased before it (ERASED_SUBJECTS). Other clients' entries keep theirs.
    // Idempotent: it may run again over its own result.
    sqlite: `
      UPDATE audit SET detail = json_remove(detail, ${FREE_TEXT_DETAILS.map((f) => `'$.${f}'`).join(', ')})
      WHERE detail IS NOT NULL AND json_valid(detail) AND json_type(detail) = 'object'
        AND (${FREE_TEXT_DETAILS.map((f) => `json_type(detail, '$.${f}') IS NOT NULL`).join(' OR ')})
        AND id IN (${ERASED_SUBJECTS});`,
    postgres: `
      UPDATE audit SET detail = detail - ARRAY[${FREE_TEXT_DETAILS.map((f) => `'${f}'`).join(', ')}]::text[]
      WHERE jsonb_typeof(detail) = 'object' AND detail ?| ARRAY[${FREE_TEXT_DETAILS.map((f) => `'${f}'`).join(', ')}]::text[]
        AND id IN (${ERASED_SUBJECTS});`,
  },
  {
    version: 26,
    why: "who shared a client with a unit, by name, for the client's current shares on the client page (GET /v1/jobseekers/:id/shares)",
    // The name the counsellor had when sharing (a person's sign-in name or the key's name), as job
    // suggestions keep theirs; shares made before take their key's name where the key is stored.
    // Self-contained: it may run again over its own result.
    sqlite: (db) => {
      const columns = db.prepare<[], string>("SELECT name FROM pragma_table_info('shares')").pluck().all();
      if (!columns.includes('shared_by')) db.exec('ALTER TABLE shares ADD COLUMN shared_by TEXT;');
      db.exec('UPDATE shares SET shared_by = (SELECT name FROM api_keys WHERE api_keys.id = shares.key_id) WHERE shared_by IS NULL;');
    },
    postgres: `
      ALTER TABLE shares ADD COLUMN shared_by text COLLATE "C";
      UPDATE shares SET shared_by = (SELECT name FROM api_keys WHERE api_keys.id = shares.key_id) WHERE shared_by IS NULL;`,
  },
  {
    version: 27,
    why: "candidate rankings served in a period, for the exposure report, read through an index of direction and time (at national scale 600,000 decisions were read to find them)",
    sqlite: 'CREATE INDEX IF NOT EXISTS decisions_direction_at ON decisions (direction, at);',
    postgres: 'CREATE INDEX IF NOT EXISTS decisions_direction_at ON decisions (direction, at);',
  },
  {
    version: 28,
    why: "each record's concepts (occupation, ISCO group, skills; its place) in a column of their own, so that filling a worker's concept index after start reads them instead of parsing every record (seconds at national scale)",
    // Only the column: every write since keeps the concepts it works out (src/core/record-concepts.ts), and
    // the records stored before get theirs in the background once the service listens
    // (RecordService.keepMissingConcepts, started with the re-derivation: src/runtime/rederivation.ts). Until
    // then a row left NULL is read from its record. Filling them here held the start for 675 s at 400,000
    // records under load. Self-contained: it may run again over its own result.
    sqlite: (db) => {
      for (const table of ['jobseekers', 'vacancies'] as const) {
        const columns = db.prepare<[], string>(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
        if (!columns.includes('concepts')) db.exec(`ALTER TABLE ${table} ADD COLUMN concepts TEXT;`);
      }
    },
    postgres: async (client) => {
      for (const table of ['jobseekers', 'vacancies'] as const) await client.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS concepts text COLLATE "C"`);
    },
  },
  {
    version: 29,
    why: 'a start reads the matchable records\' labels and the open vacancies past their closing date through indexes of their own (at 1,000,000 vacancies each read visited every row of the table: 22 s before the service listened)',
    // `matchableLabels` (the index file's check against the store, a worker's concept index) asked for
    // `matchable = 1 AND embedder = ?` through the embedder index and then read every row to test matchable;
    // `expiredIds` (closing vacancies past their date, at start and by the maintenance rounds) parsed every
    // row's record. A partial index of the matchable rows answers the first alone (label is the row id) and
    // an expression index of the open vacancies' closing date the second. Creating them reads the tables
    // once (seconds at national scale, at the upgrade only). Self-contained: IF NOT EXISTS.
    sqlite: `
      CREATE INDEX IF NOT EXISTS jobseekers_matchable ON jobseekers (embedder, label) WHERE matchable = 1;
      CREATE INDEX IF NOT EXISTS vacancies_matchable ON vacancies (embedder, label) WHERE matchable = 1;
      CREATE INDEX IF NOT EXISTS vacancies_open_until ON vacancies (record ->> '$.expiresAt') WHERE matchable = 1;`,
    postgres: `
      CREATE INDEX IF NOT EXISTS jobseekers_matchable ON jobseekers (embedder, label) WHERE matchable = 1;
      CREATE INDEX IF NOT EXISTS vacancies_matchable ON vacancies (embedder, label) WHERE matchable = 1;
      CREATE INDEX IF NOT EXISTS vacancies_open_until ON vacancies (((record ->> 'expiresAt') COLLATE "C")) WHERE matchable = 1;`,
  },
  {
    version: 30,
    why: "writes refused because the id is another area's client, per key and time (no client id), counted with the key's transfer requests against KOHTAANTO_TRANSFER_REQUESTS_PER_DAY and listed in the audit alerts",
    // One row per refused id (a bulk import's refused rows each count). The audit trail names the ids;
    // this table names none, so an erasure has nothing to remove here. Self-contained: IF NOT EXISTS.
    sqlite: `
      CREATE TABLE IF NOT EXISTS refused_ids (key_id TEXT NOT NULL, key_name TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS refused_ids_key ON refused_ids (key_id, at);
      CREATE INDEX IF NOT EXISTS refused_ids_at ON refused_ids (at);`,
    postgres: `
      CREATE TABLE IF NOT EXISTS refused_ids (key_id text COLLATE "C" NOT NULL, key_name text COLLATE "C" NOT NULL, at text COLLATE "C" NOT NULL);
      CREATE INDEX IF NOT EXISTS refused_ids_key ON refused_ids (key_id, at);
      CREATE INDEX IF NOT EXISTS refused_ids_at ON refused_ids (at);`,
  },
  {
    version: 31,
    why: "a start finds the records whose concepts were never kept through an index of their own (at 1,000,000 vacancies the search read every row of the table, holding the event loop for 3 s after every start)",
    // RecordService.keepMissingConcepts (started once the service listens) asks for `concepts IS NULL` in label
    // order; every write since step 28 keeps its concepts, so the partial index holds only the records stored
    // before (and none once they are filled). Creating it reads the tables once, at the upgrade only.
    // Self-contained: IF NOT EXISTS.
    sqlite: `
      CREATE INDEX IF NOT EXISTS jobseekers_without_concepts ON jobseekers (label) WHERE concepts IS NULL;
      CREATE INDEX IF NOT EXISTS vacancies_without_concepts ON vacancies (label) WHERE concepts IS NULL;`,
    postgres: `
      CREATE INDEX IF NOT EXISTS jobseekers_without_concepts ON jobseekers (label) WHERE concepts IS NULL;
      CREATE INDEX IF NOT EXISTS vacancies_without_concepts ON vacancies (label) WHERE concepts IS NULL;`,
  },
];
