/**
 * Vector search at 10k, 100k and 1M vectors: HNSW (hnswlib-node, the service's adapter) against
 * exact brute-force search computed in the same run as the baseline.
 *
 * The vectors are SYNTHETIC, clustered and of low intrinsic dimension, like sentence embeddings
 * (200 clusters in a 32-dimensional subspace of the model's 384 dimensions, plus small noise in all
 * of them): embedding a million texts with the real model would take days on 2 cores, and
 * isotropic random vectors are the worst case for any graph index (see ../shared/PERFORMANCE.md).
 *
 *   npm run bench:vectors                              # 10k, 100k and 1M (1M builds for ~15 min)
 *   npm run bench:vectors -- --sizes 10000,100000 --queries 200
 *
 * Prints a Markdown table and writes benchmarks/results/vectors-<date>-<machine>.json.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from '../fixtures/generate.js';
import { HnswVectorIndex } from '../src/adapters/hnsw/hnsw-index.js';
import { nativeScan } from '../src/adapters/hnsw/native-scan.js';
import { exactTopKPacked, type PackedVectors } from '../src/core/exact-search.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    dimension: { type: 'string', default: '384' },
    queries: { type: 'string', default: '200' },
    efs: { type: 'string', default: '16,32,64,128' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
const DIM = Number(values.dimension);
const QUERIES = Number(values.queries);
const EFS = values.efs!.split(',').map(Number);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

/** Clustered unit vectors with low intrinsic dimension (a stand-in for sentence embeddings). */
function vectorSource(seed: number) {
  const rng = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rng.next() || 1e-12)) * Math.cos(2 * Math.PI * rng.next());
  const INTRINSIC = 32;
  const basis = Array.from({ length: INTRINSIC }, () => Float32Array.from({ length: DIM }, gauss));
  const centres = Array.from({ length: 200 }, () => Float32Array.from({ length: INTRINSIC }, gauss));
  return () => {
    const centre = centres[Math.floor(rng.next() * centres.length)]!;
    const v = new Float32Array(DIM);
    for (let j = 0; j < INTRINSIC; j++) {
      const w = centre[j]! + 0.6 * gauss();
      const b = basis[j]!;
      for (let i = 0; i < DIM; i++) v[i]! += w * b[i]!;
    }
    let norm = 0;
    for (let i = 0; i < DIM; i++) norm += (v[i]! += 0.05 * gauss() * Math.sqrt(INTRINSIC)) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < DIM; i++) v[i]! /= norm;
    return v;
  };
}

