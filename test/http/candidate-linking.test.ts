import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, ndjson, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Can an employer unit join the pseudonymous candidates of two of its lists (or of two ad-hoc searches)
 * through a value the person chose? Planted on the real service: six alike welders in Tampere who differ
 * only in the commuting range they gave (30, 33, … 45 km). Their pseudonyms differ per vacancy and per
 * search; what else each hit shows must not tell one of them from the others.
 */
let service: RunningService;
let unit: Caller;
let counsellor: Caller;
const RANGES = [30, 33, 36, 39, 42, 45];

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  unit = service.as('employer-service');
  counsellor = service.as('counsellor');
  const people = RANGES.map((km, i) => sampleJobseeker(`TRE-${i + 1}`, { commuteKm: km, name: `Hitsaaja ${i + 1}` }));
  const created = await call(counsellor, 'POST', '/v1/jobseekers/bulk', ndjson(people), { 'content-type': 'application/x-ndjson' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  for (const [id, skills] of [['V-MIG', ['MIG-hitsaus']], ['V-DRAW', ['piirustusten lukeminen']], ['V-BOTH', ['MIG-hitsaus', 'piirustusten lukeminen']]] as const) {
    const put = await call(unit, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id, { skills }));
    expect(put.status, JSON.stringify(put.body)).toBe(201);
  }
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

type Hit = { id: string; municipality: string; occupation?: { uri: string }; gates: object; commute?: object; score: number; parts: object };
/** Everything a hit shows about the person that does not depend on the vacancy's skills: what two lists could be joined on. */
const signature = (h: Hit) => JSON.stringify([h.municipality, h.occupation?.uri, h.gates, h.commute]);
/** Candidates of list `a` that one signature picks out in list `b` (a join). */
function joined(a: Hit[], b: Hit[]): string[] {
  return a.filter((h) => a.filter((o) => signature(o) === signature(h)).length === 1 && b.filter((o) => signature(o) === signature(h)).length === 1).map((h) => h.id);
}

describe('pseudonymous candidates cannot be joined by their own commuting range', () => {
  it('two lists of one unit', async () => {
    const mig = await call(unit, 'GET', '/v1/vacancies/V-MIG/candidates?k=10');
    const draw = await call(unit, 'GET', '/v1/vacancies/V-DRAW/candidates?k=10');
    expect(mig.status).toBe(200);
    expect(draw.status).toBe(200);
    const a: Hit[] = mig.body.hits;
    const b: Hit[] = draw.body.hits;
    expect(a).toHaveLength(RANGES.length);
    expect(b).toHaveLength(RANGES.length);
    for (const h of [...a, ...b]) expect(h.commute, 'a candidate shows the commute').toBeDefined();
    expect(a.map((h) => h.id).filter((id) => b.some((o) => o.id === id))).toEqual([]); // the pseudonyms differ
    expect(joined(a, b)).toEqual([]);
    for (const h of [...a, ...b]) expect(JSON.stringify(h)).not.toMatch(/"rangeKm"/);
  });

  it('two ad-hoc searches', async () => {
    const search = (text: string) => call(unit, 'POST', '/v1/match', { text, target: 'jobseekers', k: 10, municipality: 'Tampere' });
    const one = await search('hitsaaja, MIG-hitsaus');
    const two = await search('piirustusten lukeminen, hitsaaja');
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(two.status, JSON.stringify(two.body)).toBe(200);
    expect(one.body.hits).toHaveLength(RANGES.length);
    expect(two.body.hits).toHaveLength(RANGES.length);
    for (const h of [...one.body.hits, ...two.body.hits]) expect(h.commute, 'a search at a place shows the commute').toBeDefined();
    expect(joined(one.body.hits, two.body.hits)).toEqual([]);
    for (const h of [...one.body.hits, ...two.body.hits]) expect(JSON.stringify(h)).not.toMatch(/"rangeKm"/);
  });

  it('nor by editing the vacancy: a list under new requirements comes with new pseudonyms (what ranks no one keeps them)', async () => {
    // One vacancy, its requirements edited in turn: under the same pseudonyms each candidate's answers to
    // every version joined (every skill, language, licence or card asked in turn: their whole profile).
    const put = (body: Record<string, unknown>) => call(unit, 'PUT', '/v1/vacancies/V-EDIT', sampleVacancy('V-EDIT', body));
    const pseudonyms = async () => {
      const list = await call(unit, 'GET', '/v1/vacancies/V-EDIT/candidates?k=10');
      expect(list.status).toBe(200);
      expect(list.body.hits).toHaveLength(RANGES.length);
      return list.body.hits.map((h: Hit) => h.id).sort() as string[];
    };
    expect((await put({ skills: ['MIG-hitsaus'] })).status).toBe(201);
    const first = await pseudonyms();
    expect((await put({ skills: ['piirustusten lukeminen'], drivingLicences: ['B'] })).status).toBe(200);
    const edited = await pseudonyms();
    expect(edited.filter((id) => first.includes(id)), 'a pseudonym in both versions joins them').toEqual([]);
    // The employer's own details, the pay and the number of positions rank no one: the same list, the same pseudonyms.
    expect((await put({ skills: ['piirustusten lukeminen'], drivingLicences: ['B'], employer: 'Konepaja Uusi Oy', salary: 'TES', positions: 2 })).status).toBe(200);
    expect(await pseudonyms()).toEqual(edited);
  });

  it('their own counsellor still sees the range they gave', async () => {
    const own = await call(counsellor, 'GET', '/v1/vacancies/V-MIG/candidates?k=10');
    expect(own.status).toBe(200);
    expect(own.body.hits.map((h: any) => h.commute?.rangeKm).sort()).toEqual(RANGES);
  });

  it('nor by their order: candidates a list shows alike are not in the same order in every list (it was their real ids\' order)', async () => {
    // The test's way to know who is who: the counsellor shares all six for each vacancy, so the unit sees names.
    const lists: string[][] = [];
    for (const vacancy of ['V-MIG', 'V-DRAW', 'V-BOTH']) {
      for (let i = 1; i <= RANGES.length; i++) {
        const shared = await call(counsellor, 'POST', `/v1/vacancies/${vacancy}/shares`, { jobseekerId: `TRE-${i}` });
        expect(shared.status, JSON.stringify(shared.body)).toBe(201);
      }
      const list = await call(unit, 'GET', `/v1/vacancies/${vacancy}/candidates?k=10`);
      expect(list.status).toBe(200);
      const hits: (Hit & { name?: string })[] = list.body.hits;
      expect(new Set(hits.map(signature)).size, 'the six show alike').toBe(1);
      expect(new Set(hits.map((h) => JSON.stringify([h.score, h.parts]))).size, 'with one score').toBe(1);
      lists.push(hits.map((h) => h.name!));
    }
    expect(lists[0]).toHaveLength(RANGES.length);
    // Alike candidates in one order in all three lists would join them by place (6! orders: 1 in 518,400 by chance).
    expect(new Set(lists.map((l) => l.join())).size).toBeGreaterThan(1);
  });
});

/**
 * The known hole left by privacy-6: alike candidates can sit in several tied runs, split by candidates whose
 * gates differ (a licence given or not is shown, never scored). Six welders alike but for the licence: TRE-1, 3, 5
 * have not said (gate `unknown`), TRE-2, 4, 6 hold class B (`pass`); the ranking's real-id tie-break interleaves
 * them, each a run of one, so the three of one gate came in their real ids' order in every list.
 */
describe('nor by their order when alike candidates are split by others (tied runs)', () => {
  let split: RunningService;
  const VACANCIES = ['V-L-MIG', 'V-L-DRAW', 'V-L-BOTH', 'V-L-TIG'];
  beforeAll(async () => {
    split = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
    const own = split.as('counsellor');
    const people = [1, 2, 3, 4, 5, 6].map((i) => sampleJobseeker(`TRE-${i}`, { name: `Hitsaaja ${i}`, ...(i % 2 === 0 ? { drivingLicences: ['B'] } : {}) }));
    const created = await call(own, 'POST', '/v1/jobseekers/bulk', ndjson(people), { 'content-type': 'application/x-ndjson' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const skills = [['MIG-hitsaus'], ['piirustusten lukeminen'], ['MIG-hitsaus', 'piirustusten lukeminen'], ['MIG-hitsaus', 'TIG-hitsaus']];
    for (const [i, id] of VACANCIES.entries()) {
      const put = await call(split.as('employer-service'), 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id, { skills: skills[i], drivingLicences: ['B'] }));
      expect(put.status, JSON.stringify(put.body)).toBe(201);
    }
  }, 240_000);
  afterAll(async () => {
    await split.stop();
    removeDir(split.dataDir);
  });

  it('the three of one gate are not in one order in every list', async () => {
    const own = split.as('counsellor');
    const employer = split.as('employer-service');
    const byGate = new Map<string, string[]>(); // licence gate -> the order of its three in each list, joined
    for (const vacancy of VACANCIES) {
      for (let i = 1; i <= 6; i++) expect((await call(own, 'POST', `/v1/vacancies/${vacancy}/shares`, { jobseekerId: `TRE-${i}` })).status).toBe(201);
      const list = await call(employer, 'GET', `/v1/vacancies/${vacancy}/candidates?k=10`);
      expect(list.status).toBe(200);
      const hits: (Hit & { name?: string; gates: { licence: string } })[] = list.body.hits;
      expect(hits).toHaveLength(6);
      expect(new Set(hits.map((h) => JSON.stringify([h.score, h.parts]))).size, 'one score').toBe(1);
      expect(new Set(hits.map((h) => h.gates.licence))).toEqual(new Set(['unknown', 'pass']));
      for (const gate of ['unknown', 'pass']) {
        const alike = hits.filter((h) => h.gates.licence === gate);
        expect(new Set(alike.map(signature)).size, 'the three of one gate show alike').toBe(1);
        byGate.set(gate, [...(byGate.get(gate) ?? []), alike.map((h) => h.name).join()]);
      }
    }
    // One order of three in four lists: 1 in 216 by chance, for each gate.
    for (const [gate, orders] of byGate) expect(new Set(orders).size, `${gate}: ${orders.join(' | ')}`).toBeGreaterThan(1);
  });
});
