/**
 * Where the What works report's time goes (issue 33): on a data directory bench:outcomes-scale kept
 * (`--keep`), the report's parts timed in this process — the suggestions read, the training facts
 * read, the training effects counted, and the whole report — for all of Finland and the first
 * employment area, each `--repeat` times (median), with the CPU time of this process beside them.
 * `--json DIR` also writes each report's answer there (to check that a change leaves the answers as
 * they were: compare the files of two runs). The report's day is fixed (`--today`), so two runs on
 * different days give the same answers.
 *
 *   npx tsx benchmarks/outcomes/what-works-parts.ts --data /tmp/kohtaanto-outcomes-scale-XXXX [--json DIR]
 *
 * Opening the directory brings its schema up to this code's version (as the service does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteWhatWorksSource } from '../../src/adapters/sqlite/what-works-source.js';
import type { AnalysisArea } from '../../src/core/analytics/schema.js';
import { WhatWorksReport } from '../../src/core/what-works/service.js';
import { trainingEffects } from '../../src/core/what-works/training-effects.js';
import { questionDraws } from '../../src/core/what-works/published-effects.js';
import { databaseFile } from '../../src/engine.js';
import { installationKey } from '../../src/runtime/secret.js';
import { PERIOD } from './national-data.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    today: { type: 'string', default: '2026-12-07' },
    json: { type: 'string' },
  },
});
if (!values.data) throw new Error('--data DIR: a data directory bench:outcomes-scale kept');
const REPEAT = Number(values.repeat);
const saved = JSON.parse(readFileSync(join(values.data, 'bench-outcomes-scale.json'), 'utf8')) as { areas: { id: string; municipalities: string[] }[] };
const db = openDatabase(databaseFile(values.data));
const source = new SqliteWhatWorksSource(db);
const today = values.today!;
// The data directory's own key: the rounding's draws are those the service would make on it.
const key = installationKey(values.data);
const report = new WhatWorksReport(source, () => new Date(`${today}T12:00:00.000Z`), key);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(what: string, work: () => Promise<unknown> | unknown): Promise<void> {
  const wall: number[] = [];
  const used: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const [t, c] = [performance.now(), cpu()];
    await work();
    wall.push(performance.now() - t);
    used.push(cpu() - c);
  }
  console.log(`| ${what} | ${Math.round(median(wall))} | ${Math.round(median(used))} | ${loadavg()[0]!.toFixed(1)} |`);
}

const places: [string, AnalysisArea][] = [
  ['Finland', { kind: 'country', id: 'FI', nameFi: 'Suomi', nameSv: 'Finland' }],
  [`employment area ${saved.areas[0]!.id}`, { kind: 'employment-area', id: saved.areas[0]!.id, nameFi: saved.areas[0]!.id, nameSv: saved.areas[0]!.id, municipalities: saved.areas[0]!.municipalities }],
];
console.log('| part | wall ms (median) | CPU ms (median) | load (1 min) |\n|---|---:|---:|---:|');
for (const [place, area] of places) {
  const filter = { ...(area.municipalities ? { municipalities: area.municipalities } : {}), ...PERIOD };
  await timed(`${place}: suggestions read`, () => source.suggestionOutcomes(filter));
  await timed(`${place}: training facts read`, () => source.trainingFacts(filter));
  const facts = await source.trainingFacts(filter);
  await timed(`${place}: training effects counted`, () => trainingEffects(facts.referrals, facts.clients, today, questionDraws(key, area.municipalities, PERIOD.from, PERIOD.to)));
  let answer: unknown;
  await timed(`${place}: the whole report`, async () => (answer = await report.report(area, PERIOD)));
  if (values.json) {
    mkdirSync(values.json, { recursive: true });
    writeFileSync(join(values.json, `${area.id}.json`), JSON.stringify(answer, null, 1) + '\n');
  }
}
db.close();
