/**
 * Where the planner's area dashboard spends its time at national scale (issue 31, item 5): on a data
 * directory (e.g. 105,400 vacancies and 297,600 jobseekers), each read behind the page timed in this
 * process — demand against supply per skill and per occupation, the exposure report's parts, What works —
 * for an employment area and all of Finland, `--repeat` times (median), with the CPU time beside.
 *
 *   npx tsx benchmarks/planner/parts.ts --data DIR [--area tampere] [--repeat 3]
 *
 * Opening the directory brings its schema up to this code's version (as the service does).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteAnalyticsSource } from '../../src/adapters/sqlite/analytics-source.js';
import { SqliteDecisionLog } from '../../src/adapters/sqlite/decision-log.js';
import { SqliteOversightSource } from '../../src/adapters/sqlite/oversight-source.js';
import { SqliteWhatWorksSource } from '../../src/adapters/sqlite/what-works-source.js';
import { resolveArea } from '../../src/core/analytics/areas.js';
import { regions } from '../../src/core/regions/regions.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { databaseFile } from '../../src/engine.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, area: { type: 'string', default: 'tampere' }, repeat: { type: 'string', default: '3' }, today: { type: 'string', default: '2026-12-07' } } });
if (!values.data) throw new Error('--data DIR');
const REPEAT = Number(values.repeat);
const db = openDatabase(databaseFile(values.data));
const today = values.today!;
const now = () => new Date(`${today}T12:00:00.000Z`);
const analytics = new SqliteAnalyticsSource(db, now);
const oversight = new SqliteOversightSource(db);
const decisions = new SqliteDecisionLog(db);
const whatWorks = new SqliteWhatWorksSource(db);
const areas = defaultEmploymentAreas(regions);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(what: string, work: () => Promise<unknown> | unknown) {
  const wall: number[] = [];
  const used: number[] = [];
  let n = 0;
  for (let i = 0; i < REPEAT; i++) {
    const [t, c] = [performance.now(), cpu()];
    const r = await work();
    n = Array.isArray(r) ? r.length : r instanceof Map ? r.size : r && typeof r === 'object' && Symbol.iterator in r ? [...(r as Iterable<unknown>)].length : 0;
    wall.push(performance.now() - t);
    used.push(cpu() - c);
  }
  console.log(`| ${what} | ${n} | ${Math.round(median(wall))} | ${Math.round(median(used))} | ${loadavg()[0]!.toFixed(1)} |`);
}

console.log('| part | rows | wall ms (median) | CPU ms (median) | load (1 min) |\n|---|---:|---:|---:|---:|');
for (const area of [resolveArea({ area: values.area }, regions, areas), resolveArea({}, regions, areas)]) {
  const filter = area.municipalities ? { municipalities: area.municipalities } : {};
  await timed(`${area.id}: vacancy skills (essential)`, () => analytics.vacancySkills(filter, 'essential'));
  await timed(`${area.id}: vacancy skills (optional)`, () => analytics.vacancySkills(filter, 'optional'));
  await timed(`${area.id}: jobseeker skills`, () => analytics.jobseekerSkills(filter));
  await timed(`${area.id}: vacancy occupations`, () => analytics.vacancyOccupations(filter));
  await timed(`${area.id}: jobseeker occupations`, () => analytics.jobseekerOccupations(filter, '2025-11-30'));
  await timed(`${area.id}: exposure: candidate rankings (30 days)`, () => decisions.candidateRankings({ from: '2026-11-07T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z', municipalities: area.municipalities }));
  await timed(`${area.id}: exposure: eligible jobseekers' facts`, async () => oversight.eligible(area.municipalities));
  await timed(`${area.id}: what works: suggestions`, () => whatWorks.suggestionOutcomes({ ...filter, from: '2025-12-01', to: '2026-11-30' }));
  await timed(`${area.id}: what works: training facts`, async () => (await whatWorks.trainingFacts({ ...filter, from: '2025-12-01', to: '2026-11-30' })).clients);
}
db.close();
