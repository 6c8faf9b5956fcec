import type { EntryToSave, ListOptions, LocalRecordReads, LocationFilter, RecordStore, SavedEntry, StoredEntry, WriteTerms } from '../../core/ports.js';
import type pg from 'pg';
import type { Db } from '../sqlite/database.js';
import type { RecordConcepts } from '../../core/record-concepts.js';
import { SqliteRecordReplica } from '../sqlite/record-replica.js';
import { SqliteRecordStore } from '../sqlite/record-store.js';
import { databaseUnreachable } from './last-read.js';
import { PostgresRecordStore, type CommittedWrite, type RecordTable } from './record-store.js';

type Base = { id: string; municipality: string; region: string; updatedAt: string };

/** Rows read per round trip while a copy is loaded in full. */
const LOAD_BATCH = 2000;

/**
 * One record kind on PostgreSQL as a service node uses it (issue 35): the use cases' reads and
 * writes go to PostgreSQL (PostgresRecordStore); matching's reads (LocalRecordReads) are answered
 * at once from the node's local copy (a SQLite file: SqliteRecordReplica, read through a
 * SqliteRecordStore on it). `generation` and `changedSince` are the copy's own: the RecordService
 * and the index file catch up on what the copy has, never on what it has not applied yet.
 *
 * The copy is brought up to date one step at a time (never two at once): a write of this node is
 * applied from what it stored when the copy reflects every generation before it; otherwise, and
 * when the change feed says another node wrote (`catchUp`), the labels changed since the copy's
 * generation are read from the change log and their rows read again (a write of this node so read
 * with others is then logged once more, in a copy generation of its own: see `committed`). When
 * the log no longer reaches back (pruned, or the server lost generations in a failover), the copy
 * is loaded in full.
 */
export class ReplicatedRecordStore<R extends Base> implements RecordStore<R>, LocalRecordReads<R> {
  private steps: Promise<unknown> = Promise.resolve();

  constructor(
    readonly primary: PostgresRecordStore<R>,
    readonly local: SqliteRecordStore<R>,
    readonly replica: SqliteRecordReplica,
  ) {}

  /** Loads the copy (in full when it was never loaded, else what changed since), before the node serves from it. */
  open(): Promise<void> {
    return this.catchUp();
  }

  /** The PostgreSQL generation the copy reflects (0 before it was loaded). */
  reflects(): number {
    return this.replica.reflects() ?? 0;
  }

  /**
   * Brings the copy up to what PostgreSQL has committed (after this node's steps already under way);
   * `again` are labels to read again whatever the log says: those of generations a failover lost,
   * which the change feed tells again (a lost generation's number may since name another write).
   */
  catchUp(again: number[] = []): Promise<void> {
    return this.step(() => this.pull(again));
  }

  /**
   * From PostgreSQL, never from the copy: a write reads back what it stored, which the copy may
   * not have yet (it applies generations in order, and another node's may be missing when the
   * primary is lost right after the commit). Matching reads the copy (LocalRecordReads).
   */
  async get(id: string): Promise<StoredEntry<R> | undefined> {
    return this.primary.get(id);
  }

  /** From PostgreSQL, as `get`. */
  getMany(ids: string[]): Promise<(StoredEntry<R> | undefined)[]> {
    return this.primary.getMany(ids);
  }

  async vectorOf(id: string, embedder: string) {
    return this.primary.vectorOf(id, embedder);
  }

  vectorsOfIds(ids: string[], embedder: string) {
    return this.primary.vectorsOfIds(ids, embedder);
  }

  async changedSince(generation: number): Promise<number[] | undefined> {
    await this.steps;
    return this.local.changedSinceNow(generation);
  }

  async generation(): Promise<number> {
    await this.steps;
    return this.local.generationNow();
  }

  list(options: ListOptions): Promise<R[]> {
    return this.primary.list(options);
  }

