import type { EntryToSave, ListOptions, LocalRecordReads, LocationFilter, RecordStore, SavedEntry, StoredEntry, StoredTerms, WriteTerms } from '../../core/ports.js';
import type { RecordConcepts } from '../../core/record-concepts.js';
import { matchesSearch } from '../../core/record-search.js';
import { hasFields } from '../../core/fields.js';
import { recordOf } from '../rows/records.js';

/** An entry as saved (the port's EntryToSave, less what only steers the write), with its label, version and JSON. */
type Row<R> = Pick<EntryToSave<R>, 'record' | 'vector' | 'textHash' | 'embedder' | 'derivedBy' | 'matchable' | 'concepts'> & {
  label: number;
  /** The record's version (its ETag), as set in `record`. */
  version: number;
  json: string;
};

type Record = { id: string; municipality: string; region?: string; updatedAt: string; expiresAt?: string; normalized?: { linkKey?: string } };

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** What a search reads of a record: its id, name, title, employer and occupations (a jobseeker's list, a vacancy's one). */
function searchedFields(record: Record) {
  const fields: { [field: string]: unknown } = hasFields(record) ? record : {};
  const normalized: { [field: string]: unknown } = hasFields(fields.normalized) ? fields.normalized : {};
  const listed = normalized.occupations ?? (normalized.occupation ? [normalized.occupation] : []);
  const occupations = (Array.isArray(listed) ? listed : []).flatMap((o) => (hasFields(o) && typeof o.uri === 'string' && o.uri ? [o.uri] : []));
  return { id: record.id, name: text(fields.name), title: text(fields.title), employer: text(fields.employer), occupations };
}

/**
 * TEST DOUBLE — an in-memory RecordStore for fast core unit tests (no SQLite file). It keeps the
 * port's contract as the SQLite store does (labels kept on replace, one generation per write with
 * its change log, records returned as fresh copies, terms checked before anything is stored, owners
 * claimed with a write and forgotten with a removal) but none of its durability. Never used by the
 * service.
 */
export class MemoryRecordStore<R extends Record> implements RecordStore<R>, LocalRecordReads<R> {
  private readonly rows = new Map<string, Row<R>>();
  /** Owners claimed by writes (WriteTerms.claimFor), as the SQLite store keeps vacancy owners. */
  readonly owners = new Map<string, string>();
  private readonly byLabel = new Map<number, Row<R>>();
  private readonly changes: { generation: number; labels: number[] }[] = [];
  private nextLabel = 1;
  private current = 0;

  async get(id: string): Promise<StoredEntry<R> | undefined> {
    const row = this.rows.get(id);
    return row && { label: row.label, record: copy(row) };
  }

  async getMany(ids: string[]): Promise<(StoredEntry<R> | undefined)[]> {
    return Promise.all(ids.map((id) => this.get(id)));
  }

  getByLabels(labels: number[]): StoredEntry<R>[] {
    return labels.flatMap((label) => {
      const row = this.byLabel.get(label);
      return row ? [{ label, record: copy(row), bytes: row.json.length }] : [];
    });
  }

  conceptsByLabels(labels: number[]): { label: number; concepts?: RecordConcepts }[] {
    return labels.flatMap((label) => {
      const row = this.byLabel.get(label);
      if (!row) return [];
      return [row.concepts ? { label, concepts: structuredClone(row.concepts) } : { label }];
    });
  }

  async vectorOf(id: string, embedder: string) {
    const row = this.rows.get(id);
    return row && row.embedder === embedder ? { vector: row.vector, textHash: row.textHash } : undefined;
  }

  async vectorsOfIds(ids: string[], embedder: string) {
    return Promise.all(ids.map((id) => this.vectorOf(id, embedder)));
  }

  vectorsOf(labels: number[]): Map<number, Float32Array> {
    return new Map(labels.flatMap((l) => (this.byLabel.has(l) ? [[l, this.byLabel.get(l)!.vector] as const] : [])));
  }

  matchableVectorsOf(labels: number[], embedder: string): Map<number, Float32Array> {
    return new Map(
      labels.flatMap((l) => {
        const row = this.byLabel.get(l);
        return row && row.matchable && row.embedder === embedder ? [[l, row.vector] as const] : [];
      }),
    );
  }

  labelAndVector(id: string, embedder: string) {
    const row = this.rows.get(id);
    if (!row) return undefined;
    return row.embedder === embedder ? { label: row.label, vector: row.vector } : { label: row.label };
  }

  async list(options: ListOptions): Promise<R[]> {
    return [...this.rows.values()]
      .filter((row) => row.record.id > (options.after ?? ''))
      .filter((row) => !options.municipality || row.record.municipality === options.municipality)
      .filter((row) => !options.within || options.within.has(row.record.municipality))
      .filter((row) => !options.ids || options.ids.includes(row.record.id))
      .filter((row) => !options.search || matchesSearch(options.search, searchedFields(row.record)))
      .sort((a, b) => (a.record.id < b.record.id ? -1 : 1))
      .slice(0, options.limit)
      .map(copy);
  }

