import { createHash } from 'node:crypto';
import { alreadyExists, idTaken, indexUnavailable, invalidInput, notFound, tooManyRecords, versionMismatch } from './errors.js';
import type { BaseRecord, RecordKind, Stored } from './kinds.js';
import type { Embedder, EntryToSave, ExactScanFactory, ListOptions, LocalRecordReads, LocationFilter, RecordStore, StoredTerms, VectorIndex, WriteTerms } from './ports.js';
import { AreaVectors, type AreaChange } from './area-vectors.js';
import { linkGroup, sameLink, type DuplicateRule, type LinkState } from './duplicates.js';
import { ConceptIndex } from './concept-index.js';
import { ConceptIndexFilling } from './concept-index-filling.js';
import { conceptsOf } from './record-concepts.js';
import { dayOf, type Clock } from './clock.js';
import { RecordCache } from './record-cache.js';
import { sameAsStored, stripDerived } from './same-record.js';
import { regions } from './regions/regions.js';
import { recordSearch, type OccupationWords } from './record-search.js';

/** A stored record's version as its store keeps it in the record (0 for one written before versions). */
function versionIn(record: object): number {
  return 'version' in record && typeof record.version === 'number' ? record.version : 0;
}

/** A record being redone was written meanwhile (see refreshStale): its batch is not stored. */
class Overtaken extends Error {
  constructor(id: string) {
    super(`${id} changed while it was being derived again`);
  }
}

/** Fields the service derives from each record before storing it (e.g. skills as taxonomy concepts). */

/**
 * What a caller's write checks and claims inside the write's own transaction, atomic with it (see
 * WriteTerms): `check` decides on what is stored under the ids written (throwing stores nothing),
 * `claimFor` owns the new ones. E.g. a vacancy's owning unit, checked and claimed by the same
 * transaction that inserts the vacancy.
 */
export type WriteCheck = Omit<WriteTerms, 'ids'>;

/** Both checks, the first one's first (either may be absent). */
const bothChecks = (a?: WriteCheck['check'], b?: WriteCheck['check']): WriteCheck['check'] =>
  a && b
    ? (found) => {
        a(found);
        b(found);
      }
    : (a ?? b);

/**
 * What a write expects to find stored (HTTP's conditional requests): no record under the id
 * (`If-None-Match: *`), any record (`If-Match: *`), or the record at one of these versions (`If-Match`
 * with its ETags). Checked before the work and again inside the write's transaction.
 */
export type Expectation = { absent: true } | { versions: number[] | 'any' };

/** The ETag of a stored record's version (strong: the version changes with every change of the content). */
export const etagOf = (record: object) => `"${'version' in record && typeof record.version === 'number' ? record.version : 0}"`;

/**
 * The versions an If-Match header names: `'any'` for `*`; ETags that are not this service's
 * (junk, weak) name none, so that they match nothing.
 */
export function versionsOf(ifMatch: string): number[] | 'any' {
  if (ifMatch.trim() === '*') return 'any';
  return ifMatch.split(',').flatMap((tag) => {
    const m = /^\s*"(\d{1,15})"\s*$/.exec(tag);
    return m ? [Number(m[1])] : [];
  });
}

export interface Derivation<In> {
  /** Identifies the derivation: records derived by another id are redone at start. */
  id: string;
  run(record: In): Promise<Record<string, unknown>>;
  /** The words, in every language, of the occupations it derives: a search by occupation reads them (see record-search.ts). */
  occupationWords?: () => OccupationWords;
}

export interface RecordServiceOptions<In extends BaseRecord> {
  /** Largest batch accepted by putMany / removeMany. */
  maxBatch: number;
  derive?: Derivation<In>;
  /** "Now": what is open or expired today, and the stored records' times. */
  now: Clock;
  /** Most vectors kept in memory per location filter between searches (see AreaVectors); 0 keeps none. */
  areaCacheVectors?: number;
  /** Native exact scans for the cached areas (else they are scanned in JavaScript). */
  exactScan?: ExactScanFactory;
  /** Estimated memory for parsed records kept between requests (see RecordCache). */
  recordCacheBytes?: number;
  /** Links records repeating each other (vacancies from several sources; see duplicates.ts). */
  duplicates?: DuplicateRule<Stored<In>>;
  /** The store's generation the index was opened at (default: the store's generation when first read). */
  indexGeneration?: number;
  /** How long a match waits for the concept index being filled before answering 503 (see conceptsReady); unset: until it is filled. */
  conceptWaitMs?: number;
}

