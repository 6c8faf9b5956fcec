/**
 * Reads the `--cpu-prof` profiles benchmarks/adhoc-http.ts writes with `--prof DIR` and prints, for the
 * samples of the measured window only (window.json), ms per request of each process's JavaScript thread:
 * self time by function (top `--top`), and inclusive time of the functions named by `--inclusive`
 * (comma-separated function names; a sample counts once per name however deep it recurs).
 *
 *   npx tsx benchmarks/profile-window.ts --dir PROFDIR/branch-1 [--top 40] [--inclusive forText,embed,rank]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    top: { type: 'string', default: '40' },
    inclusive: { type: 'string', default: '' },
  },
});
if (!values.dir) throw new Error('--dir DIR');
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }
const window = JSON.parse(readFileSync(join(values.dir, 'window.json'), 'utf8')) as { fromUs: number; toUs: number; requests: number };
const wanted = values.inclusive!.split(',').filter(Boolean);
const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/dist\//, 'dist/');

for (const file of readdirSync(values.dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const p = JSON.parse(readFileSync(join(values.dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let t = p.startTime;
  let inWindow = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const next = i + 1 < p.timeDeltas.length ? t + p.timeDeltas[i + 1]! : p.endTime;
    t += p.timeDeltas[i]!;
    if (t < window.fromUs || t > window.toUs) continue;
    const dt = (Math.min(next, window.toUs) - t) / 1000;
    if (dt <= 0) continue;
    const node = byId.get(p.samples[i]!)!;
    inWindow += dt;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    if (wanted.length > 0) {
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const name = byId.get(id)!.callFrame.functionName;
        if (wanted.includes(name) && !seen.has(name)) {
          seen.add(name);
          incl.set(name, (incl.get(name) ?? 0) + dt);
        }
      }
    }
  }
  if (inWindow === 0) continue;
  const per = (ms: number) => (ms / window.requests).toFixed(3);
  const idle = self.get([...self.keys()].find((k) => k.startsWith('(idle)')) ?? '') ?? 0;
  console.log(`\n${file}: ${(inWindow / 1000).toFixed(1)} s of samples in the window, busy ${per(inWindow - idle)} ms per request (all requests of the service)`);
  console.log('inclusive:');
  for (const name of wanted) console.log(`  ${name}: ${per(incl.get(name) ?? 0)} ms`);
  console.log('self:');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${per(ms)}  ${k}`);
}
