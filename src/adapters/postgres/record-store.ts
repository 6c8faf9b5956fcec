import type pg from 'pg';
import type { EntryToSave, ListOptions, RecordStore, SavedEntry, StoredEntry, StoredTerms, WriteTerms } from '../../core/ports.js';
import { matchesSearch, type SearchableRecord } from '../../core/record-search.js';
import { logChanges } from './change-feed.js';
import { inTransaction } from './pool.js';

import type { RecordConcepts } from '../../core/record-concepts.js';
import { conceptsText, fromBlob, toBlob, type RecordRow, type RecordTable } from '../rows/records.js';

export type { RecordRow, RecordTable };

/** What a committed write stored, for the node's replica to apply without reading it back. */
export interface CommittedWrite {
  generation: number;
  rows: RecordRow[];
  /** Labels deleted by the write. */
  removed: number[];
}

/** How many rows a search reads per round trip while it scans in id order. */
const SEARCH_BATCH = 500;

const ROW_COLUMNS = `label, id, municipality, region, matchable, record::text AS record, text_hash AS "textHash", embedder, derived_by AS "derivedBy", vector, updated_at AS "updatedAt", concepts`;

/**
 * PostgreSQL-backed system of record for one record kind: the RecordStore port over a pool, each
 * call a round trip. A write is one transaction that first locks its kind's generation row, so
 * that the writes of one kind commit one after another on every node (as SQLite's single writer
 * does): the terms (see WriteTerms) are checked on what is committed before it, then the rows,
 * the generation, its change log (NOTIFYing the other nodes at commit) and a vacancy's owner are
 * stored together. Records are jsonb: read back, their keys come in jsonb's order.
 *
 * `onCommitted` is told what each committed write stored (its generation, rows and removed
 * labels) before the write's promise resolves: the node's replica applies it at once.
 */
export class PostgresRecordStore<R extends { id: string; municipality: string; region: string; updatedAt: string }> implements RecordStore<R> {
  onCommitted: (write: CommittedWrite) => void = () => undefined;

  constructor(
    private readonly pool: pg.Pool,
    readonly table: RecordTable,
  ) {}

