import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_SQL, BASELINE_VERSION } from '../../../src/adapters/postgres/baseline.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from '../../../src/adapters/postgres/migrate.js';
import { openPool } from '../../../src/adapters/postgres/pool.js';
import { SCHEMA_STEPS } from '../../../src/adapters/schema-steps.js';
import { migrate, openDatabase, SCHEMA_VERSION, type Db } from '../../../src/adapters/sqlite/database.js';
import { freshDatabase, migratedDatabase } from '../../helpers/postgres.js';
import { PostgresRecordStore } from '../../../src/adapters/postgres/record-store.js';
import { SqliteRecordStore } from '../../../src/adapters/sqlite/record-store.js';
import type { RecordTable } from '../../../src/adapters/rows/records.js';
import { jobseekerKind, vacancyKind } from '../../../src/core/kinds.js';
import type { RecordStore } from '../../../src/core/ports.js';
import { conceptsOf } from '../../../src/core/record-concepts.js';

/** A column as both engines can say it: its type family and whether it may be empty. */
type Column = { type: 'text' | 'integer' | 'real' | 'bytes'; nullable: boolean };
type Schema = { tables: Record<string, Record<string, Column>>; indexes: string[] };

const SQLITE_TYPES: Record<string, Column['type']> = { TEXT: 'text', INTEGER: 'integer', REAL: 'real', BLOB: 'bytes' };
// jsonb holds what SQLite keeps as JSON text.
const POSTGRES_TYPES: Record<string, Column['type']> = { text: 'text', jsonb: 'text', bigint: 'integer', integer: 'integer', 'double precision': 'real', bytea: 'bytes' };

function sqliteSchema(db: Db): Schema {
  const tables: Schema['tables'] = {};
  const names = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  for (const table of names) {
    tables[table] = {};
    for (const c of db.prepare<[], { name: string; type: string; notnull: number; pk: number }>(`SELECT * FROM pragma_table_info('${table}')`).all()) {
      // A primary key's columns are never empty in PostgreSQL; SQLite's are not either in practice.
      tables[table]![c.name] = { type: SQLITE_TYPES[c.type.toUpperCase()] ?? (c.type as Column['type']), nullable: c.notnull === 0 && c.pk === 0 };
    }
  }
  const indexes = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all();
  return { tables, indexes };
}

