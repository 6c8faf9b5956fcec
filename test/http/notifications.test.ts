import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 33 item 8 through HTTP on the real server and SQLite file: an employer unit is told of a
 * client shared with it (by pseudonym and name, never the client's id), a counsellor of the state the
 * unit set, both of a deadline passing with nobody acting; another area, another unit and planners are
 * told nothing; read marks never move back; junk is refused naming the field; erasure leaves nothing.
 */
let service: RunningService;
let counsellor: Caller;
let employer: Caller;
let helsinki: Caller;
let otherUnit: Caller;
/** The service's clock runs this far ahead of the machine's (a deadline passes when it grows). */
let ahead = 0;

const today = () => new Date(Date.now() + ahead).toISOString().slice(0, 10);

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(Date.now() + ahead) });
  const admin = service.as('admin');
  counsellor = service.as('counsellor');
  employer = service.as('employer-service');
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'hki', name: 'Helsinki', kind: 'employment-area', area: 'helsinki' })).status).toBe(201);
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'unit-2', name: 'Other unit', kind: 'employer-services' })).status).toBe(201);
  const issue = async (role: string, organisation: string, name: string) => {
    const issued = await call(admin, 'POST', '/v1/admin/keys', { role, name, organisation });
    expect(issued.status).toBe(201);
    return service.withKey(issued.body.key as string);
  };
  helsinki = await issue('counsellor', 'hki', 'helsinki counsellor');
  otherUnit = await issue('employer-service', 'unit-2', 'other unit');
  expect((await call(counsellor, 'PUT', '/v1/jobseekers/N-1', { ...sampleJobseeker('N-1'), name: 'Nina N-1' })).status).toBe(201);
  for (const id of ['NV-1', 'NV-2']) expect((await call(employer, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const list = async (who: Caller) => {
  const r = await call(who, 'GET', '/v1/notifications');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { items: { id: string; kind: string; jobseekerId: string; name?: string; vacancyId: string; state?: string; unread: boolean; at: string }[]; unread: number };
};

describe('notifications (issue 33, item 8)', () => {
  let suggestion: number;

  it('the unit is told of a client shared with it, by pseudonym and name; the counsellor of the state the unit set', async () => {
    const made = await call(counsellor, 'POST', '/v1/jobseekers/N-1/job-suggestions', { vacancyId: 'NV-1', consent: true });
    expect(made.status).toBe(201);
    suggestion = made.body.id;
    const unit = await list(employer);
    expect(unit.items).toEqual([expect.objectContaining({ kind: 'shared', vacancyId: 'NV-1', name: 'Nina N-1', unread: true })]);
    expect(unit.items[0]!.jobseekerId).toMatch(/^cand-/);
    expect(JSON.stringify(unit)).not.toContain('"N-1"');
    expect(unit.unread).toBe(1);
    expect((await list(counsellor)).items).toEqual([]); // the counsellor's own suggestion tells them nothing

    expect((await call(employer, 'POST', `/v1/job-suggestions/${suggestion}/state`, { state: 'interview', version: 1 })).status).toBe(200);
    const told = await list(counsellor);
    expect(told.items).toEqual([expect.objectContaining({ kind: 'state-changed', jobSuggestion: suggestion, jobseekerId: 'N-1', name: 'Nina N-1', vacancyId: 'NV-1', state: 'interview', unread: true })]);
    expect(told.unread).toBe(1);
  });

  it('another area, another unit and planners are told nothing', async () => {
    expect((await list(helsinki)).items).toEqual([]);
    expect((await list(otherUnit)).items).toEqual([]);
    expect((await call(service.as('planner'), 'GET', '/v1/notifications')).status).toBe(403);
    expect((await call(service.as('planner'), 'POST', '/v1/notifications/seen', { until: new Date().toISOString() })).status).toBe(403);
  });

  it('read marks: everything up to a moment, never moving back; junk refused naming the field, nothing changed', async () => {
    const before = await list(counsellor);
    const read = await call(counsellor, 'POST', '/v1/notifications/seen', { until: before.items[0]!.at });
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(0);
    expect((await call(counsellor, 'POST', '/v1/notifications/seen', { until: '2020-01-01T00:00:00Z' })).body.unread).toBe(0);
    expect((await list(employer)).unread).toBe(1); // each reader their own
    for (const [body, field] of [
      [{ until: 'yesterday' }, 'until'],
      [{}, 'until'],
      [{ until: new Date().toISOString(), extra: 1 }, 'extra'],
    ] as const) {
      const r = await call(counsellor, 'POST', '/v1/notifications/seen', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect((await list(counsellor)).unread).toBe(0);
  });

  it('a deadline passing with no step recorded tells both the counsellor and the unit', async () => {
    const made = await call(counsellor, 'POST', '/v1/jobseekers/N-1/job-suggestions', { vacancyId: 'NV-2', consent: true, deadline: today() });
    expect(made.status).toBe(201);
    ahead = 2 * 86_400_000;
    const counsellorSees = await list(counsellor);
    expect(counsellorSees.items.map((n) => `${n.kind}:${n.vacancyId}:${n.unread}`)).toEqual(['deadline-passed:NV-2:true', 'state-changed:NV-1:false']);
    const unitSees = await list(employer);
    expect(unitSees.items.map((n) => `${n.kind}:${n.vacancyId}`)).toEqual(['deadline-passed:NV-2', 'shared:NV-2', 'shared:NV-1']);
    expect(unitSees.items[0]!.name).toBe('Nina N-1');
  });

  it('erasing the client leaves no notification of them', async () => {
    expect((await call(counsellor, 'DELETE', '/v1/jobseekers/N-1')).status).toBe(204);
    expect((await list(counsellor)).items).toEqual([]);
    expect((await list(employer)).items).toEqual([]);
  });
});
