import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, type Caller, type RunningService } from '../helpers/service.js';

/**
 * The daily budget of noisy planner reports (privacy-11, src/http/report-budget.ts): each planner figure of
 * people is noised per question, and many different questions that differ by one person average the noise
 * away (docs/privacy-and-oversight.md). So a key may ask only so many distinct noisy questions a day.
 */
const PER_DAY = 4;
let service: RunningService;
let planner: Caller;
let admin: Caller;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_NOISY_REPORTS_PER_DAY: String(PER_DAY) } });
  planner = service.as('planner');
  admin = service.as('admin');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

/** Four different questions, each to a route that publishes noisy counts of people. */
const QUESTIONS = [
  '/v1/analytics/skills?area=Tampere&limit=10',
  '/v1/analytics/occupations?area=Tampere',
  '/v1/oversight/exposure?area=Tampere&source=replay&sample=20',
  '/v1/analytics/what-works?area=Tampere',
];

describe('the daily budget of noisy reports', () => {
  it('admits a key PER_DAY distinct questions a day, any number of times each, then answers 429 in the caller\'s language with Retry-After, audited', async () => {
    for (const path of QUESTIONS) expect((await call(planner, 'GET', path)).status, path).toBe(200);
    // The same questions again (another file format, labels' language or number of rows listed) return the same noise: free.
    for (const path of [`${QUESTIONS[0]!}&format=csv`, '/v1/analytics/skills?area=Tampere&limit=50&lang=sv', QUESTIONS[1]!, QUESTIONS[2]!]) {
      expect((await call(planner, 'GET', path)).status, path).toBe(200);
    }
    // A fifth different question (another place; another report) is refused, before anything is counted.
    for (const [method, path, body] of [
      ['GET', '/v1/analytics/skills?municipality=Tampere'],
      ['GET', '/v1/analytics/mismatch?area=Tampere'],
      ['POST', '/v1/analytics/training-plan', { area: 'Tampere', budget: { places: 8 } }],
    ] as const) {
      const refused = await call(planner, method, path, body, { 'accept-language': 'sv-FI' });
      expect(refused.status, path).toBe(429);
      expect(refused.body.error).toBe('rate_limited');
      expect(refused.body.message).toMatch(/statistikrapporter/);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(86_400);
    }
    expect((await call(planner, 'GET', '/v1/analytics/mismatch?area=Tampere', undefined, { 'accept-language': 'fi' })).body.message).toMatch(/tilastoraporttia/);
    // The questions already asked still answer.
    expect((await call(planner, 'GET', QUESTIONS[3]!)).status).toBe(200);
    const trail = (await call(admin, 'GET', '/v1/audit?limit=100')).body.entries as { status: number; route: string; detail: unknown }[];
    expect(trail.find((e) => e.status === 429 && e.route === '/v1/analytics/mismatch')?.detail).toEqual({ reportBudget: { report: 'mismatch', perDay: PER_DAY } });
  });

  it('is per key (a signed-in person has their own), and admins are not limited', async () => {
    const issued = await call(admin, 'POST', '/v1/admin/keys', { role: 'planner', name: 'Another planner', organisation: 'national' });
    expect(issued.status).toBe(201);
    const other = service.withKey(issued.body.key);
    expect((await call(other, 'GET', '/v1/analytics/mismatch?area=Tampere')).status).toBe(200);
    for (const municipality of ['Tampere', 'Nokia', 'Ylöjärvi', 'Kangasala', 'Lempäälä', 'Pirkkala']) {
      expect((await call(admin, 'GET', `/v1/analytics/skills?municipality=${municipality}`)).status).toBe(200);
    }
  });

  it('is counted in the database: a restart on the same data directory forgets nothing', async () => {
    await service.stop();
    const again = await build({ env: { KOHTAANTO_NOISY_REPORTS_PER_DAY: String(PER_DAY) }, dataDir: service.dataDir });
    const samePlanner = again.withKey(service.keys.planner);
    try {
      expect((await call(samePlanner, 'GET', '/v1/analytics/mismatch?area=Tampere')).status).toBe(429);
      expect((await call(samePlanner, 'GET', QUESTIONS[0]!)).status).toBe(200);
    } finally {
      await again.stop();
    }
  });
});
