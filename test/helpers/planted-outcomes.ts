import { expect } from 'vitest';
import { call, type Caller, type RunningService } from './service.js';

/**
 * Planted outcomes of two trainings in Tampere, played through the HTTP API (issue 33, item 6):
 * twenty welding posts asking for the hot-work card; 24 welders took T-CARD, 6 T-THIN, 40 similar
 * welders were referred to nothing, and NEW-1 is a client the counsellor advises. Referrals made on
 * 2025-01-31 and completed on 2025-05-01; the registers (imported on 2025-12-31) say 18 of the 24,
 * 5 of the 6 and 10 of the 40 found work within 6 months of the end: T-CARD's measured effect is
 * 18/24 − 10/41 = +0.51 (NEW-1 is a comparison client too); T-THIN has too few participants.
 * `setDay` moves the service's clock (the service is started with `clock: plantedClock.now`).
 */
export const plantedClock = {
  at: Date.parse('2025-01-31T12:00:00Z'),
  now: (): Date => new Date(plantedClock.at),
};
const setDay = (day: string) => (plantedClock.at = Date.parse(`${day}T12:00:00Z`));
export const ENDED = '2025-05-01';
export const REPORT = '2025-12-31';
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

/** Plants the outcomes (the clock at the start day first), leaving the clock on the report day. */
export async function plantOutcomes(service: RunningService): Promise<void> {
  setDay('2025-01-31');
  const [counsellor, planner, employer] = [service.as('counsellor'), service.as('planner'), service.as('employer-service')];
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
}