function timeQueries(queries: Float32Array[], run: (q: Float32Array) => unknown) {
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    run(q);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const recallAt10 = (got: number[][], truth: number[][]) =>
  got.reduce((s, g, i) => s + g.slice(0, 10).filter((l) => truth[i]!.slice(0, 10).includes(l)).length, 0) / (10 * got.length);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-vectors-'));
  const rows: Record<string, unknown>[] = [];
  try {
    for (const size of SIZES) {
      const next = vectorSource(size);
      const matrix = new Float32Array(size * DIM);
      for (let i = 0; i < size; i++) matrix.set(next(), i * DIM);
      const labels = Array.from({ length: size }, (_, i) => i);
      const packed: PackedVectors = { labels, matrix, dimension: DIM };
      const queries = Array.from({ length: QUERIES }, next);

      const rssBefore = process.memoryUsage().rss;
      const t0 = performance.now();
      const index = HnswVectorIndex.create(DIM, { m: 16, efConstruction: 200, ef: 64 }, size);
      for (let i = 0; i < size; i++) index.upsert(i, matrix.subarray(i * DIM, (i + 1) * DIM));
      const buildSeconds = (performance.now() - t0) / 1000;
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      const file = join(dir, `index-${size}.hnsw`);
      index.writeTo(file);
      const fileBytes = statSync(file).size;

      // The baseline in the same run: exact top-k over every vector.
      const truth: number[][] = [];
      const exactTimes = timeQueries(queries, (q) => truth.push(exactTopKPacked(q, packed, 50).map((h) => h.label)));
      const exactP50 = pct(exactTimes, 50);
      rows.push({ vectors: size, search: 'exact (JS scan)', k: 10, ef: null, p50Ms: round(exactP50, 3), p99Ms: round(pct(exactTimes, 99), 3), recallAt10: 1, speedup: 1 });
      for (const k of [10, 50]) {
        for (const ef of [...new Set(EFS.map((e) => Math.max(e, k)))]) {
          index.settings.ef = ef;
          const got: number[][] = [];
          const times = timeQueries(queries, (q) => got.push(index.search(q, k).map((h) => h.label)));
          rows.push({
            vectors: size,
            search: 'HNSW',
            k,
            ef,
            p50Ms: round(pct(times, 50), 3),
            p99Ms: round(pct(times, 99), 3),
            recallAt10: round(recallAt10(got, truth), 4),
            speedup: round(exactP50 / pct(times, 50), 1),
          });
        }
      }
      index.settings.ef = 64;

      // Filtered search: one "municipality" holding 1 % of the vectors.
      const allowedLabels = labels.filter((l) => l % 100 === 7);
      const allowed = new Set(allowedLabels);
      const subset: PackedVectors = { labels: allowedLabels, matrix: new Float32Array(allowedLabels.length * DIM), dimension: DIM };
      allowedLabels.forEach((l, i) => subset.matrix.set(matrix.subarray(l * DIM, (l + 1) * DIM), i * DIM));
      const filteredTruth = queries.map((q) => exactTopKPacked(q, subset, 10).map((h) => h.label));
      const viaFilter: number[][] = [];
      const filterTimes = timeQueries(queries, (q) => viaFilter.push(index.search(q, 10, allowed).map((h) => h.label)));
      const viaScan: number[][] = [];
      const scanTimes = timeQueries(queries, (q) => viaScan.push(exactTopKPacked(q, subset, 10).map((h) => h.label)));
      const native = nativeScan(subset);
      const viaNative: number[][] = [];
      const nativeTimes = timeQueries(queries, (q) => viaNative.push(native.search(q, 10).map((h) => h.label)));
      // The floor: reading the area's vectors once at the memory bandwidth measured in this run.
      const floorMs = (subset.matrix.byteLength / bandwidth) * 1000;
      for (const [search, times, got] of [
        ['filtered 1 %: HNSW filter callback', filterTimes, viaFilter],
        ['filtered 1 %: exact scan of the area in JavaScript', scanTimes, viaScan],
        ['filtered 1 %: exact scan of the area, native brute force (the service\'s choice)', nativeTimes, viaNative],
      ] as const) {
        rows.push({ vectors: size, search, k: 10, ef: 64, p50Ms: round(pct(times, 50), 3), p99Ms: round(pct(times, 99), 3), recallAt10: round(recallAt10(got, filteredTruth), 4), speedup: null, timesMemoryFloor: round(pct(times, 50) / floorMs, 1) });
      }
      rows.push({ vectors: size, search: 'build', buildSeconds: round(buildSeconds, 1), rssGrowthMiB: mib(rssGrowth), indexFileMiB: mib(fileBytes), bytesPerVector: Math.round(fileBytes / size) });
      console.log(`${size} vectors: built in ${round(buildSeconds, 1)} s, file ${mib(fileBytes)} MiB`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const machine = `${hostname()}-${cpus().length}cpu`;
  console.log(`\nVector search, synthetic clustered vectors, ${DIM} dimensions, ${QUERIES} queries — ${machine}; memory bandwidth (copy) ${round(bandwidth / 1e9, 1)} GB/s\n`);
  console.log('| vectors | search | k | ef | p50 ms | p99 ms | recall@10 | × faster than exact | × the memory floor |\n|---|---|---|---|---|---|---|---|---|');
  for (const r of rows.filter((r) => r.search !== 'build')) console.log(`| ${r.vectors} | ${r.search} | ${r.k} | ${r.ef ?? ''} | ${r.p50Ms} | ${r.p99Ms} | ${r.recallAt10} | ${r.speedup ?? ''} | ${r.timesMemoryFloor ?? ''} |`);
  console.log('\n| vectors | build s | RSS growth MiB | index file MiB | bytes/vector |\n|---|---|---|---|---|');
  for (const r of rows.filter((r) => r.search === 'build')) console.log(`| ${r.vectors} | ${r.buildSeconds} | ${r.rssGrowthMiB} | ${r.indexFileMiB} | ${r.bytesPerVector} |`);
  const result = { date: new Date().toISOString(), machine, bandwidthBytesPerSecond: Math.round(bandwidth), dimension: DIM, queries: QUERIES, vectors: 'synthetic clustered (200 clusters, 32-dim subspace)', rows };
  writeResult(values.out!, 'vectors', machine, result);
}

/** Bytes per second one core reads, from copying 256 MiB (native memcpy: one read and one write per byte). */
function memoryBandwidth(): number {
  const from = new Float32Array(64 * 2 ** 20).fill(1);
  const to = new Float32Array(from.length);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    to.set(from);
    best = Math.min(best, performance.now() - started);
  }
  return (2 * from.byteLength) / (best / 1000);
}
const bandwidth = memoryBandwidth();

await main();
