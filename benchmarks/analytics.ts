/**
 * Planners' analytics at Finland's scale: 100,000 vacancies and 300,000 jobseekers (target: an
 * area summary in under 1 s on 2 cores). Loads the fixture data set plus generated records into a
 * temporary data directory through the engine, then times each analytics call (engine calls, no
 * HTTP) for employment areas of different sizes, a region and the whole country.
 *
 *   npm run bench:analytics                                    # 100,000 vacancies, 300,000 jobseekers
 *   npm run bench:analytics -- --vacancies 10000 --jobseekers 30000 --repeat 3
 *
 * Prints a Markdown table and writes benchmarks/results/analytics-<date>-<machine>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { resolveArea, type AreaQuery } from '../src/core/analytics/areas.js';
import { regions } from '../src/core/regions/regions.js';
import { openEngine } from '../src/engine.js';
import { loadToScale } from './load-to-scale.js';

const { values } = parseArgs({
  options: {
    vacancies: { type: 'string', default: '100000' },
    jobseekers: { type: 'string', default: '300000' },
    repeat: { type: 'string', default: '5' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const VACANCIES = Number(values.vacancies);
const JOBSEEKERS = Number(values.jobseekers);
const REPEAT = Number(values.repeat);
const round = (x: number) => Math.round(x * 10) / 10;
const AS_OF = '2026-11-01';

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-analytics-'));
  try {
    const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_LOG_LEVEL: 'silent' });
    const engine = await openEngine(config, { info: () => {}, warn: () => {} });
    await engine.ready;
    const started = Date.now();
    await loadToScale(engine, { vacancies: VACANCIES, jobseekers: JOBSEEKERS }, 11);
    const loadSeconds = round((Date.now() - started) / 1000);
    console.log(`loaded ${(await engine.vacancies.count())} vacancies and ${(await engine.jobseekers.count())} jobseekers in ${loadSeconds} s`);

    const places: [string, AreaQuery][] = [
      ['employment area Helsinki', { area: 'helsinki' }],
      ['employment area Tampere', { area: 'tampere' }],
      ['employment area Lahti', { area: 'lahti' }],
      ['region Uusimaa', { region: 'Uusimaa' }],
      ['Finland', {}],
    ];
    const { demandSupply, mismatch, planner } = engine.analytics;
    const rows = [];
    for (const [name, query] of places) {
      const area = resolveArea(query, regions, engine.employmentAreas);
      const filter = { municipalities: area.municipalities, lang: 'fi' as const, today: AS_OF };
      const vacancies = (await engine.analytics.demandSupply.occupations(filter)).reduce((s, o) => s + o.demand.vacancies, 0);
      const calls: [string, () => unknown][] = [
        ['skills (demand vs supply)', () => demandSupply.skills(filter)],
        ['occupations (demand vs supply)', () => demandSupply.occupations(filter)],
        ['mismatch summary (area summary)', () => mismatch.forArea(area, { candidates: 3, lang: 'fi', today: AS_OF })],
        ['training plan, 20 places', () => planner.plan(area, { budget: { places: 20 }, lang: 'fi', today: AS_OF })],
      ];
      for (const [what, run] of calls) {
        if (what.startsWith('training plan') && area.kind === 'country') continue;
        const times: number[] = [];
        for (let i = 0; i < REPEAT; i++) {
          const t0 = performance.now();
          await run();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        rows.push({ area: name, openVacancies: vacancies, analysis: what, runs: REPEAT, medianMs: round(times[Math.floor(times.length / 2)]!), maxMs: round(times.at(-1)!) });
      }
    }
    engine.close();

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nAnalytics on ${VACANCIES} vacancies and ${JOBSEEKERS} jobseekers — embedder ${engine.embedder.id}, ${machine}, sample ${config.analyticsSample}\n`);
    console.log('| area | open vacancies | analysis | runs | median ms | max ms |\n|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.area} | ${r.openVacancies} | ${r.analysis} | ${r.runs} | ${r.medianMs} | ${r.maxMs} |`);
    const result = { date: new Date().toISOString(), machine, embedder: engine.embedder.id, vacancies: VACANCIES, jobseekers: JOBSEEKERS, loadSeconds, sample: config.analyticsSample, rows };
    mkdirSync(values.out!, { recursive: true });
    const file = join(values.out!, `analytics-${result.date.slice(0, 10)}-${machine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
