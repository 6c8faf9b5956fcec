/**
 * The calibration of the training effects' intervals over many seeds, without the API: the market of
 * bench:outcomes --full (benchmarks/outcomes/market.ts) with its registers drawn as outcomes.ts draws
 * them, measured by the core's effectMeasurer directly (~20 ms a seed instead of ~1 min). Per training
 * and horizon: how often the 95 % interval holds the planted effect, the estimates' bias, their spread
 * beside the mean standard error the interval uses; and the same for the interval What works publishes,
 * made from the counts rounded at random (published-effects.ts, a new key each seed). `--no-suggestion-clients` leaves out the clients of
 * the job-suggestion loop (the simulator draws no register events for those never hired).
 *
 *   npx tsx benchmarks/outcomes/calibration.ts --seeds 1000
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { effectMeasurer, type ClientFacts } from '../../src/core/what-works/training-effects.js';
import { effectCell, publishedHorizon, questionDraws } from '../../src/core/what-works/published-effects.js';
import { addDays, baseline, chance, DAYS, makeMarket, random, TRAINING_KEYS, trueEffect } from './market.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1000' }, 'no-suggestion-clients': { type: 'boolean', default: false }, small: { type: 'boolean', default: false } } });
const SEEDS = Number(values.seeds);
/** `--small`: the smoke-size market of bench:outcomes without --full (30 participants, 150 comparison clients). */
const SIZE = { ...(values.small ? { participants: 30, comparison: 150 } : { participants: 80, comparison: 320 }), suggestionClients: values['no-suggestion-clients'] ? 0 : 80, suggestionsEach: 4, vacancies: 120 };
/** Share of the loop's clients hired at least once in bench:outcomes --full (hire rates by rank, 4 suggestions each). */
const HIRED_ONCE = 0.72;
const MUNICIPALITIES = ['837', '211', '604', '980', '536', '562', '581', '635', '108', '418'];

const sums = new Map<string, { n: number; covered: number; error: number; error2: number; se: number; given: number; publishedCovered: number; halfWidth: number }>();
for (let seed = 1; seed <= SEEDS; seed++) {
  const market = makeMarket(seed, SIZE, MUNICIPALITIES);
  const rnd = random(seed * 7919 + 1);
  const employed = new Map<string, string[]>();
  const add = (id: string, day: string) => employed.set(id, [...(employed.get(id) ?? []), day].sort());
  for (const c of market.clients) {
    if (c.cohort === 'suggestions') {
      if (rnd() < HIRED_ONCE) add(c.id, addDays(DAYS.start, 14 + Math.floor(rnd() * 30)));
      continue;
    }
    const p = chance(baseline(c, DAYS.ended)) + (c.training ? trueEffect(c) : 0);
    if (rnd() < p) add(c.id, addDays(DAYS.ended, 1 + Math.floor(rnd() * 182)));
    else if (rnd() < 0.3) add(c.id, addDays(DAYS.ended, 183 + Math.floor(rnd() * 40)));
  }
  const clients: ClientFacts[] = market.clients.map((c) => ({ jobseekerId: c.id, isco: '7212', unemployedSince: c.unemployedSince, birthYear: c.birthYear, referred: c.training !== undefined, employed: employed.get(c.id) ?? [] }));
  const measure = effectMeasurer(clients, DAYS.report);
  const draw = questionDraws(randomBytes(32), undefined, DAYS.start, DAYS.report);
  for (const key of TRAINING_KEYS) {
    const participants = market.clients.filter((c) => c.training === key);
    const truth6 = participants.reduce((s, c) => s + trueEffect(c), 0) / participants.length;
    const group = participants.map((c) => ({ jobseekerId: c.id, trainingId: key, title: key, provider: '–', state: 'completed', endedOn: DAYS.ended }));
    for (const m of measure(group)) {
      // As outcomes.ts: employment days are spread evenly over the 182 days, half the effect within 91.
      const truth = m.months === 6 ? truth6 : truth6 / 2;
      const s = sums.get(`${key}|${m.months}`) ?? { n: 0, covered: 0, error: 0, error2: 0, se: 0, given: 0, publishedCovered: 0, halfWidth: 0 };
      const p = publishedHorizon(m, effectCell([key]), draw);
      if (p.effect !== null) {
        s.given++;
        s.halfWidth += (p.high! - p.low!) / 2;
        if (p.low! <= truth + 1e-9 && truth <= p.high! + 1e-9) s.publishedCovered++;
      }
      const error = m.effect - truth;
      s.n++;
      s.error += error;
      s.error2 += error * error;
      s.se += m.se;
      if (Math.abs(error) <= 1.96 * m.se) s.covered++;
      sums.set(`${key}|${m.months}`, s);
    }
  }
}
console.log(`| training | months | seeds | interval holds the planted effect | bias | spread (SD) | mean SE | published: seeds with an effect | published interval holds it | mean published half-width |\n|---|---|---|---|---|---|---|---|---|---|`);
for (const [key, s] of sums) {
  const [training, months] = key.split('|');
  const bias = s.error / s.n;
  const f = (x: number) => x.toFixed(3);
  const pct = (k: number, of: number) => (of ? `${((k / of) * 100).toFixed(1)} %` : '–');
  console.log(
    `| ${training} | ${months} | ${s.n} | ${pct(s.covered, s.n)} | ${f(bias)} | ${f(Math.sqrt(s.error2 / s.n - bias * bias))} | ${f(s.se / s.n)} | ${s.given} | ${pct(s.publishedCovered, s.given)} | ${s.given ? f(s.halfWidth / s.given) : '–'} |`,
  );
}