  async saveAll(entries: EntryToSave<R>[], terms?: WriteTerms): Promise<SavedEntry[]> {
    const saved = await this.primary.saveAll(entries, terms);
    await this.steps;
    return saved;
  }

  async removeAll(ids: string[]): Promise<{ removed: string[]; labels: number[] }> {
    const result = await this.primary.removeAll(ids);
    await this.steps;
    return result;
  }

  expiredIds(today: string): Promise<string[]> {
    return this.primary.expiredIds(today);
  }

  withoutConcepts(after: number, limit: number): Promise<{ label: number; record: R }[]> {
    return this.primary.withoutConcepts(after, limit);
  }

  /** On the database, and on this node's copy (which the change log does not bring them to: they are not a change). */
  async keepConcepts(rows: { label: number; concepts: RecordConcepts }[]): Promise<number> {
    const kept = await this.primary.keepConcepts(rows);
    await this.local.keepConcepts(rows);
    return kept;
  }

  staleRecords(embedder: string, derivedBy: string, limit: number): Promise<R[]> {
    return this.primary.staleRecords(embedder, derivedBy, limit);
  }

  versionOf(id: string): Promise<number | undefined> {
    return this.primary.versionOf(id);
  }

  withLinkKey(key: string, matchableOnly: boolean): Promise<StoredEntry<R>[]> {
    return this.primary.withLinkKey(key, matchableOnly);
  }

  /** From PostgreSQL; while no primary is reachable, the node copy's (/health keeps answering). */
  count(): Promise<number> {
    return this.primary.count().catch((error: unknown) => (databaseUnreachable(error) ? this.local.count() : Promise.reject(error)));
  }

  getByLabels(labels: number[]): StoredEntry<R>[] {
    return this.local.getByLabels(labels);
  }

  conceptsByLabels(labels: number[]) {
    return this.local.conceptsByLabels(labels);
  }

  vectorsOf(labels: number[]): Map<number, Float32Array> {
    return this.local.vectorsOf(labels);
  }

  matchableVectorsOf(labels: number[], embedder: string): Map<number, Float32Array> {
    return this.local.matchableVectorsOf(labels, embedder);
  }

  labelAndVector(id: string, embedder: string) {
    return this.local.labelAndVector(id, embedder);
  }

  municipalityOf(id: string): string | undefined {
    return this.local.municipalityOf(id);
  }

  matchableLabels(filter: LocationFilter, embedder: string): number[] {
    return this.local.matchableLabels(filter, embedder);
  }

  matchableVectors(embedder: string): Iterable<{ label: number; vector: Float32Array }> {
    return this.local.matchableVectors(embedder);
  }

  /** The copy's generation, read at once (opening the index file, the metrics). */
  generationNow(): number {
    return this.local.generationNow();
  }

  /** The copy's change log, read at once (opening the index file). */
  changedSinceNow(generation: number): number[] | undefined {
    return this.local.changedSinceNow(generation);
  }

  /**
   * Forgets the copy's changes up to `generation` logged before `loggedBefore` (an index file now
   * reflects them), and PostgreSQL's up to the generation the copy reflects logged before then: a
   * node further behind than that loads its copy in full.
   */
  pruneChanges(generation: number, loggedBefore = Number.MAX_SAFE_INTEGER): void {
    this.local.pruneChanges(generation, loggedBefore);
    const reflects = this.replica.reflects();
    if (reflects !== undefined) this.steps = this.steps.then(() => this.primary.pruneChanges(reflects, loggedBefore)).catch(() => undefined);
  }

