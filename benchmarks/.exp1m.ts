// Throw-away experiment (not committed): a warm worker at 1M, memory breakdown and match CPU.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { cpuMs, kill, processTree } from './service.js';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { generate } from '../fixtures/generate.js';

const data = process.argv[2] ?? '/work/scale-data';
const warm = Number(process.argv[3] ?? '60');
const secs = Number(process.argv[4] ?? '20');
const extra = JSON.parse(process.argv[5] ?? '{}');
const t0 = performance.now();
const service = await (async () => {
  const started = performance.now();
  const child = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.PROF, '--cpu-prof-interval=2000'] : []), ...(process.env.HEAPPROF ? ['--heap-prof', '--heap-prof-dir=' + process.env.HEAPPROF] : []), join(import.meta.dirname, '..', 'dist', 'cli', 'serve.js')], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, KOHTAANTO_WORKERS: '1', KOHTAANTO_DEMO: 'off', KOHTAANTO_SEED_FIXTURES: 'false', ...extra, KOHTAANTO_DATA_DIR: data, KOHTAANTO_PORT: '0', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000', KOHTAANTO_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = ''; let listenedAfterMs = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => { output += c; const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output); if (m && !listenedAfterMs) listenedAfterMs = performance.now() - started; if (m && /Kohtaanto ready in/.test(output)) resolve(m[1]!); });
    child.stderr!.on('data', (c: Buffer) => (output += c));
    child.on('exit', (code) => reject(new Error('exit ' + code + output)));
  });
  child.stdout!.removeAllListeners('data'); child.stdout!.resume();
  return { child, url, key: readFileSync(join(data, 'initial-admin.key'), 'utf8').trim(), listenedAfterMs };
})();
console.log('listening after', (service.listenedAfterMs / 1000).toFixed(1), 's; ready after', ((performance.now() - t0) / 1000).toFixed(1));
const status = (p: number) => { const s = readFileSync(`/proc/${p}/status`, 'utf8'); return ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile'].map((k) => `${k} ${Math.round(Number(new RegExp(k + ':\\s+(\\d+)').exec(s)![1]) / 1024)}`).join(' '); };
const pids = processTree(service.child.pid!);
const mem = async (label: string) => {
  const m = await (await fetch(service.url + '/metrics')).text();
  const pick = m.split('\n').filter((l) => /^(nodejs_heap_size_used_bytes|nodejs_external_memory_bytes|process_resident_memory_bytes|nodejs_heap_size_total_bytes)/.test(l)).map((l) => l.replace(/ (\d+)$/, (_, n) => ' ' + Math.round(Number(n) / 2 ** 20) + 'MiB'));
  console.log(label, pids.map((p) => `${p}: ${status(p)}`).join(' | '));
  console.log('  ', pick.join('\n   '));
};
await mem('after start');
// clients: the last 5,000 generated (as bench:scale does)
const BLOCK = 50_000; const total = 300_000; const from = total - 5000; const block = Math.floor(from / BLOCK);
const recs = generate({ vacancies: 0, jobseekers: (from % BLOCK) + 5000 }, 1000 + block).jobseekers.slice(from % BLOCK) as any[];
const clients = recs.map((r) => ({ id: `S${block}-${r.id}`, municipality: r.municipality, status: r.status })).filter((c) => c.status !== 'inactive');
let n = 0;
const next = () => clients[n++ % clients.length]!;
const load = async (path: () => string, s: number, rate?: number) => {
  const c0 = cpuMs(service.child.pid!);
  const r = await autocannon({ url: service.url, connections: 10, duration: s, ...(rate ? { overallRate: rate } : {}), headers: { authorization: `Bearer ${service.key}` }, requests: [{ setupRequest: (req: any) => ({ ...req, method: 'GET', path: path() }) }] });
  const reqs = Math.max(1, r.requests.total);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuMs: Math.round(((cpuMs(service.child.pid!) - c0) / reqs) * 1000) / 1000 };
};
const unf = () => `/v1/jobseekers/${next().id}/matches?k=10`;
const fil = () => { const c = next(); return `/v1/jobseekers/${c.id}/matches?k=10&municipality=${encodeURIComponent(c.municipality)}`; };
if (warm > 0) console.log('warm unfiltered', await load(unf, warm));
console.log('unfiltered', await load(unf, secs));
for (const rate of [25, 50, 100]) console.log('unfiltered at', rate, 'req/s', await load(unf, secs, rate));
if (process.env.RATEONLY) { await kill(service.child, 'SIGTERM'); process.exit(0); }
await mem('after unfiltered');
if (warm > 0) console.log('warm filtered', await load(fil, Math.round(warm / 2)));
console.log('filtered', await load(fil, secs));
await mem('after filtered');
if (process.env.GAPS) {
  const seq = async (paths: string[]) => { const ms: number[] = []; for (const p of paths) { const t = performance.now(); const r = await fetch(service.url + p, { headers: { authorization: `Bearer ${service.key}` } }); await r.arrayBuffer(); ms.push(Math.round(performance.now() - t)); } return ms; };
  console.log('gaps ms', (await seq(clients.slice(0, 30).map((c) => `/v1/jobseekers/${c.id}/gaps`))).join(' '));
  await mem('after gaps');
  console.log('mismatch ms', (await seq(['tampere', 'helsinki', 'turku', 'oulu', 'vaasa', 'tampere', 'helsinki'].map((a) => `/v1/analytics/mismatch?area=${a}`))).join(' '));
  await mem('after mismatch');
}
if (process.env.KEEP) { console.log('KEEP: pid', service.child.pid, service.url); await new Promise((r) => setTimeout(r, Number(process.env.KEEP) * 1000)); }
await kill(service.child, 'SIGTERM');
