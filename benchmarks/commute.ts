/**
 * Commuting: how far from home the vacancies shown to the fixture clients are, and how far from the
 * workplace the candidates shown for the fixture vacancies live, under each commuting rule (`strict`,
 * `gate`; see MatchSettings.commute) and without it (the baseline: `off`, as ranked before the range
 * existed), on one engine with the fixture data set (real SQLite, HNSW and the shipped model).
 *
 *   npm run bench:commute                                    # 300 clients, 100 vacancies, the shipped model
 *   npm run bench:commute -- --clients 20 --vacancies 10     # smoke run (add KOHTAANTO_EMBEDDER=lexical)
 *
 * Per direction and ranking, over the top 10 (k=10, as a counsellor's first page): the share of hits
 * beyond the jobseeker's range (not remote, the place neither wished nor moved to: gate `commute`
 * fail), the share of #1 hits beyond it, and the shares more than 100 km away (the figures of issue
 * 29), and what the #1 is: in the same occupation or ISCO unit group, or below the fit floor (other
 * work). Clients willing to relocate are counted apart (their far hits are not beyond). Writes
 * benchmarks/results/commute-<date>-<machine>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { Matcher, type CommuteRule } from '../src/core/matching.js';
import type { MatchHit } from '../src/core/matches/schema.js';
import type { StoredJobseeker } from '../src/core/jobseekers/schema.js';
import { openEngine } from '../src/engine.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '300' },
    vacancies: { type: 'string', default: '100' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const round = (x: number) => Math.round(x * 1000) / 1000;
const share = (n: number, of: number) => (of === 0 ? 0 : round(n / of));
const TODAY = new Date().toISOString().slice(0, 10);

interface Tally {
  queries: number;
  hits: number;
  beyond: number;
  firstBeyond: number;
  over100: number;
  firstOver100: number;
  firstOwnWork: number;
  firstNoFit: number;
}
const tally = (): Tally => ({ queries: 0, hits: 0, beyond: 0, firstBeyond: 0, over100: 0, firstOver100: 0, firstOwnWork: 0, firstNoFit: 0 });
function count(t: Tally, hits: MatchHit[]) {
  if (hits.length === 0) return;
  t.queries++;
  t.hits += hits.length;
  t.beyond += hits.filter((h) => h.gates.commute === 'fail').length;
  t.over100 += hits.filter((h) => (h.distanceKm ?? 0) > 100).length;
  if (hits[0]!.gates.commute === 'fail') t.firstBeyond++;
  if ((hits[0]!.distanceKm ?? 0) > 100) t.firstOver100++;
  if ((hits[0]!.parts.occupation ?? 0) >= 0.8) t.firstOwnWork++;
  if (hits[0]!.score < fitFloor) t.firstNoFit++;
}
const figures = (t: Tally) => ({
  queries: t.queries,
  top10BeyondRange: share(t.beyond, t.hits),
  firstBeyondRange: share(t.firstBeyond, t.queries),
  top10Over100Km: share(t.over100, t.hits),
  firstOver100Km: share(t.firstOver100, t.queries),
  firstInOwnLineOfWork: share(t.firstOwnWork, t.queries),
  firstBelowFitFloor: share(t.firstNoFit, t.queries),
});

const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-commute-'));
const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'true' });
const engine = await openEngine(config, { info: () => {}, warn: () => {} });
const fitFloor = engine.matcher.settingsInUse.fitFloor;
try {
  // One rule for both directions (the service's default orders clients' lists by `strict` and candidate lists by `gate`).
  const ranking = (rule: CommuteRule, candidateRule: CommuteRule = rule) =>
    new Matcher(engine.jobseekers, engine.vacancies, engine.embedder, engine.normalizer, { ...engine.matcher.settingsInUse, commute: rule, candidateCommute: candidateRule }, engine.normalizer.taxonomy);
  const { commute, candidateCommute } = engine.matcher.settingsInUse;
  const rankings = [
    [`as configured: ${commute} for clients, ${candidateCommute} for candidates`, ranking(commute, candidateCommute)],
    ['fits: beyond the range after every fit within it, before the no-fits', ranking('fits')],
    ['strict: beyond the range after all within it', ranking('strict')],
    ['gate: beyond the range as a failed requirement', ranking('gate')],
    ['baseline: off (no commuting range)', ranking('off')],
  ] as const;
  const clients = ((await engine.jobseekers.list({ limit: Number(values.clients) })) as StoredJobseeker[]).filter((j) => j.status === 'active');
  const vacancies = (await engine.vacancies.list({ limit: Number(values.vacancies) })).filter((v) => engine.vacancies.kind.isMatchable(v as never, TODAY));
  const rows = [];
  for (const [name, matcher] of rankings) {
    const settled = tally();
    const mobile = tally();
    for (const j of clients) count(j.willingToRelocate ? mobile : settled, await matcher.vacanciesForJobseeker(j.id, { k: 10, lang: 'fi' }));
    const candidates = tally();
    for (const v of vacancies) count(candidates, await matcher.candidatesForVacancy(v.id, { k: 10, lang: 'fi' }));
    rows.push({ ranking: name, clients: figures(settled), mobileClients: figures(mobile), candidates: figures(candidates) });
  }
  console.log(`\n${clients.length} active fixture clients, ${vacancies.length} open fixture vacancies, top 10 each (${engine.embedder.id.split(':').slice(0, 2).join(':')})\n`);
  console.log('| ranking | direction | queries | top 10 beyond range | #1 beyond range | top 10 > 100 km | #1 > 100 km | #1 same occupation or ISCO unit | #1 below the fit floor |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const pct = (x: number) => `${round(x * 100)} %`;
  for (const row of rows) {
    for (const [direction, f] of [
      ['client → vacancies (not moving)', row.clients],
      ['client → vacancies (willing to move)', row.mobileClients],
      ['vacancy → candidates', row.candidates],
    ] as const) {
      console.log(`| ${row.ranking} | ${direction} | ${f.queries} | ${pct(f.top10BeyondRange)} | ${pct(f.firstBeyondRange)} | ${pct(f.top10Over100Km)} | ${pct(f.firstOver100Km)} | ${pct(f.firstInOwnLineOfWork)} | ${pct(f.firstBelowFitFloor)} |`);
    }
  }
  mkdirSync(values.out!, { recursive: true });
  const file = join(values.out!, `commute-${TODAY}-${hostname()}-${cpus().length}cpu.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), embedder: engine.embedder.id, rows }, null, 2));
  console.log(`\nwrote ${file}`);
} finally {
  engine.close();
  rmSync(dataDir, { recursive: true, force: true });
}
