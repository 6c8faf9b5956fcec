/**
 * Whether a change to ranking code keeps every answer the same: the built engine of a tree (`--root`,
 * default this one; `npm run build` first) opened on a data directory (give each tree its own copy),
 * ranking both directions for the fixture clients and vacancies under several queries (languages, k,
 * commute rules, failed gates ranked, location filters, pay subsidy, pseudonymous candidate lists)
 * and single pairs. The answers are written as JSON (`--out`); with `--against FILE` (the other
 * tree's), the rankings that differ are counted (exit 1 if any).
 *
 *   npx tsx benchmarks/same-rankings.ts --root /tmp/baseline-tree --data DIR2 --out /tmp/before.json
 *   npx tsx benchmarks/same-rankings.ts --data DIR --out /tmp/after.json --against /tmp/before.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..') },
    data: { type: 'string' },
    out: { type: 'string' },
    against: { type: 'string' },
  },
});
if (!values.data || !values.out) {
  console.error('usage: npx tsx benchmarks/same-rankings.ts [--root TREE] --data DIR --out FILE [--against FILE]');
  process.exit(2);
}
const root = resolve(values.root!);
process.chdir(root); // the taxonomy and model defaults are relative to the tree
const { loadConfig } = await import(pathToFileURL(join(root, 'dist', 'config.js')).href);
const { openEngine } = await import(pathToFileURL(join(root, 'dist', 'engine.js')).href);
const fixture = (file: string) =>
  readFileSync(join(root, 'fixtures', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; status?: string });
const clients = fixture('jobseekers.ndjson')
  .filter((j) => j.status !== 'inactive')
  .map((j) => j.id);
const vacancies = fixture('vacancies.ndjson').map((v) => v.id);

type Query = { k: number; lang: string } & Record<string, unknown>;
const queries: [string, Query][] = [
  ['fi', { k: 10, lang: 'fi' }],
  ['sv', { k: 10, lang: 'sv' }],
  ['ranked', { k: 10, lang: 'en', failedGates: 'ranked' }],
  ['k25', { k: 25, lang: 'fi' }],
  ['strict', { k: 10, lang: 'fi', commute: 'strict' }],
  ['gate', { k: 10, lang: 'fi', commute: 'gate' }],
  ['off', { k: 10, lang: 'fi', commute: 'off' }],
  ['subsidy', { k: 10, lang: 'fi', paySubsidy: true }],
  ['region', { k: 10, lang: 'fi', region: '01' }],
  ['within', { k: 10, lang: 'fi', within: 30 }],
  ['municipality', { k: 10, lang: 'fi', municipality: '091' }],
];

const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: resolve(values.data), KOHTAANTO_DEMO: 'off' });
const engine = await openEngine(config, { info: () => {}, warn: () => {} });
const answers: Record<string, unknown> = {};
/** An answer, or the error's code (a refusal is an answer too). */
const answer = (ranking: Promise<unknown>) =>
  ranking.then(
    (hits) => hits,
    (e: { code?: string; message?: string }) => ({ error: e.code ?? e.message }),
  );
try {
  const m = engine.matcher;
  for (const [name, query] of queries) {
    // Every client with the default query, every seventh with the others.
    for (const id of name === 'fi' ? clients : clients.filter((_, i) => i % 7 === 0)) answers[`vacancies:${name}:${id}`] = await answer(m.vacanciesForJobseeker(id, query));
  }
  for (const [name, query] of queries.slice(0, 7)) {
    for (const id of vacancies.filter((_, i) => i % (name === 'fi' ? 2 : 9) === 0)) answers[`candidates:${name}:${id}`] = await answer(m.candidatesForVacancy(id, query));
  }
  for (const id of vacancies.filter((_, i) => i % 11 === 0)) {
    answers[`pseudonymous:${id}`] = await answer(m.candidatesForVacancy(id, { k: 10, lang: 'fi' }, { conceptsOnly: true }));
    answers[`partly-pseudonymous:${id}`] = await answer(m.candidatesForVacancy(id, { k: 10, lang: 'fi' }, { conceptsOnly: (municipality: string) => municipality < '400' }));
  }
  for (let i = 0; i < 60; i++) answers[`pair:${i}`] = await answer(m.pair(clients[(i * 13) % clients.length]!, vacancies[(i * 17) % vacancies.length]!, 'fi'));
} finally {
  engine.close();
}
writeFileSync(values.out, JSON.stringify(answers, null, 1));
console.log(`${root}: ${Object.keys(answers).length} rankings written to ${values.out}`);
if (values.against) {
  const before = JSON.parse(readFileSync(values.against, 'utf8')) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(answers)]);
  const differing = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(answers[key]));
  console.log(`${differing.length} of ${keys.size} rankings differ from ${values.against}${differing.length > 0 ? `: ${differing.slice(0, 20).join(', ')}` : ''}`);
  process.exit(differing.length > 0 ? 1 : 0);
}
process.exit(0);
