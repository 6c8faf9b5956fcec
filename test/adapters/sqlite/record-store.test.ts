import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION, type Db } from '../../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../../src/adapters/sqlite/record-store.js';
import { tempDir } from '../../helpers/files.js';


// What every engine's record store does is proved on SQLite and PostgreSQL alike in
// test/adapters/contract/record-store.test.ts; here, what only the SQLite file does.
describe('SqliteRecordStore on a real SQLite file', () => {
  it('uses WAL mode and the latest schema version, and reopens without migrating twice', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  // What a start reads of every kind (the index file's check, a worker's concept index, stale records, vacancies past
  // their closing date) grows with the table: at 1,000,000 vacancies reading every row held the start for ~20 s.
  it("reads a start's lists through indexes, never by visiting every row of the table", async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db) as Db['prepare'];
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as Db['prepare'];
    const store = new SqliteRecordStore<{ id: string; municipality: string; region: string; updatedAt: string }>(db, 'vacancies');
    const before = prepared.length;
    store.matchableLabels({}, 'e1');
    await store.expiredIds('2026-06-01');
    await store.staleRecords('e1', 'd1', 10);
    const reads = [...prepared.slice(before), ...prepared.filter((sql) => /expiresAt|derived_by </.test(sql))];
    const onlyLabels = prepared.slice(before).filter((sql) => /^SELECT label FROM/.test(sql)).length; expect(onlyLabels).toBe(1);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const sql of reads) {
      // Each parameter as a value of its kind (the plan is the one the statement gets with its parameters).
      const bound = sql.replace(/LIMIT (\?|@\w+)/g, 'LIMIT 10').replace(/\?|@\w+/g, "'x'");
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${bound}`).all() as { detail: string }[]).map((r) => r.detail);
      // A SCAN of the table itself (not of an index standing for it) reads every record.
      expect(plan.filter((step) => /^SCAN vacancies( USING INDEX sqlite_autoindex|$)/.test(step)), `${sql}\n${plan.join('\n')}`).toEqual([]);
      // A list of labels alone comes from an index without reading the rows (the embedder index alone read each row for `matchable`).
      if (/^SELECT label FROM/.test(sql)) expect(plan.join('\n'), sql).toMatch(/USING COVERING INDEX/);
    }
    db.close();
  });

  // After every start the records stored before step 28 are looked for (RecordService.keepMissingConcepts): walking the
  // table in label order read every row (3 s of the event loop at 1,000,000 vacancies, after each start).
  it('finds the records whose concepts were never kept through their own index', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db) as Db['prepare'];
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as Db['prepare'];
    for (const table of ['vacancies', 'jobseekers'] as const) {
      new SqliteRecordStore<{ id: string; municipality: string; region: string; updatedAt: string }>(db, table);
      const sql = prepared.find((one) => one.includes(`FROM ${table} WHERE label > ? AND concepts IS NULL`))!;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql.replace('LIMIT ?', 'LIMIT 10').replace('?', '0')}`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan.join('\n'), sql).toMatch(new RegExp(`USING INDEX ${table}_without_concepts`));
    }
    db.close();
  });
});