async function postgresSchema(pool: pg.Pool): Promise<Schema> {
  const tables: Schema['tables'] = {};
  const { rows } = await pool.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> 'schema_version' ORDER BY table_name, ordinal_position`,
  );
  for (const c of rows) {
    tables[c.table_name] ??= {};
    tables[c.table_name]![c.column_name] = { type: POSTGRES_TYPES[c.data_type] ?? (c.data_type as Column['type']), nullable: c.is_nullable === 'YES' };
  }
  // Only the indexes made by name: not those of primary keys and UNIQUE constraints (SQLite's are automatic too).
  const indexes = await pool.query<{ indexname: string }>(
    `SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = current_schema()
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.indexname`,
  );
  return { tables, indexes: indexes.rows.map((r) => r.indexname) };
}

describe('one schema, two engines', () => {
  let postgres: Awaited<ReturnType<typeof migratedDatabase>>;
  let sqlite: Db;
  beforeAll(async () => {
    postgres = await migratedDatabase();
    sqlite = openDatabase(':memory:');
  });
  afterAll(async () => {
    sqlite?.close();
    await postgres?.close();
  });

  it('has the same tables, columns (type family, may be empty) and indexes in SQLite and PostgreSQL', async () => {
    const [a, b] = [sqliteSchema(sqlite), await postgresSchema(postgres.pool)];
    expect(Object.keys(b.tables).sort()).toEqual(Object.keys(a.tables).sort());
    for (const table of Object.keys(a.tables)) expect({ table, columns: b.tables[table] }).toEqual({ table, columns: a.tables[table] });
    expect(b.indexes).toEqual(a.indexes);
  });

  it("numbers the shared steps after the baseline, and SQLite's version is the baseline plus them (no step for one engine only)", () => {
    SCHEMA_STEPS.forEach((step, i) => expect(step.version).toBe(BASELINE_VERSION + i + 1));
    expect(POSTGRES_SCHEMA_VERSION).toBe(BASELINE_VERSION + SCHEMA_STEPS.length);
    expect(SCHEMA_VERSION).toBe(POSTGRES_SCHEMA_VERSION);
  });

  it('migrates once: a second start (or a second node) changes nothing', async () => {
    await expect(migratePostgres(postgres.pool)).resolves.toBe(POSTGRES_SCHEMA_VERSION);
    await Promise.all([migratePostgres(postgres.pool), migratePostgres(postgres.pool)]);
    // One row for the baseline and one per step, none twice.
    const { rows } = await postgres.pool.query('SELECT version FROM schema_version ORDER BY version');
    expect(rows).toEqual([BASELINE_VERSION, ...SCHEMA_STEPS.map((s) => s.version)].map((version) => ({ version })));
    expect(rows.at(-1)).toEqual({ version: POSTGRES_SCHEMA_VERSION });
  });

  it('refuses a database newer than this code', async () => {
    await postgres.pool.query("INSERT INTO schema_version VALUES (999, 'x')");
    try {
      await expect(migratePostgres(postgres.pool)).rejects.toThrow(/newer than this Kohtaanto/);
    } finally {
      await postgres.pool.query('DELETE FROM schema_version WHERE version = 999');
    }
  });

  it("keeps a record's analytics facts as SQLite's triggers do (insert, update, delete)", async () => {
    const vacancy = {
      occupation: null,
      positions: 3,
      createdAt: '2026-11-02T10:00:00.000Z',
      expiresAt: '2026-12-31',
      languages: ['fi', 'sv'],
      normalized: { occupation: { uri: 'esco:welder' }, essential: [{ uri: 'esco:mig' }, { uri: 'esco:mig' }, { label: 'no uri' }], optional: [{ uri: 'esco:drawings' }] },
    };
    const jobseeker = { unemployedSince: '2025-01-01', birthYear: 1988, languages: [], normalized: { occupations: [{ isco: '7212' }], skills: [{ uri: 'esco:mig' }] } };
    const rows = [
      ['vacancies', 'V-1', vacancy],
      ['jobseekers', 'JS-1', jobseeker],
    ] as const;
    const facts = async (read: (sql: string) => Promise<unknown[]>) => ({
      records: await read('SELECT kind, label, municipality, active, occupation, positions, published, unemployed_since, languages, expires, isco, birth_year FROM analytics_records ORDER BY kind, label'),
      skills: await read('SELECT kind, label, uri, importance FROM analytics_skills ORDER BY kind, label, uri'),
    });
    const fromSqlite = (sql: string) => Promise.resolve(sqlite.prepare(sql).all());
    const fromPostgres = async (sql: string) => (await postgres.pool.query(sql)).rows;
    for (const [table, id, record] of rows) {
      const values = [id, 'Vaasa', 'Pohjanmaa', 1, JSON.stringify(record), 'h', 'e', Buffer.from([1, 2]), '2026-11-02T10:00:00.000Z'];
      sqlite.prepare(`INSERT INTO ${table} (id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values);
      await postgres.pool.query(`INSERT INTO ${table} (id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, values);
    }
    const inserted = await facts(fromSqlite);
    expect(inserted.skills).toHaveLength(3);
    // The client's occupation code and birth year (schema step 24); none for a vacancy.
    expect(inserted.records.map((r) => [(r as { isco: unknown }).isco, (r as { birth_year: unknown }).birth_year])).toEqual([
      ['7212', 1988],
      [null, null],
    ]);
    expect(await facts(fromPostgres)).toEqual(inserted);

    const changed = JSON.stringify({ ...vacancy, publishedAt: '2026-11-05', normalized: { occupation: { isco: '7212' } } });
    sqlite.prepare("UPDATE vacancies SET record = ?, matchable = 0 WHERE id = 'V-1'").run(changed);
    await postgres.pool.query("UPDATE vacancies SET record = $1, matchable = 0 WHERE id = 'V-1'", [changed]);
    expect(await facts(fromPostgres)).toEqual(await facts(fromSqlite));

    sqlite.prepare("DELETE FROM jobseekers WHERE id = 'JS-1'").run();
    await postgres.pool.query("DELETE FROM jobseekers WHERE id = 'JS-1'");
    const after = await facts(fromSqlite);
    expect(after.records).toHaveLength(1);
    expect(await facts(fromPostgres)).toEqual(after);
  });

  it('compares every text column by bytes, as SQLite does, whatever locale the cluster was made with', async () => {
    const { rows } = await postgres.pool.query<{ column: string; collation: string | null }>(
      `SELECT table_name || '.' || column_name AS column, collation_name AS collation FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type = 'text' AND table_name <> 'schema_version'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.collation !== 'C')).toEqual([]);
    const words = ['Äänekoski', 'aura', 'Zeta', 'ähtäri', 'Alavus'];
    for (const w of words) await postgres.pool.query("INSERT INTO settings (name, value) VALUES ($1, '')", [w]);
    for (const w of words) sqlite.prepare("INSERT INTO settings (name, value) VALUES (?, '')").run(w);
    const pgOrder = (await postgres.pool.query<{ name: string }>('SELECT name FROM settings ORDER BY name')).rows.map((r) => r.name);
    expect(pgOrder).toEqual(sqlite.prepare<[], string>('SELECT name FROM settings ORDER BY name').pluck().all());
  });

  it("step 24 copies the occupation code and birth year of the clients stored before it, on both engines", async () => {
    const columns = '(id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at)';
    const rows = [
      ['JS-OLD', JSON.stringify({ unemployedSince: '2024-03-01', birthYear: 1975, normalized: { occupations: [{ isco: '5223' }, { isco: '7212' }] } })],
      ['JS-BARE', JSON.stringify({})],
    ];
    const read = 'SELECT label, isco, birth_year, unemployed_since FROM analytics_records WHERE kind = \'jobseekers\' ORDER BY label';
    const old = new Database(':memory:');
    migrate(old, () => undefined, 23);
    for (const [id, record] of rows) old.prepare(`INSERT INTO jobseekers ${columns} VALUES (?, '091', '01', 1, ?, 'h', 'e', x'00', 'now')`).run(id, record);
    migrate(old);
    const fromSqlite = old.prepare(read).all();
    old.close();
    expect(fromSqlite).toEqual([
      { label: 1, isco: '5223', birth_year: 1975, unemployed_since: '2024-03-01' },
      { label: 2, isco: null, birth_year: null, unemployed_since: null },
    ]);
    const fresh = await freshDatabase();
    const pool = await openPool(fresh.url, { max: 1 });
    try {
      await pool.query(BASELINE_SQL);
      await pool.query("CREATE TABLE schema_version (version bigint NOT NULL, applied_at text NOT NULL); INSERT INTO schema_version VALUES (23, 'then')");
      for (const [id, record] of rows) await pool.query(`INSERT INTO jobseekers ${columns} VALUES ($1, '091', '01', 1, $2, 'h', 'e', '\\x00', 'now')`, [id, record]);
      await migratePostgres(pool);
      expect((await pool.query(read)).rows).toEqual(fromSqlite);
    } finally {
      await pool.end();
      await fresh.drop();
    }
  });
  it("step 28 adds the concepts column and leaves the records stored before it to the background, which keeps theirs alike on both engines", async () => {
    const columns = '(id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at)';
    const rows: [RecordTable, string, object][] = [
      ['jobseekers', 'JS-OLD', { id: 'JS-OLD', municipality: '091', remote: false, normalized: { occupations: [{ uri: 'esco:cook', isco: '5120' }, { isco: '5120' }], skills: [{ uri: 'esco:knife' }, { uri: 'text:veitset' }, { uri: 'esco:knife' }] } }],
      ['jobseekers', 'JS-BARE', { id: 'JS-BARE', municipality: '837', remote: true }],
      ['vacancies', 'V-OLD', { id: 'V-OLD', municipality: '564', normalized: { occupation: { uri: 'esco:welder', isco: '7212' }, essential: [{ uri: 'esco:mig' }], optional: [{ uri: 'esco:drawings' }] } }],
    ];
    const read = (table: string) => `SELECT label, concepts FROM ${table} ORDER BY label`;
    /** What RecordService.keepMissingConcepts does through a store, in one batch. */
    const keep = async (store: Pick<RecordStore<never>, 'withoutConcepts' | 'keepConcepts'>, table: RecordTable) =>
      store.keepConcepts(
        (await store.withoutConcepts(0, 100)).map(({ label, record }) => ({
          label,
          concepts: table === 'jobseekers' ? conceptsOf(jobseekerKind, record) : conceptsOf(vacancyKind, record),
        })),
      );
    const expected = {
      jobseekers: [
        { label: 1, concepts: JSON.stringify(['091', 'o:esco:cook', 'i:5120', 's:esco:knife']) },
        { label: 2, concepts: JSON.stringify(['*']) },
      ],
      vacancies: [{ label: 1, concepts: JSON.stringify(['564', 'o:esco:welder', 'i:7212', 's:esco:mig']) }],
    };
    const unkept = { jobseekers: expected.jobseekers.map((r) => ({ ...r, concepts: null })), vacancies: expected.vacancies.map((r) => ({ ...r, concepts: null })) };
    const file = join(mkdtempSync(join(tmpdir(), 'kohtaanto-step28-')), 'kohtaanto.sqlite');
    const at23 = new Database(file);
    migrate(at23, () => undefined, 23);
    for (const [table, id, record] of rows) at23.prepare(`INSERT INTO ${table} ${columns} VALUES (?, '091', '01', 1, ?, 'h', 'e', x'00', 'now')`).run(id, JSON.stringify(record));
    at23.close();
    const old = openDatabase(file); // as the service opens it: migrated to this schema
    const sqliteRows = () => ({ jobseekers: old.prepare(read('jobseekers')).all(), vacancies: old.prepare(read('vacancies')).all() });
    expect(sqliteRows()).toEqual(unkept);
    for (const table of ['jobseekers', 'vacancies'] as const) await keep(new SqliteRecordStore(old, table), table);
    expect(sqliteRows()).toEqual(expected);
    old.close();
    rmSync(dirname(file), { recursive: true, force: true });
    const fresh = await freshDatabase();
    const pool = await openPool(fresh.url, { max: 1 });
    try {
      await pool.query(BASELINE_SQL);
      await pool.query("CREATE TABLE schema_version (version bigint NOT NULL, applied_at text NOT NULL); INSERT INTO schema_version VALUES (23, 'then')");
      for (const [table, id, record] of rows) await pool.query(`INSERT INTO ${table} ${columns} VALUES ($1, '091', '01', 1, $2, 'h', 'e', '\\x00', 'now')`, [id, JSON.stringify(record)]);
      await migratePostgres(pool);
      const label = (rows: { label: unknown; concepts: string | null }[]) => rows.map((r) => ({ label: Number(r.label), concepts: r.concepts }));
      const postgresRows = async () => ({ jobseekers: label((await pool.query(read('jobseekers'))).rows), vacancies: label((await pool.query(read('vacancies'))).rows) });
      expect(await postgresRows()).toEqual(unkept);
      for (const table of ['jobseekers', 'vacancies'] as const) await keep(new PostgresRecordStore(pool, table), table);
      expect(await postgresRows()).toEqual(expected);
      // Keeping them is an update the analytics triggers see: the facts are still kept by a write.
      await pool.query("UPDATE vacancies SET matchable = 0 WHERE id = 'V-OLD'");
      expect((await pool.query("SELECT active FROM analytics_records WHERE kind = 'vacancies'")).rows.map((r) => Number(r.active))).toEqual([0]);
    } finally {
      await pool.end();
      await fresh.drop();
    }
  });
  it("step 25 drops the free text from the audit entries of clients erased before it, on both engines, and from no one else's", async () => {
    const erased = 'erased:0123456789abcdef';
    const kept = 'erased:fedcba9876543210'; // a kept client whose own id has a tombstone's shape (ids may hold ':')
    const entries: [number, string | null, string[]][] = [
      [1, JSON.stringify({ perMonth: 2, reason: 'Selkävaiva' }), [erased]],
      [2, JSON.stringify({ transfer: 3, reason: 'muuttaa', refused: 'hoidossa täällä' }), ['JS-1', erased]],
      [3, JSON.stringify({ perMonth: 3, reason: 'osa-aikatyö' }), ['JS-1']],
      [4, JSON.stringify({ perMonth: 1, reason: 'oma syy' }), [kept]],
      [5, JSON.stringify(['reason']), [erased]],
      [6, null, [erased]],
    ];
    const read = 'SELECT id, detail FROM audit ORDER BY id';
    const old = new Database(':memory:');
    migrate(old, () => undefined, 24);
    old.prepare("INSERT INTO jobseekers (id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at) VALUES (?, '091', '01', 1, '{}', 'h', 'e', x'00', 'now')").run(kept);
    for (const [id, detail, subjects] of entries) {
      old.prepare("INSERT INTO audit (id, at, method, route, status, detail) VALUES (?, 'then', 'PUT', '/r', 200, ?)").run(id, detail);
      subjects.forEach((s, i) => old.prepare('INSERT INTO audit_subjects VALUES (?, ?, ?)').run(id, i, s));
    }
    migrate(old);
    migrate(old, () => undefined); // again: nothing changes
    const fromSqlite = old.prepare<[], { id: number; detail: string | null }>(read).all().map((r) => ({ id: r.id, detail: r.detail === null ? null : JSON.parse(r.detail) }));
    old.close();
    expect(fromSqlite).toEqual([
      { id: 1, detail: { perMonth: 2 } },
      { id: 2, detail: { transfer: 3 } },
      { id: 3, detail: { perMonth: 3, reason: 'osa-aikatyö' } },
      { id: 4, detail: { perMonth: 1, reason: 'oma syy' } },
      { id: 5, detail: ['reason'] },
      { id: 6, detail: null },
    ]);
    const fresh = await freshDatabase();
    const pool = await openPool(fresh.url, { max: 1 });
    try {
      await pool.query(BASELINE_SQL);
      await pool.query(SCHEMA_STEPS.find((s) => s.version === 24)!.postgres as string);
      await pool.query("CREATE TABLE schema_version (version bigint NOT NULL, applied_at text NOT NULL); INSERT INTO schema_version VALUES (23, 'then'), (24, 'then')");
      await pool.query("INSERT INTO jobseekers (id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at) VALUES ($1, '091', '01', 1, '{}', 'h', 'e', '\\x00', 'now')", [kept]);
      for (const [id, detail, subjects] of entries) {
        await pool.query("INSERT INTO audit (id, at, method, route, status, detail) VALUES ($1, 'then', 'PUT', '/r', 200, $2)", [id, detail]);
        for (const [i, s] of subjects.entries()) await pool.query('INSERT INTO audit_subjects VALUES ($1, $2, $3)', [id, i, s]);
      }
      await migratePostgres(pool);
      expect((await pool.query(read)).rows.map((r) => ({ id: Number(r.id), detail: r.detail }))).toEqual(fromSqlite);
    } finally {
      await pool.end();
      await fresh.drop();
    }
  });
});
