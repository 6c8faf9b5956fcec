import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { call, removeDir, sampleVacancy, build, type RunningService } from '../helpers/service.js';

/**
 * "Today" is the service's clock (src/core/clock.ts), not the machine's: a service opened with a
 * fixed clock lives on that date in what it matches, dates and counts. The date below lies months
 * before the machine's, so both vacancies have expired by the machine's clock.
 */
let service: RunningService;

beforeAll(async () => {
  service = await build({ clock: fixedClock('2026-03-15T10:00:00Z'), env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe("the service's today", () => {
  it('matches a vacancy open on the clock\'s day and leaves out one expired before it', async () => {
    const admin = service.as('admin');
    expect((await call(admin, 'PUT', '/v1/vacancies/V-OPEN', sampleVacancy('V-OPEN', { expiresAt: '2026-03-20' }))).status).toBe(201);
    expect((await call(admin, 'PUT', '/v1/vacancies/V-PAST', sampleVacancy('V-PAST', { expiresAt: '2026-03-10' }))).status).toBe(201);
    const { status, body } = await call(admin, 'POST', '/v1/match', { text: 'hitsaaja, MIG-hitsaus', k: 10 });
    expect(status).toBe(200);
    expect((body.hits as { id: string }[]).map((h) => h.id)).toEqual(['V-OPEN']);
  });

  it("counts analytics as of the clock's day (the month end before it)", async () => {
    const { status, body } = await call(service.as('planner'), 'GET', '/v1/analytics/occupations?area=tampere');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-02-28');
  });

  it("dates the audit trail by the clock", async () => {
    const { body } = await call(service.as('admin'), 'GET', '/v1/audit?limit=5');
    expect(body.entries.length).toBeGreaterThan(0);
    for (const entry of body.entries as { at: string }[]) expect(entry.at.slice(0, 10)).toBe('2026-03-15');
  });

  it("gives the session cookie the session's lifetime on the clock (Max-Age: ten hours), not the machine's", async () => {
    const signIn = await call(service.withKey(), 'POST', '/v1/session', { key: service.keys.counsellor });
    expect(signIn.status).toBe(201);
    expect(signIn.body.expiresAt).toBe('2026-03-15T20:00:00.000Z');
    expect(signIn.headers.get('set-cookie')).toMatch(/; Max-Age=36000(;|$)/);
  });
});
