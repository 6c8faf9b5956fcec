import type { Db } from './database.js';
import type { RecordRow, RecordTable } from '../rows/records.js';

/**
 * One record kind's node-local copy of a PostgreSQL database, in a SQLite file of the usual schema
 * (issue 35, item 3): the rows under PostgreSQL's labels, so that matching reads them at once
 * (SqliteRecordStore's LocalRecordReads on the same file). Each step applied is one local
 * generation with its labels in the local change log, so that the index file and the RecordService
 * catch up on the copy exactly as on a SQLite store of record. The copy also remembers which
 * PostgreSQL generation it reflects (`settings`: `replica:<kind>`) and which database it copies
 * (`replica:source`): a copy of another database is emptied before use.
 */
export class SqliteRecordReplica {
  private readonly s;

  constructor(
    private readonly db: Db,
    readonly table: RecordTable,
  ) {
    this.s = {
      setting: db.prepare<[string], string>('SELECT value FROM settings WHERE name = ?').pluck(),
      set: db.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
      removeLabel: db.prepare<[number]>(`DELETE FROM ${table} WHERE label = ?`),
      removeOtherWithId: db.prepare<[string, number]>(`DELETE FROM ${table} WHERE id = ? AND label <> ?`),
      upsert: db.prepare<[RecordRow]>(
        `INSERT INTO ${table} (label, id, municipality, region, matchable, record, text_hash, embedder, derived_by, vector, updated_at, concepts)
         VALUES (@label, @id, @municipality, @region, @matchable, @record, @textHash, @embedder, @derivedBy, @vector, @updatedAt, @concepts)
         ON CONFLICT (label) DO UPDATE SET id = excluded.id, municipality = excluded.municipality, region = excluded.region,
           matchable = excluded.matchable, record = excluded.record, text_hash = excluded.text_hash, embedder = excluded.embedder,
           derived_by = excluded.derived_by, vector = excluded.vector, updated_at = excluded.updated_at, concepts = excluded.concepts`,
      ),
      labels: db.prepare<[], number>(`SELECT label FROM ${table}`).pluck(),
      bump: db.prepare<[string], number>('UPDATE generations SET generation = generation + 1 WHERE kind = ? RETURNING generation').pluck(),
      logChange: db.prepare<[string, number, number]>('INSERT OR IGNORE INTO changes (kind, generation, label, logged_at) VALUES (?, ?, ?, unixepoch())'),
    };
  }

  /** The PostgreSQL generation the copy reflects; undefined for a copy never loaded. */
  reflects(): number | undefined {
    const value = this.s.setting.get(`replica:${this.table}`);
    return value === undefined ? undefined : Number(value);
  }

  /** The database the copy was made from (see `copies`). */
  source(): string | undefined {
    return this.s.setting.get('replica:source');
  }

  /** Marks the copy as one of `source`; a copy of another source is emptied first (and has to be loaded again). */
  copies(source: string): void {
    if (this.source() === source) return;
    this.db.transaction(() => {
      this.apply([], this.s.labels.all(), 0);
      this.s.set.run('replica:source', source);
      this.db.prepare('DELETE FROM settings WHERE name = ?').run(`replica:${this.table}`);
    })();
  }

  /**
   * Applies one step in one local transaction: these rows stored (under their labels, replacing
   * an older row of the same id), these labels removed, one local generation logging them all, and
   * the PostgreSQL generation reflected now (never lowered: see ReplicatedRecordStore).
   */
  apply(rows: RecordRow[], removed: number[], reflects: number): void {
    this.db.transaction(() => {
      for (const label of removed) this.s.removeLabel.run(label);
      for (const row of rows) {
        this.s.removeOtherWithId.run(row.id, row.label);
        this.s.upsert.run(row);
      }
      this.log([...removed, ...rows.map((r) => r.label)]);
      this.s.set.run(`replica:${this.table}`, String(Math.max(reflects, this.reflects() ?? 0)));
    }).immediate();
  }

  /**
   * One local generation logging these labels, the rows left as they are: the step of a node's own
   * write that an earlier step (a catch-up) already brought in with other writes (see
   * ReplicatedRecordStore.committed).
   */
  logAgain(labels: number[]): void {
    this.db.transaction(() => this.log(labels)).immediate();
  }

  private log(labels: number[]): void {
    if (labels.length === 0) return;
    const generation = this.s.bump.get(this.table)!;
    for (const label of labels) this.s.logChange.run(this.table, generation, label);
  }

  /** Sets the PostgreSQL generation reflected (after a full load: it may be lower than before, after a failover). */
  reflect(generation: number): void {
    this.s.set.run(`replica:${this.table}`, String(generation));
  }

  /** Every label the copy holds (for a full load: those not seen again are removed). */
  labels(): number[] {
    return this.s.labels.all();
  }
}
