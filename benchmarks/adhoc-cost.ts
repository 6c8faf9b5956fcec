/**
 * CPU per ad-hoc CV text match (`Matcher.forText`, what `POST /v1/match` runs, no HTTP), in process,
 * on an existing data directory (e.g. 100,000 vacancies on ESCO: give a COPY, it is opened read-write),
 * for this tree's dist/ or another checkout's (`--root DIR`: a build of the baseline commit sharing
 * node_modules), one after the other in the same minutes. The first `--queries` active fixture clients'
 * summaries and skill lists are matched (k=10, no municipality unless `--home`), after a warm-up of 50;
 * each round's texts differ from the earlier rounds' by trailing spaces, so that the title caches miss
 * as they do for new CVs (the same embeddings). The first round fills the record cache (cold); later
 * rounds are the steady state. The trailing spaces reach the title (a CV's first line, its first 200 characters)
 * only of summaries shorter than that: `--new-titles` empties the title cache before each round instead, as
 * new CVs miss it (their first lines differ). Needs `npm run build` in each root. `--split` adds, for the last round, the CPU
 * of each part per match (process CPU, inclusive: a part's figure holds the parts it calls and whatever other threads
 * ran beside it, V8's GC among them; the main thread's share of each round is printed; calls of the model counted
 * with its tokenizer apart).
 *
 *   npx tsx benchmarks/adhoc-cost.ts --data /tmp/copy-of-100k
 *   npx tsx benchmarks/adhoc-cost.ts --data /tmp/copy-of-100k --root /tmp/baseline-checkout
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
    split: { type: 'boolean', default: false },
    'new-titles': { type: 'boolean', default: false },
    /** Writes each CV's hits (the whole answer, JSON, one line per CV) of the last round to this file: compare two roots' with cmp. */
    answers: { type: 'string' },
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
/** CPU ms and calls per part, while `--split` measures (parts wrapped on the engine's own objects). */
const parts = new Map<string, { ms: number; calls: number }>();
let measuring = false;
function wrap(owner: Record<string, unknown> | undefined, method: string, part: string) {
  const original = owner?.[method];
  if (typeof original !== 'function') return console.error(`--split: no ${part}`);
  const add = (started: number) => {
    if (!measuring) return;
    const p = parts.get(part) ?? { ms: 0, calls: 0 };
    p.ms += cpu() - started;
    p.calls++;
    parts.set(part, p);
  };
  owner![method] = function (this: unknown, ...args: unknown[]) {
    const started = cpu();
    const out: unknown = Reflect.apply(original as (...a: unknown[]) => unknown, this, args);
    if (out instanceof Promise) return out.finally(() => add(started));
    add(started);
    return out;
  };
}
if (values.split) {
  const any = engine as unknown as Record<string, Record<string, Record<string, unknown>>>;
  const matcher = any.matcher as unknown as Record<string, Record<string, unknown>>;
  const normalizer = matcher.normalizer as unknown as Record<string, Record<string, unknown>>;
  const embedder = matcher.embedder!;
  const inner = Object.getPrototypeOf(embedder) as Record<string, unknown>;
  wrap(embedder, 'embed', 'model: embed (tokenizer and inference)');
  wrap(inner, 'tokenizer', 'model: tokenizer');
  wrap(matcher as unknown as Record<string, unknown>, 'forText', 'forText (the whole match)');
  wrap(normalizer as unknown as Record<string, unknown>, 'forJobseeker', 'reading: forJobseeker (skills, title)');
  wrap(normalizer as unknown as Record<string, unknown>, 'read', 'reading: read (summary, weak readings)');
  wrap(normalizer as unknown as Record<string, unknown>, 'languageOf', 'reading: languageOf');
  wrap(normalizer as unknown as Record<string, unknown>, 'fromStrings', 'reading: fromStrings (skill list)');
  wrap(normalizer as unknown as Record<string, unknown>, 'occupationOf', 'reading: occupationOf (title)');
  wrap(normalizer.occupationVectors, 'nearest', 'reading: occupation label scan');
  wrap(normalizer.labelVectors, 'nearest', 'reading: skill label scan');
  wrap(normalizer.occupationWords, 'search', 'reading: occupation words');
  wrap(matcher as unknown as Record<string, unknown>, 'rank', 'ranking: rank');
  wrap(matcher as unknown as Record<string, unknown>, 'withConceptNeighbours', 'ranking: concept neighbours');
  wrap(matcher.vacancies!.index as Record<string, unknown>, 'search', 'ranking: HNSW search');
  wrap(matcher.vacancies!.cache as Record<string, unknown>, 'fill', 'ranking: record cache fill');
  wrap(matcher as unknown as Record<string, unknown>, 'hitOf', 'ranking: hits shown (hitOf)');
}
/** CPU ms of this process's main (JavaScript) thread, from /proc: the rest is the model's native threads and V8's helpers. */
const mainThread = () => {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
  const mains: number[] = [];
  for (let round = 1; round <= Number(values.rounds); round++) {
    measuring = values.split && round === Number(values.rounds);
    if (values['new-titles']) ((engine.matcher as unknown as { normalizer: { titles: Map<string, unknown> } }).normalizer.titles).clear();
    const t = cpu();
    const m = mainThread();
    const answers: string[] = [];
    for (const c of clients) {
      const hits = await match(c, round);
      if (values.answers) answers.push(JSON.stringify(hits));
    }
    if (values.answers && round === Number(values.rounds)) writeFileSync(values.answers, answers.join('\n') + '\n');
    rounds.push((cpu() - t) / clients.length);
    mains.push((mainThread() - m) / clients.length);
  }
  console.log(`${root}: CPU ms per ad-hoc match (${clients.length} CVs, k=10${values.home ? ', home municipality' : ', no place'}), rounds: ${rounds.map((x) => x.toFixed(2)).join(' / ')} (main thread ${mains.map((x) => x.toFixed(1)).join(' / ')})`);
  for (const [part, p] of parts) console.log(`  ${part}: ${(p.ms / clients.length).toFixed(2)} ms, ${(p.calls / clients.length).toFixed(2)} calls per match`);
} finally {
  engine.close();
}
process.exit(0);
