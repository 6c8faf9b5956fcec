/**
 * The exposure report at Finland's scale (target: ≤ 10 s over 300,000 jobseekers and 100,000
 * vacancies on 2 cores). Loads the fixture data set plus generated records (jobseekers with group
 * attributes spread at random, so no group should be flagged) into a temporary data directory
 * through the engine, records `--decisions` candidate rankings as served decisions, then times the
 * report from the decision records and by replaying a sample of vacancies, per area, beside the
 * planners' occupation demand/supply report for the same area (the baseline, same run).
 *
 *   npm run bench:oversight                                    # 100,000 vacancies, 300,000 jobseekers
 *   npm run bench:oversight -- --vacancies 10000 --jobseekers 30000 --decisions 500
 *
 * Prints a Markdown table and writes benchmarks/results/oversight-<date>-<machine>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { resolveArea, type AreaQuery } from '../src/core/analytics/areas.js';
import { regions } from '../src/core/regions/regions.js';
import type { Jobseeker } from '../src/core/jobseekers/schema.js';
import { openEngine } from '../src/engine.js';
import { loadToScale } from './load-to-scale.js';

const { values } = parseArgs({
  options: {
    vacancies: { type: 'string', default: '100000' },
    jobseekers: { type: 'string', default: '300000' },
    decisions: { type: 'string', default: '5000' },
    sample: { type: 'string', default: '200' },
    repeat: { type: 'string', default: '3' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const VACANCIES = Number(values.vacancies);
const JOBSEEKERS = Number(values.jobseekers);
const DECISIONS = Number(values.decisions);
const SAMPLE = Number(values.sample);
const REPEAT = Number(values.repeat);
const round = (x: number) => Math.round(x * 10) / 10;
const AS_OF = '2026-11-01';
const TONGUES = ['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'ru', 'et', 'so', 'ar', 'en'];

/** Group attributes spread by a fixed sequence, independent of everything matching reads. */
const withGroups = (j: Jobseeker, i: number) => {
  const r = (i * 2654435761) % 2 ** 32;
  return { ...j, birthYear: 1960 + (r % 46), gender: (['female', 'male', 'other'] as const)[r % 3], motherTongue: TONGUES[(r >>> 8) % TONGUES.length] };
};

async function time(run: () => unknown): Promise<{ medianMs: number; maxMs: number }> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(times[Math.floor(times.length / 2)]!), maxMs: round(times.at(-1)!) };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-oversight-'));
  try {
    const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_LOG_LEVEL: 'silent' });
    const engine = await openEngine(config, { info: () => {}, warn: () => {} });
    const started = Date.now();
    await loadToScale(engine, { vacancies: VACANCIES, jobseekers: JOBSEEKERS }, 13, withGroups);
    const loadSeconds = round((Date.now() - started) / 1000);
    console.log(`loaded ${(await engine.vacancies.count())} vacancies and ${(await engine.jobseekers.count())} jobseekers in ${loadSeconds} s`);

    // Candidate rankings served, as employer services would ask for them: recorded as decisions.
    const t0 = Date.now();
    const open = (await engine.vacancies.list({ limit: DECISIONS, after: '' })).filter((v) => v.status === 'open');
    for (const v of open) engine.decisions.served(undefined, 'candidates', await engine.matcher.candidatesForVacancy(v.id, { k: 10, lang: 'fi' }), v.id);
    const decisionSeconds = round((Date.now() - t0) / 1000);
    console.log(`recorded ${open.length} candidate rankings in ${decisionSeconds} s`);

    const places: [string, AreaQuery][] = [
      ['employment area Helsinki', { area: 'helsinki' }],
      ['employment area Tampere', { area: 'tampere' }],
      ['Finland', {}],
    ];
    const rows = [];
    for (const [name, query] of places) {
      const area = resolveArea(query, regions, engine.employmentAreas);
      const baseline = await time(() => engine.analytics.demandSupply.occupations({ municipalities: area.municipalities, lang: 'fi', today: AS_OF }));
      const fromDecisions = await time(() => engine.oversight.exposure({ ...query, source: 'decisions', from: '2000-01-01', to: '2100-12-31', sample: SAMPLE, k: 10, asOf: AS_OF }));
      const report = await engine.oversight.exposure({ ...query, source: 'decisions', from: '2000-01-01', to: '2100-12-31', sample: SAMPLE, k: 10, asOf: AS_OF });
      const replay = await time(() => engine.oversight.exposure({ ...query, source: 'replay', sample: SAMPLE, k: 10, asOf: AS_OF }));
      const replayed = await engine.oversight.exposure({ ...query, source: 'replay', sample: SAMPLE, k: 10, asOf: AS_OF });
      rows.push({
        area: name,
        eligible: report.eligible,
        baselineOccupationsMs: baseline.medianMs,
        decisions: { rankings: report.rankings, ...fromDecisions, flagged: report.flagged },
        replay: { rankings: replayed.rankings, ...replay, flagged: replayed.flagged },
      });
    }
    const counts = { vacancies: (await engine.vacancies.count()), jobseekers: (await engine.jobseekers.count()) };
    engine.close();

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nExposure report on ${counts.vacancies} vacancies and ${counts.jobseekers} jobseekers — embedder ${engine.embedder.id}, ${machine}\n`);
    console.log('| area | eligible | baseline: occupations report ms | from decisions: rankings | ms (median / max) | flagged | replay: rankings | ms (median / max) | flagged |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    const flags = (f: { dimension: string; group: string }[]) => (f.length === 0 ? 'none' : f.map((x) => `${x.dimension}=${x.group}`).join(', '));
    for (const r of rows) {
      console.log(
        `| ${r.area} | ${r.eligible} | ${r.baselineOccupationsMs} | ${r.decisions.rankings} | ${r.decisions.medianMs} / ${r.decisions.maxMs} | ${flags(r.decisions.flagged)} | ${r.replay.rankings} | ${r.replay.medianMs} / ${r.replay.maxMs} | ${flags(r.replay.flagged)} |`,
      );
    }
    const result = { date: new Date().toISOString(), machine, embedder: engine.embedder.id, vacancies: VACANCIES, jobseekers: JOBSEEKERS, loadSeconds, decisionSeconds, sample: SAMPLE, rows };
    mkdirSync(values.out!, { recursive: true });
    const file = join(values.out!, `oversight-${result.date.slice(0, 10)}-${machine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
