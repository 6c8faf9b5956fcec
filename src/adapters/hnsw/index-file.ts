import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import { minimumHnswFileBytes } from './file-check.js';
import { checkIndexFilesInThread, sha256InThread, sha256Of } from './index-file-check.js';
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

function readMeta(file: string): IndexFileMeta | undefined {
  try {
    return indexFileMeta.safeParse(JSON.parse(readFileSync(metaFile(file), 'utf8'))).data;
  } catch {
    return undefined;
  }
}

/** Why the file cannot be used for this source by what its metadata says, or undefined when it can. */
function unusableByMeta(file: string, meta: IndexFileMeta | undefined, source: Pick<IndexSource, 'embedder' | 'dimension' | 'generation'>, settings: Pick<HnswSettings, 'm' | 'efConstruction'>) {
  if (!existsSync(file)) return 'index file missing';
  if (!meta || meta.format !== 1) return 'index metadata missing or unreadable';
  if (meta.embedder !== source.embedder || meta.dimension !== source.dimension) return 'embedder changed';
  if (meta.generation > source.generation) return 'index is ahead of the store (a different database?)';
  if (meta.m !== settings.m || meta.efConstruction !== settings.efConstruction) return 'HNSW settings changed';
  if (meta.points > 2 * Math.max(meta.live, 1000)) return 'compacting deleted points';
  return undefined;
}

/**
 * An index file read ahead, off the main thread where it can be: its metadata, whether its bytes are
 * sound (checksum and structure, before the native library reads a byte), then the graph itself read
 * by hnswlib in the thread pool. Started as a process opens (src/runtime/compose.ts) so that the
 * reading overlaps the taxonomy's build; `openIndexFile` decides with the store whether to use it.
 * Neither promise rejects.
 */
export interface IndexFileAhead {
  meta: IndexFileMeta | undefined;
  /** Why the bytes cannot be used, or undefined when they can (or when the metadata alone rules the file out). */
  checked: Promise<string | undefined>;
  /** The graph read from the file once its bytes were found sound: an error message when reading it failed. */
  graph: Promise<hnswlib.HierarchicalNSW | string | undefined>;
}

/** Reads index files ahead (see IndexFileAhead): their bytes checked in one thread, one file after the other, then each graph read by hnswlib. */
export function readIndexFilesAhead(files: string[], settings: HnswSettings): IndexFileAhead[] {
  const metas = files.map((file) => readMeta(file));
  // What the metadata alone rules out is decided again against the store in openIndexFile; here only what needs the bytes.
  const worth = files.map((file, i) => {
    const meta = metas[i];
    return meta !== undefined && unusableByMeta(file, meta, meta, settings) === undefined ? meta : undefined;
  });
  const toCheck = files.flatMap((file, i) => {
    const meta = worth[i];
    return meta ? [{ file, sha256: meta.sha256, dimension: meta.dimension, settings }] : [];
  });
  const problems = checkIndexFilesInThread(toCheck).catch((error: unknown) => toCheck.map(() => `index file unreadable (${messageOf(error)})`));
  return files.map((file, i) => {
    const meta = worth[i];
    const at = toCheck.findIndex((one) => one.file === file);
    const checked = meta ? problems.then((all) => all[at]) : Promise.resolve(undefined);
    const graph = checked.then(async (problem) => {
      if (!meta || problem) return undefined;
      const hnsw = new hnswlib.HierarchicalNSW('cosine', meta.dimension);
      try {
        await hnsw.readIndex(file); // the thread pool
        return hnsw;
      } catch (error) {
        return messageOf(error);
      }
    });
    return { meta: metas[i], checked, graph };
  });
}

export const readIndexFileAhead = (file: string, settings: HnswSettings): IndexFileAhead => readIndexFilesAhead([file], settings)[0]!;

/**
 * Opens the index persisted at `file` when it is intact and current; otherwise rebuilds it from
 * the vectors stored in SQLite (the system of record) and writes it back (see OpenOptions). `ahead`
 * is the file read ahead (readIndexFileAhead), read here when not given.
 */
