import { join } from 'node:path';
import type { HnswSettings, HnswVectorIndex } from '../adapters/hnsw/hnsw-index.js';
import { openIndexFile, saveIndexFile } from '../adapters/hnsw/index-file.js';
import { nativeScan } from '../adapters/hnsw/native-scan.js';
import type { Db } from '../adapters/sqlite/database.js';
import { SqliteRecordStore, type RecordTable } from '../adapters/sqlite/record-store.js';
import type { BaseRecord, RecordKind, Stored } from '../core/kinds.js';
import type { Embedder } from '../core/ports.js';
import { RecordService, type Derivation } from '../core/records.js';
import type { DuplicateRule } from '../core/duplicates.js';
import type { EngineLog } from './log.js';

export const indexFile = (dataDir: string, table: RecordTable) => join(dataDir, `${table}.hnsw`);

export interface KindConfig {
  dataDir: string;
  hnsw: HnswSettings;
  bulkMaxRecords: number;
  areaCacheVectors: number;
  recordCacheBytes: number;
}

/**
 * One record kind's runtime: its SQLite table, its HNSW index opened from its file (caught up from
 * the change log, or rebuilt when the file is missing or unusable) and the RecordService over
 * both; `flush` writes the index when it changed, `compact` drops deleted points.
 */
export function openKind<In extends BaseRecord>(
  db: Db,
  kind: RecordKind<In>,
  table: RecordTable,
  embedder: Embedder,
  config: KindConfig,
  log: EngineLog,
  derive: Derivation<In>,
  duplicates?: DuplicateRule<Stored<In>>,
) {
  const store = new SqliteRecordStore<Stored<In>>(db, table);
  const file = indexFile(config.dataDir, table);
  const started = Date.now();
  const vectors = () => store.matchableVectors(embedder.id);
  const { index, rebuilt, caughtUp } = openIndexFile(
    file,
    {
      embedder: embedder.id,
      dimension: embedder.dimension,
      generation: store.generation(),
      liveLabels: () => store.matchableLabels({}, embedder.id),
      vectors,
      changedSince: (generation) => store.changedSince(generation),
      vectorsOf: (labels) => store.vectorsOf(labels),
    },
    config.hnsw,
  );
  const ms = Date.now() - started;
  if (rebuilt && index.size > 0) log.warn(`${table} index rebuilt from SQLite (${rebuilt}): ${index.size} vectors in ${ms} ms`);
  else log.info(`${table} index ${rebuilt ? `created (${rebuilt})` : `loaded from ${file}${caughtUp ? ` and caught up on ${caughtUp} changed records` : ''}`}: ${index.size} vectors in ${ms} ms`);
  const service = new RecordService(kind, store, index, embedder, {
    maxBatch: config.bulkMaxRecords,
    derive,
    duplicates,
    areaCacheVectors: config.areaCacheVectors,
    exactScan: nativeScan,
    recordCacheBytes: config.recordCacheBytes,
  });
  const flush = () => flushIndex(file, index, store, embedder);
  const compact = () => {
    const dropped = index.deletedPoints;
    if (dropped === 0) return 0;
    index.compact(vectors());
    flush();
    log.info(`${table} index compacted: ${dropped} deleted points dropped`);
    return dropped;
  };
  return { service, flush, compact };
}

function flushIndex(file: string, index: HnswVectorIndex, store: { generation(): number; pruneChanges(generation: number): void }, embedder: Embedder) {
  if (!index.dirty) return;
  const generation = store.generation();
  saveIndexFile(file, index, embedder.id, generation);
  store.pruneChanges(generation);
}
