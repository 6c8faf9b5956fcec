/**
 * A simulated labour market (issue 33): does "what works" recover planted truth, and does the
 * evidence-based training plan bring more people into work than the proxy plan it replaces?
 *
 * Each seed builds a market with planted ground truth (benchmarks/outcomes/market.ts): welders in
 * Tampere's employment area, welding vacancies each asking for one extra skill, and three trainings
 * teaching those skills — one with a strong true effect on employment 6 months after the end (+0.25),
 * one with none (but the skill half of the vacancies ask for), one that helps clients under 50
 * (+0.15) and harms those of 50 or over (−0.15). It plays the market through the real HTTP API on a
 * fresh data directory, moving the service's clock: clients and vacancies created, the counsellor
 * reads each suggestion client's ranking and suggests vacancies at chosen ranks (consent given), the
 * employer unit records interview and hire or not selected with a planted chance that falls with
 * the rank and the distance; referrals accepted → started → completed (a tenth interrupted);
 * months later the registers' employment events are imported. Then it reads the planner's What
 * works report and checks:
 *   - each training's effect at 6 (and 3) months: is the planted effect on the participants inside
 *     the report's 95 % interval? (target: in ≥ 90 % of seeds, per training)
 *   - the zero-effect training is never flagged effective (its interval above 0);
 *   - the hire rate falls with the rank band shown (1, 2–3, 4–10, 11–20).
 * And it makes the training plan for the same budget twice on the same data, by expected
 * employment (measured effects, item 6) and by vacancies opened (the proxy plan before issue 33),
 * and sums each plan's TRUE employment gain from the simulator's truth: the ratio is
 * evidence plan / proxy plan (baseline = proxy plan, same run).
 *
 *   npm run bench:outcomes                       # 2 seeds, small market (smoke size)
 *   npm run bench:outcomes -- --full             # 20 seeds, the market the figures are from
 *   npm run bench:outcomes -- --seed 7 --seeds 5 --budget 15000
 *
 * Prints Markdown tables and writes benchmarks/results/outcomes-<date>-<machine>.json.
 */
import { rmSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveArea } from '../src/core/analytics/areas.js';
import { regions } from '../src/core/regions/regions.js';
import { rankBand } from '../src/core/what-works/service.js';
import { writeResult } from './results.js';
import { addDays, DAYS, hireChance, km, makeMarket, random, TRAINING_KEYS, TRAININGS, trueEffect, ageAt, baseline, chance, type MarketSize, type SimClient, type TrainingKey } from './outcomes/market.js';
import { startSimService, type SimService } from './outcomes/service.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    full: { type: 'boolean', default: false },
    budget: { type: 'string', default: '15000' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const FULL = values.full;
const SEED = Number(values.seed);
const SEEDS = Number(values.seeds ?? (FULL ? 20 : 2));
const BUDGET = Number(values.budget);
const SIZE: MarketSize = FULL
  ? { participants: 80, comparison: 320, suggestionClients: 80, suggestionsEach: 4, vacancies: 120 }
  : { participants: 30, comparison: 150, suggestionClients: 16, suggestionsEach: 4, vacancies: 40 };
const RANK_BANDS = ['1', '2-3', '4-10', '11-20'] as const;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function must(r: { status: number; body: unknown }, what: string, status = 200) {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body as any;
}

const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

/** Plays one seed's market through the API; returns what the reports say beside the truth. */
async function play(seed: number, labelsFrom?: string) {
  const s: SimService = await startSimService(labelsFrom);
  try {
    const area = s.engine.employmentAreas.areaOf('837');
    const municipalities = ['837', ...area.municipalities.filter((m) => m !== '837')];
    const market = makeMarket(seed, SIZE, municipalities);
    const rnd = random(seed * 7919 + 1);
    const byId = new Map(market.clients.map((c) => [c.id, c]));

    // Day 0: trainings, vacancies, clients.
    s.setDay(DAYS.start);
    for (const key of TRAINING_KEYS) {
      const t = TRAININGS[key];
      must(
        await s.call('planner', 'PUT', `/v1/trainings/${t.id}`, {
          id: t.id,
          title: t.title,
          description: `${t.title}: ${t.skill} hitsaajille.`,
          provider: 'Simuloitu opisto',
          kind: 'vocational',
          municipality: 'Tampere',
          durationDays: 90,
          startDates: ['2027-01-15'],
          cost: t.cost,
          skills: [t.skill],
        }),
        `training ${t.id}`,
        201,
      );
    }
    const vacancies = market.vacancies.map((v) => ({
      id: v.id,
      title: 'hitsaaja',
      description: `Konepaja hakee hitsaajaa. Edellytämme MIG-hitsaus ja ${TRAININGS[v.extra].skill} osaamista.`,
      skills: ['MIG-hitsaus', TRAININGS[v.extra].skill],
      municipality: v.municipality,
      employer: `Konepaja ${v.id} Oy`,
      publishedAt: v.publishedAt,
    }));
    must(await s.call('employer-service', 'POST', '/v1/vacancies/bulk', ndjson(vacancies), 'application/x-ndjson'), 'vacancies');
    const clients = market.clients.map((c) => ({
      id: c.id,
      title: 'hitsaaja',
      summary: 'Hitsaaja, MIG-hitsaus ja piirustusten lukeminen. Etsin työtä.',
      skills: ['MIG-hitsaus', 'piirustusten lukeminen'],
      municipality: c.municipality,
      languages: ['fi'],
      birthYear: c.birthYear,
      unemployedSince: c.unemployedSince,
    }));
    must(await s.call('counsellor', 'POST', '/v1/jobseekers/bulk', ndjson(clients), 'application/x-ndjson'), 'clients');

    // Job suggestions from the rankings the counsellor reads; the unit records what came of each.
    const suggestions: { rank: number; km: number; hired: boolean }[] = [];
    const employment: { jobseekerId: string; event: string; date: string }[] = [];
    for (const c of market.clients.filter((x) => x.cohort === 'suggestions')) {
      const hits = must(await s.call('counsellor', 'GET', `/v1/jobseekers/${c.id}/matches?k=20`), `matches ${c.id}`).hits as { id: string; municipality?: string }[];
      const ranks = new Set<number>();
      for (let i = 0; i < SIZE.suggestionsEach * 3 && ranks.size < Math.min(SIZE.suggestionsEach, hits.length); i++) {
        const [lo, hi] = ([[1, 1], [2, 3], [4, 10], [11, 20]] as const)[Math.floor(rnd() * 4)]!;
        const rank = lo + Math.floor(rnd() * (hi - lo + 1));
        if (rank <= hits.length) ranks.add(rank);
      }
      let hiredOnce = false;
      for (const rank of ranks) {
        const v = market.vacancies.find((x) => x.id === hits[rank - 1]!.id)!;
        const made = must(await s.call('counsellor', 'POST', `/v1/jobseekers/${c.id}/job-suggestions`, { vacancyId: v.id, consent: true }), `suggest ${c.id}`, 201);
        const distance = km(c.municipality, v.municipality);
        const p = hireChance(rank, distance);
        const u = rnd();
        const hired = u < p;
        const interviewed = u < Math.min(1, p + 0.2);
        let version = made.version as number;
        const set = async (state: string) => {
          version = must(await s.call('employer-service', 'POST', `/v1/job-suggestions/${made.id}/state`, { state, version }), `${state} ${made.id}`).version;
        };
        if (interviewed) await set('interview');
        await set(hired ? 'hired' : 'not-selected');
        suggestions.push({ rank, km: distance, hired });
        if (hired && !hiredOnce) employment.push({ jobseekerId: c.id, event: 'employed-open', date: addDays(DAYS.start, 14 + Math.floor(rnd() * 30)) });
        hiredOnce ||= hired;
      }
    }

    // Referrals on day 0; accepted, started, and ended on the end day.
    const referrals: { id: number; version: number; client: SimClient }[] = [];
    for (const c of market.clients.filter((x) => x.training)) {
      const made = must(await s.call('counsellor', 'POST', '/v1/referrals', { jobseekerId: c.id, trainingId: TRAININGS[c.training!].id }), `refer ${c.id}`, 201);
      referrals.push({ id: made.id, version: made.version, client: c });
    }
    s.setDay(DAYS.ended);
    for (const r of referrals) {
      for (const [state, on] of [
        ['accepted', addDays(DAYS.start, 2)],
        ['started', addDays(DAYS.start, 7)],
        [r.client.interrupted ? 'interrupted' : 'completed', DAYS.ended],
      ] as const) {
        r.version = must(await s.call('counsellor', 'POST', `/v1/referrals/${r.id}/state`, { state, on, version: r.version }), `${state} ${r.id}`).version;
      }
    }

    // The registers, read on the report day: employment within 6 months of the end with the planted chance.
    s.setDay(DAYS.report);
    for (const c of market.clients.filter((x) => x.cohort === 'training')) {
      const p = chance(baseline(c, DAYS.ended)) + (c.training ? trueEffect(c) : 0);
      if (rnd() < p) employment.push({ jobseekerId: c.id, event: rnd() < 0.8 ? 'employed-open' : 'employed-subsidised', date: addDays(DAYS.ended, 1 + Math.floor(rnd() * 182)) });
      else if (rnd() < 0.3) employment.push({ jobseekerId: c.id, event: 'employed-open', date: addDays(DAYS.ended, 183 + Math.floor(rnd() * 40)) });
      if (rnd() < 0.2) employment.push({ jobseekerId: c.id, event: 'other-service', date: addDays(DAYS.ended, Math.floor(rnd() * 150)) });
    }
    must(await s.call('counsellor', 'POST', '/v1/outcomes/bulk', ndjson(employment), 'application/x-ndjson'), 'outcomes');

    // What works, as the planner reads it.
    const report = must(await s.call('planner', 'GET', `/v1/analytics/what-works?area=${s.areaId}&from=2025-01-01&to=${DAYS.report}`), 'what works');
    const effects = TRAINING_KEYS.map((key) => {
      const t = report.trainings.find((x: { trainingId: string }) => x.trainingId === TRAININGS[key].id);
      const participants = market.clients.filter((c) => c.training === key);
      const truth6 = participants.reduce((sum, c) => sum + trueEffect(c), 0) / participants.length;
      return [6, 3].map((months) => {
        const h = t?.horizons.find((x: { months: number }) => x.months === months);
        // Employment days are spread evenly over the 182 days: half of the 6-month effect falls within 91 days.
        const truth = months === 6 ? truth6 : (truth6 * 91) / 182;
        const given = h?.effect !== null && h?.effect !== undefined;
        return {
          training: key,
          months,
          truth: round(truth),
          effect: given ? h.effect : null,
          low: given ? h.low : null,
          high: given ? h.high : null,
          participants: h?.participants ?? null,
          covered: given ? h.low <= truth + 1e-9 && truth <= h.high + 1e-9 : null,
          flaggedEffective: given ? h.low > 0 : false,
        };
      });
    }).flat();
    const byRank = RANK_BANDS.map((band) => {
      const b = report.byRank.find((x: { rank: string }) => x.rank === band);
      const mine = suggestions.filter((x) => rankBand(x.rank) === band);
      return { band, suggestions: b?.suggestions ?? null, hireRate: b?.hireRate.rate ?? null, simulatedHires: mine.filter((x) => x.hired).length, simulatedSuggestions: mine.length };
    });
    const falls = (rates: number[]) => rates.length >= 2 && rates.every((r, i) => i === 0 || r <= rates[i - 1]!) && rates[0]! > rates.at(-1)!;
    const fallsWithRank = falls(byRank.map((b) => b.hireRate).filter((r): r is number => r !== null));
    // The baseline for that check: the simulator's own hires in this seed (small bands do not fall every time).
    const simulatedFallsWithRank = falls(byRank.filter((b) => b.simulatedSuggestions > 0).map((b) => b.simulatedHires / b.simulatedSuggestions));

    // The plan for the same budget, by expected employment (measured where it can) and by vacancies opened (the proxy).
    const resolved = resolveArea({ area: s.areaId }, regions, s.engine.employmentAreas);
    const plans = Object.fromEntries(
      await Promise.all(
        (['employment', 'vacancies'] as const).map(async (objective) => {
          const plan = await s.engine.analytics.planner.plan(resolved, { budget: { euros: BUDGET }, objective, lang: 'fi', today: DAYS.report });
          const keyOf = (id: string) => TRAINING_KEYS.find((k) => TRAININGS[k].id === id)!;
          const trueGain = plan.picks.reduce((sum, p) => sum + trueEffect(byId.get(p.jobseeker)!, keyOf(p.training)), 0);
          const mix = Object.fromEntries(TRAINING_KEYS.map((k) => [k, plan.picks.filter((p) => p.training === TRAININGS[k].id).length]));
          const basis = Object.fromEntries(plan.purchases.map((p) => [keyOf(p.training.id), `${p.effect.basis}${p.effect.participants !== null ? ` (${p.effect.participants})` : ''}`]));
          return [objective, { places: plan.places, cost: plan.cost, stoppedBecause: plan.budget.stoppedBecause, candidatePairs: plan.candidatePairs, mix, basis, expected: plan.expectedEmployed, trueGain: round(trueGain, 2), over50: plan.picks.filter((p) => ageAt(byId.get(p.jobseeker)!, DAYS.ended) >= 50).length }];
        }),
      ),
    ) as Record<'employment' | 'vacancies', { places: number; cost: number; stoppedBecause: string; candidatePairs: number; mix: Record<TrainingKey, number>; basis: Record<string, string>; expected: number; trueGain: number; over50: number }>;
    // The published plan (HTTP, as the planner sees it): each purchase says what its effect rests on.
    const published = must(await s.call('planner', 'POST', '/v1/analytics/training-plan', { area: s.areaId, budget: { euros: BUDGET }, asOf: DAYS.report }), 'plan');
    // What the route serves is the engine's plan as published (counts rounded at random, a purchase's figures
    // from its rounded places: src/core/analytics/published-plan.ts), not an answer of its own.
    const enginePublished = await s.engine.analytics.trainingPlan.forArea(resolved, { budget: { euros: BUDGET }, objective: 'employment', lang: 'fi', today: DAYS.report });
    const samePlan = JSON.stringify(published.places) === JSON.stringify(enginePublished.places) && JSON.stringify(published.expectedEmployed) === JSON.stringify(enginePublished.expectedEmployed);
    const plannerSeesNoClient = !JSON.stringify(published).includes('SIM-') && !JSON.stringify(report).includes('SIM-');
    return { seed, effects, byRank, fallsWithRank, simulatedFallsWithRank, plans, samePlan, plannerSeesNoClient, dataDir: s.dataDir };
  } finally {
    await s.close();
  }
}

async function main() {
  const started = Date.now();
  const runs: Awaited<ReturnType<typeof play>>[] = [];
  let labelsFrom: string | undefined;
  for (let i = 0; i < SEEDS; i++) {
    const seed = SEED + i;
    const run = await play(seed, labelsFrom);
    if (labelsFrom && labelsFrom !== run.dataDir) rmSync(run.dataDir, { recursive: true, force: true });
    else labelsFrom = run.dataDir;
    runs.push(run);
    const e6 = run.effects.filter((e) => e.months === 6);
    console.log(
      `seed ${seed}: ${e6.map((e) => `${e.training} ${e.effect ?? '–'} [${e.low ?? '–'}, ${e.high ?? '–'}] truth ${e.truth}`).join('; ')}; ` +
        `hire rate by rank ${run.byRank.map((b) => b.hireRate ?? '–').join(' / ')}; true gain ${run.plans.employment.trueGain} vs ${run.plans.vacancies.trueGain}`,
    );
  }
  if (labelsFrom) rmSync(labelsFrom, { recursive: true, force: true });

  const coverage = TRAINING_KEYS.flatMap((training) =>
    [6, 3].map((months) => {
      const rows = runs.map((r) => r.effects.find((e) => e.training === training && e.months === months)!);
      const given = rows.filter((e) => e.covered !== null);
      return {
        training,
        months,
        truth: round(rows.reduce((s, e) => s + e.truth, 0) / rows.length),
        meanEffect: given.length ? round(given.reduce((s, e) => s + e.effect!, 0) / given.length) : null,
        seedsWithEffect: given.length,
        covered: given.filter((e) => e.covered).length,
        coverage: given.length ? round(given.filter((e) => e.covered).length / runs.length, 2) : 0,
        flaggedEffective: rows.filter((e) => e.flaggedEffective).length,
      };
    }),
  );
  const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + f(r), 0);
  const evidenceGain = round(sum((r) => r.plans.employment.trueGain), 2);
  const proxyGain = round(sum((r) => r.plans.vacancies.trueGain), 2);
  const checks = {
    coverage6AtLeast90: coverage.filter((c) => c.months === 6).every((c) => c.coverage >= 0.9),
    coverage3AtLeast90: coverage.filter((c) => c.months === 3).every((c) => c.coverage >= 0.9),
    zeroEffectNeverFlagged: coverage.filter((c) => c.training === 'none').every((c) => c.flaggedEffective === 0),
    hireRateFallsWithRank: runs.filter((r) => r.fallsWithRank).length / runs.length,
    simulatedRateFallsWithRank: runs.filter((r) => r.simulatedFallsWithRank).length / runs.length,
    reportAgreesWithSimulation: runs.filter((r) => r.fallsWithRank === r.simulatedFallsWithRank).length / runs.length,
    publishedPlanIsTheEnginePlan: runs.every((r) => r.samePlan),
    plannerSeesNoClient: runs.every((r) => r.plannerSeesNoClient),
  };
  const pooledRank = RANK_BANDS.map((band) => {
    const hires = sum((r) => r.byRank.find((b) => b.band === band)!.simulatedHires);
    const made = sum((r) => r.byRank.find((b) => b.band === band)!.simulatedSuggestions);
    const reported = runs.map((r) => r.byRank.find((b) => b.band === band)!.hireRate).filter((x): x is number => x !== null);
    return { band, suggestions: made, hireRate: made ? round(hires / made, 2) : null, meanReportedRate: reported.length ? round(reported.reduce((s, x) => s + x, 0) / reported.length, 2) : null, seedsReported: reported.length };
  });

  console.log(`\n## Training effects recovered (${runs.length} seeds, ${SIZE.participants} participants per training, ${SIZE.comparison} comparison clients)\n`);
  console.log('| training | months | planted effect | mean estimate | seeds with an effect | interval holds the planted effect | flagged effective (low > 0) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of coverage) console.log(`| ${c.training} | ${c.months} | ${c.truth} | ${c.meanEffect ?? '–'} | ${c.seedsWithEffect} | ${c.covered}/${runs.length} (${Math.round(c.coverage * 100)} %) | ${c.flaggedEffective} |`);
  console.log('\n## Hire rate by the rank shown\n');
  console.log('| rank | suggestions (all seeds) | simulated hire rate | mean reported rate | seeds with a rate |');
  console.log('|---|---|---|---|---|');
  for (const b of pooledRank) console.log(`| ${b.band} | ${b.suggestions} | ${b.hireRate ?? '–'} | ${b.meanReportedRate ?? '–'} | ${b.seedsReported} |`);
  console.log(
    `\nreported rate falls with rank in ${Math.round(checks.hireRateFallsWithRank * 100)} % of seeds; the simulated hires themselves (baseline) in ` +
      `${Math.round(checks.simulatedRateFallsWithRank * 100)} %; the report agrees with the simulation in ${Math.round(checks.reportAgreesWithSimulation * 100)} %`,
  );
  console.log(`\n## Training plan, ${BUDGET} € (true employment gain from the simulator's truth)\n`);
  console.log('| plan | places | strong / none / mixed | of them 50+ | spent € | expected (plan says) | true gain | true gain per 10,000 € spent |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, key] of [['evidence (employment)', 'employment'], ['proxy (vacancies opened)', 'vacancies']] as const) {
    const places = sum((r) => r.plans[key].places);
    const mix = TRAINING_KEYS.map((k) => sum((r) => r.plans[key].mix[k])).join(' / ');
    const spent = sum((r) => r.plans[key].cost);
    const gain = sum((r) => r.plans[key].trueGain);
    console.log(`| ${name} | ${places} | ${mix} | ${sum((r) => r.plans[key].over50)} | ${spent} | ${round(sum((r) => r.plans[key].expected), 1)} | ${round(gain, 2)} | ${spent ? round((gain / spent) * 10_000, 2) : '–'} |`);
  }
  const stops = (key: 'employment' | 'vacancies') => [...new Set(runs.map((r) => r.plans[key].stoppedBecause))].join('; ');
  console.log(`\nstopped: evidence plan — ${stops('employment')}; proxy plan — ${stops('vacancies')}`);
  const ratio = proxyGain > 0 ? round(evidenceGain / proxyGain, 2) : null;
  const evidenceSpent = sum((r) => r.plans.employment.cost);
  const proxySpent = sum((r) => r.plans.vacancies.cost);
  const perEuroRatio = proxyGain > 0 && evidenceSpent > 0 ? round(evidenceGain / evidenceSpent / (proxyGain / proxySpent), 2) : null;
  console.log(`\ntrue gain ratio, evidence plan / proxy plan: ${ratio ?? `n/a (proxy gain ${proxyGain})`}`);
  console.log(`true gain per euro spent, evidence plan / proxy plan: ${perEuroRatio ?? 'n/a'} (the proxy plan stops when no further place opens a vacancy)`);
  console.log(`checks: ${JSON.stringify(checks)}`);

  const machine = `${hostname()}-${cpus().length}cpu`;
  const result = {
    date: new Date().toISOString(),
    seeds: runs.map((r) => r.seed),
    size: SIZE,
    budgetEuros: BUDGET,
    embedder: process.env.KOHTAANTO_EMBEDDER ?? 'default',
    seconds: Math.round((Date.now() - started) / 1000),
    coverage,
    hireRateByRank: pooledRank,
    plan: {
      evidenceTrueGain: evidenceGain,
      proxyTrueGain: proxyGain,
      ratio,
      evidenceSpent,
      proxySpent,
      perEuroRatio,
    },
    checks,
    runs: runs.map(({ dataDir: _d, ...r }) => r),
  };
  writeResult(values.out!, 'outcomes', machine, result);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
