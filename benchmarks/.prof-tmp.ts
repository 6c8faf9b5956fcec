import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kill } from './service.js';
import { spawn } from 'node:child_process';
const ROOT = join(import.meta.dirname, '..');
const clients = readFileSync(join(ROOT, 'fixtures', 'jobseekers.ndjson'), 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).filter((j: any) => j.status !== 'inactive').map((j: any) => j.id as string);
const dir = process.argv[2]!;
const child = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof/out'] : []), join(ROOT, 'dist', 'cli', 'serve.js')], { cwd: ROOT, env: { ...process.env, KOHTAANTO_WORKERS: '2', KOHTAANTO_DEMO: 'off', KOHTAANTO_DATA_DIR: dir, KOHTAANTO_PORT: '0', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000', KOHTAANTO_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
const url = await new Promise<string>((res) => { child.stdout!.on('data', (c: Buffer) => { out += c; const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out); if (m && (out.match(/Kohtaanto ready in/g) ?? []).length >= 2) res(m[1]!); }); child.stderr!.on('data', (c: Buffer) => (out += c)); });
child.stdout!.removeAllListeners('data'); child.stdout!.resume();
const service = { url, child, key: readFileSync(join(dir, 'initial-admin.key'), 'utf8').trim() };
for (;;) { const h: any = await (await fetch(`${service.url}/health`)).json(); if (!h.problems?.some((p: string) => p.includes('being rebuilt'))) break; await new Promise((r) => setTimeout(r, 500)); }
let i = 0;
const load = (s: number) => autocannon({ url: service.url, connections: 10, duration: s, headers: { authorization: `Bearer ${service.key}` },
  requests: [{ setupRequest: (r: any) => ({ ...r, method: 'GET', path: `/v1/jobseekers/${clients[i++ % clients.length]}/matches?k=10` }) }] });
await load(Number(process.env.WARM ?? 40));
const r = await load(Number(process.env.SECS ?? 20));
console.log('req/s', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx);
await kill(service.child, 'SIGTERM');
