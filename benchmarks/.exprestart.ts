// Throw-away experiment (not committed): restart after SIGKILL at 1M, profiled.
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { generate } from '../fixtures/generate.js';
const data = process.argv[2] ?? '/work/scale-data';
const extra = JSON.parse(process.argv[3] ?? '{}');
async function start(flags: string[]) {
  const started = performance.now();
  const child = spawn(process.execPath, [...flags, join(import.meta.dirname, '..', 'dist', 'cli', 'serve.js')], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, KOHTAANTO_WORKERS: '1', KOHTAANTO_DEMO: 'off', KOHTAANTO_SEED_FIXTURES: 'false', ...extra, KOHTAANTO_DATA_DIR: data, KOHTAANTO_PORT: '0', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000', KOHTAANTO_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = ''; let listened = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => { output += c; const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output); if (m && !listened) listened = performance.now() - started; if (m && /Kohtaanto ready in/.test(output)) resolve(m[1]!); });
    child.stderr!.on('data', (c: Buffer) => (output += c));
    child.on('exit', (code) => reject(new Error('exit ' + code + output)));
  });
  return { child, url, listened, ready: performance.now() - started, log: () => output, key: readFileSync(join(data, 'initial-admin.key'), 'utf8').trim() };
}
const kill = (c: any, sig: string) => new Promise((r) => { c.once('exit', r); c.kill(sig); });
let s = await start([]);
console.log('first start: listening', (s.listened / 1000).toFixed(1), 'ready', (s.ready / 1000).toFixed(1));
const run = Date.now().toString(36);
const more = generate({ vacancies: 1000, jobseekers: 0 }, 6).vacancies.map((r: any) => JSON.stringify({ ...r, id: `K${run}-${r.id}` })).join('\n') + '\n';
const w = await fetch(`${s.url}/v1/vacancies/bulk`, { method: 'POST', headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/x-ndjson' }, body: more });
console.log('bulk', w.status);
await kill(s.child, 'SIGKILL');
const t0 = performance.now();
s = await start(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.PROF, '--cpu-prof-interval=1000'] : []);
console.log('after SIGKILL: listening', (s.listened / 1000).toFixed(1), 'ready', (s.ready / 1000).toFixed(1));
await new Promise((r) => setTimeout(r, 3000));
console.log(s.log().split('\n').filter((l) => /AHEAD|index|ready|caught|loaded|took|ms/i.test(l)).slice(0, 60).join('\n').slice(0, 4000));
await kill(s.child, 'SIGTERM');
