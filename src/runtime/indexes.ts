import { join } from 'node:path';
import type { HnswSettings, HnswVectorIndex } from '../adapters/hnsw/hnsw-index.js';
import { openIndexFile, readIndexFileAhead, readIndexFilesAhead, saveIndexFile, saveIndexFileInBackground, type IndexFileAhead } from '../adapters/hnsw/index-file.js';
import { IndexUnderConstruction } from './index-build.js';
import type { RecordTable } from '../adapters/sqlite/record-store.js';
import type { BaseRecord, Stored } from '../core/kinds.js';
import type { Embedder, LocalRecordReads, RecordStore, VectorIndex } from '../core/ports.js';
import type { RecordService } from '../core/records.js';
import type { EngineLog } from './log.js';

export const indexFile = (dataDir: string, table: RecordTable) => join(dataDir, `${table}.hnsw`);

/**
 * How long the change log keeps what an index file already covers: the other worker processes
 * (KOHTAANTO_WORKERS) follow the log at every request and every second, so ten minutes is far more
 * than any of them lags; one further behind opens its index again.
 */
const CHANGES_KEPT_SECONDS = 600;

/**
 * What a kind's runtime needs of its store: the use cases' port, matching's local reads, and the
 * change log read at once (opening the index file) and pruned (after writing it). SqliteRecordStore
 * on the data directory's file, or on PostgreSQL the node's ReplicatedRecordStore.
 */
export type KindStore<R> = RecordStore<R> &
  LocalRecordReads<R> & {
    generationNow(): number;
    changedSinceNow(generation: number): number[] | undefined;
    pruneChanges(generation: number, loggedBefore?: number): void;
  };

export interface KindConfig {
  dataDir: string;
  hnsw: HnswSettings;
}

/**
 * The kind's RecordService over the index opened here (searchable once complete) and the generation the
 * index file reflects: constructed by the composition root (src/runtime/compose.ts).
 */
export type RecordsOver<In extends BaseRecord> = (index: VectorIndex, indexGeneration: number) => RecordService<In>;

/**
 * One record kind's runtime: its store (its SQLite table, or the node's copy of PostgreSQL's), its HNSW index opened from its file (caught up from
 * the change log, or rebuilt when the file is missing or unusable) and the RecordService over
 * both (`records` constructs it); `flush` writes the index when it changed, `compact` drops deleted points. A `follower`
 * (a worker that does not maintain the files) reads the file and never writes it.
 */
export async function openKind<In extends BaseRecord>(
  store: KindStore<Stored<In>>,
  table: RecordTable,
  embedder: Embedder,
  config: KindConfig,
  log: EngineLog,
  records: RecordsOver<In>,
  follower = false,
  ahead: IndexFileAhead = readIndexFileAhead(indexFile(config.dataDir, table), config.hnsw),
) {
  const file = indexFile(config.dataDir, table);
  const started = Date.now();
  const vectors = () => store.matchableVectors(embedder.id);
  const generation = store.generationNow();
  const { index, rebuilt, caughtUp, empty } = await openIndexFile(
    file,
    {
      embedder: embedder.id,
      dimension: embedder.dimension,
      generation,
      liveLabels: () => store.matchableLabels({}, embedder.id),
      vectors,
      changedSince: (generation) => store.changedSinceNow(generation),
      vectorsOf: (labels) => store.vectorsOf(labels),
    },
    config.hnsw,
    { readOnly: follower, later: true },
    ahead,
  );
  const ms = Date.now() - started;
  if (empty) log.warn(`${table} index to be rebuilt from SQLite (${rebuilt}): in the background, matching answers 503 until done`);
  else log.info(`${table} index ${rebuilt ? `created (${rebuilt})` : `loaded from ${file}${caughtUp ? ` and caught up on ${caughtUp} changed records` : ''}`}: ${index.size} vectors in ${ms} ms`);
  const searchable = new IndexUnderConstruction(index, table);
  const service = records(searchable, generation);
  // The file says which generation it reflects: the service's, after catching up on other workers' writes.
  // A partial index (still being built) is never written.
  // What the index reflects is written at once (at close too); `flush` first catches up on what other
  // processes wrote. The index and the generation it reflects change together (see RecordService).
  const flushNow = () => {
    if (follower || searchable.building) return;
    flushIndex(file, index, service.reflects, store, embedder);
  };
  /** The same while serving: the checksum of the written file is computed in the thread pool, not on the event loop. */
  const flush = async () => {
    if (follower || searchable.building) return;
    await service.sync();
    if (!index.dirty) return;
    const generation = service.reflects;
    await saveIndexFileInBackground(file, index, embedder.id, generation);
    store.pruneChanges(generation, Math.floor(Date.now() / 1000) - CHANGES_KEPT_SECONDS);
  };
  // Compaction reads the store's current vectors: changes after the generation the file claims are
  // applied again from the change log at the next start, which upserts and removes alike.
  const compact = () => {
    const dropped = index.deletedPoints;
    if (dropped === 0 || follower || searchable.building) return 0;
    index.compact(vectors());
    flushNow();
    log.info(`${table} index compacted: ${dropped} deleted points dropped`);
    return dropped;
  };
  const ready = empty
    ? searchable
        .build({
          matchableLabels: () => store.matchableLabels({}, embedder.id),
          matchableVectorsOf: (labels) => store.matchableVectorsOf(labels, embedder.id),
        })
        .then((size) => {
          log.warn(`${table} index rebuilt from SQLite (${rebuilt}): ${size} vectors in ${Date.now() - started} ms, in the background`);
          return flush();
        })
        .catch((error: Error) => log.warn(`${table} index rebuild stopped: ${error.message}`))
    : Promise.resolve();
  /** Where the background rebuild is (for /health), or undefined when the index is complete. */
  const building = () => searchable.building;
  /** Changes other workers wrote that this process has not applied yet (the metrics' change-log lag). */
  const behind = () => store.generationNow() - service.reflects;
  return { service, flush, flushNow, compact, ready, building, behind };
}

/** Reads both kinds' index files ahead (see readIndexFileAhead): started before the taxonomy's build, which it overlaps. */
export function readIndexesAhead(config: KindConfig): Record<RecordTable, IndexFileAhead> {
  const [jobseekers, vacancies] = readIndexFilesAhead([indexFile(config.dataDir, 'jobseekers'), indexFile(config.dataDir, 'vacancies')], config.hnsw);
  return { jobseekers: jobseekers!, vacancies: vacancies! };
}

function flushIndex(
  file: string,
  index: HnswVectorIndex,
  generation: number,
  store: { pruneChanges(generation: number, loggedBefore: number): void },
  embedder: Embedder,
) {
  if (!index.dirty) return;
  saveIndexFile(file, index, embedder.id, generation);
  store.pruneChanges(generation, Math.floor(Date.now() / 1000) - CHANGES_KEPT_SECONDS);
}
