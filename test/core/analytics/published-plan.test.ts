import { describe, expect, it } from 'vitest';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import { publishPlan, PublishedTrainingPlan, STOP_NOT_TOLD, unspentRange } from '../../../src/core/analytics/published-plan.js';
import type { PlanQuery, TrainingPlanner } from '../../../src/core/analytics/training-plan.js';
import { SUPPRESSED } from '../../../src/core/analytics/suppression.js';
import { NOTICES } from '../../../src/core/errors.js';

type ExactPlan = Awaited<ReturnType<TrainingPlanner['plan']>>;

const KEY = Buffer.from('an installation key of the test');
const AREA: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };
const SETTINGS = { minimumClients: 20 };

/** A training the planner bought, with what a place of it typically brings over every client it was tried for. */
function purchase(id: string, costPerPlace: number, clients: string[], opens: number, gain: number): ExactPlan['purchases'][number] {
  const effect = { basis: 'estimated' as const, participants: null, perPlace: gain };
  return {
    training: { id, title: `Kurssi ${id}`, provider: 'Tredu', municipality: '837', online: false, costPerPlace },
    places: clients.length,
    cost: clients.length * costPerPlace,
    vacanciesOpened: clients.length * opens,
    expectedEmployed: Math.round(clients.length * gain * 10) / 10,
    effect,
    typical: { opens, expected: { gain, basis: 'estimated', participants: 0 } },
    skills: ['tulityökortti'],
    explanation: 'exact',
  };
}

/** An exact plan of `examined` clients: `hot` picked for T-HOT (300 €), `both` for T-BOTH (900 €). */
function exactPlan(examined: number, hot: number, both: number, given: number): ExactPlan {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `J-${prefix}${i + 1}`);
  const pick = (training: string) => (jobseeker: string) => ({ jobseeker, training, opens: ['V-1'], adds: ['V-1'], expected: { gain: 0.1, basis: 'estimated' as const, participants: 0 } });
  const purchases = [purchase('T-HOT', 300, ids('h', hot), 1.5, 0.08), purchase('T-BOTH', 900, ids('b', both), 3, 0.12)].filter((p) => p.places > 0);
  const cost = purchases.reduce((s, p) => s + p.cost, 0);
  return {
    area: AREA,
    objective: 'employment',
    clientsExamined: examined,
    candidatePairs: examined * 2,
    picks: [...ids('h', hot).map(pick('T-HOT')), ...ids('b', both).map(pick('T-BOTH'))],
    purchases,
    places: hot + both,
    cost,
    vacanciesOpened: purchases.reduce((s, p) => s + p.vacanciesOpened, 0),
    expectedEmployed: 1,
    budget: { unit: 'euros', given, spent: cost, unspent: given - cost, stoppedBecause: cost >= given ? 'budget spent' : 'no further place is expected to raise employment' },
  };
}

const isPublishedCount = (n: unknown) => n === SUPPRESSED || (typeof n === 'number' && n % 5 === 0);

describe('PublishedTrainingPlan', () => {
  it('asks the planner for the area and the query, and publishes its plan counted at the query\'s month end', async () => {
    const asked: [AnalysisArea, PlanQuery][] = [];
    const exact = exactPlan(60, 12, 7, 12_000);
    const published = new PublishedTrainingPlan({ plan: async (area, query) => (asked.push([area, query]), exact) }, KEY, SETTINGS);
    const query: PlanQuery = { budget: { euros: 12_000 }, objective: 'employment', lang: 'sv', today: '2026-11-30' };
    const shown = await published.forArea(AREA, query);
    expect(asked).toEqual([[AREA, query]]);
    expect(shown).toEqual(publishPlan(KEY, exact, 'sv', '2026-11-30', SETTINGS));
  });
});

