/**
 * Figures for the matching engine at fixture scale and beyond, measured through the real service
 * (SQLite file, HNSW index, HTTP on loopback):
 *   - start time: first start (empty data dir, fixtures loaded) and restart (index files loaded)
 *   - ingest rate through POST /v1/vacancies/bulk (NDJSON, 5,000 per request)
 *   - match latency p50/p99 for stored profiles (unfiltered, municipality filter, region filter) and
 *     ad-hoc text, sequential requests
 *   - HNSW against the exact scan baseline in the same run: recall@10 and time per query
 *
 *   npm run bench:engine                       # fixture scale plus 20,000 extra vacancies
 *   npm run bench:engine -- --extra 100000     # more vacancies
 *   KOHTAANTO_EMBEDDER=transformers KOHTAANTO_MODEL_DIR=fixtures/models KOHTAANTO_MODEL=kohtaanto-tiny-bert npm run bench:engine
 *
 * Prints a Markdown table and writes benchmarks/results/engine-<date>-<host>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../fixtures/generate.js';
import { loadConfig } from '../src/config.js';
import { exactTopK } from '../src/core/exact-search.js';
import { openEngine, type Engine } from '../src/engine.js';
import { buildApp } from '../src/http/app.js';

const { values } = parseArgs({
  options: {
    extra: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '400' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const EXTRA = Number(values.extra);
const QUERIES = Number(values.queries);

const quiet = { info: () => {}, warn: () => {} };
/** The benchmark's admin key for the running service. */
let authorization = '';
const ms = (ns: bigint) => Number(ns) / 1e6;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function start(dataDir: string) {
  const config = loadConfig({
    ...process.env,
    KOHTAANTO_DATA_DIR: dataDir,
    KOHTAANTO_LOG_LEVEL: 'silent',
    KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000',
    KOHTAANTO_NOISY_REPORTS_PER_DAY: '100000',
  });
  const t0 = process.hrtime.bigint();
  const engine = await openEngine(config, quiet);
  await engine.ready;
  const app = await buildApp(engine, config);
  app.addHook('onClose', async () => engine.close());
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const startMs = ms(process.hrtime.bigint() - t0);
  authorization = `Bearer ${(await engine.keys.create('admin', 'benchmark', 'national')).key}`;
  return { engine, app, url, startMs };
}

