/**
 * CPU per ad-hoc CV text match (`Matcher.forText`, what `POST /v1/match` runs, no HTTP), in process,
 * on an existing data directory (e.g. 100,000 vacancies on ESCO: give a COPY, it is opened read-write),
 * for this tree's dist/ or another checkout's (`--root DIR`: a build of the baseline commit sharing
 * node_modules), one after the other in the same minutes. The first `--queries` active fixture clients'
 * summaries and skill lists are matched (k=10, no municipality unless `--home`), after a warm-up of 50;
 * each round's texts differ from the earlier rounds' by trailing spaces, so that the title caches miss
 * as they do for new CVs (the same embeddings). The first round fills the record cache (cold); later
 * rounds are the steady state. Needs `npm run build` in each root.
 *
 *   npx tsx benchmarks/adhoc-cost.ts --data /tmp/copy-of-100k
 *   npx tsx benchmarks/adhoc-cost.ts --data /tmp/copy-of-100k --root /tmp/baseline-checkout
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..') },
    data: { type: 'string' },
    queries: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    home: { type: 'boolean', default: false },
  },
});
if (!values.data) throw new Error('--data DIR (a copy of a data directory) is required');
const root = resolve(values.root!);
const { loadConfig } = await import(pathToFileURL(join(root, 'dist', 'config.js')).href);
const { openEngine } = await import(pathToFileURL(join(root, 'dist', 'engine.js')).href);
interface Client { summary: string; skills: string[]; municipality: string; status: string }
const clients = readFileSync(join(root, 'fixtures', 'jobseekers.ndjson'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Client)
  .filter((c) => c.status === 'active')
  .slice(0, Number(values.queries));
process.chdir(root); // the taxonomy and model defaults are relative to the tree
const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: resolve(values.data), KOHTAANTO_DEMO: 'off' });
const engine = await openEngine(config, { info: () => {}, warn: (m: string) => console.error(m) });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const match = (c: Client, round: number) =>
  engine.matcher.forText(
    { text: c.summary + ' '.repeat(round), skills: c.skills, municipality: values.home ? c.municipality : undefined, remote: false },
    'vacancies',
    { k: 10, lang: 'fi', failedGates: 'last' },
  );
try {
  for (const c of clients.slice(0, 50)) await match(c, 0);
  const rounds: number[] = [];
  for (let round = 1; round <= Number(values.rounds); round++) {
    const t = cpu();
    for (const c of clients) await match(c, round);
    rounds.push((cpu() - t) / clients.length);
  }
  console.log(`${root}: CPU ms per ad-hoc match (${clients.length} CVs, k=10${values.home ? ', home municipality' : ', no place'}), rounds: ${rounds.map((x) => x.toFixed(2)).join(' / ')}`);
} finally {
  engine.close();
}
process.exit(0);
