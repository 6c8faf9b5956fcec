import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../../src/adapters/hnsw/hnsw-index.js';
import { openIndexFile, saveIndexFile, saveIndexFileInBackground } from '../../../src/adapters/hnsw/index-file.js';
import { tempDir } from '../../helpers/files.js';

const settings = { m: 8, efConstruction: 50, ef: 32 };
const unit = (i: number) => {
  const v = Float32Array.from({ length: 16 }, (_, j) => Math.sin(i * 0.7 + j * 1.3));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const points = Array.from({ length: 100 }, (_, i) => ({ label: i + 1, vector: unit(i + 1) }));
/** The store as the index file sees it; `log` is its change log (labels changed after generation 5), none when pruned. */
const source = (generation: number, live = points, log?: number[]) => ({
  embedder: 'test-embedder',
  dimension: 16,
  generation,
  liveLabels: () => live.map((p) => p.label),
  vectors: () => live,
  changedSince: (g: number) => (g === generation ? [] : g === 5 ? log : undefined),
  vectorsOf: (labels: number[]) => new Map(live.filter((p) => labels.includes(p.label)).map((p) => [p.label, p.vector])),
});

function savedIndex() {
  const file = join(tempDir(), 'vacancies.hnsw');
  const index = HnswVectorIndex.create(16, settings);
  for (const p of points) index.upsert(p.label, p.vector);
  saveIndexFile(file, index, 'test-embedder', 5);
  return file;
}

describe('openIndexFile', () => {
  it('loads an intact, current index file without rebuilding', async () => {
    const file = savedIndex();
    const opened = await openIndexFile(file, source(5), settings);
    expect(opened.rebuilt).toBeUndefined();
    expect(opened.index.size).toBe(100);
    expect(opened.index.search(unit(42), 1)[0]!.label).toBe(42);
  });

  it('rebuilds from the stored vectors when the file is missing', async () => {
    const file = savedIndex();
    rmSync(file);
    const opened = await openIndexFile(file, source(5), settings);
    expect(opened.rebuilt).toBe('index file missing');
    expect(opened.index.search(unit(42), 1)[0]!.label).toBe(42);
    expect(existsSync(file)).toBe(true); // written back
  });

  it('rebuilds when the store changed since the file was written and the change log does not reach back (stale)', async () => {
    const file = savedIndex();
    const fewer = points.slice(0, 60);
    const opened = await openIndexFile(file, source(6, fewer), settings);
    expect(opened.rebuilt).toMatch(/stale/);
    expect(opened.index.size).toBe(60);
  });

  it('catches up from the change log when the file is behind the store (after a crash)', async () => {
    const file = savedIndex();
    // Since generation 5: labels 61..100 deleted, 101..110 added, label 7 written with a new vector.
    const moved = { label: 7, vector: unit(500) };
    const added = Array.from({ length: 10 }, (_, i) => ({ label: 101 + i, vector: unit(101 + i) }));
    const live = [...points.slice(0, 60).map((p) => (p.label === 7 ? moved : p)), ...added];
    const changed = [7, ...points.slice(60).map((p) => p.label), ...added.map((p) => p.label)];
    const opened = await openIndexFile(file, source(9, live, changed), settings);
    expect(opened.rebuilt).toBeUndefined();
    expect(opened.caughtUp).toBe(changed.length);
    expect(opened.index.size).toBe(70);
    expect(opened.index.search(unit(105), 1)[0]!.label).toBe(105);
    expect(opened.index.search(unit(500), 1)[0]!.label).toBe(7);
    expect(opened.index.search(unit(80), 70).map((h) => h.label)).not.toContain(80);
    expect(opened.index.dirty).toBe(true); // written at the next flush
  });

  it('catches up an index file written empty (hnswlib reads it back with no room at all)', async () => {
    const file = join(tempDir(), 'vacancies.hnsw');
    saveIndexFile(file, HnswVectorIndex.create(16, settings, 0), 'test-embedder', 5);
    const added = points.slice(0, 30);
    const opened = await openIndexFile(file, source(6, added, added.map((p) => p.label)), settings);
    expect(opened.rebuilt).toBeUndefined();
    expect(opened.index.size).toBe(30);
  });

  it('rebuilds when the file is corrupt, without crashing', async () => {
    const file = savedIndex();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 64, 4096);
    writeFileSync(file, bytes);
    const opened = await openIndexFile(file, source(5), settings);
    expect(opened.rebuilt).toMatch(/corrupt/);
    expect(opened.index.search(unit(7), 1)[0]!.label).toBe(7);
  });

  it('rebuilds when the embedder changed', async () => {
    const file = savedIndex();
    const opened = await openIndexFile(file, { ...source(5), embedder: 'another-model' }, settings);
    expect(opened.rebuilt).toBe('embedder changed');
  });

  describe('crafted files whose checksum matches (the sidecar forged with them)', () => {
    /** Rewrites the file with `mutate` applied and the sidecar's checksum made to match. */
    const forge = (file: string, mutate: (bytes: Buffer) => Buffer) => {
      const bytes = mutate(readFileSync(file));
      writeFileSync(file, bytes);
      const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
      meta.sha256 = createHash('sha256').update(bytes).digest('hex');
      writeFileSync(`${file}.json`, JSON.stringify(meta));
    };
    const HEADER = 96;
    const perElement = (2 * settings.m) * 4 + 4 + 16 * 4 + 8;

    it('refuses each crafted structure before hnswlib reads it, and rebuilds', async () => {
      const attacks: [string, (b: Buffer) => Buffer][] = [
        ['a level-0 neighbour outside the graph', (b) => (b.writeUInt32LE(1, HEADER + 3 * perElement), b.writeUInt32LE(0xfffffff0, HEADER + 3 * perElement + 4), b)],
        ['more elements than capacity', (b) => (b.writeBigUInt64LE(10_000_000n, 16), b)],
        ['an entry point outside the graph', (b) => (b.writeUInt32LE(5000, 52), b)],
        ['a top level out of range', (b) => (b.writeInt32LE(40, 48), b)],
        ['another graph degree', (b) => (b.writeBigUInt64LE(64n, 72), b)],
        ['link lists cut short', (b) => b.subarray(0, b.length - 7)],
        ['a link list longer than the file', (b) => (b.writeUInt32LE(0x7fffffff, HEADER + 100 * perElement), b)],
      ];
      for (const [name, attack] of attacks) {
        const file = savedIndex();
        forge(file, attack);
        const opened = await openIndexFile(file, source(5), settings);
        expect(opened.rebuilt, name).toMatch(/malformed/);
        expect(opened.index.search(unit(42), 1)[0]!.label, name).toBe(42);
      }
    });

    it('never crashes the process on random bytes in the header and the graph (fuzz)', async () => {
      let seed = 7;
      const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let round = 0; round < 150; round++) {
        const file = savedIndex();
        forge(file, (b) => {
          const flips = 1 + Math.floor(next() * 4);
          for (let f = 0; f < flips; f++) {
            // Header fields, level-0 neighbour slots, and the link-list region, where hnswlib trusts what it reads.
            const region = next();
            const at =
              region < 0.4 ? Math.floor(next() * HEADER) : region < 0.8 ? HEADER + Math.floor(next() * 100) * perElement + Math.floor(next() * 68) : HEADER + 100 * perElement + Math.floor(next() * (b.length - HEADER - 100 * perElement));
            b[at] = Math.floor(next() * 256);
          }
          return b;
        });
        const opened = await openIndexFile(file, source(5), settings);
        expect(opened.index.search(unit(9), 5)).toHaveLength(5);
      }
    });
  });
});