async function latency(url: string, paths: (i: number) => { method: string; path: string; body?: string }) {
  const times: number[] = [];
  for (let i = 0; i < QUERIES + 20; i++) {
    const { method, path, body } = paths(i);
    const t0 = process.hrtime.bigint();
    const response = await fetch(url + path, {
      method,
      body,
      headers: body ? { 'content-type': 'application/json', authorization } : { authorization },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= 20) times.push(ms(process.hrtime.bigint() - t0)); // first 20 warm up
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

/** recall@10 of the HNSW index against an exact scan of the same vectors, and the time of each. */
function indexVersusExact(engine: Engine) {
  const service = engine.vacancies;
  const labels = service.matchableLabels({});
  const vectors = service.store.vectorsOf(labels);
  const queries = labels.filter((_, i) => i % Math.max(1, Math.floor(labels.length / 200)) === 0).slice(0, 200);
  let found = 0;
  let hnswNs = 0n;
  let exactNs = 0n;
  for (const label of queries) {
    const q = vectors.get(label)!;
    let t0 = process.hrtime.bigint();
    const truth = exactTopK(q, vectors, 10);
    exactNs += process.hrtime.bigint() - t0;
    t0 = process.hrtime.bigint();
    const hits = service.index.search(q, 10);
    hnswNs += process.hrtime.bigint() - t0;
    const expected = new Set(truth.map((h) => h.label));
    found += hits.filter((h) => expected.has(h.label)).length;
  }
  return {
    vectors: labels.length,
    recallAt10: round(found / (queries.length * 10), 4),
    hnswMsPerQuery: round(ms(hnswNs) / queries.length, 3),
    exactMsPerQuery: round(ms(exactNs) / queries.length, 3),
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-bench-'));
  const rows: Record<string, unknown>[] = [];
  try {
    const first = await start(dataDir);
    const embedder = first.engine.embedder.id;
    const fixtureCount = (await first.engine.vacancies.count());
    rows.push({ measure: 'first start (empty dir, fixtures loaded)', value: round(first.startMs, 0), unit: 'ms' });
    await first.app.close();

    const second = await start(dataDir);
    rows.push({ measure: 'restart (index files loaded)', value: round(second.startMs, 0), unit: 'ms' });
    const { url, engine } = second;

    const jobseekers = (await engine.jobseekers.list({ limit: 500 })).filter((j) => j.status === 'active');
    const stored = (query: string) => (i: number) => ({
      method: 'GET',
      path: `/v1/jobseekers/${jobseekers[i % jobseekers.length]!.id}/matches?k=20${query}`,
    });
    const adHoc = (i: number) => ({
      method: 'POST',
      path: '/v1/match',
      body: JSON.stringify({ text: `${jobseekers[i % jobseekers.length]!.summary} (${i})`, k: 20 }),
    });
    const measureMatches = async (size: number) => {
      for (const [name, paths] of [
        ['stored profile, k=20', stored('')],
        ['stored profile, k=20, municipality=Helsinki', stored('&municipality=091')],
        ['stored profile, k=20, municipality=Kauniainen (small)', stored('&municipality=235')],
        ['stored profile, k=20, region=Pirkanmaa', stored('&region=06')],
        ['ad-hoc CV text, k=20', adHoc],
      ] as const) {
        const l = await latency(url, paths);
        rows.push({ measure: `match latency @${size} vacancies: ${name}`, value: `${l.p50} / ${l.p99}`, unit: 'ms p50 / p99' });
      }
      const cmp = indexVersusExact(engine);
      rows.push({ measure: `HNSW recall@10 vs exact @${cmp.vectors} vectors`, value: cmp.recallAt10, unit: '' });
      rows.push({
        measure: `HNSW vs exact scan (JS) per query @${cmp.vectors} vectors`,
        value: `${cmp.hnswMsPerQuery} / ${cmp.exactMsPerQuery}`,
        unit: 'ms HNSW / exact',
      });
    };
    await measureMatches(fixtureCount);

    if (EXTRA > 0) {
      const { vacancies } = generate({ vacancies: EXTRA, jobseekers: 0 }, 99);
      const memBefore = process.memoryUsage().rss;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < vacancies.length; i += 5000) {
        const body = vacancies
          .slice(i, i + 5000)
          .map((v) => JSON.stringify({ ...v, id: `X-${v.id}` }))
          .join('\n');
        const response = await fetch(`${url}/v1/vacancies/bulk`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-ndjson', authorization },
        });
        if (response.status !== 200) throw new Error(`bulk: ${response.status} ${await response.text()}`);
      }
      const seconds = ms(process.hrtime.bigint() - t0) / 1000;
      rows.push({ measure: `ingest via POST /v1/vacancies/bulk (${EXTRA} records)`, value: round(EXTRA / seconds, 0), unit: 'records/s' });
      rows.push({ measure: 'RSS growth during ingest', value: round((process.memoryUsage().rss - memBefore) / 2 ** 20, 0), unit: 'MiB' });
      const t1 = process.hrtime.bigint();
      await engine.flush();
      rows.push({ measure: `index flush to disk (${engine.vacancies.index.size} vectors)`, value: round(ms(process.hrtime.bigint() - t1), 0), unit: 'ms' });
      await measureMatches((await engine.vacancies.count()));
    }
    await second.app.close();

    const third = await start(dataDir);
    rows.push({ measure: `restart with ${(await third.engine.vacancies.count())} vacancies`, value: round(third.startMs, 0), unit: 'ms' });
    await third.app.close();

    const machine = `${hostname()}-${cpus().length}cpu`;
    const result = { date: new Date().toISOString(), machine, node: process.version, embedder, rows };
    console.log(`\nKohtaanto engine benchmark — embedder ${embedder}, ${machine}, Node ${process.version}\n`);
    console.log('| measure | value | unit |\n|---|---|---|');
    for (const r of rows) console.log(`| ${r.measure} | ${r.value} | ${r.unit} |`);
    mkdirSync(values.out!, { recursive: true });
    const file = join(values.out!, `engine-${result.date.slice(0, 10)}-${machine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