export interface BatchResult {
  created: number;
  updated: number;
  /** Records equal to what is stored: not derived, embedded or written again. */
  unchanged: number;
}

/** Ids whose labels are remembered (see RecordService.labelsById); beyond this the memory starts again. */
const LABELS_REMEMBERED = 1_000_000;

/** Batches larger than this empty the whole area cache instead of patching it record by record. */
const AREA_CHANGES_TRACKED = 100;

/** A stored record's label and place, as the area cache knows it. */
const placeOf = (entry: { label: number; record: { municipality: string; region?: string } } | undefined) =>
  entry?.record.region ? [{ label: entry.label, municipality: entry.record.municipality, region: entry.record.region }] : [];

/** The next turn of the event loop (I/O and timers served first). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const hashText = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Create, replace, read and delete records of one kind. SQLite (the store) is the system of record;
 * the vector index is derived from it and updated right after each committed change.
 */
export class RecordService<In extends BaseRecord> {
  private readonly now: Clock;
  /** Matchable labels and vectors per location filter, read from the store once and patched by each write. */
  readonly areas: AreaVectors;
  /** Parsed records by label, for the candidate pools of matches. */
  readonly cache: RecordCache<Stored<In>>;
  private conceptIndex: ConceptIndex | undefined;
  /** The concept index being filled in the background (see fillConcepts), until it is filled. */
  private conceptFilling: ConceptIndexFilling | undefined;
  /** The fill under way (see fillConcepts), until it ends. */
  private conceptFill: Promise<void> | undefined;
  /**
   * Labels of ids looked up before, so that a record asked for again (a client's matches, the
   * decision's area) comes from the record cache and its vector from the index, without a read. A
   * label stays with its id until the record is deleted; a remembered label is trusted only when
   * the cached record under it still has the id.
   */
  private readonly labelsById = new Map<string, number>();
  /** The same, by label: a record written or deleted (an erasure included) leaves both at once. */
  private readonly idsByLabel = new Map<number, string>();
  /** The store's generation that the index, the concept index and the caches reflect (see sync); undefined until read at opening. */
  private seen: number | undefined;
  /** The write (or catch-up) under way: this process's writes of this kind run one after another (see serially). */
  private writing: Promise<unknown>;

  constructor(
    readonly kind: RecordKind<In>,
    /** The use cases' promise-returning port and the synchronous reads matching serves from this node (see ports.ts). */
    readonly store: RecordStore<Stored<In>> & LocalRecordReads<Stored<In>>,
    readonly index: VectorIndex,
    readonly embedder: Embedder,
    private readonly options: RecordServiceOptions<In>,
  ) {
    this.now = options.now;
    this.seen = options.indexGeneration;
    // Without the index's generation, the store's as the service opens (read before any write or catch-up of it).
    this.writing = this.seen === undefined ? store.generation().then((generation) => (this.seen ??= generation)) : Promise.resolve();
    this.areas = new AreaVectors(
      {
        matchableLabels: (filter) => store.matchableLabels(filter, embedder.id),
        vectorsOf: (labels) => store.vectorsOf(labels),
      },
      options.areaCacheVectors ?? 0,
      options.exactScan,
    );
    this.cache = new RecordCache(store, options.recordCacheBytes ?? 0);
  }

  /**
   * Matchable records by occupation, ISCO group and skills (see ConceptIndex): read from the store
   * on first use, then patched by every write. A request reads it after `conceptsReady` (which never
   * fills it inside the request); read before, it is filled at once.
   */
  get concepts(): ConceptIndex {
    if (!this.conceptIndex) {
      this.conceptIndex = (this.conceptFilling ?? this.newConceptFilling()).fill();
      this.conceptFilling = undefined;
    }
    return this.conceptIndex;
  }

  /** Whether the concept index is filled (a match may read it at once). */
  get conceptsFilled(): boolean {
    return this.conceptIndex !== undefined;
  }

