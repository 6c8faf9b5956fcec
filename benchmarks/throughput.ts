/**
 * Stored-profile matches per second against a baseline revision in the same run: the measure of the
 * decision taken (≥ ~1,400 req/s with two workers at 100,000 vacancies). Each side runs as
 * `npm start` does (dist/cli/serve.js, KOHTAANTO_WORKERS workers) on its own data directory; the
 * fixture clients are cycled (GET /v1/jobseekers/:id/matches?k=10, 10 connections); every worker
 * warms up (its record, vector and area caches) before the measured load; the sides alternate which
 * goes first, `--rounds` times. CPU per request is that of all the service's processes (/proc).
 *
 *   npx tsx benchmarks/throughput.ts --data DIR                                   # this tree only
 *   npx tsx benchmarks/throughput.ts --data DIR --baseline 84d3649 --baseline-data DIR2 --rounds 2
 *
 * DIR: a data directory with the vacancies to match against (e.g. a first start's fixtures plus
 * 100,000 generated vacancies put through POST /v1/vacancies/bulk); each side migrates the one it is
 * given, so give the baseline its own copy (made with the baseline's own code). --baseline REV checks that revision out into a temporary worktree (node_modules
 * linked from this tree) and builds its service. The load generator runs on the same machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeResult } from './results.js';
import { cpuMs, kill, startService } from './service.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    baseline: { type: 'string' },
    'baseline-data': { type: 'string' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '60' },
    seconds: { type: 'string', default: '30' },
    workers: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    built: { type: 'boolean', default: false },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
if (!values.data || (values.baseline && !values['baseline-data'])) {
  console.error('usage: npx tsx benchmarks/throughput.ts --data DIR [--baseline REV --baseline-data DIR2] [--rounds N] [--warmup S] [--seconds S] [--workers W]');
  process.exit(2);
}

const revision = (rev: string, cwd = ROOT) => execFileSync('git', ['rev-parse', '--short', rev], { cwd, encoding: 'utf8' }).trim();

/** A worktree of `rev` with its service built (outside the repository's tree). */
function baselineTree(rev: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kohtaanto-baseline-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

const clients = readFileSync(join(ROOT, 'fixtures', 'jobseekers.ndjson'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; status?: string })
  .filter((j) => j.status !== 'inactive')
  .map((j) => j.id);

async function measure(name: string, root: string, dataDir: string) {
  const service = await startService(dataDir, { KOHTAANTO_WORKERS: values.workers! }, root);
  try {
    // The index is complete (not being rebuilt in the background) before any load.
    for (;;) {
      const health = (await (await fetch(`${service.url}/health`)).json()) as { problems?: string[] };
      if (!health.problems?.some((p) => p.includes('being rebuilt'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    let i = 0;
    const load = (seconds: number) =>
      autocannon({
        url: service.url,
        connections: Number(values.connections),
        duration: seconds,
        headers: { authorization: `Bearer ${service.key}` },
        requests: [{ setupRequest: (r) => ({ ...r, method: 'GET', path: `/v1/jobseekers/${clients[i++ % clients.length]}/matches?k=10` }) }],
      });
    await load(Number(values.warmup));
    const before = cpuMs(service.child.pid!);
    const result = await load(Number(values.seconds));
    const cpu = cpuMs(service.child.pid!) - before;
    return {
      side: name,
      requestsPerSecond: Math.round(result.requests.average),
      cpuMsPerRequest: Math.round((cpu / Math.max(1, result.requests.total)) * 1000) / 1000,
      p99Ms: result.latency.p99,
      kbPerAnswer: Math.round((result.throughput.average / Math.max(1, result.requests.average) / 1024) * 10) / 10,
      errors: result.errors + result.non2xx,
      load: Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    await kill(service.child, 'SIGTERM');
  }
}

if (!values.built) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
const sides: { name: string; root: string; data: string }[] = [{ name: `this tree (${revision('HEAD')}${execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() ? '+changes' : ''})`, root: ROOT, data: values.data }];
const baseline = values.baseline ? baselineTree(values.baseline) : undefined;
if (baseline) sides.push({ name: `${values.baseline} (${revision(values.baseline!)})`, root: baseline, data: values['baseline-data']! });

const rows: Awaited<ReturnType<typeof measure>>[] = [];
try {
  console.log(`${values.rounds} round(s), ${values.workers} workers, ${values.warmup} s warm-up + ${values.seconds} s measured, ${new Date().toISOString()}\n`);
  console.log('| side | round | req/s | CPU ms/request | p99 ms | KB/answer | errors | load |\n|---|---|---|---|---|---|---|---|');
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const row = { ...(await measure(side.name, side.root, side.data)), round: round + 1 };
      rows.push(row);
      console.log(`| ${row.side} | ${row.round} | ${row.requestsPerSecond} | ${row.cpuMsPerRequest} | ${row.p99Ms} | ${row.kbPerAnswer} | ${row.errors} | ${row.load} |`);
    }
  }
  if (rows.some((r) => r.errors > 0)) throw new Error('some requests failed');
} finally {
  if (baseline) {
    execFileSync('git', ['worktree', 'remove', '--force', baseline], { cwd: ROOT, stdio: 'ignore' });
    if (existsSync(baseline)) rmSync(baseline, { recursive: true, force: true });
  }
}
writeResult(values.out!, 'throughput', `${hostname()}-${cpus().length}cpu`, { date: new Date().toISOString(), settings: values, rows } as { date: string });
