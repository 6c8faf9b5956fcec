import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { checkHnswFile, minimumHnswFileBytes } from './file-check.js';
import { HnswVectorIndex, type HnswSettings } from './hnsw-index.js';
import { z } from 'zod';
import { messageOf } from '../../core/thrown.js';

/** Sidecar written next to each index file: what the index reflects and a checksum of the file. */
const indexFileMeta = z.object({
  format: z.literal(1),
  embedder: z.string(),
  dimension: z.number(),
  /** The store's generation the index reflects; any later change means the file is stale. */
  generation: z.number(),
  live: z.number(),
  points: z.number(),
  m: z.number(),
  efConstruction: z.number(),
  sha256: z.string(),
});
type IndexFileMeta = z.infer<typeof indexFileMeta>;

export interface IndexSource {
  embedder: string;
  dimension: number;
  generation: number;
  liveLabels: () => number[];
  vectors: () => Iterable<{ label: number; vector: Float32Array }>;
  /** The labels written or deleted after a generation; undefined when the change log does not reach back that far. */
  changedSince: (generation: number) => number[] | undefined;
  /** The stored vectors of these labels. */
  vectorsOf: (labels: number[]) => Map<number, Float32Array>;
}

export interface OpenedIndex {
  index: HnswVectorIndex;
  /** Why the index was rebuilt from the store's vectors, or undefined when loaded from its file. */
  rebuilt?: string;
  /** Records the file was behind by, applied from the change log after loading it. */
  caughtUp?: number;
  /** The index is empty and must be built from the store (asked for with `later`). */
  empty?: boolean;
}

export interface OpenOptions {
  /** A worker that does not maintain the files keeps a rebuilt index in memory only. */
  readOnly?: boolean;
  /** When the file cannot be used, return an empty index for the caller to fill (in the background) instead of rebuilding now. */
  later?: boolean;
}

const metaFile = (file: string) => `${file}.json`;

function sha256(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function readMeta(file: string): IndexFileMeta | undefined {
  try {
    return indexFileMeta.safeParse(JSON.parse(readFileSync(metaFile(file), 'utf8'))).data;
  } catch {
    return undefined;
  }
}

/** Why the file cannot be used for this source, or undefined when it can. */
function unusable(file: string, meta: IndexFileMeta | undefined, source: IndexSource, settings: HnswSettings) {
  if (!existsSync(file)) return 'index file missing';
  if (!meta || meta.format !== 1) return 'index metadata missing or unreadable';
  if (meta.embedder !== source.embedder || meta.dimension !== source.dimension) return 'embedder changed';
  if (meta.generation > source.generation) return 'index is ahead of the store (a different database?)';
  if (meta.m !== settings.m || meta.efConstruction !== settings.efConstruction) return 'HNSW settings changed';
  if (meta.points > 2 * Math.max(meta.live, 1000)) return 'compacting deleted points';
  const bytes = readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) return 'index file corrupt (checksum mismatch)';
  // The checksum sits beside the file and can be forged with it: the structure is checked too.
  const malformed = checkHnswFile(bytes, source.dimension, settings);
  if (malformed) return `index file malformed (${malformed})`;
  return undefined;
}

/**
 * Opens the index persisted at `file` when it is intact and current; otherwise rebuilds it from
 * the vectors stored in SQLite (the system of record) and writes it back (see OpenOptions).
 */
export function openIndexFile(file: string, source: IndexSource, settings: HnswSettings, options: OpenOptions = {}): OpenedIndex {
  const meta = readMeta(file);
  let reason = unusable(file, meta, source, settings);
  if (!reason) {
    const changed = meta!.generation === source.generation ? [] : source.changedSince(meta!.generation);
    if (!changed) reason = 'index is stale and the change log does not reach back to it';
    else {
      try {
        return catchUp(file, source, settings, changed);
      } catch (error) {
        reason = `index file unreadable (${messageOf(error)})`;
      }
    }
  }
  const labels = source.liveLabels();
  const index = HnswVectorIndex.create(source.dimension, settings, Math.ceil(labels.length * 1.25));
  if (options.later && labels.length > 0) return { index, rebuilt: reason, empty: true };
  for (const { label, vector } of source.vectors()) index.upsert(label, vector);
  if (!options.readOnly) saveIndexFile(file, index, source.embedder, source.generation);
  return { index, rebuilt: reason };
}

/**
 * Loads the file and applies the records changed since it was written: those still searchable get
 * their stored vector (again), the others leave the graph. Every unchanged searchable record must
 * already be in the file.
 */
function catchUp(file: string, source: IndexSource, settings: HnswSettings, changed: number[]): OpenedIndex {
  const live = new Set(source.liveLabels());
  const touched = new Set(changed);
  const index = HnswVectorIndex.read(file, source.dimension, settings, [...live].filter((label) => !touched.has(label)));
  const vectors = source.vectorsOf(changed.filter((label) => live.has(label)));
  for (const label of changed) {
    const vector = vectors.get(label);
    if (vector) index.upsert(label, vector);
    else index.discard(label);
  }
  return changed.length > 0 ? { index, caughtUp: changed.length } : { index };
}

/** Writes the index and its metadata atomically (temporary files, then rename). */
export function saveIndexFile(file: string, index: HnswVectorIndex, embedder: string, generation: number): void {
  const tmp = `${file}.tmp`;
  index.writeTo(tmp);
  // hnswlib does not report a failed write: a full disk leaves a short file (once a 0-byte file
  // with a valid checksum). The old file stays until a whole one is written.
  const written = statSync(tmp).size;
  if (written < minimumHnswFileBytes(index.storedPoints, index.dimension, index.settings.m)) {
    rmSync(tmp, { force: true });
    throw Object.assign(new Error(`index file ${file} written short (${written} bytes): no space left on device?`), { code: 'ENOSPC' });
  }
  const meta: IndexFileMeta = {
    format: 1,
    embedder,
    dimension: index.dimension,
    generation,
    live: index.size,
    points: index.storedPoints,
    m: index.settings.m,
    efConstruction: index.settings.efConstruction,
    sha256: sha256(tmp),
  };
  rmSync(metaFile(file), { force: true });
  chmodSync(tmp, 0o600); // hnswlib creates it with the process's umask
  renameSync(tmp, file);
  writeFileSync(`${metaFile(file)}.tmp`, JSON.stringify(meta, null, 2), { mode: 0o600 });
  renameSync(`${metaFile(file)}.tmp`, metaFile(file));
}
