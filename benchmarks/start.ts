/**
 * `npm run bench:start`: seconds from spawning the service to listening, on a taxonomy, the first
 * time (the baseline: every label embedded with the model) and on later starts (the label vectors
 * read from the data directory), one process, no records; from the service's own log lines
 * ("Taxonomy … in N ms", "Kohtaanto ready in N ms") and the time to its listening line.
 *
 *   npm run bench:start                                   # the official ESCO export in ../shared/esco
 *   npm run bench:start -- --taxonomy fixtures/taxonomy   # the curated default
 *
 * Prints a Markdown table and writes benchmarks/results/start-<date>-<machine>.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildService, kill, startService } from './service.js';
import { writeResult } from './results.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    taxonomy: { type: 'string', default: join(ROOT, '..', 'shared', 'esco') },
    starts: { type: 'string', default: '3' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    /** dist/ is current (the test suite built it): no `npm run build`. */
    built: { type: 'boolean', default: false },
  },
});
const STARTS = Math.max(2, Number(values.starts));
const taxonomyDir = resolve(values.taxonomy!);

/** A number from the service's log line that starts with `prefix` and ends with "in N ms". */
const loggedMs = (log: string, prefix: string) => Number(new RegExp(`"msg":"${prefix}[^"]* in (\\d+) ms`).exec(log)?.[1] ?? Number.NaN);

async function main() {
  buildService(values.built);
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-start-'));
  const rows = [];
  try {
    for (let n = 1; n <= STARTS; n++) {
      const service = await startService(dataDir, { KOHTAANTO_WORKERS: '1', KOHTAANTO_TAXONOMY_DIR: taxonomyDir, KOHTAANTO_SEED_FIXTURES: 'false' });
      const log = service.log();
      await kill(service.child, 'SIGTERM');
      rows.push({
        start: n === 1 ? 'first (labels embedded; the baseline)' : `${n}. (label vectors kept)`,
        listeningSeconds: Math.round(service.listenedAfterMs / 100) / 10,
        taxonomyMs: loggedMs(log, 'Taxonomy'),
        readyMs: loggedMs(log, 'Kohtaanto ready'),
      });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const machine = `${hostname()}-${cpus().length}cpu`;
  console.log(`\nStarting the service (one process, no records) on ${taxonomyDir} — ${machine}\n`);
  console.log('| start | to listening s | taxonomy ms | ready ms |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.start} | ${r.listeningSeconds} | ${r.taxonomyMs} | ${r.readyMs} |`);
  const result = { date: new Date().toISOString(), machine, taxonomy: taxonomyDir, rows };
  writeResult(values.out!, 'start', machine, result);
}

await main();
