import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteTrainingStore } from '../../../src/adapters/sqlite/training-store.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import { TrainingPlanner, trainedSkills } from '../../../src/core/analytics/training-plan.js';
import { publishPlan } from '../../../src/core/analytics/published-plan.js';
import { fixedClock } from '../../../src/core/clock.js';
import { DEFAULT_PLAN_SETTINGS, DEFAULT_TRAINING_EVIDENCE } from '../../../src/config.js';
import type { TrainingEvidence } from '../../../src/core/analytics/training-evidence.js';
import type { PublishedEffect } from '../../../src/core/what-works/published-effects.js';
import { jobseekerInput } from '../../../src/core/jobseekers/schema.js';
import type { AnalyticsSource } from '../../../src/core/ports.js';
import { TrainingCatalogue } from '../../../src/core/trainings.js';
import { trainingInput } from '../../../src/core/trainings/schema.js';
import { vacancyInput } from '../../../src/core/vacancies/schema.js';
import { coreServices } from '../../helpers/core-services.js';

const AREA: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };
let planner: TrainingPlanner;
/** The same planner reading measured effects from `measured` (a test double of the what-works facts). */
let informed: TrainingPlanner;
const measured = new Map<string, PublishedEffect>();
/** A measured effect as What works publishes it (participants already rounded at random to a multiple of 5). */
const effect = (participants: number, e: number): PublishedEffect => ({ months: 6, participants, effect: e, low: e - 0.1, high: e + 0.1 });
let catalogue: TrainingCatalogue;
const asked: string[] = [];

/**
 * The training plan on the in-memory core services (curated taxonomy, lexical embedder) and the
 * SQLite training catalogue; the analytics source is a test double naming the area's clients (J-1
 * long-term unemployed). Two welders lack the hot-work card three vacancies require (one the hygiene passport
 * too); a third has the card. T-HOT teaches the card, T-BOTH (three times dearer) the card and the passport.
 */
beforeAll(async () => {
  const now = fixedClock('2026-12-06T10:00:00Z');
  const services = await coreServices(now);
  const welder = (id: string, skills: string[]) =>
    jobseekerInput.parse({ id, title: 'hitsaaja', summary: `Hitsaaja, ${skills.join(', ')}.`, skills, municipality: '837', languages: ['fi'] });
  await services.jobseekers.putMany([welder('J-1', ['MIG-hitsaus']), welder('J-2', ['MIG-hitsaus']), welder('J-3', ['MIG-hitsaus', 'tulityökortti'])]);
  const job = (id: string) =>
    vacancyInput.parse({ id, title: 'hitsaaja', description: 'Hitsaaja, MIG-hitsaus ja tulityökortti.', skills: ['MIG-hitsaus', 'tulityökortti'], municipality: '837', employer: `${id} Oy` });
  await services.vacancies.putMany([
    job('V-1'),
    job('V-2'),
    vacancyInput.parse({ id: 'V-3', title: 'hitsaaja', description: 'Hitsaaja keittiöön.', skills: ['MIG-hitsaus', 'tulityökortti', 'hygieniapassi'], municipality: '837', employer: 'V-3 Oy' }),
  ]);
  catalogue = await TrainingCatalogue.open(new SqliteTrainingStore(openDatabase(':memory:')), services.normalizer, 50, now);
  const course = (id: string, cost: number, skills = ['tulityökortti']) =>
    trainingInput.parse({ id, title: `Tulityökurssi ${id}`, description: 'Tulityökortti yhdessä päivässä.', provider: 'Tredu', kind: 'licence-or-card', municipality: '837', durationDays: 1, cost, skills });
  await catalogue.putMany([course('T-HOT', 300), course('T-BOTH', 900, ['tulityökortti', 'hygieniapassi']), course('T-FREE', 0)]);
  const source: AnalyticsSource = {
    vacancySkills: async () => [],
    jobseekerSkills: async () => [],
    vacancyOccupations: async () => [],
    jobseekerOccupations: async () => [],
    vacancyIds: async () => [],
    jobseekerIds: async (filter, since) => (asked.push(`${filter.municipalities}:${since ?? 'all'}`), since ? ['J-1'] : ['J-1', 'J-2', 'J-3']),
  };
  const settings = { ...DEFAULT_PLAN_SETTINGS, suitableScore: 0.3, evidence: DEFAULT_TRAINING_EVIDENCE };
  planner = new TrainingPlanner(source, services.jobseekers, services.matcher, services.normalizer, catalogue, services.embedder, settings);
  const evidence: TrainingEvidence = { measured: async () => measured };
  informed = new TrainingPlanner(source, services.jobseekers, services.matcher, services.normalizer, catalogue, services.embedder, settings, evidence);
});