  /**
   * Fills the concept index in the background, a chunk of records at a time with `pause` between
   * (requests are served in between); nothing when it is filled already, the fill under way when
   * one is (see conceptsReady).
   */
  fillConcepts(pause: () => Promise<void> = nextTurn): Promise<void> {
    if (this.conceptIndex) return Promise.resolve();
    return (this.conceptFill ??= this.fillInTurns(pause).finally(() => (this.conceptFill = undefined)));
  }

  private async fillInTurns(pause: () => Promise<void>): Promise<void> {
    const filling = (this.conceptFilling ??= this.newConceptFilling());
    while (!this.conceptIndex && !filling.step()) await pause();
    if (!this.conceptIndex && this.conceptFilling === filling) {
      this.conceptIndex = filling.index;
      this.conceptFilling = undefined;
    }
  }

  /**
   * Waits until the concept index is filled, with the event loop free: for the fill under way (a
   * worker's background fill after start), or for one started here, chunk by chunk as in the
   * background. A request meeting an unfinished fill so answers a moment later with every record
   * (a gap report or a ranking missing half the records would be wrong) instead of reading the rest
   * at once in its own turn (seconds at national scale, every other request of the worker waiting).
   * Past `waitMs` (the options' conceptWaitMs) it answers 503 with how far the fill is.
   */
  async conceptsReady(waitMs = this.options.conceptWaitMs): Promise<void> {
    if (this.conceptIndex) return;
    const filled = this.fillConcepts();
    if (waitMs === undefined) return filled;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    try {
      if (await Promise.race([filled.then(() => true), late])) return;
    } finally {
      clearTimeout(timer);
    }
    const progress = this.conceptFilling?.progress;
    const percent = progress ? Math.floor((100 * progress.done) / Math.max(progress.total, 1)) : 100;
    throw indexUnavailable(`the ${this.kind.name} concept index is being filled from the database (${percent} % of ${progress?.total ?? 0} records); retry in 2 s`, 2);
  }

  private newConceptFilling(): ConceptIndexFilling {
    return new ConceptIndexFilling({
      labels: () => this.store.matchableLabels({}, this.embedder.id),
      // The concepts kept beside each record; a record stored without them is read and worked out.
      conceptsOf: (labels) => {
        const kept = this.store.conceptsByLabels(labels);
        const missing = kept.filter((k) => !k.concepts).map((k) => k.label);
        const read = new Map(this.store.getByLabels(missing).map((e) => [e.label, conceptsOf(this.kind, e.record)]));
        return kept.flatMap((k) => {
          const concepts = k.concepts ?? read.get(k.label);
          return concepts ? [{ label: k.label, ...concepts }] : [];
        });
      },
    });
  }

  /** Where writes patch the concept index: the filled one, or the one being filled. */
  private get conceptPatches(): Pick<ConceptIndex, 'set' | 'remove'> | undefined {
    return this.conceptIndex ?? this.conceptFilling;
  }

  /**
   * Applies what other processes (the service's other workers) wrote to the store since this one
   * last looked: the change log names the records, each is read again and put into (or taken out
   * of) the index, the concept index and the caches. Returns how many records changed, or
   * undefined when the change log no longer reaches back (this process is too far behind and must
   * open its index again).
   */
  sync(): Promise<number | undefined> {
    return this.serially(() => this.catchUp());
  }

  private async catchUp(): Promise<number | undefined> {
    const generation = await this.store.generation();
    if (this.seen === undefined) this.seen = generation;
    if (generation === this.seen) return 0;
    const labels = await this.store.changedSince(this.seen);
    if (!labels) return undefined;
    const live = this.store.matchableVectorsOf(labels, this.embedder.id);
    const records = new Map(this.store.getByLabels([...live.keys()]).map((e) => [e.label, e.record]));
    const changes: AreaChange[] = [];
    for (const label of labels) {
      const vector = live.get(label);
      const record = records.get(label);
      if (vector && record) {
        this.index.upsert(label, vector);
        const concepts = conceptsOf(this.kind, record);
        this.conceptPatches?.set(label, concepts.keys, concepts.place);
        changes.push({ before: { label }, after: placeOf({ label, record }).map((p) => ({ ...p, vector }))[0] });
      } else {
        if (this.index.has(label)) this.index.remove(label);
        this.conceptPatches?.remove(label);
        changes.push({ before: { label } });
      }
    }
    this.cache.changed(labels);
    this.forget(labels);
    this.areas.changed(changes.length > AREA_CHANGES_TRACKED ? 'everywhere' : changes);
    this.seen = generation;
    return labels.length;
  }

