import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 33, item 6, through the HTTP API on the real store: a training whose earlier participants
 * in the area have planted outcomes (referrals completed months ago, employment events imported
 * from the registers) gets its expected effect from them in the planner's training plan and shows
 * its measured effect in the counsellor's training list; a training with too few participants stays
 * estimated and shows none. The service's clock moves through the months as the referrals do.
 */
let service: RunningService;
let counsellor: Caller;
let planner: Caller;
let employer: Caller;
let now = Date.parse('2025-01-31T12:00:00Z');
const setDay = (day: string) => (now = Date.parse(`${day}T12:00:00Z`));
const ENDED = '2025-05-01';
const REPORT = '2025-12-31';
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const bulk = (caller: Caller, path: string, rows: unknown[]) => call(caller, 'POST', path, ndjson(rows), { 'content-type': 'application/x-ndjson' });

const welder = (id: string) => ({
  id,
  title: 'hitsaaja',
  summary: 'Hitsaaja, MIG-hitsaus ja piirustusten lukeminen. Etsin työtä.',
  skills: ['MIG-hitsaus', 'piirustusten lukeminen'],
  municipality: '837',
  languages: ['fi'],
  birthYear: 1985,
  unemployedSince: '2024-09-01',
});
const course = (id: string, title: string) => ({
  id,
  title,
  description: `${title}: tulityökortti hitsaajille.`,
  provider: 'Tredu',
  kind: 'licence-or-card',
  municipality: 'Tampere',
  durationDays: 2,
  startDates: ['2027-01-15'],
  cost: 400,
  skills: ['tulityökortti'],
});

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(now) });
  ({ counsellor, planner } = { counsellor: service.as('counsellor'), planner: service.as('planner') });
  employer = service.as('employer-service');
  expect((await call(planner, 'PUT', '/v1/trainings/T-CARD', course('T-CARD', 'Tulityökortti ja työhönvalmennus'))).status).toBe(201);
  expect((await call(planner, 'PUT', '/v1/trainings/T-THIN', course('T-THIN', 'Tulityökortti iltakurssina'))).status).toBe(201);
  // Twenty welding posts asking for the hot-work card the clients lack.
  const posts = Array.from({ length: 20 }, (_, i) => ({
    id: `V-${i + 1}`,
    title: 'hitsaaja',
    description: 'Konepaja hakee hitsaajaa. Edellytämme MIG-hitsaus ja tulityökortti osaamista.',
    skills: ['MIG-hitsaus', 'tulityökortti'],
    municipality: 'Tampere',
    employer: `Konepaja ${i + 1} Oy`,
    publishedAt: '2025-01-20',
  }));
  expect((await bulk(employer, '/v1/vacancies/bulk', posts)).status).toBe(200);
  // 24 took T-CARD, 6 T-THIN, 40 similar clients were referred to nothing; one more is the client the counsellor advises.
  const card = Array.from({ length: 24 }, (_, i) => welder(`P-${i + 1}`));
  const thin = Array.from({ length: 6 }, (_, i) => welder(`Q-${i + 1}`));
  const comparison = Array.from({ length: 40 }, (_, i) => welder(`C-${i + 1}`));
  expect((await bulk(counsellor, '/v1/jobseekers/bulk', [...card, ...thin, ...comparison, welder('NEW-1')])).status).toBe(200);
  const referrals: { id: number; version: number }[] = [];
  for (const [clients, training] of [
    [card, 'T-CARD'],
    [thin, 'T-THIN'],
  ] as const) {
    for (const c of clients) {
      const made = await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: c.id, trainingId: training });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      referrals.push({ id: made.body.id, version: made.body.version });
    }
  }
  setDay(ENDED);
  for (const r of referrals) {
    for (const [state, on] of [
      ['accepted', '2025-02-02'],
      ['started', '2025-02-07'],
      ['completed', ENDED],
    ]) {
      const changed = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state, on, version: r.version });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      r.version = changed.body.version;
    }
  }
  // The registers months later: 18 of 24 card participants in work within 6 months of the end, 10 of 40 comparison clients.
  setDay(REPORT);
  const events = [
    ...card.slice(0, 18).map((c, i) => ({ jobseekerId: c.id, event: 'employed-open', date: addDays(ENDED, 10 + i * 5) })),
    ...thin.slice(0, 5).map((c, i) => ({ jobseekerId: c.id, event: 'employed-open', date: addDays(ENDED, 20 + i) })),
    ...comparison.slice(0, 10).map((c, i) => ({ jobseekerId: c.id, event: 'employed-open', date: addDays(ENDED, 15 + i * 10) })),
  ];
  const imported = await bulk(counsellor, '/v1/outcomes/bulk', events);
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('the training plan and the training list use measured outcomes (issue 33, item 6)', () => {
  it('What works gives T-CARD an effect and T-THIN none (too few participants)', async () => {
    const r = (await call(planner, 'GET', `/v1/analytics/what-works?municipality=837&from=2025-01-01&to=${REPORT}`)).body;
    const six = (id: string) => r.trainings.find((t: { trainingId: string }) => t.trainingId === id).horizons.find((h: { months: number }) => h.months === 6);
    // 18/24 = 0.75 against 10/41 (the 40 and NEW-1, never referred) = 0.24.
    expect(six('T-CARD')).toMatchObject({ participants: 25, evidence: 'enough', effect: 0.51 });
    expect(six('T-THIN')).toMatchObject({ evidence: 'not enough', effect: null });
  });

  it("takes T-CARD's expected gain from its measured effect in the plan and says so; T-THIN stays estimated", async () => {
    const plan = await call(planner, 'POST', '/v1/analytics/training-plan', { municipality: '837', budget: { places: 3 }, asOf: REPORT, lang: 'en' });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body.objective).toBe('employment');
    const card = plan.body.purchases.find((p: { training: { id: string } }) => p.training.id === 'T-CARD');
    // (24 × 0.51 + 40 × estimate) / 64 per place, above the estimate alone (at most 0.2): T-CARD is what the plan buys.
    expect(plan.body.purchases.map((p: { training: { id: string } }) => p.training.id)).toEqual(['T-CARD']);
    expect(card).toMatchObject({ places: 3, effect: { basis: 'measured', participants: 25 } });
    expect(card.effect.perPlace).toBeGreaterThan(0.2);
    expect(card.explanation).toContain("measured on the area's earlier participants (25)");
    expect(JSON.stringify(plan.body)).not.toMatch(/"(P|Q|C|NEW)-\d+"/); // names no client
    // The proxy plan, by vacancies opened: one place opens all twenty posts, and it takes the course ordered first; each pick says it is estimated.
    const proxy = (await call(planner, 'POST', '/v1/analytics/training-plan', { municipality: '837', budget: { places: 3 }, asOf: REPORT, objective: 'vacancies' })).body;
    expect(proxy.places).toBe(1);
    expect(proxy.expectedEmployed).toBeLessThan(plan.body.expectedEmployed);
  });

  it("shows the counsellor T-CARD's measured effect in the client's training list, and none for T-THIN", async () => {
    const gaps = await call(counsellor, 'GET', '/v1/jobseekers/NEW-1/gaps', undefined, { 'accept-language': 'fi' });
    expect(gaps.status, JSON.stringify(gaps.body)).toBe(200);
    const offers = gaps.body.skills.flatMap((s: { trainings: { id: string }[] }) => s.trainings) as { id: string; measured?: unknown }[];
    expect(offers.find((o) => o.id === 'T-CARD')?.measured).toEqual({ months: 6, effect: 0.51, low: expect.any(Number), high: expect.any(Number), participants: 25 });
    const thin = offers.find((o) => o.id === 'T-THIN');
    if (thin) expect(thin.measured).toBeUndefined();
  });

  it('refuses the plan to counsellors and employer units, and a bad objective naming the field', async () => {
    for (const caller of [counsellor, employer]) expect((await call(caller, 'POST', '/v1/analytics/training-plan', { municipality: '837', budget: { places: 3 } })).status).toBe(403);
    const bad = await call(planner, 'POST', '/v1/analytics/training-plan', { municipality: '837', budget: { places: 3 }, objective: 'hires' }, { 'accept-language': 'sv' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toContain('objective');
    // The planner never reads a client's gap report.
    expect((await call(planner, 'GET', '/v1/jobseekers/NEW-1/gaps')).status).toBe(403);
  });
});
