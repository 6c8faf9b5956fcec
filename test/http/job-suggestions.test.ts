import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 33, items 1 and 2: a counsellor suggests a vacancy to a client, the client consents to be shared,
 * the vacancy's employer unit records the interview and the hire — through the HTTP API of the real
 * server and SQLite file; attacked as every other role and organisation, with a stale version, twice
 * at once and with junk input; exported and erased with the client.
 */
let service: RunningService;
let admin: Caller;
let counsellor: Caller;
let employer: Caller;
let planner: Caller;
/** A counsellor of Helsinki's area, and another employer-services unit. */
let helsinki: Caller;
let otherUnit: Caller;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function issue(role: string, organisation: string, name: string): Promise<Caller> {
  const issued = await call(admin, 'POST', '/v1/admin/keys', { role, name, organisation });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return service.withKey(issued.body.key);
}

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  admin = service.as('admin');
  counsellor = service.as('counsellor');
  employer = service.as('employer-service');
  planner = service.as('planner');
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'hki', name: 'Helsinki', kind: 'employment-area', area: 'helsinki' })).status).toBe(201);
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'unit-2', name: 'Other unit', kind: 'employer-services' })).status).toBe(201);
  helsinki = await issue('counsellor', 'hki', 'helsinki counsellor');
  otherUnit = await issue('employer-service', 'unit-2', 'other unit');
  for (const id of ['TRE-1', 'TRE-2']) {
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, { ...sampleJobseeker(id), name: `Tiina ${id}`, contact: { email: `${id}@example.fi` } })).status).toBe(201);
  }
  // The employer unit's own vacancies (it owns what it creates); V-ADMIN belongs to no unit.
  for (const id of ['V-1', 'V-2']) expect((await call(employer, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id))).status).toBe(201);
  expect((await call(admin, 'PUT', '/v1/vacancies/V-ADMIN', sampleVacancy('V-ADMIN'))).status).toBe(201);
  // Work the welder fits: one in Tampere, one in Rovaniemi (beyond the commuting range).
  const fits = { skills: ['MIG-hitsaus', 'piirustusten lukeminen'], description: 'Konepaja hakee hitsaajaa: MIG-hitsaus ja piirustusten lukeminen.' };
  expect((await call(admin, 'PUT', '/v1/vacancies/V-FIT', sampleVacancy('V-FIT', fits))).status).toBe(201);
  expect((await call(admin, 'PUT', '/v1/vacancies/V-FAR', sampleVacancy('V-FAR', { ...fits, municipality: 'Rovaniemi' }))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('job suggestions (issue 33)', () => {
  let id: number;

  it('a counsellor suggests a vacancy with consent: the unit sees the client by name and records interview and hire', async () => {
    const made = await call(counsellor, 'POST', '/v1/jobseekers/TRE-1/job-suggestions', { vacancyId: 'V-1', consent: true, deadline: inDays(10), note: 'Soita ma' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    id = made.body.id;
    expect(made.body).toMatchObject({ jobseekerId: 'TRE-1', vacancyId: 'V-1', vacancyTitle: 'hitsaaja', state: 'suggested', consent: true, unit: 'test-unit', version: 1, note: 'Soita ma' });
    expect(made.body.history).toEqual([expect.objectContaining({ state: 'suggested', role: 'counsellor', reason: null })]);

    // Consent shares the client with the unit: its candidate list names them.
    const candidates = await call(employer, 'GET', '/v1/vacancies/V-1/candidates?k=10');
    expect(candidates.status).toBe(200);
    expect(candidates.body.hits.filter((h: { shared?: boolean }) => h.shared).map((h: { name?: string }) => h.name)).toEqual(['Tiina TRE-1']);

    const pipeline = await call(employer, 'GET', '/v1/vacancies/V-1/job-suggestions');
    expect(pipeline.status).toBe(200);
    expect(pipeline.body.items.map((s: { id: number }) => s.id)).toEqual([id]);
    expect(pipeline.body.items[0].note).toBeUndefined(); // the counsellor's note is not the unit's
    // The unit knows the client by the pseudonym of its candidate list, and by name while shared: never by the client's id.
    const listed = candidates.body.hits.find((h: { shared?: boolean }) => h.shared);
    expect(pipeline.body.items[0]).toMatchObject({ jobseekerId: listed.id, shared: true, name: 'Tiina TRE-1', contact: { email: 'TRE-1@example.fi' } });
    expect(JSON.stringify(pipeline.body)).not.toContain('"TRE-1"');

    const interview = await call(employer, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'interview', version: 1 });
    expect(interview.status, JSON.stringify(interview.body)).toBe(200);
    expect(interview.body).toMatchObject({ state: 'interview', version: 2 });

    // The counsellor sees what the unit recorded, with who and when.
    const seen = await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-suggestions');
    expect(seen.body.items[0].history.map((e: { state: string; role: string }) => `${e.state}:${e.role}`)).toEqual(['suggested:counsellor', 'interview:employer-service']);

    const hired = await call(employer, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'hired', version: 2 });
    expect(hired.status).toBe(200);
    // Nothing follows a hire.
    const after = await call(counsellor, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'withdrawn', version: 3 });
    expect(after.status).toBe(409);
  });

  it('a stale version is refused (412), and of two changes at once exactly one wins', async () => {
    const made = await call(counsellor, 'POST', '/v1/jobseekers/TRE-1/job-suggestions', { vacancyId: 'V-2', consent: true });
    expect(made.status).toBe(201);
    expect(made.body.deadline >= inDays(0)).toBe(true);
    const sid = made.body.id;
    const both = await Promise.all([
      call(counsellor, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'applied', version: 1 }),
      call(employer, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'not-selected', version: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    const stale = await call(counsellor, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'withdrawn', version: 1 });
    expect(stale.status).toBe(412);
    const listed = await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-suggestions');
    expect(listed.body.items.find((s: { id: number }) => s.id === sid).history).toHaveLength(2);
  });

  it('one open suggestion per client and vacancy; without consent the unit sees nothing', async () => {
    const again = await call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', { vacancyId: 'V-1', consent: false });
    expect(again.status).toBe(201);
    expect((await call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', { vacancyId: 'V-1', consent: true })).status).toBe(409);
    const pipeline = await call(employer, 'GET', '/v1/vacancies/V-1/job-suggestions');
    expect(pipeline.body.items.map((s: { jobseekerId: string }) => s.jobseekerId)).not.toContain('TRE-2');
    const change = await call(employer, 'POST', `/v1/job-suggestions/${again.body.id}/state`, { state: 'interview', version: 1 });
    expect(change.status).toBe(404);
  });

  it('of two suggest requests at once for one client and vacancy, one is stored and the other answered 409', async () => {
    const both = await Promise.all([
      call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', { vacancyId: 'V-ADMIN', consent: false }),
      call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', { vacancyId: 'V-ADMIN', consent: false }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const listed = await call(counsellor, 'GET', '/v1/jobseekers/TRE-2/job-suggestions');
    expect(listed.body.items.filter((s: { vacancyId: string }) => s.vacancyId === 'V-ADMIN')).toHaveLength(1);
  });

  it('other roles and organisations: another area, another unit and planners neither read nor change', async () => {
    expect((await call(helsinki, 'GET', '/v1/jobseekers/TRE-1/job-suggestions')).status).toBe(404);
    expect((await call(helsinki, 'POST', '/v1/jobseekers/TRE-1/job-suggestions', { vacancyId: 'V-ADMIN', consent: false })).status).toBe(404);
    expect((await call(helsinki, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'withdrawn', version: 3 })).status).toBe(404);
    expect((await call(otherUnit, 'GET', '/v1/vacancies/V-1/job-suggestions')).status).toBe(403);
    expect((await call(otherUnit, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'offer', version: 3 })).status).toBe(404);
    expect((await call(planner, 'GET', '/v1/jobseekers/TRE-1/job-suggestions')).status).toBe(403);
    expect((await call(planner, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'offer', version: 3 })).status).toBe(403);
    expect((await call(employer, 'POST', '/v1/jobseekers/TRE-1/job-suggestions', { vacancyId: 'V-1', consent: true })).status).toBe(403);
  });

  it('junk input gets a 400 naming the field, in the caller’s language, and changes nothing', async () => {
    const before = (await call(counsellor, 'GET', '/v1/jobseekers/TRE-2/job-suggestions')).body.items;
    const cases: [Record<string, unknown>, string][] = [
      [{ vacancyId: 'V-2', consent: true, deadline: '2020-01-01' }, 'deadline'],
      [{ vacancyId: 'V-2', consent: true, deadline: inDays(400) }, 'deadline'],
      [{ vacancyId: 'V-2', consent: 'yes' }, 'consent'],
      [{ vacancyId: 'V-2' }, 'consent'],
      [{ vacancyId: 'V-2', consent: true, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const r = await call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body), JSON.stringify(body)).toContain(field);
    }
    const sid = before[0].id;
    const declined = await call(counsellor, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'declined', version: 1 });
    expect(declined.status).toBe(400);
    expect(JSON.stringify(declined.body)).toContain('reason');
    const unknown = await call(counsellor, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'promoted', version: 1 });
    expect(unknown.status).toBe(400);
    const byEmployer = await call(counsellor, 'POST', '/v1/job-suggestions/999999/state', { state: 'applied', version: 1 });
    expect(byEmployer.status).toBe(404);
    const sv = await call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', { vacancyId: 'V-2', consent: true, deadline: '2020-01-01' }, { 'accept-language': 'sv' });
    expect(sv.status).toBe(400);
    const svBody = sv.body as { error: string; problems: { field: string }[] };
    expect(svBody.error).toBe('invalid_input');
    expect(svBody.problems.map((p) => p.field)).toEqual(['deadline']);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/TRE-2/job-suggestions')).body.items).toEqual(before);
  });

  it('the job-search obligation: applications counted in the month, the obligation changed with a reason, suitable vacancies within range', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const suggestions = (await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-suggestions')).body.items as { history: { state: string }[] }[];
    const appliedFor = suggestions.filter((s) => s.history.some((e) => ['applied', 'interview', 'offer', 'hired'].includes(e.state))).length;
    const first = await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-search');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ period: { from: `${month}-01` }, obligation: { perMonth: 4, reason: null }, applied: appliedFor, changes: [] });
    // The Tampere welder's own work nearby counts; the same work in Rovaniemi is beyond their range.
    expect(first.body.suitableOpenVacancies).toBe(1);

    const today = new Date().toISOString().slice(0, 10);
    const reported = await call(counsellor, 'POST', '/v1/jobseekers/TRE-1/applications', { appliedOn: today, employer: 'Konepaja Oy', title: 'hitsaaja' });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const lowered = await call(counsellor, 'PUT', '/v1/jobseekers/TRE-1/job-search/obligation', { perMonth: 2, reason: 'Vähän sopivia paikkoja lähellä' });
    expect(lowered.status).toBe(200);
    const now = await call(counsellor, 'GET', `/v1/jobseekers/TRE-1/job-search?month=${month}`);
    expect(now.body).toMatchObject({ obligation: { perMonth: 2, reason: 'Vähän sopivia paikkoja lähellä' }, applied: appliedFor + 1 });
    expect(now.body.changes).toHaveLength(1);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-search?month=2001-01')).body.applied).toBe(0);

    for (const [method, path, body, field] of [
      ['PUT', '/v1/jobseekers/TRE-1/job-search/obligation', { perMonth: 5, reason: 'Liian monta hakemusta' }, 'perMonth'],
      ['PUT', '/v1/jobseekers/TRE-1/job-search/obligation', { perMonth: 1, reason: 'lyhyt' }, 'reason'],
      ['POST', '/v1/jobseekers/TRE-1/applications', { appliedOn: '2099-01-01', employer: 'X', title: 'Y' }, 'appliedOn'],
      ['GET', '/v1/jobseekers/TRE-1/job-search?month=2026-13', undefined, 'month'],
    ] as const) {
      const r = await call(counsellor, method, path, body);
      expect(r.status, path).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect((await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-search')).body.changes).toHaveLength(1);
    expect((await call(helsinki, 'GET', '/v1/jobseekers/TRE-1/job-search')).status).toBe(404);
    expect((await call(helsinki, 'PUT', '/v1/jobseekers/TRE-1/job-search/obligation', { perMonth: 0, reason: 'Ei kuulu meille mutta' })).status).toBe(404);
    expect((await call(employer, 'GET', '/v1/jobseekers/TRE-1/job-search')).status).toBe(403);
    expect((await call(planner, 'POST', '/v1/jobseekers/TRE-1/applications', { appliedOn: today, employer: 'X', title: 'Y' })).status).toBe(403);
  });

  it('the audit trail names the client; the export holds the suggestions; erasure removes them', async () => {
    const trail = await call(admin, 'GET', '/v1/audit?jobseeker=TRE-1&limit=50');
    expect(trail.body.entries.map((e: { route: string }) => e.route)).toEqual(expect.arrayContaining(['/v1/jobseekers/:id/job-suggestions', '/v1/job-suggestions/:id/state']));
    const exported = await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/export');
    expect(exported.status).toBe(200);
    const states = Object.fromEntries(exported.body.jobSuggestions.map((s: { vacancyId: string; state: string }) => [s.vacancyId, s.state]));
    expect(states['V-1']).toBe('hired');
    expect(['applied', 'not-selected']).toContain(states['V-2']); // whichever of the two changes at once won
    expect(exported.body.jobSearch.obligationChanges.map((c: { perMonth: number }) => c.perMonth)).toEqual([2]);
    expect(exported.body.jobSearch.reportedApplications.map((a: { employer: string }) => a.employer)).toEqual(['Konepaja Oy']);
    expect((await call(counsellor, 'DELETE', '/v1/jobseekers/TRE-1')).status).toBe(204);
    // A new client under the erased id inherits nothing.
    expect((await call(counsellor, 'PUT', '/v1/jobseekers/TRE-1', sampleJobseeker('TRE-1'))).status).toBe(201);
    const fresh = await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-search');
    expect(fresh.body).toMatchObject({ obligation: { perMonth: 4 }, applied: 0, changes: [] });
    expect((await call(counsellor, 'GET', '/v1/jobseekers/TRE-1/job-suggestions')).body.items).toEqual([]);
    const pipeline = await call(admin, 'GET', '/v1/vacancies/V-1/job-suggestions');
    expect(pipeline.body.items.map((s: { jobseekerId: string }) => s.jobseekerId)).toEqual(['TRE-2']);
  });

  it('a client who withdraws consent leaves the unit\'s pipeline: it learns no later step and records none', async () => {
    expect((await call(employer, 'PUT', '/v1/vacancies/V-3', sampleVacancy('V-3'))).status).toBe(201);
    const made = await call(counsellor, 'POST', '/v1/jobseekers/TRE-2/job-suggestions', { vacancyId: 'V-3', consent: true, deadline: inDays(10) });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const sid = made.body.id;
    const shown = await call(employer, 'GET', '/v1/vacancies/V-3/job-suggestions');
    expect(shown.body.items.map((s: { id: number; shared: boolean }) => [s.id, s.shared])).toEqual([[sid, true]]);
    const interview = await call(employer, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'interview', version: 1 });
    expect(interview.status).toBe(200);

    // The client withdraws consent (GDPR art. 7(3)): their counsellor ends the share.
    expect((await call(counsellor, 'DELETE', '/v1/vacancies/V-3/shares/TRE-2')).status).toBe(204);
    // What the client does next is theirs and their counsellor's, no longer the unit's.
    // The withdrawal gave the suggestion a new version (a change read before it loses).
    expect((await call(employer, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'offer', version: 2 })).status).toBe(404);
    const declined = await call(counsellor, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'declined', reason: 'Terveydellinen syy', version: 3 });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const pipeline = await call(employer, 'GET', '/v1/vacancies/V-3/job-suggestions');
    expect(pipeline.status).toBe(200);
    expect(pipeline.body.items, JSON.stringify(pipeline.body.items)).toEqual([]);
    // Nor does it record a step of someone it may no longer see: the same answer as for any suggestion not its own.
    const offer = await call(employer, 'POST', `/v1/job-suggestions/${sid}/state`, { state: 'offer', version: 4 });
    expect(offer.status).toBe(404);
    const notices = await call(employer, 'GET', '/v1/notifications');
    expect(notices.status).toBe(200);
    expect(notices.body.items.filter((n: { jobSuggestion: number | null }) => n.jobSuggestion === sid)).toEqual([]);
    // The counsellor keeps the whole history; an admin sees the suggestion too.
    const own = await call(counsellor, 'GET', '/v1/jobseekers/TRE-2/job-suggestions');
    expect(own.body.items.find((s: { id: number }) => s.id === sid).history.map((e: { state: string }) => e.state)).toEqual(['suggested', 'interview', 'declined']);
    expect((await call(admin, 'GET', '/v1/vacancies/V-3/job-suggestions')).body.items.map((s: { id: number }) => s.id)).toEqual([sid]);
    // The suggestion records that the consent was withdrawn.
    expect(own.body.items.find((s: { id: number }) => s.id === sid).consent).toBe(false);
  });
});
