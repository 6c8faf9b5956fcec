import type {
  EntryToSave,
  ListOptions,
  LocalRecordReads,
  LocationFilter,
  RecordStore,
  SavedEntry,
  StoredEntry,
  StoredTerms,
  WriteTerms,
} from '../../core/ports.js';
import type { Db } from './database.js';
import { busyRetryMs, writeUnlessLocked } from './write-lock.js';
import type { RecordConcepts } from '../../core/record-concepts.js';
import { conceptsFrom, conceptsText, fromBlob, recordOf, toBlob, type RecordRow, type RecordTable } from '../rows/records.js';

export type { RecordTable };

interface Row {
  label: number;
  record: string;
}

type UpsertRow = Omit<RecordRow, 'label'> & { generation: number; keep: number };

/**
 * SQLite-backed store for one record kind; every statement is prepared once. The use cases' port
 * (RecordStore) answers resolved promises; matching's reads (LocalRecordReads) answer at once. A
 * write is one synchronous better-sqlite3 transaction: no statement of the process can run inside
 * it, and its terms (see WriteTerms) are checked and claimed in it. A vacancy's owner and its shares
 * are what the store keeps about a vacancy beside the record: claimed with it, deleted with it.
 */
export class SqliteRecordStore<R extends { id: string; municipality: string; region: string; updatedAt: string }>
  implements RecordStore<R>, LocalRecordReads<R>
{
  private readonly s;

  constructor(
    private readonly db: Db,
    readonly table: RecordTable,
  ) {
    const t = table;
    this.s = {
      get: db.prepare<[string], Row>(`SELECT label, record FROM ${t} WHERE id = ?`),
      municipality: db.prepare<[string], string>(`SELECT municipality FROM ${t} WHERE id = ?`).pluck(),
      vectorOf: db.prepare<[string, string], { vector: Buffer; text_hash: string }>(
        `SELECT vector, text_hash FROM ${t} WHERE id = ? AND embedder = ?`,
      ),
      labelAndVector: db.prepare<[string], { label: number; embedder: string; vector: Buffer }>(`SELECT label, embedder, vector FROM ${t} WHERE id = ?`),
      listAll: db.prepare<[string, number], { record: string }>(
        `SELECT record FROM ${t} WHERE id > ? ORDER BY id LIMIT ?`,
      ),
      listIn: db.prepare<[string, string, number], { record: string }>(
        `SELECT record FROM ${t} WHERE municipality = ? AND id > ? ORDER BY id LIMIT ?`,
      ),
      // A search (core/record-search.ts: words with slips, the occupation in any language) and/or among
      // given ids: scans in id order. A jobseeker's occupations are `normalized.occupations`, a vacancy's `normalized.occupation`.
      search: db.prepare<[{ after: string; municipality: string | null; within: string | null; ids: string | null; search: string | null; occupations: number; limit: number }], { record: string }>(
        `SELECT record FROM ${t} WHERE id > @after
           AND (@municipality IS NULL OR municipality = @municipality)
           AND (@within IS NULL OR municipality IN (SELECT value FROM json_each(@within)))
           AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
           AND (@search IS NULL OR record_search(@search, id, record ->> '$.name', record ->> '$.title', record ->> '$.employer',
                CASE WHEN @occupations THEN coalesce(record -> '$.normalized.occupations', json_array(record -> '$.normalized.occupation')) END))
         ORDER BY id LIMIT @limit`,
      ),
      listWithin: db.prepare<[string, string, number], { record: string }>(
        `SELECT record FROM ${t} WHERE municipality IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id LIMIT ?`,
      ),
      // The record's version (its ETag) is the generation of the write that last changed its content; a
      // write that only re-derives, relinks or closes it (`keep`) keeps the version it had.
      upsert: db.prepare<[UpsertRow], { label: number }>(
        `INSERT INTO ${t} (id, municipality, region, matchable, record, text_hash, embedder, derived_by, vector, updated_at, concepts)
         VALUES (@id, @municipality, @region, @matchable, json_set(@record, '$.version', @generation), @textHash, @embedder, @derivedBy, @vector, @updatedAt, @concepts)
         ON CONFLICT (id) DO UPDATE SET municipality = excluded.municipality, region = excluded.region,
           matchable = excluded.matchable,
           record = CASE WHEN @keep THEN json_set(excluded.record, '$.version', coalesce(record ->> '$.version', 0)) ELSE excluded.record END,
           text_hash = excluded.text_hash, embedder = excluded.embedder, derived_by = excluded.derived_by, vector = excluded.vector,
           updated_at = excluded.updated_at, concepts = excluded.concepts
         RETURNING label`,
      ),
      version: db.prepare<[string], number | null>(`SELECT coalesce(record ->> '$.version', 0) FROM ${t} WHERE id = ?`).pluck(),
      remove: db.prepare<[string], { label: number }>(`DELETE FROM ${t} WHERE id = ? RETURNING label`),
      matchable: db.prepare<[string], { label: number; vector: Buffer }>(
        `SELECT label, vector FROM ${t} WHERE matchable = 1 AND embedder = ? ORDER BY label`,
      ),
      stale: db.prepare<[{ embedder: string; derivedBy: string; limit: number }], { record: string }>(
        // Four ranges of the embedder and derived_by indexes (the OR of them scanned the whole table when none is stale;
        // UNION ALL, as a UNION's merge made SQLite scan the table in label order instead).
        `SELECT record FROM ${t} WHERE label IN (SELECT label FROM ${t} WHERE embedder < @embedder UNION ALL SELECT label FROM ${t} WHERE embedder > @embedder
           UNION ALL SELECT label FROM ${t} WHERE derived_by < @derivedBy UNION ALL SELECT label FROM ${t} WHERE derived_by > @derivedBy) LIMIT @limit`,
      ),
      count: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`),
      // The expression is the one of the index (migration 11), so that the index is used.
      linked: db.prepare<[string], Row>(`SELECT label, record FROM ${t} WHERE record ->> '$.normalized.linkKey' = ?`),
      linkedMatchable: db.prepare<[string], Row>(`SELECT label, record FROM ${t} WHERE record ->> '$.normalized.linkKey' = ? AND matchable = 1`),
      // Through the index of open vacancies' closing dates (schema step 29): `+id` keeps SQLite from walking the id index
      // for the order instead, reading every row's record.
      expired: db.prepare<[string], string>(`SELECT id FROM ${t} WHERE matchable = 1 AND record ->> '$.expiresAt' < ? ORDER BY +id`).pluck(),
      recordsByLabels: db.prepare<[string], Row>(
        `SELECT label, record FROM ${t} WHERE label IN (SELECT value FROM json_each(?))`,
      ),
      conceptsByLabels: db.prepare<[string], { label: number; concepts: string | null }>(
        `SELECT label, concepts FROM ${t} WHERE label IN (SELECT value FROM json_each(?))`,
      ),
      withoutConcepts: db.prepare<[number, number], { label: number; record: string }>(
        `SELECT label, record FROM ${t} WHERE label > ? AND concepts IS NULL ORDER BY label LIMIT ?`,
      ),
      keepConcepts: db.prepare<[string | null, number]>(`UPDATE ${t} SET concepts = ? WHERE label = ? AND concepts IS NULL`),
      vectorsByLabels: db.prepare<[string], { label: number; vector: Buffer }>(
        `SELECT label, vector FROM ${t} WHERE label IN (SELECT value FROM json_each(?))`,
      ),
      matchableVectorsByLabels: db.prepare<[string, string], { label: number; vector: Buffer }>(
        `SELECT label, vector FROM ${t} WHERE matchable = 1 AND embedder = ? AND label IN (SELECT value FROM json_each(?))`,
      ),
      generation: db.prepare<[string], { generation: number }>(`SELECT generation FROM generations WHERE kind = ?`),
      bump: db.prepare<[string], number>(`UPDATE generations SET generation = generation + 1 WHERE kind = ? RETURNING generation`).pluck(),
      logChange: db.prepare<[string, number, number]>(
        `INSERT OR IGNORE INTO changes (kind, generation, label, logged_at) VALUES (?, ?, ?, unixepoch())`,
      ),
      firstLogged: db.prepare<[string, number], number | null>(`SELECT min(generation) FROM changes WHERE kind = ? AND generation > ?`).pluck(),
      changedSince: db.prepare<[string, number], number>(`SELECT DISTINCT label FROM changes WHERE kind = ? AND generation > ?`).pluck(),
      prune: db.prepare<[string, number, number]>(`DELETE FROM changes WHERE kind = ? AND generation <= ? AND logged_at < ?`),
      ...(t === 'vacancies'
        ? {
            owner: db.prepare<[string], string>('SELECT organisation_id FROM vacancy_owners WHERE vacancy_id = ?').pluck(),
            claim: db.prepare<[string, string]>('INSERT OR IGNORE INTO vacancy_owners (vacancy_id, organisation_id) VALUES (?, ?)'),
            forgetOwner: db.prepare<[string]>('DELETE FROM vacancy_owners WHERE vacancy_id = ?'),
            forgetShares: db.prepare<[string]>('DELETE FROM shares WHERE vacancy_id = ?'),
          }
        : {}),
    };
  }

  async get(id: string): Promise<StoredEntry<R> | undefined> {
    const row = this.s.get.get(id);
    return row && { label: row.label, record: recordOf<R>(row.record) };
  }

  async getMany(ids: string[]): Promise<(StoredEntry<R> | undefined)[]> {
    return ids.map((id) => {
      const row = this.s.get.get(id);
      return row && { label: row.label, record: recordOf<R>(row.record) };
    });
  }

  municipalityOf(id: string): string | undefined {
    return this.s.municipality.get(id);
  }

  async withLinkKey(key: string, matchableOnly: boolean): Promise<StoredEntry<R>[]> {
    return (matchableOnly ? this.s.linkedMatchable : this.s.linked).all(key).map((r) => ({ label: r.label, record: recordOf<R>(r.record) }));
  }

  getByLabels(labels: number[]): StoredEntry<R>[] {
    if (labels.length === 0) return [];
    return this.s.recordsByLabels.all(JSON.stringify(labels)).map((r) => ({
      label: r.label,
      record: recordOf<R>(r.record),
      bytes: r.record.length,
    }));
  }

  conceptsByLabels(labels: number[]): { label: number; concepts?: RecordConcepts }[] {
    if (labels.length === 0) return [];
    return this.s.conceptsByLabels.all(JSON.stringify(labels)).map((r) => {
      const concepts = conceptsFrom(r.concepts);
      return concepts ? { label: r.label, concepts } : { label: r.label };
    });
  }

  async vectorOf(id: string, embedder: string): Promise<{ vector: Float32Array; textHash: string } | undefined> {
    const row = this.s.vectorOf.get(id, embedder);
    return row && { vector: fromBlob(row.vector), textHash: row.text_hash };
  }

  async vectorsOfIds(ids: string[], embedder: string): Promise<({ vector: Float32Array; textHash: string } | undefined)[]> {
    return ids.map((id) => {
      const row = this.s.vectorOf.get(id, embedder);
      return row && { vector: fromBlob(row.vector), textHash: row.text_hash };
    });
  }

  labelAndVector(id: string, embedder: string): { label: number; vector?: Float32Array } | undefined {
    const row = this.s.labelAndVector.get(id);
    if (!row) return undefined;
    return row.embedder === embedder ? { label: row.label, vector: fromBlob(row.vector) } : { label: row.label };
  }

  vectorsOf(labels: number[]): Map<number, Float32Array> {
    if (labels.length === 0) return new Map();
    return new Map(this.s.vectorsByLabels.all(JSON.stringify(labels)).map((r) => [r.label, fromBlob(r.vector)]));
  }

  matchableVectorsOf(labels: number[], embedder: string): Map<number, Float32Array> {
    if (labels.length === 0) return new Map();
    const rows = this.s.matchableVectorsByLabels.all(embedder, JSON.stringify(labels));
    return new Map(rows.map((r) => [r.label, fromBlob(r.vector)]));
  }

  async list(options: ListOptions): Promise<R[]> {
    const after = options.after ?? '';
    const within = options.within && JSON.stringify([...options.within]);
    if (options.search || options.ids) {
      const search = options.search && JSON.stringify(options.search);
      // A record's occupations are read only when the search names any (most searches by name do not).
      const occupations = options.search && (options.search.occupations.length > 0 || options.search.terms.some((t) => t.occupations.length > 0)) ? 1 : 0;
      const ids = options.ids && JSON.stringify(options.ids);
      return this.s.search
        .all({ after, municipality: options.municipality ?? null, within: within ?? null, ids: ids ?? null, search: search ?? null, occupations, limit: options.limit })
        .map((r) => recordOf<R>(r.record));
    }
    const rows = options.municipality
      ? within && !options.within!.has(options.municipality)
        ? []
        : this.s.listIn.all(options.municipality, after, options.limit)
      : within
        ? this.s.listWithin.all(within, after, options.limit)
        : this.s.listAll.all(after, options.limit);
    return rows.map((r) => recordOf<R>(r.record));
  }

  async saveAll(entries: EntryToSave<R>[], terms?: WriteTerms): Promise<SavedEntry[]> {
    return this.db.transaction(() => {
      if (terms?.check) terms.check(this.found(terms.ids));
      if (entries.length === 0) return [];
      const generation = this.s.bump.get(this.table)!;
      const saved = entries.map((e) => {
        const row = this.s.upsert.get({
          id: e.record.id,
          municipality: e.record.municipality,
          region: e.record.region,
          matchable: e.matchable ? 1 : 0,
          record: JSON.stringify(e.record),
          textHash: e.textHash,
          embedder: e.embedder,
          derivedBy: e.derivedBy,
          vector: toBlob(e.vector),
          updatedAt: e.record.updatedAt,
          concepts: conceptsText(e.concepts),
          generation,
          keep: e.newVersion ? 0 : 1,
        })!;
        return { label: row.label, matchable: e.matchable };
      });
      for (const s of saved) this.s.logChange.run(this.table, generation, s.label);
      if (terms?.claimFor !== undefined) {
        if (!this.s.claim) throw new Error(`${this.table} have no owners to claim`);
        for (const id of terms.ids) this.s.claim.run(id, terms.claimFor);
      }
      return saved;
    }).immediate();
  }

  async versionOf(id: string): Promise<number | undefined> {
    return this.versionNow(id);
  }

  async removeAll(ids: string[]): Promise<{ removed: string[]; labels: number[] }> {
    return this.db.transaction(() => {
      const removed: string[] = [];
      const labels = ids.flatMap((id) => {
        const rows = this.s.remove.all(id);
        if (rows.length > 0) removed.push(id);
        return rows.map((r) => r.label);
      });
      this.logChanges(labels);
      for (const id of removed) {
        this.s.forgetOwner?.run(id);
        this.s.forgetShares?.run(id);
      }
      return { removed, labels };
    }).immediate();
  }

  /** What is stored under these ids (inside a write's transaction): version and owner. */
  private found(ids: string[]): Map<string, StoredTerms> {
    const found = new Map<string, StoredTerms>();
    for (const id of ids) {
      const version = this.versionNow(id);
      if (version !== undefined) found.set(id, { version, owner: this.s.owner?.get(id) ?? null });
    }
    return found;
  }

  private versionNow(id: string): number | undefined {
    const version = this.s.version.get(id);
    return version === undefined || version === null ? undefined : version;
  }

  matchableLabels(filter: LocationFilter, embedder: string): number[] {
    const clauses = ['matchable = 1', 'embedder = ?'];
    const params: string[] = [embedder];
    for (const [column, values] of [
      ['municipality', filter.municipalities],
      ['region', filter.regions],
    ] as const) {
      if (!values) continue;
      if (values.length === 0) return [];
      clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    return this.db
      .prepare<string[], { label: number }>(`SELECT label FROM ${this.table} WHERE ${clauses.join(' AND ')}`)
      .all(...params)
      .map((r) => r.label);
  }

  *matchableVectors(embedder: string): Iterable<{ label: number; vector: Float32Array }> {
    for (const row of this.s.matchable.iterate(embedder)) yield { label: row.label, vector: fromBlob(row.vector) };
  }

  async expiredIds(today: string): Promise<string[]> {
    return this.s.expired.all(today);
  }

  async staleRecords(embedder: string, derivedBy: string, limit: number): Promise<R[]> {
    return this.s.stale.all({ embedder, derivedBy, limit }).map((r) => recordOf<R>(r.record));
  }

  async count(): Promise<number> {
    return this.s.count.get()!.n;
  }

  async generation(): Promise<number> {
    return this.generationNow();
  }

  async withoutConcepts(after: number, limit: number): Promise<{ label: number; record: R }[]> {
    return this.s.withoutConcepts.all(after, limit).map((r) => ({ label: r.label, record: recordOf<R>(r.record) }));
  }

  /** In the background: another process's write lock is not waited for by sleeping (see writeUnlessLocked), the batch is tried again shortly. */
  async keepConcepts(rows: { label: number; concepts: RecordConcepts }[]): Promise<number> {
    for (;;) {
      let kept = 0;
      const written = writeUnlessLocked(this.db, () => {
        for (const row of rows) kept += this.s.keepConcepts.run(conceptsText(row.concepts), row.label).changes;
      });
      if (written) return kept;
      await new Promise((resolve) => setTimeout(resolve, busyRetryMs()));
    }
  }

  async changedSince(generation: number): Promise<number[] | undefined> {
    return this.changedSinceNow(generation);
  }

  /** The generation, read at once: for opening the index file at start (this node's replica, see LocalRecordReads) and the metrics. */
  generationNow(): number {
    return this.s.generation.get(this.table)!.generation;
  }

  /**
   * The labels written or deleted after `generation`, or undefined when the change log no longer
   * reaches back that far (pruned, or written before the log existed); read at once, for opening the index file.
   */
  changedSinceNow(generation: number): number[] | undefined {
    const current = this.generationNow();
    if (generation > current) return undefined;
    if (generation === current) return [];
    if (this.s.firstLogged.get(this.table, generation) !== generation + 1) return undefined;
    return this.s.changedSince.all(this.table, generation);
  }

  /**
   * Forgets the changes up to `generation` (an index file now reflects them) that were logged
   * before `loggedBefore` (Unix seconds): the other worker processes may still be reading them.
   */
  pruneChanges(generation: number, loggedBefore = Number.MAX_SAFE_INTEGER): void {
    this.s.prune.run(this.table, generation, loggedBefore);
  }

  /** One generation per write: bumps it and logs the labels it touched (inside the caller's transaction). */
  private logChanges(labels: number[]): void {
    if (labels.length === 0) return;
    const generation = this.s.bump.get(this.table)!;
    for (const label of labels) this.s.logChange.run(this.table, generation, label);
  }

}
