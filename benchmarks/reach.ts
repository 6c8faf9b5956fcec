/**
 * Occupations within reach (issue 29): over the fixture clients' gap reports (reach region, the
 * client's first language), how many clients get 0, 1–2 or 3+ occupations within reach, and how many
 * of the listed moves a counsellor calls plausible — graded against benchmarks/reach/moves.ts (the
 * next occupations a counsellor names for each fixture occupation, written blind to the engine), by
 * the ISCO-08 unit group the current taxonomy files the listed occupation in. A listed group without
 * an occupation concept (read from a title only) is counted apart as "unread".
 *
 * For the current code and, in the same run, a baseline (`--baseline REF`: a temporary git worktree
 * of REF whose src/ is imported as it is; node_modules linked).
 *
 *   npx tsx benchmarks/reach.ts                           # current code, 300 fixture clients
 *   npx tsx benchmarks/reach.ts --baseline e67a8d8 --clients 300
 *   npx tsx benchmarks/reach.ts --verbose                 # and the graded sample's moves
 *
 * Prints Markdown tables and writes benchmarks/results/reach-<date>-<machine>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeResult } from './results.js';
import { MOVES } from './reach/moves.js';

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    clients: { type: 'string', default: '300' },
    sample: { type: 'string', default: '40' },
    verbose: { type: 'boolean', default: false },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const ROOT = join(import.meta.dirname, '..');
const CLIENTS = Number(values.clients);
const SAMPLE = Number(values.sample);
const TODAY = '2026-12-01';
const silent = { info: () => {}, warn: () => {} };
const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
const NEXT = new Map(MOVES.map((m) => [m.isco, new Set(Object.values(m.next))]));

/* eslint-disable @typescript-eslint/no-explicit-any -- a baseline build's engine has its own types */
type AnyEngine = any;
interface Client { id: string; occupation: string; title: string; lang: string }
interface Graded { client: Client; targets: { label: string; group?: string; grade: 'plausible' | 'implausible' | 'unread' }[] }

async function openBuild(root: string): Promise<AnyEngine> {
  const mod = async (p: string) => import(pathToFileURL(join(root, 'src', `${p}.ts`)).href);
  const [engineMod, configMod] = await Promise.all([mod('engine'), mod('config')]);
  const defaults = configMod.loadConfig({ KOHTAANTO_DATA_DIR: tmpdir() });
  const own = (path: string) => join(root, relative(process.cwd(), path));
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-reach-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const config = configMod.loadConfig({
    ...process.env,
    KOHTAANTO_DATA_DIR: dataDir,
    KOHTAANTO_SEED_FIXTURES: 'true',
    KOHTAANTO_LOG_LEVEL: 'silent',
    KOHTAANTO_FIXTURES_DIR: join(root, 'fixtures'),
    KOHTAANTO_TAXONOMY_DIR: process.env.KOHTAANTO_TAXONOMY_DIR ?? own(defaults.taxonomyDir),
    KOHTAANTO_TAXONOMY_EXTENSION: process.env.KOHTAANTO_TAXONOMY_EXTENSION ?? (defaults.taxonomyExtension ? own(defaults.taxonomyExtension) : ''),
    KOHTAANTO_MODEL_DIR: process.env.KOHTAANTO_MODEL_DIR ?? join(root, 'models'),
  });
  const engine = await engineMod.openEngine(config, silent);
  await engine.ready;
  return engine;
}

async function measure(name: string, engine: AnyEngine, clients: Client[], groupOf: (uri: string) => string | undefined) {
  const started = performance.now();
  const graded: Graded[] = [];
  for (const client of clients) {
    const report = await engine.gaps.forJobseeker(client.id, { reach: 'region', lang: client.lang, today: TODAY });
    const next = NEXT.get(client.occupation) ?? new Set<string>();
    graded.push({
      client,
      targets: (report.targets ?? []).map((t: { occupation: string | null; label: string }) => {
        const group = t.occupation ? groupOf(t.occupation)?.slice(0, 4) : undefined;
        return { label: t.label, ...(group ? { group } : {}), grade: !group ? 'unread' : next.has(group) ? 'plausible' : 'implausible' };
      }),
    });
  }
  const count = (g: Graded, grade: string) => g.targets.filter((t) => t.grade === grade).length;
  const sum = (grade: string, gs = graded) => gs.reduce((s, g) => s + count(g, grade), 0);
  const sample = sampleOf(graded);
  return {
    build: name,
    clients: graded.length,
    none: graded.filter((g) => g.targets.length === 0).length,
    oneOrTwo: graded.filter((g) => g.targets.length >= 1 && g.targets.length <= 2).length,
    threePlus: graded.filter((g) => g.targets.length >= 3).length,
    plausible: sum('plausible'),
    implausible: sum('implausible'),
    unread: sum('unread'),
    clientsWithPlausible: graded.filter((g) => count(g, 'plausible') > 0).length,
    clientsWithImplausible: graded.filter((g) => count(g, 'implausible') > 0).length,
    sample: { clients: sample.length, plausible: sum('plausible', sample), implausible: sum('implausible', sample), unread: sum('unread', sample), none: sample.filter((g) => g.targets.length === 0).length },
    implausibleMoves: tally(graded.flatMap((g) => g.targets.filter((t) => t.grade === 'implausible').map((t) => `${g.client.occupation} ${MOVES.find((m) => m.isco === g.client.occupation)?.occupation} → ${t.group} ${t.label}`))),
    plausibleMoves: tally(graded.flatMap((g) => g.targets.filter((t) => t.grade === 'plausible').map((t) => `${g.client.occupation} → ${t.group} ${t.label}`))),
    sampleDetail: sample.map((g) => `${g.client.id} ${g.client.lang} ${g.client.title}: ${g.targets.map((t) => `${t.label} [${t.group ?? '-'} ${t.grade}]`).join('; ') || '(none)'}`),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

const tally = (xs: string[]) => Object.fromEntries([...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]));

/** ~SAMPLE clients of varied occupations and languages: round-robin over (occupation, language), first client of each. */
function sampleOf(graded: Graded[]): Graded[] {
  const byKey = new Map<string, Graded[]>();
  for (const g of graded) {
    const key = `${g.client.occupation} ${g.client.lang}`;
    byKey.set(key, [...(byKey.get(key) ?? []), g]);
  }
  const keys = [...byKey.keys()].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b));
  // Languages interleaved so that sv and en reach the sample beside fi.
  const order = [...keys.filter((k) => !k.endsWith(' fi')), ...keys.filter((k) => k.endsWith(' fi'))];
  const out: Graded[] = [];
  for (let round = 0; out.length < SAMPLE && round < 10; round++) {
    for (const key of order) if (out.length < SAMPLE && byKey.get(key)![round]) out.push(byKey.get(key)![round]!);
  }
  return out;
}