  async get(id: string): Promise<StoredEntry<R> | undefined> {
    const { rows } = await this.pool.query<{ label: number; record: R }>(`SELECT label, record FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] && { label: rows[0].label, record: rows[0].record };
  }

  /** One statement for the whole batch: a bulk import of 5,000 read them one query each, queued behind the pool's connections (a 500 under load: the pool's wait timed out). */
  async getMany(ids: string[]): Promise<(StoredEntry<R> | undefined)[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string; label: number; record: R }>(`SELECT id, label, record FROM ${this.table} WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
    const byId = new Map(rows.map((r) => [r.id, { label: r.label, record: r.record }]));
    return ids.map((id) => byId.get(id));
  }

  async vectorOf(id: string, embedder: string): Promise<{ vector: Float32Array; textHash: string } | undefined> {
    const { rows } = await this.pool.query<{ vector: Buffer; text_hash: string }>(`SELECT vector, text_hash FROM ${this.table} WHERE id = $1 AND embedder = $2`, [id, embedder]);
    return rows[0] && { vector: fromBlob(rows[0].vector), textHash: rows[0].text_hash };
  }

  /** One statement for the whole batch (see getMany). */
  async vectorsOfIds(ids: string[], embedder: string): Promise<({ vector: Float32Array; textHash: string } | undefined)[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string; vector: Buffer; text_hash: string }>(
      `SELECT id, vector, text_hash FROM ${this.table} WHERE id = ANY($1::text[]) AND embedder = $2`,
      [[...new Set(ids)], embedder],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && { vector: fromBlob(row.vector), textHash: row.text_hash };
    });
  }

  async list(options: ListOptions): Promise<R[]> {
    if (options.municipality && options.within && !options.within.has(options.municipality)) return [];
    const clauses = ['id > $1'];
    const params: unknown[] = [options.after ?? ''];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${params.length}`));
    };
    if (options.municipality) add((n) => `municipality = ${n}`, options.municipality);
    if (options.within) add((n) => `municipality = ANY(${n}::text[])`, [...options.within]);
    if (options.ids) add((n) => `id = ANY(${n}::text[])`, options.ids);
    const page = (after: string, limit: number) =>
      this.pool.query<{ id: string; record: R }>(`SELECT id, record FROM ${this.table} WHERE ${clauses.join(' AND ')} ORDER BY id LIMIT ${limit}`, [after, ...params.slice(1)]);
    const search = options.search;
    if (!search) return (await page(options.after ?? '', options.limit)).rows.map((r) => r.record);
    // A search (core/record-search.ts: words with slips, the occupation in any language) scans in id order, as SQLite's does.
    const found: R[] = [];
    let after = options.after ?? '';
    for (;;) {
      const { rows } = await page(after, SEARCH_BATCH);
      for (const row of rows) {
        if (matchesSearch(search, searchable(row.record))) found.push(row.record);
        if (found.length === options.limit) return found;
      }
      if (rows.length < SEARCH_BATCH) return found;
      after = rows[rows.length - 1]!.id;
    }
  }

  async saveAll(entries: EntryToSave<R>[], terms?: WriteTerms): Promise<SavedEntry[]> {
    const { saved, write } = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT generation FROM generations WHERE kind = $1 FOR UPDATE', [this.table]);
      if (terms?.check) terms.check(await this.found(client, terms.ids));
      const none: SavedEntry[] = [];
      if (entries.length === 0) return { saved: none, write: undefined };
      const stored = new Map<string, { label: number; version: number }>();
      const ids = entries.map((e) => e.record.id);
      // One statement per kind of version (new, kept); a batch naming an id twice is written entry by entry, in order.
      const groups = new Set(ids).size === ids.length ? [entries.filter((e) => e.newVersion), entries.filter((e) => !e.newVersion)] : entries.map((e) => [e]);
      const generation = await this.bump(client);
      for (const group of groups) {
        if (group.length === 0) continue;
        for (const row of await this.upsert(client, group, generation, group[0]!.newVersion === true)) stored.set(row.id, row);
      }
      const labels = entries.map((e) => stored.get(e.record.id)!.label);
      await logChanges(client, this.table, generation, [...new Set(labels)]);
      if (terms?.claimFor !== undefined) {
        if (this.table !== 'vacancies') throw new Error(`${this.table} have no owners to claim`);
        await client.query('INSERT INTO vacancy_owners (vacancy_id, organisation_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [terms.ids, terms.claimFor]);
      }
      const rows = entries.map((e) => {
        const { label, version } = stored.get(e.record.id)!;
        return {
          label,
          id: e.record.id,
          municipality: e.record.municipality,
          region: e.record.region,
          matchable: e.matchable ? 1 : 0,
          record: JSON.stringify({ ...e.record, version }),
          textHash: e.textHash,
          embedder: e.embedder,
          derivedBy: e.derivedBy,
          vector: toBlob(e.vector),
          updatedAt: e.record.updatedAt,
          concepts: conceptsText(e.concepts),
        };
      });
      return { saved: entries.map((e, i) => ({ label: labels[i]!, matchable: e.matchable })), write: { generation, rows, removed: [] } };
    });
    if (write) this.onCommitted(write);
    return saved;
  }

  async removeAll(ids: string[]): Promise<{ removed: string[]; labels: number[] }> {
    const { result, write } = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT generation FROM generations WHERE kind = $1 FOR UPDATE', [this.table]);
      const { rows } = await client.query<{ id: string; label: number }>(`DELETE FROM ${this.table} WHERE id = ANY($1::text[]) RETURNING id, label`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, r.label]));
      const removed = [...new Set(ids)].filter((id) => byId.has(id));
      const labels = removed.map((id) => byId.get(id)!);
      if (labels.length === 0) return { result: { removed, labels }, write: undefined };
      const generation = await this.bump(client);
      await logChanges(client, this.table, generation, labels);
      if (this.table === 'vacancies') {
        await client.query('DELETE FROM vacancy_owners WHERE vacancy_id = ANY($1::text[])', [removed]);
        await client.query('DELETE FROM shares WHERE vacancy_id = ANY($1::text[])', [removed]);
      }
      return { result: { removed, labels }, write: { generation, rows: [], removed: labels } };
    });
    if (write) this.onCommitted(write);
    return result;
  }

  async expiredIds(today: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM ${this.table} WHERE matchable = 1 AND (record ->> 'expiresAt') COLLATE "C" < $1 ORDER BY id`,
      [today],
    );
    return rows.map((r) => r.id);
  }

  async staleRecords(embedder: string, derivedBy: string, limit: number): Promise<R[]> {
    const { rows } = await this.pool.query<{ record: R }>(`SELECT record FROM ${this.table} WHERE embedder < $1 OR embedder > $1 OR derived_by < $2 OR derived_by > $2 LIMIT $3`, [embedder, derivedBy, limit]);
    return rows.map((r) => r.record);
  }

  async versionOf(id: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ version: number }>(`SELECT coalesce((record ->> 'version')::bigint, 0) AS version FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0]?.version;
  }

  async withLinkKey(key: string, matchableOnly: boolean): Promise<StoredEntry<R>[]> {
    // The expression is the one of the baseline's vacancies_link_key index, so that the index is used.
    const { rows } = await this.pool.query<{ label: number; record: R }>(
      `SELECT label, record FROM ${this.table} WHERE record #>> '{normalized,linkKey}' = $1${matchableOnly ? ' AND matchable = 1' : ''} ORDER BY label`,
      [key],
    );
    return rows.map((r) => ({ label: r.label, record: r.record }));
  }

  async withoutConcepts(after: number, limit: number): Promise<{ label: number; record: R }[]> {
    const { rows } = await this.pool.query<{ label: number; record: R }>(
      `SELECT label, record FROM ${this.table} WHERE label > $1 AND concepts IS NULL ORDER BY label LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({ label: Number(r.label), record: r.record }));
  }

  async keepConcepts(rows: { label: number; concepts: RecordConcepts }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.table} t SET concepts = v.concepts FROM unnest($1::bigint[], $2::text[]) AS v(label, concepts) WHERE t.label = v.label AND t.concepts IS NULL`,
      [rows.map((r) => r.label), rows.map((r) => conceptsText(r.concepts))],
    );
    return rowCount ?? 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${this.table}`);
    return rows[0]!.n;
  }

  async generation(): Promise<number> {
    const { rows } = await this.pool.query<{ generation: number }>('SELECT generation FROM generations WHERE kind = $1', [this.table]);
    return rows[0]!.generation;
  }

  async changedSince(generation: number): Promise<number[] | undefined> {
    const step = await this.changesAfter(generation);
    return step.labels;
  }

  /**
   * The current generation and the labels changed after `generation`, read in one statement (one
   * snapshot); labels undefined when the change log does not reach back that far.
   */
  async changesAfter(generation: number): Promise<{ current: number; labels: number[] | undefined }> {
    const { rows } = await this.pool.query<{ current: number; first: number | null; labels: number[] | null }>(
      `SELECT g.generation AS current, min(c.generation) AS first, array_agg(DISTINCT c.label) FILTER (WHERE c.label IS NOT NULL) AS labels
       FROM generations g LEFT JOIN changes c ON c.kind = g.kind AND c.generation > $2
       WHERE g.kind = $1 GROUP BY g.generation`,
      [this.table, generation],
    );
    const { current, first, labels } = rows[0]!;
    if (generation > current) return { current, labels: undefined };
    if (generation === current) return { current, labels: [] };
    return { current, labels: first === generation + 1 ? (labels ?? []).map(Number) : undefined };
  }

  /** The stored rows under these labels (those still there), for a node's replica. */
  async rowsByLabels(labels: number[]): Promise<RecordRow[]> {
    if (labels.length === 0) return [];
    const { rows } = await this.pool.query<RecordRow>(`SELECT ${ROW_COLUMNS} FROM ${this.table} WHERE label = ANY($1::bigint[])`, [labels]);
    return rows;
  }

  /** Up to `limit` stored rows after `label`, in label order, for loading a replica. */
  async rowsAfter(label: number, limit: number): Promise<RecordRow[]> {
    const { rows } = await this.pool.query<RecordRow>(`SELECT ${ROW_COLUMNS} FROM ${this.table} WHERE label > $1 ORDER BY label LIMIT $2`, [label, limit]);
    return rows;
  }

  /** Forgets the changes up to `generation` logged before `loggedBefore` (Unix seconds); nodes further behind load their replica again. */
  async pruneChanges(generation: number, loggedBefore: number): Promise<void> {
    await this.pool.query('DELETE FROM changes WHERE kind = $1 AND generation <= $2 AND logged_at < $3', [this.table, generation, loggedBefore]);
  }

  private async bump(client: pg.PoolClient): Promise<number> {
    const { rows } = await client.query<{ generation: number }>('UPDATE generations SET generation = generation + 1 WHERE kind = $1 RETURNING generation', [this.table]);
    return rows[0]!.generation;
  }

  /**
   * Inserts or replaces the entries (distinct ids) in one statement. The record's version is the
   * write's generation; with `newVersion` false a stored record keeps the version it had.
   */
  private async upsert(client: pg.PoolClient, entries: EntryToSave<R>[], generation: number, newVersion: boolean) {
    // The entries as one JSON document (one parameter: no array literal escaped element by element,
    // no record stringified on its own first), the vectors in base64, in order.
    const document = entries.map((e) => ({
      id: e.record.id,
      municipality: e.record.municipality,
      region: e.record.region,
      matchable: e.matchable ? 1 : 0,
      record: e.record,
      text_hash: e.textHash,
      embedder: e.embedder,
      derived_by: e.derivedBy,
      vector: toBlob(e.vector).toString('base64'),
      updated_at: e.record.updatedAt,
      concepts: conceptsText(e.concepts),
    }));
    const { rows } = await client.query<{ label: number; id: string; version: number }>(
      `INSERT INTO ${this.table} AS r (id, municipality, region, matchable, record, text_hash, embedder, derived_by, vector, updated_at, concepts)
       SELECT id, municipality, region, matchable, jsonb_set(record, '{version}', to_jsonb($2::bigint)), text_hash, embedder, derived_by, decode(vector, 'base64'), updated_at, concepts
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, municipality text, region text, matchable bigint, record jsonb, text_hash text, embedder text, derived_by text, vector text, updated_at text, concepts text))
         WITH ORDINALITY AS e(id, municipality, region, matchable, record, text_hash, embedder, derived_by, vector, updated_at, concepts, n)
       ORDER BY n
       ON CONFLICT (id) DO UPDATE SET municipality = excluded.municipality, region = excluded.region, matchable = excluded.matchable,
         record = ${newVersion ? 'excluded.record' : `jsonb_set(excluded.record, '{version}', coalesce(r.record -> 'version', '0'))`},
         text_hash = excluded.text_hash, embedder = excluded.embedder, derived_by = excluded.derived_by, vector = excluded.vector, updated_at = excluded.updated_at,
         concepts = excluded.concepts
       RETURNING label, id, coalesce((record ->> 'version')::bigint, 0) AS version`,
      [JSON.stringify(document), generation],
    );
    return rows;
  }

  /** What is stored under these ids (inside a write's transaction): version and owner. */
  private async found(client: pg.PoolClient, ids: string[]): Promise<Map<string, StoredTerms>> {
    const owner = this.table === 'vacancies' ? '(SELECT organisation_id FROM vacancy_owners WHERE vacancy_id = t.id)' : 'NULL::text';
    const { rows } = await client.query<{ id: string; version: number; owner: string | null }>(
      `SELECT id, coalesce((record ->> 'version')::bigint, 0) AS version, ${owner} AS owner FROM ${this.table} t WHERE id = ANY($1::text[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, owner: r.owner }]));
  }
}

/** What a search reads of a record: its id, name, title, employer and occupations (a jobseeker's `normalized.occupations`, a vacancy's `normalized.occupation`). */
function searchable(record: { id: string }): SearchableRecord {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const field = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null && key in o ? Object.getOwnPropertyDescriptor(o, key)?.value : undefined);
  const normalized = field(record, 'normalized');
  const listed = field(normalized, 'occupations');
  const occupations: unknown[] = Array.isArray(listed) ? listed : [field(normalized, 'occupation')];
  return {
    id: record.id,
    name: text(field(record, 'name')),
    title: text(field(record, 'title')),
    employer: text(field(record, 'employer')),
    occupations: occupations.flatMap((o) => {
      const uri = text(field(o, 'uri'));
      return uri ? [uri] : [];
    }),
  };
}
