/**
 * Server CPU per ad-hoc CV text match over HTTP (`POST /v1/match`, the body bench:http sends: a fixture
 * client's summary and skill list, k=10, no place), with where it goes: per process (primary, workers)
 * and per thread kind (each worker's JavaScript thread, V8's helper threads (GC), libuv's pool, the
 * model's native threads (ONNX runtime)), from /proc. The service runs as `npm start` runs it
 * (dist/cli/serve.js, `--workers` processes) from this tree or another checkout's (`--root`, built),
 * alternating with `--baseline-root` (its own copy of the data: each side migrates the one it is given)
 * `--rounds` times. Every worker warms up on ad-hoc matches first (`--warm-up` s, its record cache and
 * title caches), then `--seconds` are measured.
 *
 * `--answers N` asks both sides for the first N active fixture clients' ad-hoc matches (after the load)
 * and reports how many replies differ (whole JSON bodies): the change must not change answers.
 * `--prof DIR` runs the service with `--cpu-prof` (every process) and writes, per process, the samples
 * of the measured window only (`benchmarks/profile-window.ts` reads them).
 *
 *   npx tsx benchmarks/adhoc-http.ts --data COPY [--baseline-root BASE --baseline-data COPY2] [--rounds 2]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { kill, processTree, startService } from './service.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: ROOT },
    data: { type: 'string' },
    'baseline-root': { type: 'string' },
    'baseline-data': { type: 'string' },
    rounds: { type: 'string', default: '1' },
    'warm-up': { type: 'string', default: '60' },
    seconds: { type: 'string', default: '30' },
    workers: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    answers: { type: 'string', default: '0' },
    prof: { type: 'string' },
  },
});
if (!values.data || (values['baseline-root'] && !values['baseline-data'])) {
  console.error('usage: npx tsx benchmarks/adhoc-http.ts --data DIR [--root DIR] [--baseline-root DIR --baseline-data DIR2] [--rounds N] [--warm-up S] [--seconds S] [--workers W] [--answers N] [--prof DIR]');
  process.exit(2);
}

interface Client { summary: string; skills: string[]; status: string }
const clients = readFileSync(join(ROOT, 'fixtures', 'jobseekers.ndjson'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Client)
  .filter((c) => c.status === 'active');
const bodyOf = (c: Client) => JSON.stringify({ text: c.summary, skills: c.skills, k: 10 });

/** CPU ms (user + system) of each thread of the process tree, by "pid/kind". */
function threadCpu(pid: number, primary: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of processTree(pid)) {
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const comm = readFileSync(`/proc/${p}/task/${tid}/comm`, 'utf8').trim();
        const fields = readFileSync(`/proc/${p}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * 10;
        const kind = Number(tid) === p ? 'JavaScript (main thread)' : /^V8 |DefaultWorker/.test(comm) ? 'V8 helpers (GC, compiler)' : /libuv/.test(comm) ? 'libuv pool' : comm === 'node' ? 'native threads named node (ONNX runtime)' : `other (${comm})`;
        const key = `${p === primary ? 'primary' : 'worker'}: ${kind}`;
        out.set(key, (out.get(key) ?? 0) + ms);
      } catch {
        // gone
      }
    }
  }
  return out;
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function side(name: string, root: string, dataDir: string, profDir?: string) {
  if (profDir) mkdirSync(profDir, { recursive: true });
  const service = await startService(resolve(dataDir), { KOHTAANTO_WORKERS: values.workers! }, resolve(root), profDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`] : []);
  const pid = service.child.pid!;
  try {
    for (;;) {
      const health = (await (await fetch(`${service.url}/health`)).json()) as { problems?: string[] };
      if (!health.problems?.some((p) => p.includes('being rebuilt'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    let n = 0;
    const load = (seconds: number) =>
      autocannon({
        url: service.url,
        connections: Number(values.connections),
        duration: seconds,
        headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (r) => ({ ...r, method: 'POST', path: '/v1/match', body: bodyOf(clients[n++ % clients.length]!) }) }],
      });
    if (Number(values['warm-up']) > 0) await load(Number(values['warm-up']));
    await new Promise((r) => setTimeout(r, 1000));
    const before = threadCpu(pid, pid);
    const from = nowUs();
    const result = await load(Number(values.seconds));
    const to = nowUs();
    const after = threadCpu(pid, pid);
    const requests = result.requests.total;
    const split = [...after].map(([k, ms]) => [k, (ms - (before.get(k) ?? 0)) / requests] as const).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
    const total = split.reduce((s, [, ms]) => s + ms, 0);
    console.log(`\n${name} (${root}): ${requests} requests, ${result.requests.average} req/s, errors ${result.errors + result.non2xx}, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, server CPU ${total.toFixed(2)} ms per request`);
    for (const [k, ms] of split) console.log(`  ${k}: ${ms.toFixed(2)} ms`);
    const replies: string[] = [];
    for (const c of clients.slice(0, Number(values.answers))) {
      const r = await fetch(`${service.url}/v1/match`, { method: 'POST', headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/json' }, body: bodyOf(c) });
      replies.push(`${r.status} ${await r.text()}`);
    }
    if (profDir) writeFileSync(join(profDir, 'window.json'), JSON.stringify({ fromUs: from, toUs: to, requests, pid }));
    return { total, replies };
  } finally {
    await kill(service.child, 'SIGTERM');
  }
}

const totals: Record<string, number[]> = { branch: [], baseline: [] };
for (let round = 1; round <= Number(values.rounds); round++) {
  const order: [string, string, string][] = [['branch', values.root!, values.data]];
  if (values['baseline-root']) order[round % 2 === 1 ? 'push' : 'unshift'](['baseline', values['baseline-root'], values['baseline-data']!]);
  const replies: Record<string, string[]> = {};
  for (const [name, root, data] of order) {
    const r = await side(name, root, data, values.prof && join(values.prof, `${name}-${round}`));
    totals[name]!.push(r.total);
    replies[name] = r.replies;
  }
  if (values['baseline-root'] && Number(values.answers) > 0) {
    const differ = replies.branch!.filter((r, i) => r !== replies.baseline![i]).length;
    console.log(`\nanswers: ${differ} of ${replies.branch!.length} replies differ between the sides`);
  }
}
console.log(`\nserver CPU ms per ad-hoc request: ${Object.entries(totals).filter(([, t]) => t.length > 0).map(([k, t]) => `${k} ${t.map((x) => x.toFixed(2)).join(' / ')}`).join('; ')}`);
process.exit(0);