describe('TrainingPlanner.plan', () => {
  it('buys the place that opens the most vacancies, for the long-term unemployed first, and stops when no further place opens any', async () => {
    const plan = await planner.plan(AREA, { budget: { places: 5 }, objective: 'vacancies', lang: 'fi', today: '2026-12-06' });
    expect(asked.slice(0, 2)).toEqual(['837:2025-11-30', '837:all']);
    // J-3 holds the card and lacks only the passport: a fifth pair.
    expect(plan).toMatchObject({ area: AREA, clientsExamined: 3, candidatePairs: 5, places: 1, cost: 900, vacanciesOpened: 3 });
    expect(plan.picks).toEqual([
      { jobseeker: 'J-1', training: 'T-BOTH', opens: ['V-3', 'V-1', 'V-2'], adds: ['V-3', 'V-1', 'V-2'], expected: { gain: 0.06, basis: 'estimated', participants: 0 } },
    ]);
    expect(plan.purchases).toEqual([
      {
        training: { id: 'T-BOTH', title: 'Tulityökurssi T-BOTH', provider: 'Tredu', municipality: '837', online: false, costPerPlace: 900 },
        places: 1,
        cost: 900,
        vacanciesOpened: 3,
        expectedEmployed: 0.1,
        effect: { basis: 'estimated', participants: null, perPlace: 0.06 },
        // What a place typically brings, over every client T-BOTH was tried for (not the picks): what the published plan shows.
        typical: { opens: 2.3, expected: { gain: 0.046, basis: 'estimated', participants: 0 } },
        skills: ['tulityökortti', 'hygieniapassi'],
        explanation:
          'Osta 1 paikka koulutuksesta Tulityökurssi T-BOTH (Tredu, 900\u00a0€): se opettaa taidot tulityökortti, hygieniapassi, joilla 3 uutta avointa työpaikkaa tulee koulutettujen asiakkaiden ulottuville. Odotettu työllistyminen +6 prosenttiyksikköä paikkaa kohden on arvio avautuvista työpaikoista: tuloksia ei ole vielä riittävästi.',
      },
    ]);
    expect(plan.budget).toEqual({ unit: 'places', given: 5, spent: 1, unspent: 4, stoppedBecause: 'no further place opens vacancies' });
  });

  it('buys by vacancies per euro with a budget in euros, never a course without a price, and says why it stopped', async () => {
    const spent = await planner.plan(AREA, { budget: { euros: 300 }, objective: 'vacancies', lang: 'en', today: '2026-12-06' });
    expect(spent.picks.map((p) => p.training)).toEqual(['T-HOT']);
    expect(spent.budget).toEqual({ unit: 'euros', given: 300, spent: 300, unspent: 0, stoppedBecause: 'budget spent' });
    // By vacancies per euro: the card alone for J-1 (2 for 300 €), then both for J-2 (the third vacancy for 900 €).
    const both = await planner.plan(AREA, { budget: { euros: 1200 }, objective: 'vacancies', lang: 'en', today: '2026-12-06' });
    expect(both.picks.map((p) => [p.jobseeker, p.training, p.adds])).toEqual([
      ['J-1', 'T-HOT', ['V-1', 'V-2']],
      ['J-2', 'T-BOTH', ['V-3']],
    ]);
    expect(both.budget).toEqual({ unit: 'euros', given: 1200, spent: 1200, unspent: 0, stoppedBecause: 'budget spent' });
    const tooLittle = await planner.plan(AREA, { budget: { euros: 200 }, objective: 'vacancies', lang: 'en', today: '2026-12-06' });
    expect(tooLittle.picks).toEqual([]);
    expect(tooLittle.budget).toEqual({ unit: 'euros', given: 200, spent: 0, unspent: 200, stoppedBecause: 'the rest of the budget buys no further place that opens vacancies' });
  });

  it('without measured outcomes buys by the skill-based estimate, which follows the vacancies a place adds', async () => {
    const plan = await planner.plan(AREA, { budget: { euros: 1200 }, lang: 'en', today: '2026-12-06' });
    expect(plan.objective).toBe('employment');
    // 0.02 a vacancy: J-1 with the card (0.04 for 300 €), then J-2 with both (the third vacancy, 0.02 for 900 €).
    expect(plan.picks.map((p) => [p.jobseeker, p.training, p.expected.basis, Math.round(p.expected.gain * 100) / 100])).toEqual([
      ['J-1', 'T-HOT', 'estimated', 0.04],
      ['J-2', 'T-BOTH', 'estimated', 0.02],
    ]);
  });

  it('takes a measured effect where the outcomes suffice, shrunk toward the estimate, and says so in each pick', async () => {
    // The dear course measured strong over 60 participants, the card course measured useless over 20.
    measured.clear();
    measured.set('T-BOTH', effect(60, 0.3));
    measured.set('T-HOT', effect(20, 0));
    const plan = await informed.plan(AREA, { budget: { euros: 1800 }, lang: 'en', today: '2026-12-06' });
    // T-BOTH for J-1: (60 × 0.3 + 40 × 0.06) / 100 = 0.204; then for J-2, adding nothing new: (60 × 0.3 + 0) / 100 = 0.18.
    expect(plan.picks.map((p) => [p.jobseeker, p.training, p.expected.basis, p.expected.participants, Math.round(p.expected.gain * 1000) / 1000])).toEqual([
      ['J-1', 'T-BOTH', 'measured', 60, 0.204],
      ['J-2', 'T-BOTH', 'measured', 60, 0.18],
    ]);
    expect(plan.purchases[0]).toMatchObject({ places: 2, expectedEmployed: 0.4, effect: { basis: 'measured', participants: 60, perPlace: 0.19 } });
    expect(plan.purchases[0]!.explanation).toContain('Expected employment +19 percentage points per place, measured on the area\'s earlier participants (60)');
    // The proxy plan (vacancies per euro) buys the card course first, as before.
    const proxy = await informed.plan(AREA, { budget: { euros: 1800 }, objective: 'vacancies', lang: 'en', today: '2026-12-06' });
    expect(proxy.picks.map((p) => [p.jobseeker, p.training])).toEqual([
      ['J-1', 'T-HOT'],
      ['J-2', 'T-BOTH'],
    ]);
    expect(plan.expectedEmployed).toBeGreaterThan(proxy.expectedEmployed);
  });

  it('never buys a place whose measured effect, shrunk, is negative, and publishes participants as What works published them', async () => {
    measured.clear();
    measured.set('T-BOTH', effect(25, -0.4));
    measured.set('T-HOT', effect(25, -0.4));
    const plan = await informed.plan(AREA, { budget: { places: 5 }, lang: 'fi', today: '2026-12-06' });
    expect(plan.picks).toEqual([]);
    expect(plan.budget.stoppedBecause).toBe('no further place is expected to raise employment');
    measured.set('T-HOT', effect(25, 0.1));
    const one = await informed.plan(AREA, { budget: { places: 5 }, lang: 'fi', today: '2026-12-06' });
    expect(one.purchases.map((p) => [p.training.id, p.effect.basis, p.effect.participants])).toEqual([['T-HOT', 'measured', 25]]);
    measured.clear();
  });

  it("reads the skills a training teaches as labels in the training's language", () => {
    expect(trainedSkills(catalogue.get('T-HOT'), planner.normalizer)).toEqual(['tulityökortti']);
  });
});

