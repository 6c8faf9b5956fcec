import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, type Caller, type RunningService } from '../helpers/service.js';

/**
 * A client's gap report is kept per process while the records it was computed from stay the same
 * (src/core/gaps/kept-reports.ts): asked again it is the same report; after a write it is computed anew.
 */
let service: RunningService;
let counsellor: Caller;

beforeAll(async () => {
  service = await build();
  counsellor = service.as('counsellor');
}, 300_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

interface GapSkill {
  uri: string;
  trainings: { id: string }[];
}

describe('GET /v1/jobseekers/:id/gaps, kept', () => {
  it('answers a report asked again with the same report, and a training removed since is gone from the next one', async () => {
    let id = '';
    let report: { skills: GapSkill[] } | undefined;
    for (let n = 1; n <= 60 && !report; n++) {
      id = `JS-${String(n).padStart(6, '0')}`;
      const answer = await call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps`);
      if (answer.status === 200 && answer.body.skills.some((s: GapSkill) => s.trainings.length > 0)) report = answer.body;
    }
    expect(report, 'a fixture client with a training offered').toBeDefined();
    expect((await call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps`)).body).toEqual(report);
    const skill = report!.skills.find((s) => s.trainings.length > 0)!;
    const removed = skill.trainings.map((t) => t.id);
    for (const training of removed) expect((await call(service.as('planner'), 'DELETE', `/v1/trainings/${training}`)).status).toBe(204);
    const after = (await call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps`)).body as { skills: GapSkill[] };
    const offered = after.skills.flatMap((s) => s.trainings.map((t) => t.id));
    for (const training of removed) expect(offered).not.toContain(training);
  }, 300_000);
});
