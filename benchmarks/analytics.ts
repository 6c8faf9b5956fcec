/**
 * Planners' analytics at Finland's scale: 100,000 vacancies and 300,000 jobseekers (target: an
 * area summary in under 1 s on 2 cores). Loads the fixture data set plus generated records into a
 * temporary data directory through the engine, then times each analytics call (engine calls, no
 * HTTP) for employment areas of different sizes, a region and the whole country.
 *
 *   npm run bench:analytics                                    # 100,000 vacancies, 300,000 jobseekers
 *   npm run bench:analytics -- --vacancies 10000 --jobseekers 30000 --repeat 3
 *
 * Then the planner's figures per area (`--figures`, on by default): the mismatch summary's two shares and
 * the training plan's reach as published, and — over the same rankings — how many pairs the score and
 * skills alone call suitable (isSuitable, the planner's rule before issue 29) against those a client's
 * page marks suitable (suitsNow, `standing: suitable`), with the client page's standing of the former.
 * Copied into another tree (`--baseline`-style, same run), it gives that tree's figures side by side.
 *
 * Prints Markdown tables and writes benchmarks/results/analytics-<date>-<machine>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MATCH_SETTINGS, loadConfig } from '../src/config.js';
import { isSuitable, standingOf, suitsNow } from '../src/core/suitability.js';
import type { MatchHit } from '../src/core/matches/schema.js';
import { resolveArea, type AreaQuery } from '../src/core/analytics/areas.js';
import { regions } from '../src/core/regions/regions.js';
import { openEngine } from '../src/engine.js';
import { loadToScale } from './load-to-scale.js';

const { values } = parseArgs({
  options: {
    vacancies: { type: 'string', default: '100000' },
    jobseekers: { type: 'string', default: '300000' },
    repeat: { type: 'string', default: '5' },
    figures: { type: 'boolean', default: true },
    'figures-sample': { type: 'string', default: '60' },
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
    const figures = values.figures ? await plannerFigures(engine, places) : [];
    engine.close();

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nAnalytics on ${VACANCIES} vacancies and ${JOBSEEKERS} jobseekers — embedder ${engine.embedder.id}, ${machine}, sample ${config.analyticsSample}\n`);
    console.log('| area | open vacancies | analysis | runs | median ms | max ms |\n|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.area} | ${r.openVacancies} | ${r.analysis} | ${r.runs} | ${r.medianMs} | ${r.maxMs} |`);
    if (figures.length) {
      console.log(`\nThe planner's figures (published; pairs over the first ${values['figures-sample']} open vacancies' 5 best local candidates and active clients' 20 best local vacancies)\n`);
      console.log('| area | staffed share (N=3) | long-term without suitable | plan: places | plan: vacancies opened | pairs by score and skills | of which page: suitable / fit / no-fit | pairs suitable on the page |');
      console.log('|---|---|---|---|---|---|---|---|');
      for (const f of figures) {
        console.log(`| ${f.area} | ${f.staffedShare} | ${f.strandedShare} | ${f.planPlaces ?? '–'} | ${f.planOpened ?? '–'} | ${f.byScore} | ${f.byScorePage.suitable} / ${f.byScorePage.fit} / ${f.byScorePage['no-fit']} | ${f.onPage} |`);
      }
    }
    const result = { date: new Date().toISOString(), machine, embedder: engine.embedder.id, vacancies: VACANCIES, jobseekers: JOBSEEKERS, loadSeconds, sample: config.analyticsSample, rows, figures };
    mkdirSync(values.out!, { recursive: true });
    const file = join(values.out!, `analytics-${result.date.slice(0, 10)}-${machine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Engine = Awaited<ReturnType<typeof openEngine>>;

/** The planner's figures of each area, and how the two rules of "suitable" count the same rankings (see the header). */
async function plannerFigures(engine: Engine, places: [string, AreaQuery][]) {
  const sample = Number(values['figures-sample']);
  const out = [];
  for (const [name, query] of places) {
    const area = resolveArea(query, regions, engine.employmentAreas);
    const mismatch = await engine.analytics.mismatch.forArea(area, { candidates: 3, lang: 'fi', today: AS_OF });
    const plan = area.kind === 'country' ? undefined : await engine.analytics.planner.plan(area, { budget: { places: 20 }, lang: 'fi', today: AS_OF });
    const within = area.municipalities ? new Set(area.municipalities) : undefined;
    const listed = async (service: Engine['vacancies'] | Engine['jobseekers']) => (await service.list({ limit: 5000, ...(within ? { within } : {}) })).slice(0, sample);
    const hits: MatchHit[] = [];
    for (const v of await listed(engine.vacancies)) hits.push(...(await engine.matcher.candidatesForVacancy(v.id, { k: 5, lang: 'fi', area: area.municipalities })));
    for (const j of await listed(engine.jobseekers)) {
      if ((j as { status?: string }).status === 'inactive') continue;
      hits.push(...(await engine.matcher.vacanciesForJobseeker(j.id, { k: 20, lang: 'fi', area: area.municipalities })));
    }
    const byScore = hits.filter((h) => isSuitable(h, DEFAULT_MATCH_SETTINGS.suitableScore));
    const byScorePage = { suitable: 0, fit: 0, 'no-fit': 0 };
    for (const h of byScore) byScorePage[standingOf(h, DEFAULT_MATCH_SETTINGS)]++;
    out.push({
      area: name,
      staffedShare: mismatch.vacanciesWithSuitableCandidates.share,
      strandedShare: mismatch.longTermWithoutSuitableVacancy.share,
      planPlaces: plan?.places,
      planOpened: plan?.vacanciesOpened,
      pairs: hits.length,
      byScore: byScore.length,
      byScorePage,
      onPage: hits.filter((h) => suitsNow(h, DEFAULT_MATCH_SETTINGS.suitableScore)).length,
    });
  }
  return out;
}

await main();