async function main() {
  const current = await openBuild(ROOT);
  const groupOf = (uri: string) => current.normalizer.taxonomy.occupationGroup(uri) as string | undefined;
  const active = (await current.jobseekers.list({ limit: CLIENTS * 2 })).filter((j: any) => j.status === 'active').slice(0, CLIENTS);
  const clients: Client[] = active.map((j: any) => ({ id: j.id, occupation: String(j.occupation ?? '').slice(0, 4), title: j.title, lang: j.languages[0] ?? 'fi' }));
  const rows: Awaited<ReturnType<typeof measure>>[] = [];
  let worktree: string | undefined;
  try {
    if (values.baseline) {
      worktree = mkdtempSync(join(tmpdir(), 'kohtaanto-reach-baseline-'));
      rmSync(worktree, { recursive: true, force: true });
      execFileSync('git', ['worktree', 'add', '--quiet', '--detach', worktree, values.baseline], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
      const baseline = await openBuild(worktree);
      rows.push(await measure(`baseline ${values.baseline}`, baseline, clients, groupOf));
      baseline.close();
    }
    rows.push(await measure('current', current, clients, groupOf));
  } finally {
    current.close();
    if (worktree) {
      try {
        execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
      } catch {
        rmSync(worktree, { recursive: true, force: true });
        execFileSync('git', ['worktree', 'prune'], { cwd: ROOT, stdio: 'ignore' });
      }
    }
  }
  console.log(`\nOccupations within reach, first ${clients.length} active fixture clients (gap report, reach region, the client's first language)\n`);
  console.log(`| | ${rows.map((r) => r.build).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---:').join('|')}|`);
  const line = (label: string, f: (r: (typeof rows)[number]) => string | number) => console.log(`| ${label} | ${rows.map(f).join(' | ')} |`);
  line('clients with 0 occupations within reach', (r) => `${r.none} (${pct(r.none, r.clients)} %)`);
  line('clients with 1–2', (r) => `${r.oneOrTwo} (${pct(r.oneOrTwo, r.clients)} %)`);
  line('clients with 3+', (r) => `${r.threePlus} (${pct(r.threePlus, r.clients)} %)`);
  line('moves listed: plausible / implausible / unread (title only)', (r) => `${r.plausible} / ${r.implausible} / ${r.unread}`);
  line('clients with a plausible move / with an implausible one', (r) => `${r.clientsWithPlausible} / ${r.clientsWithImplausible}`);
  line(`sample (${rows[0]!.sample.clients} clients, varied occupation and language): plausible / implausible / unread, clients with none`, (r) => `${r.sample.plausible} / ${r.sample.implausible} / ${r.sample.unread}, ${r.sample.none}`);
  line('seconds', (r) => r.seconds);
  for (const r of rows) {
    console.log(`\n${r.build}: implausible moves (count)`);
    for (const [k, v] of Object.entries(r.implausibleMoves).slice(0, 25)) console.log(`  ${v}× ${k}`);
    if (values.verbose) {
      console.log(`${r.build}: plausible moves (count)`);
      for (const [k, v] of Object.entries(r.plausibleMoves).slice(0, 40)) console.log(`  ${v}× ${k}`);
      console.log(`${r.build}: sample`);
      for (const s of r.sampleDetail) console.log(`  ${s}`);
    }
  }
  const machine = `${hostname().split('.')[0]}-${cpus().length}cpu`;
  writeResult(values.out!, 'reach', machine, { date: new Date().toISOString(), clients: clients.length, rows } as { date: string });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
