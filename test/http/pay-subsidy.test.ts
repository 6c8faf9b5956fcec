import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Pay subsidy (issue 33, item 7) through HTTP on the real store: vacancies say whether the employer
 * accepts a subsidised hire, clients carry their counsellor's assessment, and a counsellor asks for
 * the vacancies where both hold. The assessment is personal data of the client's counsellors: it
 * never reaches employer services (not through a candidate list, a filter, a shared candidate or a
 * job suggestion), another area's counsellors or planners, and it leaves with the person.
 */
let service: RunningService;
let admin: Caller;
let tampere: Caller;
let helsinki: Caller;
let unit: Caller;
let planner: Caller;

const csv = { 'content-type': 'text/csv' };
const subsidyVacancy = (id: string, paySubsidy?: boolean) => sampleVacancy(id, { employer: `Konepaja ${id}`, ...(paySubsidy === undefined ? {} : { paySubsidy }) });

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  admin = service.as('admin');
  tampere = service.as('counsellor');
  unit = service.as('employer-service');
  planner = service.as('planner');
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'hki', name: 'Helsinki', kind: 'employment-area', area: 'helsinki' })).status).toBe(201);
  const issued = await call(admin, 'POST', '/v1/admin/keys', { role: 'counsellor', name: 'helsinki counsellor', organisation: 'hki' });
  expect(issued.status).toBe(201);
  helsinki = service.withKey(issued.body.key);
  for (const [id, paySubsidy] of [['V-PS-1', true], ['V-PS-2', true], ['V-OPEN-1', false], ['V-OPEN-2', undefined]] as const) {
    const put = await call(unit, 'PUT', `/v1/vacancies/${id}`, subsidyVacancy(id, paySubsidy));
    expect(put.status, JSON.stringify(put.body)).toBe(201);
  }
  expect((await call(tampere, 'PUT', '/v1/jobseekers/PS-YES', sampleJobseeker('PS-YES', { paySubsidyEligible: true, name: 'Eeva Esimerkki' }))).status).toBe(201);
  expect((await call(tampere, 'PUT', '/v1/jobseekers/PS-NO', sampleJobseeker('PS-NO', { paySubsidyEligible: false }))).status).toBe(201);
  expect((await call(tampere, 'PUT', '/v1/jobseekers/PS-UNKNOWN', sampleJobseeker('PS-UNKNOWN'))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service?.stop();
  if (service) removeDir(service.dataDir);
});