describe('saveIndexFileInBackground', () => {
  it('writes the graph at once and the file and metadata that the next start loads', async () => {
    const file = join(tempDir(), 'vacancies.hnsw');
    const index = HnswVectorIndex.create(16, settings);
    for (const p of points) index.upsert(p.label, p.vector);
    const saving = saveIndexFileInBackground(file, index, 'test-embedder', 5);
    index.upsert(101, unit(101)); // after the call: not in this save
    await saving;
    expect(index.dirty).toBe(true); // the later change waits for the next save
    const opened = await openIndexFile(file, source(5), settings);
    expect(opened.rebuilt).toBeUndefined();
    expect(opened.index.size).toBe(100);
    expect(existsSync(`${file}.saving`)).toBe(false);
  });

  it('leaves the file to a later save that overtook it (a close or a compaction while the checksum was computed)', async () => {
    const file = join(tempDir(), 'vacancies.hnsw');
    const index = HnswVectorIndex.create(16, settings);
    for (const p of points.slice(0, 50)) index.upsert(p.label, p.vector);
    const first = saveIndexFileInBackground(file, index, 'test-embedder', 3); // the graph written, its checksum under way
    for (const p of points.slice(50)) index.upsert(p.label, p.vector);
    saveIndexFile(file, index, 'test-embedder', 5);
    await first;
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { generation: number; live: number; sha256: string };
    expect(meta).toMatchObject({ generation: 5, live: 100 });
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(meta.sha256);
    const opened = await openIndexFile(file, source(5), settings);
    expect(opened.rebuilt).toBeUndefined();
    expect(opened.index.size).toBe(100);
  });

  it('runs one save of a file at a time, in the order asked', async () => {
    const file = join(tempDir(), 'vacancies.hnsw');
    const index = HnswVectorIndex.create(16, settings);
    for (const p of points.slice(0, 60)) index.upsert(p.label, p.vector);
    const first = saveIndexFileInBackground(file, index, 'test-embedder', 4);
    for (const p of points.slice(60)) index.upsert(p.label, p.vector);
    const second = saveIndexFileInBackground(file, index, 'test-embedder', 5);
    await Promise.all([first, second]);
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { generation: number; live: number };
    expect(meta).toMatchObject({ generation: 5, live: 100 });
    expect((await openIndexFile(file, source(5), settings)).rebuilt).toBeUndefined();
  });

  it('keeps the old file and marks the index to be written again when the write fails', async () => {
    const dir = tempDir();
    const file = join(dir, 'vacancies.hnsw');
    const index = HnswVectorIndex.create(16, settings);
    for (const p of points) index.upsert(p.label, p.vector);
    saveIndexFile(file, index, 'test-embedder', 5);
    index.upsert(101, unit(101));
    await expect(saveIndexFileInBackground(join(dir, 'missing-dir', 'vacancies.hnsw'), index, 'test-embedder', 6)).rejects.toThrow();
    expect(index.dirty).toBe(true);
    expect((await openIndexFile(file, source(5), settings)).index.size).toBe(100);
  });
});