export async function openIndexFile(file: string, source: IndexSource, settings: HnswSettings, options: OpenOptions = {}, ahead = readIndexFileAhead(file, settings)): Promise<OpenedIndex> {
  const { meta } = ahead;
  let reason = unusableByMeta(file, meta, source, settings) ?? (await ahead.checked);
  if (!reason) {
    const changed = meta!.generation === source.generation ? [] : source.changedSince(meta!.generation);
    if (!changed) reason = 'index is stale and the change log does not reach back to it';
    else {
      // The store's searchable labels are read while hnswlib may still be reading the graph.
      const live = new Set(source.liveLabels());
      const graph = await ahead.graph;
      try {
        if (typeof graph !== 'object') throw new Error(graph ?? 'not read');
        return catchUp(graph, source, settings, live, changed);
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
 * Takes the graph read from the file and applies the records changed since it was written: those still searchable get
 * their stored vector (again), the others leave the graph. Every unchanged searchable record must
 * already be in the file.
 */
function catchUp(graph: hnswlib.HierarchicalNSW, source: IndexSource, settings: HnswSettings, live: Set<number>, changed: number[]): OpenedIndex {
  const touched = new Set(changed);
  const index = HnswVectorIndex.over(graph, source.dimension, settings, [...live].filter((label) => !touched.has(label)));
  const vectors = source.vectorsOf(changed.filter((label) => live.has(label)));
  for (const label of changed) {
    const vector = vectors.get(label);
    if (vector) index.upsert(label, vector);
    else index.discard(label);
  }
  return changed.length > 0 ? { index, caughtUp: changed.length } : { index };
}

/** The latest save of each file: a save in the background that another one overtook leaves the file to it. */
const latestSave = new Map<string, number>();
let saves = 0;
/** A save in the background under way, by file: the next one waits for it. */
const inBackground = new Map<string, Promise<void>>();

/** Writes the index and its metadata atomically (temporary files, then rename). */
export function saveIndexFile(file: string, index: HnswVectorIndex, embedder: string, generation: number): void {
  latestSave.set(file, ++saves);
  const tmp = `${file}.tmp`;
  writeGraph(tmp, file, index);
  install(tmp, file, metaOf(index, embedder, generation, sha256Of(tmp)));
}

/**
 * The same while the process serves: the graph is written at once (it may change right after), its
 * checksum is computed in the thread pool and the files are renamed then, unless a later save (at
 * close, a compaction) overtook this one. A failed save leaves the index to be written again.
 */
export function saveIndexFileInBackground(file: string, index: HnswVectorIndex, embedder: string, generation: number): Promise<void> {
  const before = inBackground.get(file);
  const save = before ? before.then(() => saveSoon(file, index, embedder, generation)) : saveSoon(file, index, embedder, generation);
  const settled = save.catch(() => undefined);
  inBackground.set(file, settled);
  void settled.then(() => inBackground.get(file) === settled && inBackground.delete(file));
  return save;
}

/** Writes the graph now (synchronously, before the first await), then checksums it in a thread and puts it in place. */
async function saveSoon(file: string, index: HnswVectorIndex, embedder: string, generation: number) {
  const mine = ++saves;
  latestSave.set(file, mine);
  const tmp = `${file}.saving`;
  try {
    writeGraph(tmp, file, index);
    const digest = await sha256InThread(tmp);
    if (latestSave.get(file) !== mine) return void (await rm(tmp, { force: true }));
    install(tmp, file, metaOf(index, embedder, generation, digest));
  } catch (error) {
    index.dirty = true;
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function writeGraph(tmp: string, file: string, index: HnswVectorIndex) {
  index.writeTo(tmp);
  // hnswlib does not report a failed write: a full disk leaves a short file (once a 0-byte file
  // with a valid checksum). The old file stays until a whole one is written.
  const written = statSync(tmp).size;
  if (written < minimumHnswFileBytes(index.storedPoints, index.dimension, index.settings.m)) {
    rmSync(tmp, { force: true });
    index.dirty = true;
    throw Object.assign(new Error(`index file ${file} written short (${written} bytes): no space left on device?`), { code: 'ENOSPC' });
  }
}

function metaOf(index: HnswVectorIndex, embedder: string, generation: number, sha256: string): IndexFileMeta {
  return {
    format: 1,
    embedder,
    dimension: index.dimension,
    generation,
    live: index.size,
    points: index.storedPoints,
    m: index.settings.m,
    efConstruction: index.settings.efConstruction,
    sha256,
  };
}

/** Puts a written graph and its metadata in place, synchronously: the metadata never names another file's checksum. */
function install(tmp: string, file: string, meta: IndexFileMeta) {
  rmSync(metaFile(file), { force: true });
  chmodSync(tmp, 0o600); // hnswlib creates it with the process's umask
  renameSync(tmp, file);
  writeFileSync(`${metaFile(file)}.tmp`, JSON.stringify(meta, null, 2), { mode: 0o600 });
  renameSync(`${metaFile(file)}.tmp`, metaFile(file));
}