  async saveAll(entries: EntryToSave<R>[], terms?: WriteTerms): Promise<SavedEntry[]> {
    if (terms?.check) {
      const found = new Map<string, StoredTerms>();
      for (const id of terms.ids) {
        const row = this.rows.get(id);
        if (row) found.set(id, { version: row.version, owner: this.owners.get(id) ?? null });
      }
      terms.check(found);
    }
    if (terms?.claimFor !== undefined) for (const id of terms.ids) if (!this.owners.has(id)) this.owners.set(id, terms.claimFor);
    if (entries.length === 0) return [];
    const generation = this.current + 1;
    const saved = entries.map((e) => {
      const previous = this.rows.get(e.record.id);
      const version = e.newVersion || !previous ? generation : previous.version;
      const record = { ...e.record, version };
      const label = previous?.label ?? this.nextLabel++;
      const row: Row<R> = { label, record, version, json: JSON.stringify(record), vector: e.vector, textHash: e.textHash, embedder: e.embedder, derivedBy: e.derivedBy, matchable: e.matchable, ...(e.concepts ? { concepts: structuredClone(e.concepts) } : {}) };
      this.rows.set(e.record.id, row);
      this.byLabel.set(label, row);
      return { label, matchable: e.matchable };
    });
    this.logChanges(saved.map((s) => s.label));
    return saved;
  }

  async versionOf(id: string): Promise<number | undefined> {
    const row = this.rows.get(id);
    return row?.version;
  }

  async removeAll(ids: string[]): Promise<{ removed: string[]; labels: number[] }> {
    const removed = ids.filter((id) => this.rows.has(id));
    for (const id of removed) this.owners.delete(id);
    const labels = ids.flatMap((id) => {
      const row = this.rows.get(id);
      if (!row) return [];
      this.rows.delete(id);
      this.byLabel.delete(row.label);
      return [row.label];
    });
    this.logChanges(labels);
    return { removed, labels };
  }

  matchableLabels(filter: LocationFilter, embedder: string): number[] {
    return [...this.rows.values()]
      .filter((row) => row.matchable && row.embedder === embedder)
      .filter((row) => !filter.municipalities || filter.municipalities.includes(row.record.municipality))
      .filter((row) => !filter.regions || filter.regions.includes(row.record.region ?? ''))
      .map((row) => row.label);
  }

  *matchableVectors(embedder: string): Iterable<{ label: number; vector: Float32Array }> {
    for (const row of this.rows.values()) if (row.matchable && row.embedder === embedder) yield { label: row.label, vector: row.vector };
  }

  async expiredIds(today: string): Promise<string[]> {
    return [...this.rows.values()].filter((row) => row.matchable && row.record.expiresAt !== undefined && row.record.expiresAt < today).map((row) => row.record.id).sort();
  }

  async staleRecords(embedder: string, derivedBy: string, limit: number): Promise<R[]> {
    return [...this.rows.values()].filter((row) => row.embedder !== embedder || row.derivedBy !== derivedBy).slice(0, limit).map(copy);
  }

  municipalityOf(id: string): string | undefined {
    return this.rows.get(id)?.record.municipality;
  }

  async withLinkKey(key: string, matchableOnly: boolean): Promise<StoredEntry<R>[]> {
    return [...this.rows.values()]
      .filter((row) => row.record.normalized?.linkKey === key && (!matchableOnly || row.matchable))
      .map((row) => ({ label: row.label, record: copy(row) }));
  }

  async count(): Promise<number> {
    return this.rows.size;
  }

  async withoutConcepts(after: number, limit: number): Promise<{ label: number; record: R }[]> {
    return [...this.byLabel.values()]
      .filter((row) => row.label > after && !row.concepts)
      .sort((a, b) => a.label - b.label)
      .slice(0, limit)
      .map((row) => ({ label: row.label, record: copy(row) }));
  }

  async keepConcepts(rows: { label: number; concepts: RecordConcepts }[]): Promise<number> {
    let kept = 0;
    for (const { label, concepts } of rows) {
      const row = this.byLabel.get(label);
      if (row && !row.concepts) {
        row.concepts = structuredClone(concepts);
        kept++;
      }
    }
    return kept;
  }

  async generation(): Promise<number> {
    return this.current;
  }

  async changedSince(generation: number): Promise<number[] | undefined> {
    if (generation > this.current) return undefined;
    return [...new Set(this.changes.filter((c) => c.generation > generation).flatMap((c) => c.labels))];
  }

  private logChanges(labels: number[]): void {
    if (labels.length === 0) return;
    this.current++;
    this.changes.push({ generation: this.current, labels });
  }
}

/** A fresh copy, as the SQLite store parses one from JSON per read. */
const copy = <R>(row: Row<R>): R => recordOf<R>(row.json);
