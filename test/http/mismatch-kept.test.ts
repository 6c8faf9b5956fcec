import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * The mismatch summary with its match-engine shares kept per area (KOHTAANTO_ANALYTICS_REFRESH_MINUTES,
 * src/runtime/kept-figures.ts) against the same summary counted at each request, on two services
 * started from copies of the same seeded data directory: the same records, the same answers.
 */
let kept: RunningService;
let counted: RunningService;
let keptPlanner: Caller;
let countedPlanner: Caller;

beforeAll(async () => {
  // One after the other: two starts in one process at once can hold fastify's plugin start past its timeout on a loaded machine.
  kept = await build({ env: { KOHTAANTO_ANALYTICS_REFRESH_MINUTES: '10', KOHTAANTO_ANALYTICS_COUNT_AT_START: 'on' } });
  counted = await build({ env: { KOHTAANTO_ANALYTICS_REFRESH_MINUTES: '0' } });
  keptPlanner = kept.as('planner');
  countedPlanner = counted.as('planner');
}, 300_000);

afterAll(async () => {
  for (const s of [kept, counted]) {
    await s?.stop();
    if (s) removeDir(s.dataDir);
  }
});

const mismatch = async (planner: Caller, query: string) => {
  const answer = await call(planner, 'GET', `/v1/analytics/mismatch?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const withoutTime = ({ matchedAt: _at, matchedCurrent: _current, ...rest }: Record<string, unknown>) => rest;

describe('GET /v1/analytics/mismatch with the shares kept', () => {
  it('counts every employment area and region (and Finland) in one background pass', async () => {
    await kept.engine.analytics.keptFigures.refresh();
    const areas = kept.engine.employmentAreas.all.length;
    expect(kept.engine.analytics.keptFigures.status()).toEqual({ kept: areas + 19 + 1, current: areas + 19 + 1 });
    expect(counted.engine.analytics.keptFigures.status()).toBeUndefined();
  }, 300_000);

  it('answers as a count at the request does, for employment areas, regions, municipalities and Finland, in each language', async () => {
    const tampere = kept.engine.employmentAreas.areaOf('837').id;
    const queries = [`area=${tampere}`, 'region=06', 'municipality=837', '', `area=${tampere}&candidates=1`, `region=01&asOf=2026-11-01`];
    for (const query of queries) {
      for (const lang of ['fi', 'sv']) {
        const q = `${query}&lang=${lang}`;
        const [fromKept, fromCount] = [await mismatch(keptPlanner, q), await mismatch(countedPlanner, q)];
        expect(fromKept.matchedCurrent, q).toBe(true);
        expect(Date.parse(fromKept.matchedAt), q).not.toBeNaN();
        expect(fromCount).not.toHaveProperty('matchedAt');
        expect(withoutTime(fromKept), q).toEqual(fromCount);
      }
    }
    // The shares come from the match engine: the comparison compares something.
    const region = await mismatch(countedPlanner, 'region=01');
    expect(region.vacanciesWithSuitableCandidates.matched).toBeGreaterThan(0);
    expect(region.longTermWithoutSuitableVacancy.matched).toBeGreaterThan(0);
  }, 300_000);

  it('after a vacancy is written, serves the kept shares with their time until the background count, which then answers as a count at the request', async () => {
    const tampere = kept.engine.employmentAreas.areaOf('837').id;
    const vacancy = { ...sampleVacancy('KEPT-1'), municipality: '837' };
    for (const s of [kept, counted]) expect((await call(s.as('admin'), 'PUT', '/v1/vacancies/KEPT-1', vacancy)).status).toBeLessThan(300);
    const before = await mismatch(keptPlanner, `area=${tampere}`);
    expect(before.matchedCurrent).toBe(false);
    await kept.engine.analytics.keptFigures.refresh();
    const after = await mismatch(keptPlanner, `area=${tampere}`);
    expect(after.matchedCurrent).toBe(true);
    expect(Date.parse(after.matchedAt)).toBeGreaterThanOrEqual(Date.parse(before.matchedAt));
    expect(withoutTime(after)).toEqual(await mismatch(countedPlanner, `area=${tampere}`));
  }, 300_000);
});
