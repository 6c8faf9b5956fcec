import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * The planner's demand against supply (skills, occupations) and the exposure report kept per question
 * (KOHTAANTO_ANALYTICS_REFRESH_MINUTES, src/runtime/kept-answers.ts) against the same answers counted
 * at each request, on two services started from copies of the same seeded data directory: the same
 * records, the same answers.
 */
let kept: RunningService;
let counted: RunningService;
let keptPlanner: Caller;
let countedPlanner: Caller;

beforeAll(async () => {
  // One after the other: two starts in one process at once can hold fastify's plugin start past its timeout on a loaded machine.
  kept = await build({ env: { KOHTAANTO_ANALYTICS_REFRESH_MINUTES: '10', KOHTAANTO_ANALYTICS_COUNT_AT_START: 'off' } });
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

const get = async (planner: Caller, path: string) => {
  const answer = await call(planner, 'GET', path);
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body;
};
const withoutTime = ({ countedAt: _at, countedCurrent: _current, ...rest }: Record<string, unknown>) => rest;

/** The same candidate rankings served on both services (the exposure report reads them from the decision log). */
async function rankCandidates(vacancies: string[]) {
  for (const s of [kept, counted]) {
    for (const id of vacancies) expect((await call(s.as('admin'), 'GET', `/v1/vacancies/${id}/candidates?k=10`)).status).toBe(200);
  }
}

describe('the planner answers kept per question', () => {
  const questions = (tampere: string) => [
    `/v1/analytics/skills?area=${tampere}&limit=50`,
    `/v1/analytics/skills?region=06&lang=sv`,
    `/v1/analytics/skills?municipality=837&occupationGroup=2&asOf=2026-11-01`,
    `/v1/analytics/skills?limit=20000&language=sv`,
    `/v1/analytics/occupations?area=${tampere}&limit=15`,
    `/v1/analytics/occupations?region=01&lang=en`,
    `/v1/analytics/occupations`,
    `/v1/oversight/exposure?area=${tampere}&sample=100`,
    `/v1/oversight/exposure?region=06&source=replay&sample=20&k=5`,
    `/v1/oversight/exposure?from=2026-01-01`,
  ];

  it('answer as a count at the request does, for areas, regions, municipalities and Finland, filters and languages', async () => {
    const tampere = kept.engine.employmentAreas.areaOf('837').id;
    const vacancies = ((await get(kept.as('admin'), '/v1/vacancies?municipality=837&limit=5')).items as { id: string }[]).map((v) => v.id);
    expect(vacancies.length).toBeGreaterThan(0);
    await rankCandidates(vacancies);
    for (const path of questions(tampere)) {
      const fromKept = await get(keptPlanner, path);
      expect(fromKept.countedCurrent, path).toBe(true);
      expect(Date.parse(fromKept.countedAt), path).not.toBeNaN();
      // Asked again: the kept answer, the same.
      expect(await get(keptPlanner, path), path).toEqual(fromKept);
      const fromCount = await get(countedPlanner, path);
      expect(fromCount, path).not.toHaveProperty('countedAt');
      expect(withoutTime(fromKept), path).toEqual(fromCount);
    }
    // Something to compare: figures from the records and rankings from the log.
    const exposure = await get(countedPlanner, `/v1/oversight/exposure?area=${tampere}`);
    expect(exposure.rankings).toBeGreaterThan(0);
    expect((await get(countedPlanner, `/v1/analytics/skills?area=${tampere}`)).items.length).toBeGreaterThan(0);
    expect(await kept.engine.keptAnswers.status()).toMatchObject({ skills: { kept: 4, current: 4 }, occupations: { kept: 3, current: 3 } });
    expect(await counted.engine.keptAnswers.status()).toBeUndefined();
  }, 300_000);

  it('after a vacancy is written and candidates ranked, serve the kept answers with their time until counted again, which then answer as a count at the request', async () => {
    const tampere = kept.engine.employmentAreas.areaOf('837').id;
    const vacancy = { ...sampleVacancy('KEPT-2'), municipality: '837' };
    for (const s of [kept, counted]) expect((await call(s.as('admin'), 'PUT', '/v1/vacancies/KEPT-2', vacancy)).status).toBeLessThan(300);
    await rankCandidates(['KEPT-2']);
    for (const path of [`/v1/analytics/skills?area=${tampere}&limit=50`, `/v1/analytics/occupations?area=${tampere}&limit=15`, `/v1/oversight/exposure?area=${tampere}&sample=100`]) {
      const before = await get(keptPlanner, path);
      expect(before.countedCurrent, path).toBe(false);
    }
    // Every question of the first test was asked again after its count: all ten are counted again (none current now).
    expect(await kept.engine.keptAnswers.refresh()).toBe(10);
    expect(await kept.engine.keptAnswers.refresh()).toBe(0);
    for (const path of [`/v1/analytics/skills?area=${tampere}&limit=50`, `/v1/analytics/occupations?area=${tampere}&limit=15`, `/v1/oversight/exposure?area=${tampere}&sample=100`]) {
      const after = await get(keptPlanner, path);
      expect(after.countedCurrent, path).toBe(true);
      expect(withoutTime(after), path).toEqual(await get(countedPlanner, path));
    }
    // The new vacancy's ranking is among those reported.
    const exposure = await get(keptPlanner, `/v1/oversight/exposure?area=${tampere}&sample=100`);
    expect(exposure.rankings).toBeGreaterThan(0);
  }, 300_000);
});
