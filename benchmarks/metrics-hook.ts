/**
 * `npm run bench:metrics-hook`: what the request-latency metric costs a request. Times the hook
 * src/http/request-times.ts adds to each route (a route timer of src/runtime/metrics.ts: one
 * labelled child per status, one histogram observe) against an empty hook and against the
 * straightforward prom-client call (`histogram.observe({ route, method, status }, seconds)`, a label
 * object per request), in interleaved blocks so that drift falls on all alike; and counts the
 * young-generation collections (scavenges) each caused, i.e. how much each allocates.
 * The share of a stored-profile match is against its ~1.05 ms of server CPU (benchmarks/README.md).
 *
 *   npm run bench:metrics-hook
 *   npm run bench:metrics-hook -- --calls 2000000
 *
 * Prints a Markdown table and writes benchmarks/results/metrics-hook-<date>-<machine>.json.
 */
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Histogram, Registry } from 'prom-client';
import { serviceMetrics } from '../src/runtime/metrics.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const CALLS = Math.max(1000, Number(values.calls));
const BLOCK = 10_000;
const MATCH_CPU_NS = 1_050_000;

const statuses = [200, 200, 200, 200, 200, 200, 200, 200, 404, 200];
const elapsed = (i: number) => 0.4 + (i % 97) / 20; // ms, spread over the buckets

// The hook as installed: the route timer made once per route (at onRoute).
const timer = serviceMetrics().routeTimer('/v1/jobseekers/:id/matches', 'GET');
// The straightforward use of prom-client: a label object per request.
const naive = new Histogram({
  name: 'naive_request_duration_seconds',
  help: 'x',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [new Registry()],
});
let sink = 0;
const variants: Record<string, (i: number) => void> = {
  'empty hook (baseline)': (i) => {
    sink += statuses[i % 10]! + elapsed(i);
  },
  'route timer (as installed)': (i) => timer(statuses[i % 10]!, elapsed(i)),
  'prom-client, label object per request': (i) =>
    naive.observe({ route: '/v1/jobseekers/:id/matches', method: 'GET', status: String(statuses[i % 10]!) }, elapsed(i) / 1000),
};

let scavenges = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if ((entry as unknown as { detail?: { kind: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
});
observer.observe({ entryTypes: ['gc'] });

const names = Object.keys(variants);
const totals = Object.fromEntries(names.map((n) => [n, { ns: 0, scavenges: 0 }]));
// Warm-up (JIT, the children per status), then interleaved blocks.
for (const name of names) for (let i = 0; i < BLOCK; i++) variants[name]!(i);
for (let done = 0; done < CALLS; done += BLOCK) {
  for (const name of names) {
    const run = variants[name]!;
    const t = process.hrtime.bigint();
    for (let i = done; i < done + BLOCK; i++) run(i);
    totals[name]!.ns += Number(process.hrtime.bigint() - t);
  }
}
// Allocation: each variant alone for all its calls, the collections it caused counted (the
// observer delivers them asynchronously: a pause before and after each).
const pause = () => new Promise((r) => setTimeout(r, 100));
for (const name of names) {
  const run = variants[name]!;
  await pause();
  const before = scavenges;
  for (let i = 0; i < CALLS; i++) run(i);
  await pause();
  totals[name]!.scavenges = scavenges - before;
}
observer.disconnect();

const base = totals[names[0]!]!.ns / CALLS;
const rows = names.map((name) => {
  const ns = totals[name]!.ns / CALLS;
  return {
    variant: name,
    nsPerCall: Math.round(ns),
    nsOverBaseline: Math.round(ns - base),
    shareOfMatchCpu: Number(((ns - base) / MATCH_CPU_NS).toFixed(6)),
    scavengesPerMillion: Math.round((totals[name]!.scavenges * 1e6) / CALLS),
  };
});
console.log(`\nRequest-latency hook, ${CALLS.toLocaleString('en')} calls per variant (${cpus().length} cores, Node ${process.version})\n`);
console.log('| variant | ns per call | over the empty hook | share of a stored-profile match (1.05 ms CPU) | scavenges per 1M calls |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.variant} | ${r.nsPerCall} | ${r.nsOverBaseline} | ${(r.shareOfMatchCpu * 100).toFixed(3)} % | ${r.scavengesPerMillion} |`);
if (sink === -1) console.log(sink);
const machine = `${hostname().startsWith('vm') ? 'vm' : hostname()}-${cpus().length}cpu`;
const result = { date: new Date().toISOString(), node: process.version, cores: cpus().length, calls: CALLS, rows };
writeResult(values.out!, 'metrics-hook', machine, result);