describe('publishPlan', () => {
  it('rounds every count of clients, and names no client', () => {
    const shown = publishPlan(KEY, exactPlan(63, 12, 7, 12_000), 'en', '2026-11-30', SETTINGS);
    expect(shown.purchases).toHaveLength(2);
    for (const n of [shown.clientsExamined, shown.candidatePairs, shown.places, ...shown.purchases.map((p) => p.places)]) expect(isPublishedCount(n), String(n)).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/J-[hb]\d/);
    expect(shown).not.toHaveProperty('picks');
  });

  it('works every figure out from the places as shown: cost, reach, gain, the totals and the budget spent', () => {
    const shown = publishPlan(KEY, exactPlan(63, 12, 7, 12_000), 'en', '2026-11-30', SETTINGS);
    for (const p of shown.purchases) {
      const places = p.places as number;
      expect(p.cost).toBe(places * p.training.costPerPlace);
      expect(p.vacanciesOpened).toBe(Math.round(places * (p.training.id === 'T-HOT' ? 1.5 : 3)));
      expect(p.explanation).not.toBe('exact');
    }
    expect(shown.cost).toBe(shown.purchases.reduce((s, p) => s + (p.cost ?? 0), 0));
    expect(shown.places).toBe(shown.purchases.reduce((s, p) => s + (p.places as number), 0));
    expect(shown.budget).toMatchObject({ unit: 'euros', given: 12_000, spent: shown.cost });
    // What is left is the range the published places allow (never given less the rounded spending), and it holds the real figure.
    expect(shown.budget.unspent).toEqual(unspentRange(12_000, shown.purchases, 'euros'));
    const real = 12_000 - exactPlan(63, 12, 7, 12_000).cost;
    expect(shown.budget.unspent.atLeast).toBeLessThanOrEqual(real);
    expect(shown.budget.unspent.atMost).toBeGreaterThanOrEqual(real);
  });

  it('says the budget was spent only when the published spending reaches it; otherwise that the reason is not told', () => {
    const exact = exactPlan(63, 12, 7, 12_000);
    const shown = publishPlan(KEY, exact, 'en', '2026-11-30', SETTINGS);
    const atCost = publishPlan(KEY, { ...exact, budget: { ...exact.budget, given: shown.cost } }, 'en', '2026-11-30', SETTINGS);
    expect(atCost.budget.stoppedBecause).toBe('budget spent');
    const above = publishPlan(KEY, { ...exact, budget: { ...exact.budget, given: shown.cost + 1, stoppedBecause: 'budget spent' } }, 'en', '2026-11-30', SETTINGS);
    expect(above.budget.stoppedBecause).toBe(STOP_NOT_TOLD);
  });

  it('counts clients examined by the place and the month end alone: the same whatever the language, the budget or the picks', () => {
    const counts = (plan: ExactPlan, lang: 'fi' | 'sv' | 'en', monthEnd: string, key = KEY) => {
      const p = publishPlan(key, plan, lang, monthEnd, SETTINGS);
      return [p.clientsExamined, p.candidatePairs];
    };
    const base = counts(exactPlan(63, 12, 7, 12_000), 'en', '2026-11-30');
    expect(counts(exactPlan(63, 3, 1, 2_000), 'fi', '2026-11-30')).toEqual(base);
    // Another month end is another question: over many installations' keys its draws differ somewhere.
    const keys = Array.from({ length: 40 }, (_, i) => Buffer.from(`key ${i}`));
    const moved = keys.filter((k) => JSON.stringify(counts(exactPlan(63, 12, 7, 12_000), 'en', '2026-11-30', k)) !== JSON.stringify(counts(exactPlan(63, 12, 7, 12_000), 'en', '2026-10-31', k)));
    expect(moved.length).toBeGreaterThan(0);
  });

  it('withholds the plan of a place with fewer clients examined than the minimum, saying why in fi, sv and en', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const shown = publishPlan(KEY, exactPlan(8, 3, 2, 5_000), lang, '2026-11-30', SETTINGS);
      expect(shown).toMatchObject({ purchases: [], places: SUPPRESSED, cost: 0, budget: { spent: 0, stoppedBecause: 'withheld' }, withheld: { reason: 'too few clients', minimumClients: 20 } });
      expect(shown.withheld?.message).toBe(NOTICES.plan_withheld[lang].replace('{minimum}', '20'));
    }
    expect(publishPlan(KEY, exactPlan(63, 3, 2, 5_000), 'en', '2026-11-30', SETTINGS)).not.toHaveProperty('withheld');
  });
});