  /** The store's generation the index reflects (what an index file written now may claim). */
  get reflects(): number {
    return this.seen ?? 0;
  }

  /**
   * After a write of this process (the store's generation read after it): when no other process
   * wrote since the last sync, nothing is left to catch up. Called in the same synchronous step as
   * the index patches, so that what the index holds and the generation it claims change together.
   */
  private wrote(generation: number): void {
    if (this.seen === undefined || generation === this.seen + 1) this.seen = generation;
  }

  /**
   * Runs a write (or a catch-up) after the ones of this process already under way: each reads what
   * is stored, writes it and patches the index, the concept index and the caches without another
   * write of this kind in between (the store's promises let other requests run between its steps).
   */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const done = this.writing.then(work, work);
    this.writing = done.catch(() => undefined);
    return done;
  }

  /** Today, by the service's clock (YYYY-MM-DD). */
  today(): string {
    return dayOf(this.now());
  }

  /**
   * Takes records whose expiry date has passed out of matching (vacancies past `expiresAt`):
   * stored again as not matchable, so they leave the index, the concept index and the analytics.
   */
  async closeExpired(): Promise<number> {
    const ids = await this.store.expiredIds(this.today());
    for (let i = 0; i < ids.length; i += 256) {
      const records = (await this.entries(ids.slice(i, i + 256))).flatMap((entry) => (entry ? [entry.record] : []));
      await this.commit(await this.prepare(records));
    }
    return ids.length;
  }

  /** Largest batch putMany and removeMany accept. */
  get maxBatch(): number {
    return this.options.maxBatch;
  }

  async get(id: string): Promise<Stored<In>> {
    const entry = await this.store.get(id);
    if (!entry) throw notFound(this.kind.name, id);
    return entry.record;
  }

  /** A page of records in id order; `search`: what a person typed (see record-search.ts). */
  list(options: Omit<ListOptions, 'search'> & { search?: string }): Promise<Stored<In>[]> {
    const municipality = options.municipality && regions.municipality(options.municipality)?.code;
    const search = options.search?.trim() ? recordSearch(options.search, this.options.derive?.occupationWords?.()) : undefined;
    return this.store.list({ ...options, municipality, search });
  }

  /** The record's municipality code, or undefined when there is no such record (nothing parsed). */
  municipalityOf(id: string): string | undefined {
    return this.remembered(id)?.record.municipality ?? this.store.municipalityOf(id);
  }

  /** The stored record, or undefined. */
  async find(id: string): Promise<Stored<In> | undefined> {
    return (await this.store.get(id))?.record;
  }

  count(): Promise<number> {
    return this.store.count();
  }

  /** The stored entries of these ids, in order (undefined where there is none). */
  private entries(ids: string[]) {
    return this.store.getMany(ids);
  }

  /**
   * Creates a record; fails if the id is taken, also by another worker process at the same moment
   * (checked again inside the write's transaction). `within` runs inside it too (see WriteCheck).
   */
  async create(input: In, within?: WriteCheck, taken: (kind: string, id: string) => Error = alreadyExists): Promise<Stored<In>> {
    if (await this.store.get(input.id)) throw taken(this.kind.name, input.id);
    const [entry] = await this.prepare([input]);
    entry!.newVersion = true;
    const absent = (found: Map<string, StoredTerms>) => {
      if (found.has(input.id)) throw taken(this.kind.name, input.id);
    };
    await this.commit([entry!], { ids: [input.id], check: bothChecks(absent, within?.check), claimFor: within?.claimFor });
    return this.get(input.id);
  }

  /**
   * Creates or replaces a record. With an expectation (see Expectation) the stored version is
   * compared before the work and again inside the write's transaction, so that of two writes
   * expecting the same version only the first is stored; the other throws `version_mismatch`
   * (`id_taken` for a create on a taken id), storing nothing.
   */
  async put(input: In, within?: WriteCheck, expect?: Expectation): Promise<{ record: Stored<In>; created: boolean }> {
    if (expect && 'absent' in expect) return { record: await this.create(input, within, (_kind, id) => idTaken(id)), created: true };
    const check = (version: number | undefined) => {
      if (!expect) return;
      if (version === undefined || (expect.versions !== 'any' && !expect.versions.includes(version))) throw versionMismatch(input.id);
    };
    check(await this.store.versionOf(input.id)); // also when nothing changes (then nothing is written)
    const expected = expect && ((found: Map<string, StoredTerms>) => check(found.get(input.id)?.version));
    const result = await this.putMany([input], { check: bothChecks(expected, within?.check), claimFor: within?.claimFor });
    return { record: await this.get(input.id), created: result.created === 1 };
  }

  /**
   * Creates or replaces many records atomically: all are stored, or none. `within` runs inside the
   * write's transaction with the ids being written (not when nothing changed).
   */
  async putMany(inputs: In[], within?: WriteCheck): Promise<BatchResult> {
    if (inputs.length > this.options.maxBatch) throw tooManyRecords(this.options.maxBatch, inputs.length);
    const firstLine = new Map<string, number>();
    const duplicates = inputs.flatMap((input, i) => {
      const seen = firstLine.get(input.id);
      if (seen === undefined) firstLine.set(input.id, i + 1);
      return seen === undefined ? [] : [{ line: i + 1, field: 'id', message: `duplicate of line ${seen}` }];
    });
    if (duplicates.length > 0) throw invalidInput(duplicates);

    // A record sent again unchanged (a re-import) costs a read, not a derivation, embedding and write.
    const stored = await this.entries(inputs.map((input) => input.id));
    const changed = inputs.filter((input, i) => {
      const record = stored[i]?.record;
      return !record || !sameAsStored(input, record);
    });
    const entries = await this.prepare(changed);
    for (const entry of entries) entry.newVersion = true;
    let created = 0;
    for (const entry of await this.entries(changed.map((input) => input.id))) if (!entry) created++;
    if (entries.length > 0) await this.commit(entries, within && { ...within, ids: entries.map((e) => e.record.id) });
    return { created, updated: changed.length - created, unchanged: inputs.length - changed.length };
  }

  async remove(id: string): Promise<void> {
    if ((await this.removeMany([id])).removed === 0) throw notFound(this.kind.name, id);
  }

  /**
   * Deletes the records atomically; ids that do not exist are reported, not an error. What is kept
   * about them beside the record (a vacancy's owner, its shares) goes in the same transaction.
   */
  async removeMany(ids: string[]): Promise<{ removed: number; notFound: string[] }> {
    if (ids.length > this.options.maxBatch) throw tooManyRecords(this.options.maxBatch, ids.length);
    return this.serially(() => this.removeNow([...new Set(ids)]));
  }

  private async removeNow(unique: string[]): Promise<{ removed: number; notFound: string[] }> {
    const stored = await this.entries(unique);
    const before = stored.flatMap((entry) => placeOf(entry));
    const missing = unique.filter((_id, i) => !stored[i]);
    const rule = this.options.duplicates;
    const linkKeys = rule ? stored.flatMap((entry) => { const key = entry && rule.key(entry.record); return key ? [key] : []; }) : [];
    const { labels } = await this.store.removeAll(unique);
    if (labels.length > 0) this.wrote(await this.store.generation());
    for (const label of labels) if (this.index.has(label)) this.index.remove(label);
    for (const label of labels) this.conceptPatches?.remove(label);
    if (labels.length > 0) {
      this.areas.changed(before.map((b) => ({ before: b })));
      this.cache.changed(labels);
      this.forget(labels);
    }
    // What the removed records repeated, or what repeated them, is linked anew.
    const relinked = await this.linked([], linkKeys);
    if (relinked.length > 0) await this.commitNow(relinked);
    return { removed: labels.length, notFound: missing };
  }

  /** The record with its vector, embedding it now if the stored one came from another model. */
  async withVector(id: string): Promise<{ label: number; record: Stored<In>; vector: Float32Array }> {
    // A matchable record asked for before: the record from the record cache, its vector from the index.
    const known = this.remembered(id);
    const indexed = known && this.index.vectorOf(known.label);
    if (known && indexed) return { ...known, vector: indexed };
    // Else one indexed read for the label and vector; the parsed record comes from the record cache.
    const found = this.store.labelAndVector(id, this.embedder.id);
    const record = found && this.cache.byLabels([found.label]).get(found.label);
    if (!found || !record) throw notFound(this.kind.name, id);
    this.remember(id, found.label);
    // The index's copy when it has one, so that a record gets the same vector both ways.
    const vector = this.index.vectorOf(found.label) ?? found.vector ?? (await this.embedder.embed([this.kind.documentText(record)]))[0]!;
    return { label: found.label, record, vector };
  }

  /** The record of an id whose label is remembered, from the record cache; undefined when not known or no longer its. */
  private remembered(id: string): { label: number; record: Stored<In> } | undefined {
    const label = this.labelsById.get(id);
    if (label === undefined) return undefined;
    const record = this.cache.byLabels([label]).get(label);
    if (record?.id === id) return { label, record };
    this.forget([label]);
    return undefined;
  }

  private remember(id: string, label: number): void {
    if (!this.options.recordCacheBytes) return; // every lookup would read the store twice
    if (this.labelsById.size >= LABELS_REMEMBERED) {
      this.labelsById.clear();
      this.idsByLabel.clear();
    }
    this.labelsById.set(id, label);
    this.idsByLabel.set(label, id);
  }

  /** These labels were written or deleted: their ids are looked up afresh (and no erased id stays in memory). */
  private forget(labels: number[]): void {
    for (const label of labels) {
      const id = this.idsByLabel.get(label);
      if (id === undefined) continue;
      this.idsByLabel.delete(label);
      if (this.labelsById.get(id) === label) this.labelsById.delete(id);
    }
  }

  matchableLabels(filter: LocationFilter): number[] {
    return this.areas.labelsIn(filter);
  }

  /**
   * What the stored records need before this build serves them as its own: nothing; `derivations`
   * only (the taxonomy build changed: skills and occupations are worked out again, vectors kept, so the
   * records can be served meanwhile as the earlier build derived them); or `embeddings` (the model
   * changed: every vector is made again before the records can be searched). Read off a sample of the
   * stale records: a change of model leaves every record stale for it.
   */
  async staleWork(sample = 64): Promise<'none' | 'derivations' | 'embeddings'> {
    const stale = await this.store.staleRecords(this.embedder.id, this.derivedBy, sample);
    if (stale.length === 0) return 'none';
    const vectors = await this.store.vectorsOfIds(stale.map((record) => record.id), this.embedder.id);
    return vectors.every((vector) => vector !== undefined) ? 'derivations' : 'embeddings';
  }

  /**
   * Redoes records embedded by another model or derived by another taxonomy (after a change of either),
   * `batch` at a time, calling `between` after each batch (a background run lets requests in there).
   * Safe beside other writes: a batch is stored only if none of its records changed since it was read
   * (their versions, checked in the write's transaction); one that changed is not overwritten with what
   * was read before it — it was derived by this build when it was written — and the rest are read again.
   */
  async refreshStale(onProgress?: (done: number) => void, batch = 256, between?: () => Promise<void>): Promise<number> {
    let done = 0;
    for (;;) {
      const stale = await this.store.staleRecords(this.embedder.id, this.derivedBy, batch);
      if (stale.length === 0) return done;
      const read = new Map(stale.map((record) => [record.id, versionIn(record)]));
      const unchanged = (found: Map<string, StoredTerms>) => {
        for (const [id, version] of read) if (found.get(id)?.version !== version) throw new Overtaken(id);
      };
      try {
        await this.commit(await this.prepare(stale), { ids: [...read.keys()], check: unchanged });
        done += stale.length;
        onProgress?.(done);
      } catch (error) {
        if (!(error instanceof Overtaken)) throw error;
      }
      await between?.();
    }
  }

  /**
   * Keeps beside each record stored without them (before schema step 28, which only adds the column) the
   * concepts a write keeps, `batch` at a time in label order, calling `between` after each batch; how many
   * were kept. Until then a concept index reads such a record whole (slower, the same concepts). Safe
   * beside writes: a record written meanwhile kept its own and is left as it is (see RecordStore.keepConcepts).
   */
  async keepMissingConcepts(batch = 256, between?: () => Promise<void>, onProgress?: (done: number) => void): Promise<number> {
    let kept = 0;
    for (let after = 0; ; ) {
      const rows = await this.store.withoutConcepts(after, batch);
      if (rows.length === 0) return kept;
      kept += await this.store.keepConcepts(rows.map(({ label, record }) => ({ label, concepts: conceptsOf(this.kind, record) })));
      after = rows[rows.length - 1]!.label;
      onProgress?.(kept);
      await between?.();
    }
  }

  private get derivedBy(): string {
    return this.options.derive?.id ?? '';
  }

  private async prepare(inputs: In[]): Promise<EntryToSave<Stored<In>>[]> {
    const now = this.now().toISOString();
    const day = dayOf(this.now());
    const texts = inputs.map((input) => this.kind.documentText(input));
    const hashes = texts.map(hashText);
    const storedVectors = await this.store.vectorsOfIds(inputs.map((input) => input.id), this.embedder.id);
    const vectors: (Float32Array | undefined)[] = storedVectors.map((stored, i) => (stored && stored.textHash === hashes[i] ? stored.vector : undefined));
    const toEmbed = vectors.flatMap((v, i) => (v ? [] : [i]));
    const embedded = toEmbed.length > 0 ? await this.embedder.embed(toEmbed.map((i) => texts[i]!)) : [];
    toEmbed.forEach((i, j) => (vectors[i] = embedded[j]));
    const derived: Record<string, unknown>[] = [];
    for (const input of inputs) derived.push(this.options.derive ? await this.options.derive.run(stripDerived(input)) : {});

    const previously = await this.entries(inputs.map((input) => input.id));
    return inputs.map((input, i) => {
      const municipality = regions.municipality(input.municipality);
      if (!municipality) {
        throw invalidInput([{ line: i + 1, field: 'municipality', message: `unknown municipality '${input.municipality}'` }]);
      }
      const previous = previously[i]?.record;
      const record = {
        ...stripDerived(input),
        ...derived[i],
        municipality: municipality.code,
        region: municipality.regionCode,
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      } as Stored<In>;
      return {
        record,
        vector: vectors[i]!,
        textHash: hashes[i]!,
        embedder: this.embedder.id,
        derivedBy: this.derivedBy,
        matchable: this.kind.isMatchable(record, day),
      };
    });
  }

  /**
   * The entries with their links to records repeating them (see duplicates.ts), plus the stored
   * records whose links change with them (`removedKeys`: groups that lost a record). A new record
   * (an import's usual case) is compared with its group's originals only; a changed or removed one
   * relinks its whole group.
   */
  private async linked(entries: EntryToSave<Stored<In>>[], removedKeys: string[] = []): Promise<EntryToSave<Stored<In>>[]> {
    const rule = this.options.duplicates;
    if (!rule) return entries;
    const day = this.today();
    const open = (r: Stored<In>) => this.kind.isMatchable(rule.withLink(r, {}, undefined), day);
    const inBatch = new Map(entries.map((e) => [e.record.id, e]));
    const regroup = new Set(removedKeys);
    const added = new Map<string, EntryToSave<Stored<In>>[]>();
    const previously = await this.entries(entries.map((e) => e.record.id));
    for (const [i, e] of entries.entries()) {
      const key = rule.key(e.record);
      const previous = previously[i]?.record;
      const previousKey = previous && rule.key(previous);
      if (previousKey) regroup.add(previousKey);
      if (!key) {
        e.record = rule.withLink(e.record, {}, undefined);
        e.matchable = this.kind.isMatchable(e.record, day);
      } else if (previous) regroup.add(key);
      else added.set(key, [...(added.get(key) ?? []), e]);
    }
    const extra = new Map<string, EntryToSave<Stored<In>>>();
    const relink = async (record: Stored<In>, state: LinkState, key: string) => {
      if (sameLink(rule.linkOf(record), state)) return;
      // Only the link changes: the stored vector is kept (a record awaiting re-embedding is linked when it is redone).
      const vector = await this.store.vectorOf(record.id, this.embedder.id);
      if (!vector) return;
      const relinked = rule.withLink(record, state, key);
      extra.set(record.id, { record: relinked, ...vector, embedder: this.embedder.id, derivedBy: this.derivedBy, matchable: this.kind.isMatchable(relinked, day), linkOnly: true });
    };

    // New records: a repeat of an open original (stored, or earlier in the batch) links to it.
    for (const [key, news] of added) {
      if (regroup.has(key)) continue;
      const originals = (await this.store.withLinkKey(key, true)).map((s) => s.record).filter((r) => !inBatch.has(r.id));
      originals.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
      const storedOriginals = new Set(originals.map((o) => o.id));
      const sources = new Map<string, string[]>();
      for (const e of news) {
        if (!open(e.record)) {
          e.record = rule.withLink(e.record, {}, key);
          continue;
        }
        const original = originals.find((o) => rule.same(o, e.record));
        if (original) {
          e.record = rule.withLink(e.record, { duplicateOf: original.id }, key);
          e.matchable = false;
          sources.set(original.id, [...(sources.get(original.id) ?? rule.linkOf(original).sources ?? []), e.record.id]);
        } else {
          e.record = rule.withLink(e.record, {}, key);
          originals.push(e.record);
        }
      }
      for (const [id, list] of sources) {
        const entry = inBatch.get(id);
        if (entry) entry.record = rule.withLink(entry.record, { sources: list }, key);
        else if (storedOriginals.has(id)) await relink(originals.find((o) => o.id === id)!, { sources: list }, key);
      }
    }

    // Changed and removed records: their whole group is linked again.
    for (const key of regroup) {
      const stored = (await this.store.withLinkKey(key, false)).map((s) => s.record).filter((r) => !inBatch.has(r.id));
      const group = [...stored, ...entries.filter((e) => rule.key(e.record) === key).map((e) => e.record)];
      const states = linkGroup(group, open, rule.same);
      for (const e of entries) {
        if (rule.key(e.record) !== key) continue;
        e.record = rule.withLink(e.record, states.get(e.record.id)!, key);
        e.matchable = this.kind.isMatchable(e.record, day);
      }
      for (const record of stored) await relink(record, states.get(record.id)!, key);
    }
    return extra.size > 0 ? [...entries, ...extra.values()] : entries;
  }

  /** Stores the prepared entries (with their links) under these terms, after this process's other writes of the kind (see serially). */
  private commit(prepared: EntryToSave<Stored<In>>[], terms?: WriteTerms): Promise<void> {
    return this.serially(() => this.commitNow(prepared, terms));
  }

  private async commitNow(prepared: EntryToSave<Stored<In>>[], terms?: WriteTerms): Promise<void> {
    // Each record's concepts as they are stored (after linking), kept beside it for filling the concept index.
    const entries = (await this.linked(prepared)).map((e) => ({ ...e, concepts: conceptsOf(this.kind, e.record) }));
    const before = entries.length > AREA_CHANGES_TRACKED ? [] : (await this.entries(entries.map((e) => e.record.id))).map((entry) => placeOf(entry)[0]);
    const saved = await this.store.saveAll(entries, terms);
    const generation = saved.length > 0 ? await this.store.generation() : undefined;
    if (generation !== undefined) this.wrote(generation);
    saved.forEach((s, i) => {
      // A record whose link alone changed keeps its point (same vector) in the index.
      if (s.matchable) {
        if (!(entries[i]!.linkOnly && this.index.has(s.label))) this.index.upsert(s.label, entries[i]!.vector);
      } else if (this.index.has(s.label)) this.index.remove(s.label);
      if (s.matchable) this.conceptPatches?.set(s.label, entries[i]!.concepts.keys, entries[i]!.concepts.place);
      else this.conceptPatches?.remove(s.label);
    });
    if (saved.length === 0) return;
    this.cache.changed(saved.map((s) => s.label));
    this.forget(saved.map((s) => s.label));
    // The cached areas are patched with each record's old and new place (or emptied after a large batch).
    this.areas.changed(
      entries.length > AREA_CHANGES_TRACKED
        ? 'everywhere'
        : saved.map((s, i) => ({
            before: before[i],
            after: s.matchable ? { ...placeOf({ label: s.label, record: entries[i]!.record })[0]!, vector: entries[i]!.vector } : undefined,
          })),
    );
  }
}