describe('pay subsidy on vacancies and clients', () => {
  it('stores the vacancy\'s acceptance and the client\'s assessment, and reads them from CSV as typed in fi and sv', async () => {
    expect((await call(unit, 'GET', '/v1/vacancies/V-PS-1')).body.paySubsidy).toBe(true);
    expect((await call(unit, 'GET', '/v1/vacancies/V-OPEN-2')).body.paySubsidy).toBeUndefined();
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-YES')).body.paySubsidyEligible).toBe(true);
    const vacancies = ['tunnus;nimike;kuvaus;osaaminen;kunta;työnantaja;palkkatuki', 'CSV-PS-1;hitsaaja;Konepaja hakee hitsaajaa.;MIG-hitsaus;Tampere;Paja A;kyllä', 'CSV-PS-2;hitsaaja;Konepaja hakee hitsaajaa.;MIG-hitsaus;Tampere;Paja B;ei'];
    expect((await call(unit, 'POST', '/v1/vacancies/bulk', vacancies.join('\n'), csv)).status).toBe(200);
    expect([(await call(unit, 'GET', '/v1/vacancies/CSV-PS-1')).body.paySubsidy, (await call(unit, 'GET', '/v1/vacancies/CSV-PS-2')).body.paySubsidy]).toEqual([true, false]);
    const clients = ['id;titel;sammanfattning;kommun;rätt till lönesubvention', 'CSV-PS-J1;svetsare;Erfaren svetsare.;Tammerfors;ja', 'CSV-PS-J2;svetsare;Erfaren svetsare.;Tammerfors;nej'];
    expect((await call(tampere, 'POST', '/v1/jobseekers/bulk', clients.join('\n'), csv)).status).toBe(200);
    expect([(await call(tampere, 'GET', '/v1/jobseekers/CSV-PS-J1')).body.paySubsidyEligible, (await call(tampere, 'GET', '/v1/jobseekers/CSV-PS-J2')).body.paySubsidyEligible]).toEqual([true, false]);
  });

  it('refuses junk with 400 naming the field in the user\'s language, and changes nothing stored', async () => {
    const before = await call(tampere, 'GET', '/v1/jobseekers/PS-NO');
    const junk = await call(tampere, 'PUT', '/v1/jobseekers/PS-NO', sampleJobseeker('PS-NO', { paySubsidyEligible: 'kyllä' }), { 'accept-language': 'fi' });
    expect(junk.status).toBe(400);
    expect(junk.body.problems.map((p: { field: string }) => p.field)).toEqual(['paySubsidyEligible']);
    expect(junk.body.message).not.toMatch(/expected|Invalid/);
    const bad = ['tunnus;nimike;tiivistelmä;kunta;palkkatukikelpoinen', 'CSV-PS-J3;hitsaaja;Hitsaaja.;Tampere;kylä'].join('\n');
    const refused = await call(tampere, 'POST', '/v1/jobseekers/bulk', bad, { ...csv, 'accept-language': 'sv' });
    expect([refused.status, refused.body.problems]).toEqual([400, [{ field: 'paySubsidyEligible', line: 2, message: 'inte ja eller nej: "kylä"' }]]);
    expect((await call(tampere, 'GET', '/v1/jobseekers/CSV-PS-J3')).status).toBe(404);
    const vacancy = await call(unit, 'PUT', '/v1/vacancies/V-PS-1', { ...subsidyVacancy('V-PS-1'), paySubsidy: 1 });
    expect([vacancy.status, vacancy.body.problems?.map((p: { field: string }) => p.field)]).toEqual([400, ['paySubsidy']]);
    expect((await call(unit, 'GET', '/v1/vacancies/V-PS-1')).body.paySubsidy).toBe(true);
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-NO')).body).toEqual(before.body);
  });

  it('refuses a change of the assessment made on a stale version (412), keeping the other change', async () => {
    const read = await call(tampere, 'GET', '/v1/jobseekers/PS-UNKNOWN');
    const etag = read.headers.get('etag')!;
    expect((await call(tampere, 'PUT', '/v1/jobseekers/PS-UNKNOWN', sampleJobseeker('PS-UNKNOWN', { title: 'levyseppä' }), { 'if-match': etag })).status).toBe(200);
    const stale = await call(tampere, 'PUT', '/v1/jobseekers/PS-UNKNOWN', sampleJobseeker('PS-UNKNOWN', { paySubsidyEligible: true }), { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-UNKNOWN')).body).toMatchObject({ title: 'levyseppä' });
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-UNKNOWN')).body.paySubsidyEligible).toBeUndefined();
  });
});

describe('matches where both hold', () => {
  it('gives an eligible client only the vacancies accepting a subsidised hire', async () => {
    const all = await call(tampere, 'GET', '/v1/jobseekers/PS-YES/matches?k=20');
    const ids = all.body.hits.map((h: { id: string }) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['V-PS-1', 'V-PS-2', 'V-OPEN-1', 'V-OPEN-2']));
    const only = await call(tampere, 'GET', '/v1/jobseekers/PS-YES/matches?k=20&paySubsidy=true');
    expect(only.status, JSON.stringify(only.body)).toBe(200);
    expect(only.body.hits.map((h: { id: string }) => h.id).sort()).toEqual(['CSV-PS-1', 'V-PS-1', 'V-PS-2']);
    expect(only.body.hits.every((h: { paySubsidy?: boolean }) => h.paySubsidy === true)).toBe(true);
    expect(only.body.query.paySubsidy).toBe(true);
  });

  it('refuses the filter for a client not assessed eligible, in fi and sv, and junk values', async () => {
    for (const id of ['PS-NO', 'PS-UNKNOWN']) {
      const fi = await call(tampere, 'GET', `/v1/jobseekers/${id}/matches?paySubsidy=true`, undefined, { 'accept-language': 'fi' });
      expect([fi.status, fi.body.problems.map((p: { field: string }) => p.field)]).toEqual([400, ['paySubsidy']]);
      expect(fi.body.message).toContain('palkkatukeen');
      const sv = await call(tampere, 'GET', `/v1/jobseekers/${id}/matches?paySubsidy=true`, undefined, { 'accept-language': 'sv' });
      expect(sv.body.message).toContain('lönesubvention');
    }
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-YES/matches?paySubsidy=yes')).status).toBe(400);
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-YES/matches?paySubsidy=true&paySubsidy=false')).status).toBe(400);
  });

  it('answers another area\'s counsellor the same for an eligible and a not-eligible client (the filter tells nothing)', async () => {
    const yes = await call(helsinki, 'GET', '/v1/jobseekers/PS-YES/matches?paySubsidy=true');
    const no = await call(helsinki, 'GET', '/v1/jobseekers/PS-NO/matches?paySubsidy=true');
    const nobody = await call(helsinki, 'GET', '/v1/jobseekers/NOBODY/matches?paySubsidy=true');
    expect(yes.status).toBeGreaterThanOrEqual(403);
    const same = (r: { status: number; body: unknown }, id: string) => [r.status, JSON.stringify(r.body).replaceAll(id, 'X')];
    expect(same(yes, 'PS-YES')).toEqual(same(no, 'PS-NO'));
    expect(same(yes, 'PS-YES')).toEqual(same(nobody, 'NOBODY'));
    expect((await call(helsinki, 'GET', '/v1/jobseekers/PS-YES')).status).toBe(yes.status);
  });
});

describe('never shown to employer services or planners', () => {
  it('a vacancy\'s candidates take no pay-subsidy filter, from any role, and the ad-hoc search neither', async () => {
    for (const caller of [unit, tampere, admin]) {
      const filtered = await call(caller, 'GET', '/v1/vacancies/V-PS-1/candidates?paySubsidy=true');
      expect(filtered.status).toBe(400);
    }
    const adHoc = await call(unit, 'POST', '/v1/match', { text: 'hitsaaja MIG-hitsaus', target: 'jobseekers', filter: { paySubsidy: true } });
    expect(adHoc.status).toBe(400);
    expect((await call(unit, 'POST', '/v1/match', { text: 'hitsaaja MIG-hitsaus', target: 'jobseekers', paySubsidy: true })).status).toBe(400);
  });

  it('a candidate list is the same whatever the clients\' assessment, and says nothing of it, shared candidate included', async () => {
    // The counsellor suggests V-PS-1 to the eligible client with consent: shared with the unit.
    const suggested = await call(tampere, 'POST', '/v1/jobseekers/PS-YES/job-suggestions', { vacancyId: 'V-PS-1', consent: true });
    expect(suggested.status, JSON.stringify(suggested.body)).toBe(201);
    const list = async () => (await call(unit, 'GET', '/v1/vacancies/V-PS-1/candidates?k=20')).body;
    const before = await list();
    expect(before.hits.some((h: { shared?: boolean; name?: string }) => h.shared && h.name === 'Eeva Esimerkki')).toBe(true);
    const pipeline = await call(unit, 'GET', '/v1/vacancies/V-PS-1/job-suggestions');
    expect(pipeline.status).toBe(200);
    const notices = await call(unit, 'GET', '/v1/notifications');
    for (const answer of [before, pipeline.body, notices.body]) expect(JSON.stringify(answer)).not.toMatch(/subsid|eligible|palkkatuki/i);
    // Swap the assessments of the three clients: the unit's list is unchanged, position for position.
    for (const [id, eligible] of [['PS-YES', false], ['PS-NO', true], ['PS-UNKNOWN', true]] as const) {
      const read = await call(tampere, 'GET', `/v1/jobseekers/${id}`);
      const { region: _r, createdAt: _c, updatedAt: _u, version: _v, normalized: _n, ...input } = read.body;
      const put = await call(tampere, 'PUT', `/v1/jobseekers/${id}`, { ...input, paySubsidyEligible: eligible }, { 'if-match': read.headers.get('etag')! });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
    const after = await list();
    const view = (hits: { id: string; score: number; shared?: boolean }[]) => hits.map((h) => [h.id, h.score, h.shared]);
    expect(view(after.hits)).toEqual(view(before.hits));
    // Employer services read no client record at all; planners neither.
    for (const caller of [unit, planner]) expect((await call(caller, 'GET', '/v1/jobseekers/PS-YES')).status).toBe(403);
    for (const caller of [unit, planner]) expect((await call(caller, 'GET', '/v1/jobseekers/PS-YES/matches?paySubsidy=true')).status).toBe(403);
  });
});

describe('exported with the person, erased with them', () => {
  it('the export holds the assessment; after erasure nothing of it remains', async () => {
    const exported = await call(tampere, 'GET', '/v1/jobseekers/PS-NO/export');
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain('"paySubsidyEligible":true');
    expect((await call(tampere, 'DELETE', '/v1/jobseekers/PS-NO')).status).toBe(204);
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-NO')).status).toBe(404);
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-NO/matches?paySubsidy=true')).status).toBe(404);
    expect((await call(tampere, 'GET', '/v1/jobseekers/PS-NO/export')).status).toBe(404);
  });
});
