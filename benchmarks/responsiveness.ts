/**
 * `npm run bench:responsiveness`: the web app as people use it, in Chromium against the real
 * service (`npm start`'s dist/cli/serve.js), each role's main pages — per page the server time of
 * its API calls (p95, max: from the service's own request log, `responseTime`), the first page
 * load on loopback (the page's address opened in a new browser context holding only the session:
 * an empty cache; until its data is shown and nothing loads), and the
 * skill autocomplete's server time while typing — against a baseline revision in the same run.
 * Targets (issue 31, item 5): API calls p95 ≤ 150 ms, autocomplete p95 ≤ 20 ms, first page load ≤ 1 s.
 *
 *   npm run bench:responsiveness                                   # this tree, on a first start's fixtures
 *   npm run bench:responsiveness -- --baseline fed1978             # and that revision, each on its own first start
 *   npm run bench:responsiveness -- --data DIR --baseline REV --baseline-data DIR2 --rounds 5
 *
 * DIR: an existing data directory (e.g. 100,000 vacancies): the service migrates it to this tree's
 * schema, and the benchmark adds to it organisations and API keys named `bench-responsiveness-…`,
 * one vacancy `BENCH-RESPONSIVENESS-1` (removed at the end) and audit entries; give the baseline
 * its own copy. --baseline REV checks REV out into a temporary worktree (node_modules linked from
 * this tree) and builds its service and web app. Pages are visited --rounds times per side, the
 * sides alternating which goes first. Prints a table and writes
 * benchmarks/results/responsiveness-<date>-<machine>.json.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { writeResult } from './results.js';
import { buildService, kill, startService } from './service.js';
import { api, pages, setUp, TYPED, VACANCY, type PageSpec, type Role } from './responsiveness/pages.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    baseline: { type: 'string' },
    'baseline-data': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    /** How many of the words in TYPED the autocomplete is measured with. */
    words: { type: 'string', default: '6' },
    workers: { type: 'string', default: '2' },
    built: { type: 'boolean', default: false },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
if (values.data && values.baseline && !values['baseline-data']) {
  console.error('usage: npx tsx benchmarks/responsiveness.ts [--data DIR] [--baseline REV [--baseline-data DIR2]] [--rounds N] [--workers W] [--built]');
  console.error('       (with --data, the baseline needs its own copy: --baseline-data)');
  process.exit(2);
}
const ROUNDS = Math.max(1, Number(values.rounds));
const TARGETS = { apiP95Ms: 150, autocompleteP95Ms: 20, pageLoadMs: 1000 };
const VIEWPORT = { width: 1280, height: 800 };

/** Debian's Chromium, as the web app's tests run it (test/web/browser.ts). */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

const revision = (rev: string, cwd = ROOT) => execFileSync('git', ['rev-parse', '--short', rev], { cwd, encoding: 'utf8' }).trim();

/** A worktree of `rev` with its service and web app built (outside the repository's tree). */
function baselineTree(rev: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kohtaanto-baseline-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/** The p-th percentile (nearest rank) of a list of numbers; NaN when empty. */
export function percentile(list: number[], p: number): number {
  if (list.length === 0) return Number.NaN;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round1 = (x: number) => Math.round(x * 10) / 10;

/** One line of the service's request log: what was asked, how it ended and the server's time. */
interface Logged {
  method: string;
  url: string;
  status: number;
  ms: number;
}

/** The service's request log lines as they arrive on its stdout (one JSON line each, see src/http/request-log.ts). */
function requestLog(child: ChildProcess) {
  const lines: Logged[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const part of parts) {
      if (!part.includes('"responseTime"')) continue;
      try {
        const line = JSON.parse(part) as { req?: { method?: string; url?: string }; res?: { statusCode?: number }; responseTime?: number };
        if (line.req?.url && typeof line.responseTime === 'number') {
          lines.push({ method: line.req.method ?? '', url: line.req.url, status: line.res?.statusCode ?? 0, ms: line.responseTime });
        }
      } catch {
        // not a log line
      }
    }
  });
  return lines;
}

/** Collections whose next path segment is a record's id (or a key's, an organisation's). */
const COLLECTIONS = new Set(['jobseekers', 'vacancies', 'trainings', 'transfers', 'matches', 'referrals', 'keys', 'organisations', 'outcomes', 'signin-mappings']);
/** Words after a collection that are not ids. */
const NOT_IDS = new Set(['bulk', 'mine']);

/** A call's route: the path with record ids in place of `:id`, no query (`GET /v1/jobseekers/:id/matches`). */
export function routeOf(entry: Pick<Logged, 'method' | 'url'>): string {
  const parts = entry.url.split('?')[0]!.split('/');
  return `${entry.method} ${parts.map((part, i) => (i > 0 && COLLECTIONS.has(parts[i - 1]!) && !NOT_IDS.has(part) ? ':id' : part)).join('/')}`;
}


/**
 * Waits until `selector` is shown (and, when `settled`, nothing loads any more); the page's own clock
 * then: ms since its navigation began.
 */
