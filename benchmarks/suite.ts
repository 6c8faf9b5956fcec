/**
 * The whole benchmark suite: runs every benchmark script in its own process, one after another,
 * and writes benchmarks/results/<date>-<machine>.json (every script's results) and
 * benchmarks/results/<date>-<machine>.md (their tables), which README quotes.
 *
 *   npm run bench                 # national scale: 1M vectors, 100k vacancies, 300k jobseekers (about an hour on 2 cores)
 *   npm run bench -- --quick      # small sizes, a few minutes
 *   npm run bench -- --only vectors,http
 *   npm run bench -- --only none --script mine:/path/to/new-benchmark.ts   # an extra script (while writing one)
 *
 * Exits 1 when any script fails, crashes (a signal, e.g. a native abort) or writes no results.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    script: { type: 'string', multiple: true },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});

/** Each script with its full-scale and quick arguments. */
const SCRIPTS: { name: string; file: string; full: string[]; quick: string[] }[] = [
  { name: 'vectors', file: 'vectors.ts', full: ['--sizes', '10000,100000,1000000'], quick: ['--sizes', '10000,100000', '--queries', '100'] },
  { name: 'embedding', file: 'embedding.ts', full: [], quick: ['--texts', '200'] },
  { name: 'http', file: 'http.ts', full: ['--ingest', '100000'], quick: ['--ingest', '10000', '--seconds', '5'] },
  { name: 'import', file: 'import.ts', full: ['--records', '100000'], quick: ['--records', '5000'] },
  { name: 'engine', file: 'engine.ts', full: [], quick: ['--extra', '2000', '--queries', '50'] },
  { name: 'gaps', file: 'gaps.ts', full: [], quick: ['--vacancies', '10000', '--clients', '50'] },
  { name: 'analytics', file: 'analytics.ts', full: [], quick: ['--vacancies', '10000', '--jobseekers', '30000', '--repeat', '2'] },
  { name: 'oversight', file: 'oversight.ts', full: [], quick: ['--vacancies', '10000', '--jobseekers', '30000', '--decisions', '500', '--repeat', '2'] },
  { name: 'skills', file: 'skills.ts', full: ['--occupations', '3007'], quick: ['--occupations', '300'] },
  { name: 'model', file: 'model.ts', full: [], quick: ['--limit', '200'] },
  { name: 'quality', file: 'quality.ts', full: [], quick: ['--limit', '50'] },
  { name: 'start', file: 'start.ts', full: [], quick: [] },
  { name: 'auth', file: 'auth.ts', full: [], quick: ['--rounds', '5000'] },
  { name: 'metrics-hook', file: 'metrics-hook.ts', full: [], quick: ['--calls', '200000'] },
  { name: 'retention', file: 'retention.ts', full: [], quick: ['--rows', '20000'] },
  { name: 'growth', file: 'growth.ts', full: ['--minutes', '60'], quick: ['--requests', '2000', '--minutes', '1'] },
  { name: 'review', file: 'review.ts', full: ['--baseline', '84d3649'], quick: ['--fixture-clients', '50'] },
  { name: 'outcomes', file: 'outcomes.ts', full: ['--full'], quick: ['--seeds', '1'] },
];

for (const extra of values.script ?? []) {
  const [name, file] = extra.split(':');
  if (!name || !file) throw new Error(`--script wants NAME:FILE, got '${extra}'`);
  SCRIPTS.push({ name, file, full: [], quick: [] });
}
const only = values.only?.split(',').concat((values.script ?? []).map((s) => s.split(':')[0]!));
const date = new Date().toISOString();
const machine = `${hostname()}-${cpus().length}cpu`;
const results: Record<string, unknown> = {};
const tables: string[] = [];
const failed: string[] = [];
for (const script of SCRIPTS.filter((s) => !only || only.includes(s.name))) {
  const out = mkdtempSync(join(tmpdir(), `kohtaanto-bench-${script.name}-`));
  const args = ['--import', 'tsx', resolve(import.meta.dirname, script.file), '--out', out, ...(values.quick ? script.quick : script.full)];
  console.log(`\n## ${script.name}: node ${args.slice(2).join(' ')}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { cwd: join(import.meta.dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 });
  process.stdout.write(run.stdout);
  const files = readdirSync(out);
  const crashed = run.status !== 0 || files.length !== 1;
  results[script.name] = crashed ? { failed: run.signal ?? run.status ?? 'no results' } : JSON.parse(readFileSync(join(out, files[0]!), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  // The script's tables: its output from the first heading line to the "wrote" line.
  const lines = run.stdout.split('\n');
  const first = lines.findIndex((l) => l.startsWith('| '));
  const titled = first > 1 && lines[first - 2]!.trim() !== '' ? first - 2 : first;
  const table = crashed ? `(failed: ${run.signal ? `killed by ${run.signal}` : run.status !== 0 ? `exit ${run.status}` : 'wrote no results'})` : lines.slice(titled, lines.findIndex((l) => l.startsWith('wrote '))).join('\n').trim();
  tables.push(`## ${script.name} (${Math.round((Date.now() - started) / 1000)} s; \`npm run bench:${script.name} -- ${values.quick ? script.quick.join(' ') : script.full.join(' ')}\`)\n\n${table}\n`);
  if (crashed) {
    console.error(`${script.name} failed: ${run.signal ? `killed by ${run.signal}` : `exit ${run.status}`}${files.length !== 1 ? ', no results written' : ''}`);
    failed.push(script.name);
  }
}

mkdirSync(values.out!, { recursive: true });
const base = join(values.out!, `${date.slice(0, 10)}-${machine}${values.quick ? '-quick' : ''}`);
const header = `# Kohtaanto benchmarks, ${date.slice(0, 10)}, ${machine} (${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version})${values.quick ? ', quick sizes' : ''}\n\nReproduce: \`npm run bench${values.quick ? ' -- --quick' : ''}\`\n`;
writeFileSync(`${base}.json`, JSON.stringify({ date, machine, node: process.version, cpus: cpus().length, quick: values.quick, results }, null, 2));
writeFileSync(`${base}.md`, [header, ...tables].join('\n'));
console.log(`\nwrote ${base}.json and ${base}.md`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
