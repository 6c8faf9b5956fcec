/**
 * The ports the core needs from the outside world. Adapters (src/adapters) implement them and
 * are passed in at start-up; the core never imports SQLite, HNSW, transformers or fastify.
 */
import type { RecordSearch } from './record-search.js';
import type { RecordConcepts } from './record-concepts.js';

/** Turns texts into unit-length vectors of a fixed dimension. */
export interface Embedder {
  /** Stable identity of the model: vectors from different ids are not comparable. */
  readonly id: string;
  readonly dimension: number;
  /** One line for logs and /health: which embedder is in use and why. */
  readonly description: string;
  /**
   * One unit vector per text. `query` marks what a user types to search (ad-hoc match text, a skill
   * string); `document` what is stored and searched (CVs, vacancies, taxonomy labels). Models
   * trained with prefixes use them; symmetric models embed both alike.
   */
  embed(texts: string[], role?: EmbeddingRole): Promise<Float32Array[]>;
}

export type EmbeddingRole = 'query' | 'document';

export interface IndexHit {
  label: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/** Approximate nearest-neighbour index over the matchable records of one kind. */
export interface VectorIndex {
  /** Number of live (searchable) vectors. */
  readonly size: number;
  has(label: number): boolean;
  /** Adds the vector, or replaces the one stored under the label. */
  upsert(label: number, vector: Float32Array): void;
  remove(label: number): void;
  /** Cosine similarity of the vector to each of these live labels' vectors (labels not in the index are left out). */
  similarities(vector: Float32Array, labels: number[]): IndexHit[];
  /** A live label's vector as the index holds it (normalised); undefined when the label is not in the index. */
  vectorOf(label: number): Float32Array | undefined;
  /** Nearest neighbours; with `allowed`, only those labels are considered (filter inside the search). */
  search(vector: Float32Array, k: number, allowed?: ReadonlySet<number>): IndexHit[];
}

export interface StoredEntry<R> {
  /** Internal numeric key, shared by the store and the index. */
  label: number;
  record: R;
  /** Length of the record's stored form (its JSON), when the store knows it: what caches weigh it by. */
  bytes?: number;
}

export interface EntryToSave<R> {
  record: R;
  vector: Float32Array;
  textHash: string;
  embedder: string;
  /** What derived the record's computed fields (see RecordService's Derivation). */
  derivedBy: string;
  matchable: boolean;
  /** Its concepts as the concept index files them, kept beside it (see RecordConcepts); a writer without them leaves them to be read from the record. */
  concepts?: RecordConcepts;
  /** Only the record's links to its repeats changed (see duplicates.ts): same text, same vector. */
  linkOnly?: boolean;
  /**
   * The content was written by a caller (a create or replace): the record gets a new version (the
   * write's generation). Without it (re-derived, relinked, closed on expiry) it keeps its version.
   */
  newVersion?: boolean;
}

export interface SavedEntry {
  label: number;
  matchable: boolean;
}

export interface LocationFilter {
  municipalities?: string[];
  regions?: string[];
}

/**
 * What a write checks and claims inside its own transaction, atomic with it: given as data (not as
 * a callback doing its own reads and writes) so that every engine does it in the one transaction
 * that stores the records, SQLite in a synchronous better-sqlite3 transaction that nothing else of
 * the process can enter, PostgreSQL between BEGIN and COMMIT on one connection.
 */
export interface WriteTerms {
  /** The records the caller writes (not the ones relinked with them): what `check` is given and `claimFor` claims. */
  ids: string[];
  /**
   * Decides on what the transaction found stored under the ids being written (see StoredTerms):
   * throwing stores nothing. A plain function of its argument (no reads, no writes, no awaits).
   */
  check?: (found: Map<string, StoredTerms>) => void;
  /** The organisation that owns the new records of this write (vacancies a unit creates); a record already owned keeps its owner. */
  claimFor?: string;
}

/** What a write's transaction found stored under one id. */
export interface StoredTerms {
  /** The stored record's version (see EntryToSave.newVersion). */
  version: number;
  /** The organisation owning it, null when none does (only vacancies have owners). */
  owner: string | null;
}

/**
 * System of record for one kind of record (jobseekers or vacancies), as the use cases use it: every
 * read and write answers a promise, because on PostgreSQL (several service nodes, issue 35) each is a
 * round trip over the network. The SQLite adapter answers at once (resolved promises).
 */
export interface RecordStore<R> {
  get(id: string): Promise<StoredEntry<R> | undefined>;
  /** The stored entries of these ids, in their order (undefined where there is none): one read for a whole batch (on PostgreSQL one round trip, not one per id). */
  getMany(ids: string[]): Promise<(StoredEntry<R> | undefined)[]>;
  /** The stored vector and its text hash, if the record exists and was embedded by `embedder`. */
  vectorOf(id: string, embedder: string): Promise<{ vector: Float32Array; textHash: string } | undefined>;
  /** `vectorOf` for a batch of ids, in their order: one read (on PostgreSQL one round trip, not one per id). */
  vectorsOfIds(ids: string[], embedder: string): Promise<({ vector: Float32Array; textHash: string } | undefined)[]>;
  /** The labels written or deleted after `generation`; undefined when the change log does not reach back that far. */
  changedSince(generation: number): Promise<number[] | undefined>;
  list(options: ListOptions): Promise<R[]>;
  /**
   * Inserts or replaces all entries in one transaction; returns their labels in order. `terms` are
   * checked (on what the transaction reads: what the write will replace) and claimed inside it:
   * a refusal stores nothing.
   */
  saveAll(entries: EntryToSave<R>[], terms?: WriteTerms): Promise<SavedEntry[]>;
  /**
   * Deletes the records in one transaction; returns the ids that were there and the labels they
   * had. What is kept about a record (a vacancy's owner and its shares) goes with it in the same
   * transaction, or nothing does.
   */
  removeAll(ids: string[]): Promise<{ removed: string[]; labels: number[] }>;
  /** Ids of matchable records whose `expiresAt` is before `today` (YYYY-MM-DD). */
  expiredIds(today: string): Promise<string[]>;
  /** Records not embedded by `embedder` or not derived by `derivedBy` (to be redone). */
  staleRecords(embedder: string, derivedBy: string, limit: number): Promise<R[]>;
  /** The stored record's version (see EntryToSave.newVersion); undefined when there is none. */
  versionOf(id: string): Promise<number | undefined>;
  /** Records whose link key (see duplicates.ts) is this; with `matchableOnly`, the open originals only. */
  withLinkKey(key: string, matchableOnly: boolean): Promise<StoredEntry<R>[]>;
  count(): Promise<number>;
  /** Grows by one with every committed change; the index remembers the value it reflects. */
  generation(): Promise<number>;
  /**
   * Up to `limit` stored records kept without their concepts (stored before schema step 28, which adds
   * the column and leaves the rows to RecordService.keepMissingConcepts), labels above `after` in label order.
   */
  withoutConcepts(after: number, limit: number): Promise<{ label: number; record: R }[]>;
  /**
   * Keeps these concepts beside their records, each only while its row still has none (a write since
   * kept its own, worked out from what it wrote); how many were kept. Not a change of the record: no
   * generation, no version, nothing in the change log.
   */
  keepConcepts(rows: { label: number; concepts: RecordConcepts }[]): Promise<number>;
}

/**
 * What matching reads of one kind's records on every request: synchronous, because a match reads
 * hundreds of candidates' records and vectors and must not wait on a network for each. On SQLite
 * the one database file answers them. On PostgreSQL (issue 35, item 3) each service node serves them
 * from its own node-local replica (its record cache, area vectors and index files, loaded at start and
 * caught up from the change log through RecordStore's generation and changedSince), never from the
 * networked database during a request.
 */
export interface LocalRecordReads<R> {
  getByLabels(labels: number[]): StoredEntry<R>[];
  /**
   * The concepts kept beside these records (those stored; no record parsed), for filling the concept
   * index; `concepts` absent where none are kept (a record written without them: read it instead).
   */
  conceptsByLabels(labels: number[]): { label: number; concepts?: RecordConcepts }[];
  vectorsOf(labels: number[]): Map<number, Float32Array>;
  /** The vectors of those of these labels whose records are matchable and were embedded by `embedder`. */
  matchableVectorsOf(labels: number[], embedder: string): Map<number, Float32Array>;
  /** The record's label and, when it was embedded by `embedder`, its vector (one read, no record parsed). */
  labelAndVector(id: string, embedder: string): { label: number; vector?: Float32Array } | undefined;
  /** The record's municipality code (one indexed read, nothing parsed). */
  municipalityOf(id: string): string | undefined;
  /** Labels of matchable records embedded by `embedder` whose location passes the filter. */
  matchableLabels(filter: LocationFilter, embedder: string): number[];
  /** Every matchable record's label and vector made by `embedder`, for rebuilding the index. */
  matchableVectors(embedder: string): Iterable<{ label: number; vector: Float32Array }>;
}

/** Which open vacancies and active jobseekers the analytics count. */
export interface AnalyticsFilter {
  /** Municipality codes; all of Finland when absent. */
  municipalities?: string[];
  /** Vacancies published (or entered) from and to these dates, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Only vacancies requiring, and jobseekers working in, this language. */
  language?: string;
  /** Vacancies still open (not expired) on this day; today when absent. */
  openOn?: string;
}

/** Counts grouped by the records' occupation as entered (an ISCO code, ESCO URI or label). */
export interface SkillCountRow {
  occupation: string | null;
  uri: string;
  /** Records counted: vacancies needing the skill, or jobseekers having it. */
  records: number;
  /** Positions of those vacancies (jobseekers: equal to records). */
  positions: number;
}

export interface OccupationCountRow {
  occupation: string | null;
  records: number;
  positions: number;
  /** Jobseekers only: unemployed since at least the long-term date. */
  longTerm: number;
}

/** Aggregates over stored records for the planners' analytics; never personal data. */
export interface AnalyticsSource {
  vacancySkills(filter: AnalyticsFilter, importance: 'essential' | 'optional'): Promise<SkillCountRow[]>;
  jobseekerSkills(filter: AnalyticsFilter): Promise<SkillCountRow[]>;
  vacancyOccupations(filter: AnalyticsFilter): Promise<OccupationCountRow[]>;
  /** `longTermSince`: the date from which a spell counts as long-term (12 months before today). */
  jobseekerOccupations(filter: AnalyticsFilter, longTermSince: string): Promise<OccupationCountRow[]>;
  /** Ids of open vacancies / active jobseekers passing the filter (for sampling with the match engine). */
  vacancyIds(filter: AnalyticsFilter): Promise<string[]>;
  jobseekerIds(filter: AnalyticsFilter, longTermSince?: string): Promise<string[]>;
}

/** Tells which language a text is written in (fi, sv or en); undefined when unsure or another. */
export interface LanguageDetector {
  detect(text: string): string | undefined;
}

/**
 * Exact top-k over one area's records, patched as they change: the native brute-force scan of
 * hnswlib (adapters/hnsw/native-scan.ts) in the service; without one, the packed rows are scanned in
 * JavaScript (exactTopKPacked). `add` answers false when the scan is full (it is then rebuilt).
 */
export interface ExactScan {
  add(label: number, vector: Float32Array): boolean;
  remove(label: number): void;
  search(query: Float32Array, k: number): IndexHit[];
}

/** Builds an exact scan over packed rows (row i belongs to labels[i]). */
export type ExactScanFactory = (rows: { labels: number[]; matrix: Float32Array; dimension: number }) => ExactScan;


/** A page of records in id order: after a cursor, in one municipality and/or within a set of them (codes). */
export interface ListOptions {
  after?: string;
  limit: number;
  municipality?: string;
  within?: ReadonlySet<string>;
  /** Records the search finds (see record-search.ts: words of the id, name, title or employer, slips and the occupation in any language). */
  search?: RecordSearch;
  /** Only these ids. */
  ids?: string[];
}

/**
 * Vectors computed once and kept between starts (the taxonomy's label vectors: embedding every
 * ESCO label takes seconds per process). `key` identifies what was embedded and by which model.
 */
export interface VectorCache {
  /** The vectors stored under `key` when there are exactly `length` floats of them. */
  read(key: string, length: number): Float32Array | undefined;
  write(key: string, vectors: Float32Array): void;
}

/**
 * A flag kept in the system of record, so that it survives a crash and every process (or service
 * node) sees it: e.g. "an erasure awaits compaction of the index files". Promise-returning: on
 * PostgreSQL it is a row read and written over the network.
 */
export interface SettingFlag {
  isSet(): Promise<boolean>;
  set(): Promise<void>;
  clear(): Promise<void>;
}