const shownAfter = async (page: Page, selector: string, settled = true) =>
  (await (
    await page.waitForFunction(
      ([sel, quiet]) => (document.querySelector(sel) && !(quiet && document.querySelector('[aria-busy=true], .loading')) ? performance.now() : false),
      [selector, settled] as const,
      { timeout: 120_000, polling: 'raf' },
    )
  ).jsonValue()) as number;

/** Types a word into the profile's skill field a letter at a time, waiting for each prefix's suggestions. */
async function typeWord(page: Page, word: string, timeout = 60_000) {
  for (let n = 2; n <= word.length; n++) {
    const prefix = word.slice(0, n);
    const answered = page.waitForResponse((r) => r.url().includes('/v1/taxonomy/skills') && new URL(r.url()).searchParams.get('q') === prefix, { timeout });
    await page.fill('#p-skills', prefix);
    await answered;
  }
  await page.fill('#p-skills', '');
}

/** Waits until the service's log has been quiet for a moment (its lines arrive just after the answers). */
async function logQuiet(log: Logged[]) {
  let seen = -1;
  while (seen !== log.length) {
    seen = log.length;
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface Visit {
  page: string;
  role: Role;
  /** The app's frame shown (signed in, navigation drawn). */
  appMs: number;
  /** The page's data shown, nothing loading. */
  loadMs: number;
  calls: Logged[];
}

async function measure(side: string, root: string, dataDir: string, browser: Browser) {
  const service = await startService(dataDir, { KOHTAANTO_WORKERS: values.workers!, KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000' }, root);
  const log = requestLog(service.child);
  try {
    for (;;) {
      const health = (await (await fetch(`${service.url}/health`)).json()) as { problems?: string[] };
      if (!health.problems?.some((p) => p.includes('being rebuilt'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const { keys, client } = await setUp(service.url, service.key);
    const visits: Visit[] = [];
    const autocomplete: Logged[] = [];
    const specs = pages(client);
    // Each role signs in once, through the form; every visit then opens the page in a new browser
    // context holding that session (its cookie) and nothing else: an empty cache, a first load.
    const sessions = new Map<Role, Awaited<ReturnType<BrowserContext['storageState']>>>();
    for (const role of ['counsellor', 'employer-service', 'planner', 'admin'] as Role[]) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(() => localStorage.setItem('kohtaanto.lang', 'fi'));
      const page = await context.newPage();
      await page.goto(`${service.url}/`, { timeout: 120_000 }); // signing in is not measured: a loaded machine may take over 30 s
      await page.fill('#key', keys[role]);
      await page.click('button[type=submit]');
      await page.waitForSelector('header nav', { timeout: 120_000 });
      sessions.set(role, await context.storageState());
      await context.close();
    }
    const open = async (spec: PageSpec) => {
      const context = await browser.newContext({ viewport: VIEWPORT, storageState: sessions.get(spec.role)! });
      return context.newPage();
    };
    // One visit of every page before the measured ones (and a word typed): the service's caches.
    for (const spec of specs) {
      const page = await open(spec);
      await page.goto(`${service.url}/#${spec.path}`, { timeout: 120_000 });
      await shownAfter(page, spec.shown);
      // A worker's first search builds the label indexes (28 s at load ~17): the warm-up waits for it.
      if (spec.name === 'client: profile') await typeWord(page, 'siivous', 300_000);
      await page.context().close();
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const spec of specs) {
        const page = await open(spec);
        await logQuiet(log);
        const from = log.length;
        await page.goto(`${service.url}/#${spec.path}`);
        const appMs = await shownAfter(page, 'header nav', false);
        const loadMs = await shownAfter(page, spec.shown);
        await logQuiet(log);
        visits.push({ page: spec.name, role: spec.role, appMs: round1(appMs), loadMs: round1(loadMs), calls: log.slice(from).filter((l) => l.url.startsWith('/v1/')) });
        if (spec.name === 'client: profile') {
          // The skill autocomplete, as a person types: every prefix of two letters or more, one request each.
          for (const word of TYPED.slice(0, Math.max(1, Number(values.words)))) await typeWord(page, word);
          await logQuiet(log);
          autocomplete.push(...log.slice(from).filter((l) => l.url.startsWith('/v1/taxonomy/skills')));
        }
        await page.context().close();
      }
    }
    const remove = await api(service.url, keys['employer-service'], 'DELETE', `/v1/vacancies/${VACANCY}`);
    if (remove.status >= 300 && remove.status !== 404) console.warn(`removing ${VACANCY}: ${remove.status}`);
    return summarise(side, visits, autocomplete);
  } finally {
    await kill(service.child, 'SIGTERM');
  }
}

function summarise(side: string, visits: Visit[], autocomplete: Logged[]) {
  const names = [...new Set(visits.map((v) => v.page))];
  const rows = names.map((name) => {
    const of = visits.filter((v) => v.page === name);
    const calls = of.flatMap((v) => v.calls);
    const byRoute = new Map<string, number[]>();
    for (const c of calls) byRoute.set(routeOf(c), [...(byRoute.get(routeOf(c)) ?? []), c.ms]);
    const routes = [...byRoute.entries()].map(([route, ms]) => ({ route, calls: ms.length, p95Ms: round1(percentile(ms, 95)) })).sort((a, b) => b.p95Ms - a.p95Ms);
    const slowest = routes[0];
    return {
      side,
      role: of[0]!.role,
      page: name,
      visits: of.length,
      callsPerVisit: round1(calls.length / of.length),
      apiP95Ms: round1(percentile(calls.map((c) => c.ms), 95)),
      apiMaxMs: round1(Math.max(0, ...calls.map((c) => c.ms))),
      slowestRoute: slowest?.route ?? '–',
      slowestRouteP95Ms: slowest?.p95Ms ?? Number.NaN,
      appP95Ms: round1(percentile(of.map((v) => v.appMs), 95)),
      loadP95Ms: round1(percentile(of.map((v) => v.loadMs), 95)),
      failed: calls.filter((c) => c.status >= 400).length,
      routes,
    };
  });
  const all = visits.flatMap((v) => v.calls.map((c) => c.ms));
  const summary = {
    side,
    apiCalls: all.length,
    apiP95Ms: round1(percentile(all, 95)),
    autocompleteCalls: autocomplete.length,
    autocompleteP95Ms: round1(percentile(autocomplete.map((c) => c.ms), 95)),
    worstPageLoadP95Ms: Math.max(...rows.map((r) => r.loadP95Ms)),
    failed: rows.reduce((s, r) => s + r.failed, 0) + autocomplete.filter((c) => c.status >= 400).length,
    failures: [...visits.flatMap((v) => v.calls), ...autocomplete].filter((c) => c.status >= 400).map((c) => `${c.status} ${routeOf(c)}`),
    load: round1(loadavg()[0]!),
  };
  return { rows, summary };
}

async function main() {
  buildService(values.built);
  const temporary: string[] = [];
  const dataFor = (given: string | undefined) => {
    if (given) return given;
    const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-responsiveness-')); // empty: a first start loads the fixtures
    temporary.push(dir);
    return dir;
  };
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() ? '+changes' : '';
  const sides = [{ name: `this tree (${revision('HEAD')}${dirty})`, root: ROOT, data: dataFor(values.data) }];
  const baseline = values.baseline ? baselineTree(values.baseline) : undefined;
  if (baseline) sides.push({ name: `${values.baseline} (${revision(values.baseline!)})`, root: baseline, data: dataFor(values['baseline-data']) });
  if (!CHROMIUM) throw new Error('no Chromium at /usr/bin/chromium: apt-get install chromium');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  try {
    // One side after the other, each with its own service and its --rounds visits of every page.
    for (const [i, side] of sides.entries()) {
      console.error(`measuring ${side.name} (${i + 1}/${sides.length}) on ${side.data}`);
      results.push(await measure(side.name, side.root, side.data, browser));
    }
  } finally {
    await browser.close();
    if (baseline) {
      execFileSync('git', ['worktree', 'remove', '--force', baseline], { cwd: ROOT, stdio: 'ignore' });
      if (existsSync(baseline)) rmSync(baseline, { recursive: true, force: true });
    }
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
  const machine = `${hostname()}-${cpus().length}cpu`;
  console.log(`\nThe web app in Chromium, ${ROUNDS} visit(s) of each page per side, ${values.workers} workers, ${values.data ?? 'a first start\'s fixtures'} — ${machine}, ${new Date().toISOString()}`);
  console.log(`Targets: API calls p95 ≤ ${TARGETS.apiP95Ms} ms, autocomplete p95 ≤ ${TARGETS.autocompleteP95Ms} ms, first page load ≤ ${TARGETS.pageLoadMs} ms (server times from the service's log)\n`);
  console.log('| side | role | page | API calls/visit | API p95 ms | API max ms | slowest route (p95 ms) | app shown p95 ms | page load p95 ms | failed |\n|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results.flatMap((x) => x.rows)) {
    console.log(`| ${r.side} | ${r.role} | ${r.page} | ${r.callsPerVisit} | ${r.apiP95Ms} | ${r.apiMaxMs} | ${r.slowestRoute} (${r.slowestRouteP95Ms}) | ${r.appP95Ms} | ${r.loadP95Ms} | ${r.failed} |`);
  }
  console.log('\n| side | API calls | API p95 ms | autocomplete calls | autocomplete p95 ms | worst page load p95 ms | failed | load |\n|---|---|---|---|---|---|---|---|');
  for (const s of results.map((x) => x.summary)) {
    console.log(`| ${s.side} | ${s.apiCalls} | ${s.apiP95Ms} | ${s.autocompleteCalls} | ${s.autocompleteP95Ms} | ${s.worstPageLoadP95Ms} | ${s.failed} | ${s.load} |`);
  }
  writeResult(values.out!, 'responsiveness', machine, {
    date: new Date().toISOString(),
    settings: { ...values, rounds: ROUNDS },
    targets: TARGETS,
    rows: results.flatMap((x) => x.rows),
    summary: results.map((x) => x.summary),
  } as { date: string });
  for (const x of results) if (x.summary.failed > 0) console.error(`${x.summary.side}: failed calls: ${x.summary.failures.join(', ')}`);
  if (results.some((x) => x.summary.failed > 0)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
