import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsBehind } from '../../src/core/analytics/random-rounding.js';
import { build, call, ndjson, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Can a planner read a count of people out of the training plan (POST /v1/analytics/training-plan)?
 * Planted on the real service and store: 22 jobseekers in Tampere and one (the planted one) in Nokia, in
 * Tampere's employment area, all alike, welders missing TIG welding; welding vacancies in both towns and a
 * TIG course in Tampere. Every count over clients in the plan — clients examined, candidate pairs, places
 * bought per training and in all, and what follows from places (cost, the budget spent) — is read as an
 * attacker reads it: a number that is not a multiple of 5 is exact; a multiple of 5 or "<5" stands for the
 * range random rounding allows (src/core/analytics/random-rounding.ts).
 */
let service: RunningService;
let planner: Caller;
const NOW = '2026-12-02T10:00:00.000Z';
const PLANTED = 'NOK-1';
const TRAINING = 'T-TIG';
const COST = 500;

const people = [...Array.from({ length: 22 }, (_, i) => ({ id: `TRE-${i + 1}`, municipality: '837' })), { id: PLANTED, municipality: '536' }];

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(NOW) });
  planner = service.as('planner');
  const counsellor = service.as('counsellor');
  const records = people.map((p) => sampleJobseeker(p.id, { municipality: p.municipality, unemployedSince: '2024-06-01', birthYear: 1985, gender: 'female', motherTongue: 'sv' }));
  const created = await call(counsellor, 'POST', '/v1/jobseekers/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  for (const [i, municipality] of ['Tampere', 'Tampere', 'Tampere', 'Nokia', 'Nokia'].entries()) {
    const put = await call(service.as('admin'), 'PUT', `/v1/vacancies/V-${i + 1}`, sampleVacancy(`V-${i + 1}`, { municipality }));
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
  }
  const training = { id: TRAINING, title: 'TIG-hitsauksen kurssi', description: 'TIG-hitsaus konepajatyöhön.', provider: 'Ammattiopisto Virta', kind: 'vocational', municipality: 'Tampere', durationDays: 20, cost: COST, skills: ['TIG-hitsaus'] };
  expect((await call(planner, 'PUT', `/v1/trainings/${TRAINING}`, training)).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

type Published = number | '<5' | null;
const PLACES: Record<string, { body: Record<string, string>; municipalities?: string[] }> = {
  Tampere: { body: { municipality: '837' }, municipalities: ['837'] },
  Nokia: { body: { municipality: '536' }, municipalities: ['536'] },
  'Tampere employment area': { body: { area: 'tampere' } },
  Pirkanmaa: { body: { region: '06' } },
  Finland: { body: {} },
};
const peopleIn = (place: (typeof PLACES)[string]) => new Set(people.filter((p) => !place.municipalities || place.municipalities.includes(p.municipality)).map((p) => p.id));

async function plan(body: Record<string, unknown>, as: Caller = planner): Promise<any> {
  const got = await call(as, 'POST', '/v1/analytics/training-plan', { budget: { places: 50 }, ...body });
  expect(got.status, `${JSON.stringify(body)}: ${JSON.stringify(got.body)}`).toBe(200);
  return got.body;
}

/** Every count over clients in a plan, by what it counts; cost and the budget spent are places × price. */
function figures(p: any): Map<string, Published> {
  const byPlaces = (cost: number | null) => (cost === null ? null : cost / COST);
  const f = new Map<string, Published>([
    ['clients examined', p.clientsExamined],
    ['candidate pairs', p.candidatePairs],
    ['places', p.places],
    ['places from cost', byPlaces(p.cost)],
    ['budget spent', p.budget.spent],
  ]);
  for (const purchase of p.purchases) {
    f.set(`places ${purchase.training.id}`, purchase.places);
    f.set(`places ${purchase.training.id} from cost`, byPlaces(purchase.cost));
  }
  return f;
}
/** What a figure proves, as an attacker reads it: a number off the rounding's steps is exact. */
const range = (p: Exclude<Published, null>) => (typeof p === 'number' && p % 5 !== 0 ? { low: p, high: p } : countsBehind(p));

describe('the training plan publishes no exact count of clients', () => {
  it('shows no count of one or two clients in any single plan, and names no client', async () => {
    for (const [name, place] of Object.entries(PLACES)) {
      const answer = await plan(place.body);
      expect(JSON.stringify(answer), name).not.toMatch(/TRE-|NOK-/);
      expect(answer.picks, name).toBeUndefined();
      for (const [cell, p] of figures(answer)) {
        if (p === null || p === '<5') continue;
        expect(p % 5, `${name} ${cell} = ${p}`).toBe(0);
        if (p === 0) expect(cell, `${name}: 0 is published as "<5"`).toMatch(/spent|from cost/);
      }
    }
    // The planted client's own place: a plan of one client shows no per-client figures.
    const nokia = await plan(PLACES.Nokia!.body);
    expect(nokia.clientsExamined).toBe('<5');
    expect(nokia.purchases).toEqual([]);
    expect(nokia.withheld?.message).toMatch(/20/);
  });

  it('no pair of places whose clients differ by the planted client alone proves that client, in any figure', async () => {
    const answers = [];
    for (const [name, place] of Object.entries(PLACES)) answers.push({ place: name, people: peopleIn(place), figures: figures(await plan(place.body)) });
    const proofs: string[] = [];
    let pairs = 0;
    for (const a of answers) {
      for (const b of answers) {
        if (a.people.size !== b.people.size + 1 || !a.people.has(PLANTED) || b.people.has(PLANTED)) continue;
        pairs++;
        for (const [cell, pa] of a.figures) {
          const pb = b.figures.get(cell);
          if (pa === null || pa === undefined || pb === null || pb === undefined) continue;
          if (range(pa).low - range(pb).high >= 1) proofs.push(`${cell}: ${a.place} ${pa} − ${b.place} ${pb}`);
        }
      }
    }
    expect(pairs).toBe(3); // the area, Pirkanmaa and Finland against Tampere
    expect(proofs).toEqual([]);
  });

  it('answers the same question the same way: asked again, an area or its region, a budget 1 € apart, in Finnish or Swedish, a day apart', async () => {
    const euros = (n: number) => ({ budget: { euros: n } });
    const same = async (bodies: Record<string, unknown>[]) => {
      const [first, ...rest] = await Promise.all(bodies.map((b) => plan(b)));
      for (const [i, other] of rest.entries()) expect([...figures(other)], JSON.stringify(bodies[i + 1])).toEqual([...figures(first)]);
    };
    await same([{ area: 'tampere' }, { area: 'tampere' }, { region: '06' }, { region: 'Pirkanmaa' }, { area: 'tampere', lang: 'sv' }, { area: 'tampere', asOf: '2026-12-01' }]);
    await same([{ municipality: '837' }, { municipality: 'Tampere', lang: 'sv' }]);
    await same([{ area: 'tampere', ...euros(100_000) }, { area: 'tampere', ...euros(100_001) }, { region: '06', ...euros(99_999) }]);
    expect(await plan({ area: 'tampere', lang: 'sv' })).toEqual(await plan({ area: 'tampere', lang: 'sv' }));
  });

  it('a budget swept a place at a time does not tell the exact number of places bought (why the plan stopped)', async () => {
    // The planner knows the budget exactly: "budget spent" at b places and "nothing further" at b + 1, with
    // the same purchases shown, said that exactly b clients were picked, whatever "<5" the places showed.
    const proofs: string[] = [];
    for (const [name, place] of Object.entries(PLACES)) {
      if (name === 'Nokia') continue; // withheld
      const sweep = [];
      for (let b = 1; b <= 6; b++) sweep.push({ b, answer: await plan({ ...place.body, budget: { places: b } }) });
      expect(sweep[0]!.answer.withheld, name).toBeUndefined();
      const shown = (a: any) => JSON.stringify([a.purchases, a.places, a.cost, a.vacanciesOpened, a.expectedEmployed]);
      for (const x of sweep) {
        for (const y of sweep) {
          if (x.b >= y.b || shown(x.answer) !== shown(y.answer)) continue;
          // Two budgets whose published plans are the same, neither spent as published: nothing else may tell them apart.
          if (x.answer.budget.spent >= x.b || y.answer.budget.spent >= y.b) continue;
          if (x.answer.budget.stoppedBecause !== y.answer.budget.stoppedBecause) proofs.push(`${name}: ${x.b} places "${x.answer.budget.stoppedBecause}", ${y.b} places "${y.answer.budget.stoppedBecause}"`);
        }
      }
    }
    expect(proofs).toEqual([]);
  });

  it('is for planners and admins: a counsellor or an employer unit is refused', async () => {
    for (const role of ['counsellor', 'employer-service'] as const) {
      const got = await call(service.as(role), 'POST', '/v1/analytics/training-plan', { area: 'tampere', budget: { places: 5 } });
      expect(got.status, role).toBe(403);
    }
    expect((await call(service.as('admin'), 'POST', '/v1/analytics/training-plan', { area: 'tampere', budget: { places: 5 } })).status).toBe(200);
  });
});