  /**
   * Told by the PostgreSQL store when a write of this node committed: applied in turn, after the
   * steps under way, as a copy generation of its own. The RecordService takes the generation one
   * past its index's, read right after its write, as that write alone (RecordStore.generation) and
   * does not read the change log for it; so when the write came in with others — read with the
   * other nodes' earlier writes it follows, or already brought in by a catch-up that read
   * PostgreSQL just after it committed — its labels are logged once more in a step of their own,
   * and the generation read after the write is then two or more past the index's: the index catches
   * up on everything from the change log. When the other nodes' writes cannot be read (the primary
   * lost just after the commit), the write is applied alone and the copy reads the log from the
   * generation it reflected once the database answers again.
   */
  committed(write: CommittedWrite): void {
    void this.step(async () => {
      if (this.replica.reflects() === write.generation - 1) this.replica.apply(write.rows, write.removed, write.generation);
      else {
        const reflects = this.replica.reflects() ?? 0;
        if (reflects < write.generation) {
          try {
            await this.pull();
          } catch (error) {
            // The primary lost meanwhile: the write alone, the generation reflected kept (the log is read from there once it answers).
            this.replica.apply(write.rows, write.removed, reflects);
            throw error;
          }
        }
        this.replica.logAgain([...write.rows.map((r) => r.label), ...write.removed]);
      }
    });
  }

  /** Runs a step of the copy after the ones under way; a failed step is reported to its caller and the next ones still run. */
  private step(work: () => Promise<void>): Promise<void> {
    const done = this.steps.then(work, work);
    this.steps = done.catch(() => undefined);
    return done;
  }

  /** What changed since the copy's generation, read from PostgreSQL and applied; in full when the log does not reach back. */
  private async pull(again: number[] = []): Promise<void> {
    const reflects = this.replica.reflects();
    if (reflects === undefined) return this.load();
    const { current, labels: logged } = await this.primary.changesAfter(reflects);
    if (logged === undefined) return this.load();
    const labels = [...new Set([...logged, ...again])];
    if (labels.length === 0) return void (current !== reflects && this.replica.apply([], [], current));
    const rows = await this.primary.rowsByLabels(labels);
    const present = new Set(rows.map((r) => r.label));
    this.replica.apply(rows, labels.filter((l) => !present.has(l)), current);
  }

  /** Loads every row again, batch by batch, then removes the rows no longer there; the copy then reflects the generation read first. */
  private async load(): Promise<void> {
    const { current } = await this.primary.changesAfter(Number.MAX_SAFE_INTEGER);
    const before = new Set(this.replica.labels());
    for (let after = 0; ; ) {
      const rows = await this.primary.rowsAfter(after, LOAD_BATCH);
      if (rows.length === 0) break;
      for (const row of rows) before.delete(row.label);
      this.replica.apply(rows, [], 0);
      after = rows[rows.length - 1]!.label;
    }
    this.replica.apply([], [...before], 0);
    this.replica.reflect(current);
  }
}

/** Connects a PostgreSQL store to the node's copy: each committed write of this node is applied to it. */
export function replicated<R extends Base>(primary: PostgresRecordStore<R>, local: SqliteRecordStore<R>, replica: SqliteRecordReplica): ReplicatedRecordStore<R> {
  const store = new ReplicatedRecordStore(primary, local, replica);
  primary.onCommitted = (write) => store.committed(write);
  return store;
}

/**
 * Which database a copy is of: the cluster's system identifier (a streaming standby has its
 * primary's, so a copy stays valid after a failover) and the database's name.
 */
export async function databaseIdentity(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ identity: string }>(`SELECT system_identifier::text || '/' || current_database() AS identity FROM pg_control_system()`);
  return rows[0]!.identity;
}

/**
 * One record kind on PostgreSQL with its copy in the node's SQLite file `local`: a copy of another
 * database is emptied, then the copy is caught up (loaded in full the first time) before it answers.
 */
export async function openReplicated<R extends Base>(pool: pg.Pool, local: Db, table: RecordTable): Promise<ReplicatedRecordStore<R>> {
  const replica = new SqliteRecordReplica(local, table);
  replica.copies(await databaseIdentity(pool));
  const store = replicated(new PostgresRecordStore<R>(pool, table), new SqliteRecordStore<R>(local, table), replica);
  await store.open();
  return store;
}