describe('publishPlan: the plan as a planner sees it', () => {
  const key = Buffer.from('a test key of the installation');
  it('withholds the plan of a place with too few clients examined, saying why in the request\'s language', async () => {
    const exact = await planner.plan(AREA, { budget: { places: 5 }, objective: 'vacancies', lang: 'sv', today: '2026-12-06' });
    const shown = publishPlan(key, exact, 'sv', '2026-11-30', { minimumClients: 20 });
    // Three clients, five pairs (each rounded at random as any count: 5 pairs may be "<5" or 5).
    expect(['<5', 5]).toContain(shown.candidatePairs);
    expect(shown).toMatchObject({ clientsExamined: '<5', purchases: [], places: '<5', cost: 0, budget: { spent: 0, stoppedBecause: 'withheld' } });
    expect(shown.withheld?.message).toMatch(/färre än 20 kunder/);
    expect(JSON.stringify(shown)).not.toMatch(/J-\d/);
  });

  it('rounds places at random to 5, keyed by the clients counted: the same picks give the same places whatever the budget; "<5" shows no cost or gain', async () => {
    const exact = await planner.plan(AREA, { budget: { places: 5 }, objective: 'vacancies', lang: 'en', today: '2026-12-06' });
    const purchase = exact.purchases[0]!;
    // The same plan as if 40 clients were examined and 13 of them (or 2 of them) were picked for T-BOTH.
    const as = (picked: number, given: number) => ({
      ...exact,
      clientsExamined: 40,
      candidatePairs: 57,
      picks: Array.from({ length: picked }, (_, i) => ({ ...exact.picks[0]!, jobseeker: `J-${i + 1}` })),
      purchases: [{ ...purchase, places: picked, cost: picked * 900 }],
      budget: { ...exact.budget, given },
    });
    const thirteen = publishPlan(key, as(13, 20), 'en', '2026-11-30', { minimumClients: 20 });
    expect([10, 15]).toContain(thirteen.purchases[0]!.places);
    expect(thirteen.purchases[0]!.cost).toBe((thirteen.purchases[0]!.places as number) * 900);
    expect([55, 60]).toContain(thirteen.candidatePairs);
    expect(thirteen.clientsExamined).toBe(40);
    expect(publishPlan(key, as(13, 14), 'fi', '2026-11-30', { minimumClients: 20 }).purchases[0]!.places).toBe(thirteen.purchases[0]!.places);
    // Across many installations' keys the draw goes both ways, up with probability 3/5.
    const ups = Array.from({ length: 400 }, (_, i) => publishPlan(Buffer.from(`key ${i}`), as(13, 20), 'en', '2026-11-30', { minimumClients: 20 }).purchases[0]!.places).filter((p) => p === 15).length;
    expect(ups / 400).toBeGreaterThan(0.5);
    expect(ups / 400).toBeLessThan(0.7);
    const two = publishPlan(key, as(2, 20), 'en', '2026-11-30', { minimumClients: 20 });
    expect(two.purchases[0]).toMatchObject({ places: '<5', cost: null, vacanciesOpened: null, expectedEmployed: null, effect: { perPlace: null } });
    expect(two.purchases[0]!.explanation).toMatch(/fewer than 5 places/);
    expect(two).toMatchObject({ places: '<5', cost: 0, expectedEmployed: 0, budget: { spent: 0, unspent: { atLeast: 16, atMost: 19 } } });
  });

  it('tells the budget left as a range that holds the real one, the same whatever number of places a "<5" purchase hides', async () => {
    const exact = await planner.plan(AREA, { budget: { places: 5 }, objective: 'vacancies', lang: 'en', today: '2026-12-06' });
    const purchase = exact.purchases[0]!;
    const as = (picked: number, budget: { unit: 'places' | 'euros'; given: number }) =>
      publishPlan(
        key,
        {
          ...exact,
          clientsExamined: 40,
          candidatePairs: 57,
          picks: Array.from({ length: picked }, (_, i) => ({ ...exact.picks[0]!, jobseeker: `J-${i + 1}` })),
          purchases: [{ ...purchase, places: picked, cost: picked * purchase.training.costPerPlace }],
          budget: { ...exact.budget, ...budget, spent: budget.unit === 'places' ? picked : picked * purchase.training.costPerPlace },
        },
        'en',
        '2026-11-30',
        { minimumClients: 20 },
      );
    const price = purchase.training.costPerPlace;
    for (const budget of [{ unit: 'places' as const, given: 20 }, { unit: 'euros' as const, given: 20 * price }]) {
      const perPlace = budget.unit === 'places' ? 1 : price;
      const hidden = [1, 2, 3, 4].map((n) => ({ n, plan: as(n, budget) })).filter(({ plan }) => plan.purchases[0]!.places === '<5');
      expect(hidden.length).toBeGreaterThan(1);
      for (const { n, plan } of hidden) {
        // The money of the hidden places is spent: the range holds what is really left...
        expect(plan.budget.unspent.atLeast, `${n} hidden places`).toBeLessThanOrEqual(budget.given - n * perPlace);
        expect(plan.budget.unspent.atMost, `${n} hidden places`).toBeGreaterThanOrEqual(budget.given - n * perPlace);
        expect(plan.budget.unspent.atMost).toBeLessThan(budget.given);
        // ...and is the same for 1 to 4 of them: the hidden count cannot be worked out from it.
        expect(plan.budget.unspent).toEqual(hidden[0]!.plan.budget.unspent);
      }
      for (const n of [7, 13, 18]) {
        const plan = as(n, budget);
        expect(plan.budget.unspent.atLeast).toBeLessThanOrEqual(budget.given - n * perPlace);
        expect(plan.budget.unspent.atMost).toBeGreaterThanOrEqual(budget.given - n * perPlace);
      }
    }
  });
});
