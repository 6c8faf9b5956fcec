/**
 * CPU per stored-profile match, in process (no HTTP): the engine of this tree, or of another checkout
 * (`--root DIR`, e.g. a worktree of the baseline commit sharing node_modules), opened on a temporary
 * data directory with the fixture records (lexical embedder: stored vectors are matched, nothing is
 * embedded per match), then `--rounds` rounds of k=10 rankings for the first `--queries` fixture clients
 * (client → vacancies) and vacancies (vacancy → candidates). Reports the best round's CPU ms per match.
 *
 *   npx tsx benchmarks/match-cost.ts                               # this tree
 *   npx tsx benchmarks/match-cost.ts --root /path/to/baseline-worktree
 *   npx tsx benchmarks/match-cost.ts --data DIR --queries 100000     # a data directory of yours (e.g. 100,000
 *                                          # ESCO vacancies; its own embedder), every active fixture client, after a warm-up round
 * Run the two one after the other (or alternating) in the same session: the machine's speed varies.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..') },
    queries: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '5' },
    /** A data directory to open instead of a temporary one with the fixtures (not removed; give each tree its own copy). */
    data: { type: 'string' },
  },
});
const root = resolve(values.root!);
const { loadConfig } = await import(pathToFileURL(join(root, 'src', 'config.ts')).href);
const { openEngine } = await import(pathToFileURL(join(root, 'src', 'engine.ts')).href);
const ids = (file: string) => readFileSync(join(root, 'fixtures', file), 'utf8').trim().split('\n').slice(0, Number(values.queries)).map((l) => JSON.parse(l).id as string);
const active = (file: string) => new Set(readFileSync(join(root, 'fixtures', file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; status?: string }).filter((r) => r.status !== 'inactive').map((r) => r.id));
const clients = values.data ? ids('jobseekers.ndjson').filter((id) => active('jobseekers.ndjson').has(id)) : ids('jobseekers.ndjson');
const vacancies = ids('vacancies.ndjson');
const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'kohtaanto-match-cost-'));
const cwd = process.cwd();
process.chdir(root); // the taxonomy and model defaults are relative to the tree
try {
  const config = loadConfig(
    values.data
      ? { ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_DEMO: 'off' }
      : { ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'true', KOHTAANTO_EMBEDDER: 'lexical' },
  );
  const engine = await openEngine(config, { info: () => {}, warn: () => {} });
  try {
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    // With a data directory of its own, a round first fills the caches (records, vectors, areas) as a running service has them.
    if (values.data) for (const id of clients) await engine.matcher.vacanciesForJobseeker(id, { k: 10, lang: 'fi' }).catch(() => []);
    const best = { toVacancies: Infinity, toCandidates: Infinity };
    const toVacancies: string[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      let t = cpu();
      for (const id of clients) await engine.matcher.vacanciesForJobseeker(id, { k: 10, lang: 'fi' }).catch(() => []);
      toVacancies.push(((cpu() - t) / clients.length).toFixed(3));
      best.toVacancies = Math.min(best.toVacancies, (cpu() - t) / clients.length);
      t = cpu();
      for (const id of vacancies) await engine.matcher.candidatesForVacancy(id, { k: 10, lang: 'fi' }).catch(() => []);
      best.toCandidates = Math.min(best.toCandidates, (cpu() - t) / vacancies.length);
    }
    console.log(`${root}: CPU ms per match (best of ${values.rounds} rounds, ${clients.length} + ${vacancies.length} queries, k=10): client → vacancies ${best.toVacancies.toFixed(3)}, vacancy → candidates ${best.toCandidates.toFixed(3)}; client → vacancies by round ${toVacancies.join(' ')}`);
  } finally {
    engine.close();
  }
} finally {
  process.chdir(cwd);
  if (!values.data) rmSync(dataDir, { recursive: true, force: true });
}
