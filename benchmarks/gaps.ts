/**
 * Gap analysis latency for a client against 100,000 vacancies (target: p99 < 200 ms on 2 cores).
 * Loads the fixture data set plus generated vacancies into a temporary data directory through the
 * engine, then times GET-equivalent gap reports (engine calls, no HTTP) for fixture clients, with
 * the what-if matches reusing parsed vacancies and vectors, and without (the baseline).
 *
 *   npm run bench:gaps                          # 100,000 vacancies, 200 clients
 *   npm run bench:gaps -- --vacancies 20000 --clients 50
 *
 * Prints a Markdown table and writes benchmarks/results/gaps-<date>-<machine>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../fixtures/generate.js';
import { DEFAULT_GAP_SETTINGS, loadConfig } from '../src/config.js';
import { GapAnalysis, type Reach } from '../src/core/gaps.js';
import { TrainingAdvisor } from '../src/core/training-advice.js';
import type { Vacancy } from '../src/core/vacancies/schema.js';
import { openEngine } from '../src/engine.js';

const { values } = parseArgs({ options: {
    vacancies: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '200' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const TOTAL = Number(values.vacancies);
const CLIENTS = Number(values.clients);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-gaps-'));
  try {
    const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_LOG_LEVEL: 'silent' });
    const engine = await openEngine(config, { info: () => {}, warn: () => {} });
    const extra = Math.max(0, TOTAL - (await engine.vacancies.count()));
    const started = Date.now();
    const { vacancies } = generate({ vacancies: extra, jobseekers: 0 }, 7);
    for (let i = 0; i < vacancies.length; i += 5000) {
      await engine.vacancies.putMany(vacancies.slice(i, i + 5000).map((v) => ({ ...v, id: `G-${v.id}` }) as unknown as Vacancy));
    }
    console.log(`loaded ${(await engine.vacancies.count())} vacancies (${engine.vacancies.index.size} open) in ${round((Date.now() - started) / 1000)} s`);

    const clients = (await engine.jobseekers.list({ limit: CLIENTS * 2 })).filter((j) => j.status === 'active').slice(0, CLIENTS);
    const rows = [];
    const published = generate({ vacancies: 1, jobseekers: 0 }, 99).vacancies[0] as unknown as Vacancy;
    let written = 0;
    const variants = [
      { method: 'areas in memory, what-ifs reuse parsed vacancies', reuse: true, reaches: ['municipality', 'region', 'country'] },
      { method: 'a vacancy published in the area before each report', reuse: true, write: true, reaches: ['municipality', 'region'] },
      { method: 'after a large import (areas read from SQLite again)', reuse: true, cold: true, reaches: ['municipality', 'region'] },
      { method: 'baseline: every what-if parses its vacancies again', reuse: false, reaches: ['region'] },
    ] as const;
    for (const variant of variants) {
      const settings = { ...DEFAULT_GAP_SETTINGS, suitableScore: config.suitableScore, reuseAcrossWhatIfs: variant.reuse };
      const advisor = new TrainingAdvisor(engine.trainings, engine.normalizer, settings.rules, settings.reachKm, settings.trainingsPerSkill);
      const analysis = new GapAnalysis(engine.jobseekers, engine.vacancies, engine.matcher, engine.normalizer, advisor, engine.embedder, settings, engine.clock);
      for (const reach of variant.reaches as readonly Reach[]) {
        const times: number[] = [];
        let uplifts = 0;
        for (const client of clients) {
          if ('cold' in variant) engine.vacancies.areas.changed('everywhere');
          if ('write' in variant) await engine.vacancies.put({ ...published, id: `NEW-${published.id}-${++written}`, municipality: client.municipality });
          const t0 = performance.now();
          const report = await analysis.forJobseeker(client.id, { reach, lang: 'fi' });
          times.push(performance.now() - t0);
          uplifts += report.skills.filter((s) => s.uplift > 0).length;
        }
        times.sort((a, b) => a - b);
        rows.push({
          method: variant.method,
          reach,
          clients: clients.length,
          p50: round(percentile(times, 50)),
          p99: round(percentile(times, 99)),
          skillsWithUplift: round(uplifts / clients.length),
        });
      }
    }
    engine.close();

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nGap analysis against ${TOTAL} vacancies — embedder ${engine.embedder.id}, ${machine}\n`);
    console.log('| method | reach | clients | p50 ms | p99 ms | skills with uplift per client |\n|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.method} | ${r.reach} | ${r.clients} | ${r.p50} | ${r.p99} | ${r.skillsWithUplift} |`);
    const result = { date: new Date().toISOString(), machine, embedder: engine.embedder.id, vacancies: TOTAL, settings: { ...DEFAULT_GAP_SETTINGS, suitableScore: config.suitableScore }, rows };
    mkdirSync(values.out!, { recursive: true });
    const file = join(values.out!, `gaps-${result.date.slice(0, 10)}-${machine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
