/**
 * Embedding throughput (texts/s) for the configured embedder and for the bundled tiny test model,
 * with batch sizes 1, 8 and 32, in one thread, and for the lexical embedder also in two worker
 * threads (onnxruntime crashes in workers now and then). The shipped model's own figures are in
 * bench:model.
 *
 * The tiny model (fixtures/models/kohtaanto-tiny-bert: 2 layers, 64 dimensions, random weights)
 * says nothing about e5-small's speed; ../shared/PERFORMANCE.md gives 10–14 texts/s for 256-token
 * documents and ~7–10 ms per short query with a 12-layer model on these machines.
 *
 *   npm run bench:embedding
 *   npm run bench:embedding -- --texts 200
 */
import { readFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { selectEmbedder } from '../src/adapters/embedders/select.js';
import { LexicalEmbedder } from '../src/adapters/embedders/lexical.js';
import { TransformersEmbedder, type TransformersModelSettings } from '../src/adapters/embedders/transformers.js';
import { loadConfig } from '../src/config.js';
import type { Embedder } from '../src/core/ports.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    texts: { type: 'string', default: '600' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const N = Number(values.texts);
const round = (x: number) => Math.round(x * 10) / 10;
const ROOT = join(import.meta.dirname, '..');
const documents = readFileSync(join(ROOT, 'fixtures', 'vacancies.ndjson'), 'utf8')
  .trim()
  .split('\n')
  .slice(0, N)
  .map((line) => {
    const v = JSON.parse(line) as { title: string; description: string; skills: string[] };
    return `${v.title}\n${v.skills.join(', ')}\n${v.description}`;
  });
const queries = documents.map((d) => d.split('\n')[1]!);

async function throughput(embedder: Embedder, texts: string[], batch: number) {
  await embedder.embed(texts.slice(0, Math.min(8, texts.length))); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i += batch) await embedder.embed(texts.slice(i, i + batch));
  return texts.length / ((performance.now() - t0) / 1000);
}

async function inWorkers(kind: 'lexical' | 'transformers', settings: TransformersModelSettings, texts: string[], workers: number) {
  const pool = await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<Worker>((ready, fail) => {
        // The worker registers tsx itself (a .ts entry point is not loaded through execArgv on Node 20).
        const entry = pathToFileURL(join(import.meta.dirname, 'embedding-worker.ts')).href;
        const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
        const w = new Worker(boot, { eval: true, workerData: { kind, settings } });
        w.once('message', () => ready(w));
        w.once('error', fail);
      }),
    ),
  );
  const share = Math.ceil(texts.length / workers);
  const t0 = performance.now();
  await Promise.all(
    pool.map(
      (w, i) =>
        new Promise<void>((done) => {
          const mine = texts.slice(i * share, (i + 1) * share);
          let left = mine.length;
          w.on('message', (n: number) => {
            left -= n;
            if (left <= 0) done();
          });
          for (let j = 0; j < mine.length; j += 32) w.postMessage(mine.slice(j, j + 32));
          if (mine.length === 0) done();
        }),
    ),
  );
  const rate = texts.length / ((performance.now() - t0) / 1000);
  await Promise.all(pool.map((w) => new Promise((exited) => (w.once('exit', exited), w.postMessage(null)))));
  return rate;
}

async function main() {
  const config = loadConfig({ ...process.env, KOHTAANTO_LOG_LEVEL: 'silent' });
  const configured = await selectEmbedder(config.embedder, config.model, { info: () => {}, warn: () => {} });
  const tiny: TransformersModelSettings = { modelDir: join(ROOT, 'fixtures', 'models'), model: 'kohtaanto-tiny-bert', quantized: false, batchSize: 32 };
  const candidates: [string, 'lexical' | 'transformers', TransformersModelSettings, (batch: number) => Promise<Embedder>][] = [
    [
      `configured: ${configured.id}`,
      configured instanceof LexicalEmbedder ? 'lexical' : 'transformers',
      config.model,
      async (batch) => (configured instanceof LexicalEmbedder ? configured : TransformersEmbedder.load({ ...config.model, batchSize: batch })),
    ],
    ['tiny test model (transformers.js, 64 dim, random weights)', 'transformers', tiny, (batch) => TransformersEmbedder.load({ ...tiny, batchSize: batch })],
  ];
  const rows = [];
  for (const [name, kind, settings, make] of candidates) {
    for (const [textKind, texts] of [
      ['vacancy documents', documents],
      ['short queries (skill lists)', queries],
    ] as const) {
      for (const batch of [1, 8, 32]) {
        const embedder = await make(batch);
        rows.push({ embedder: name, texts: textKind, batch, threads: 1, textsPerSecond: round(await throughput(embedder, texts, batch)) });
      }
      // onnxruntime-node 1.14 in worker threads crashes the process now and then (glibc "free():
      // invalid pointer" at worker exit), so only the lexical embedder is measured in workers.
      if (kind === 'lexical') {
        rows.push({ embedder: name, texts: textKind, batch: 32, threads: 2, textsPerSecond: round(await inWorkers(kind, { ...settings, batchSize: 32 }, texts, 2)) });
      }
    }
  }
  const machine = `${hostname()}-${cpus().length}cpu`;
  console.log(`\nEmbedding throughput, ${N} texts — ${machine}\n`);
  console.log('| embedder | texts | batch | threads | texts/s |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.embedder} | ${r.texts} | ${r.batch} | ${r.threads === 1 ? 'main' : `${r.threads} workers`} | ${r.textsPerSecond} |`);
  const result = { date: new Date().toISOString(), machine, texts: N, rows };
  writeResult(values.out!, 'embedding', machine, result);
}

await main();
