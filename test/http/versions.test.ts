import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, ndjson, removeDir, sampleJobseeker, sampleVacancy, startService, type RunningService } from '../helpers/service.js';

/**
 * No lost writes (issue 31, item 1): every jobseeker and vacancy has a version (ETag); a create on a
 * taken id and a change of a version that is no longer stored are refused, checked inside the
 * write's transaction; the organisation boundary answers first, as before.
 */
let service: RunningService;
let admin: Caller;
let tampere: Caller;
let helsinki: Caller;
let unitA: Caller;
let unitB: Caller;

async function issue(role: string, organisation: string): Promise<Caller> {
  const issued = await call(admin, 'POST', '/v1/admin/keys', { role, name: `${role} of ${organisation}`, organisation });
  expect(issued.status).toBe(201);
  return { url: service.url, key: issued.body.key };
}

beforeAll(async () => {
  service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  admin = service.as('admin');
  tampere = service.as('counsellor');
  unitA = service.as('employer-service');
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'hki', name: 'Helsinki', kind: 'employment-area', area: 'Helsingfors sysselsättningsområde' })).status).toBe(201);
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'unit-b', name: 'Unit B', kind: 'employer-services' })).status).toBe(201);
  helsinki = await issue('counsellor', 'hki');
  unitB = await issue('employer-service', 'unit-b');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const stored = async (caller: Caller, path: string) => {
  const got = await call(caller, 'GET', path);
  expect(got.status).toBe(200);
  return got;
};

describe('versions and conditional writes', () => {
  it('gives each record an ETag that changes with its content only, in GET, PUT, POST and lists', async () => {
    const created = await call(tampere, 'POST', '/v1/jobseekers', sampleJobseeker('V-JS-1'));
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);
    expect(`"${created.body.version}"`).toBe(etag);
    const got = await stored(tampere, '/v1/jobseekers/V-JS-1');
    expect(got.headers.get('etag')).toBe(etag);
    const listed = (await call(tampere, 'GET', '/v1/jobseekers?q=V-JS-1')).body.items[0];
    expect(`"${listed.version}"`).toBe(etag);
    // The same content again: no new version.
    const same = await call(tampere, 'PUT', '/v1/jobseekers/V-JS-1', sampleJobseeker('V-JS-1'), { 'if-match': etag });
    expect([same.status, same.headers.get('etag')]).toEqual([200, etag]);
    const changed = await call(tampere, 'PUT', '/v1/jobseekers/V-JS-1', sampleJobseeker('V-JS-1', { title: 'koneistaja' }), { 'if-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await stored(tampere, '/v1/jobseekers/V-JS-1')).headers.get('etag')).toBe(changed.headers.get('etag'));
  });

  it('refuses a create on a taken id: PUT with If-None-Match: * answers 412 id_taken, POST 409; nothing changes', async () => {
    expect((await call(unitA, 'PUT', '/v1/vacancies/TRE-2026-17', sampleVacancy('TRE-2026-17', { title: 'sairaanhoitaja' }), { 'if-none-match': '*' })).status).toBe(201);
    const before = await stored(unitA, '/v1/vacancies/TRE-2026-17');
    const again = await call(unitA, 'PUT', '/v1/vacancies/TRE-2026-17', sampleVacancy('TRE-2026-17', { title: 'Siivooja', skills: [] }), { 'if-none-match': '*', 'accept-language': 'sv-FI,sv;q=0.9' });
    expect(again.status).toBe(412);
    expect(again.body.error).toBe('id_taken');
    expect(again.body.message).toContain('Det finns redan en post med id TRE-2026-17');
    const posted = await call(unitA, 'POST', '/v1/vacancies', sampleVacancy('TRE-2026-17', { title: 'Siivooja' }), { 'accept-language': 'fi' });
    expect([posted.status, posted.body.error]).toEqual([409, 'already_exists']);
    expect(posted.body.message).toContain('Tunnuksella TRE-2026-17 on jo tietue');
    expect((await stored(unitA, '/v1/vacancies/TRE-2026-17')).body).toEqual(before.body);
  });

  it('refuses a stale If-Match with 412 version_mismatch and stores nothing; a junk or weak ETag matches nothing', async () => {
    const first = await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE'));
    const old = first.headers.get('etag')!;
    const second = await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE', { title: 'putkiasentaja' }), { 'if-match': old });
    expect(second.status).toBe(200);
    const current = await stored(unitA, '/v1/vacancies/V-STALE');
    const stale = await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE', { title: 'maalari' }), { 'if-match': old });
    expect([stale.status, stale.body.error]).toEqual([412, 'version_mismatch']);
    expect(stale.headers.get('etag')).toBeNull();
    for (const junk of ['junk', '"abc"', `W/${current.headers.get('etag')}`, '"99999999999999999999"', '', '""']) {
      const refused = await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE', { title: 'maalari' }), { 'if-match': junk });
      expect([junk, refused.status]).toEqual([junk, 412]);
    }
    // Stale but the same content as stored: still refused (the caller did not see this version).
    expect((await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE', { title: 'putkiasentaja' }), { 'if-match': old })).status).toBe(412);
    expect((await stored(unitA, '/v1/vacancies/V-STALE')).body).toEqual(current.body);
    // Several ETags: one of them current is enough; '*' any stored version; a missing record matches nothing.
    expect((await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE', { title: 'maalari' }), { 'if-match': `${old}, ${current.headers.get('etag')}` })).status).toBe(200);
    expect((await call(unitA, 'PUT', '/v1/vacancies/V-STALE', sampleVacancy('V-STALE', { title: 'rappari' }), { 'if-match': '*' })).status).toBe(200);
    const gone = await call(unitA, 'PUT', '/v1/vacancies/V-NONE', sampleVacancy('V-NONE'), { 'if-match': '*' });
    expect([gone.status, gone.body.error]).toEqual([412, 'version_mismatch']);
    expect((await call(unitA, 'GET', '/v1/vacancies/V-NONE')).status).toBe(404);
  });

  it('lets only one of two saves with the same If-Match succeed, also when they arrive at once', async () => {
    const etag = (await call(tampere, 'PUT', '/v1/jobseekers/V-TWICE', sampleJobseeker('V-TWICE'))).headers.get('etag')!;
    for (let round = 0; round < 5; round++) {
      const current = (await stored(tampere, '/v1/jobseekers/V-TWICE')).headers.get('etag')!;
      const [a, b] = await Promise.all([
        call(tampere, 'PUT', '/v1/jobseekers/V-TWICE', sampleJobseeker('V-TWICE', { title: `a${round}` }), { 'if-match': current }),
        call(tampere, 'PUT', '/v1/jobseekers/V-TWICE', sampleJobseeker('V-TWICE', { title: `b${round}` }), { 'if-match': current }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? a : b;
      expect((await stored(tampere, '/v1/jobseekers/V-TWICE')).body.title).toBe(winner.body.title);
    }
    // Two creates at once with If-None-Match: *: one 201, one 412.
    const [c, d] = await Promise.all(
      ['c', 'd'].map((t) => call(tampere, 'PUT', '/v1/jobseekers/V-NEW-AT-ONCE', sampleJobseeker('V-NEW-AT-ONCE', { title: t }), { 'if-none-match': '*' })),
    );
    expect([c!.status, d!.status].sort()).toEqual([201, 412]);
    expect(etag).toMatch(/^"\d+"$/);
  });

  it("answers another organisation's record as before (403/404), never with its version", async () => {
    expect((await call(helsinki, 'PUT', '/v1/jobseekers/V-HKI', sampleJobseeker('V-HKI', { municipality: 'Helsinki' }))).status).toBe(201);
    const hkiTag = (await stored(helsinki, '/v1/jobseekers/V-HKI')).headers.get('etag')!;
    for (const headers of [{ 'if-match': hkiTag }, { 'if-match': '"1"' }, { 'if-none-match': '*' }, { 'if-match': '*' }] as Record<string, string>[]) {
      // Written to live in Tampere (the caller's area) or in Helsinki: one answer, whether or not the id exists.
      const here = await call(tampere, 'PUT', '/v1/jobseekers/V-HKI', sampleJobseeker('V-HKI', { municipality: 'Tampere' }), headers);
      expect([here.status, here.body.error]).toEqual([404, 'not_found']);
      const there = await call(tampere, 'PUT', '/v1/jobseekers/V-HKI', sampleJobseeker('V-HKI', { municipality: 'Helsinki' }), headers);
      const nobody = await call(tampere, 'PUT', '/v1/jobseekers/V-NOBODY', sampleJobseeker('V-NOBODY', { municipality: 'Helsinki' }), headers);
      expect([there.status, there.body.error]).toEqual([403, 'forbidden']);
      expect([nobody.status, nobody.body.error]).toEqual([403, 'forbidden']);
      for (const answer of [here, there, nobody]) {
        expect(answer.headers.get('etag')).toBeNull();
        expect(JSON.stringify(answer.body)).not.toContain(hkiTag.replace(/"/g, ''));
      }
    }
    expect((await stored(helsinki, '/v1/jobseekers/V-HKI')).headers.get('etag')).toBe(hkiTag);
    expect((await call(tampere, 'GET', '/v1/jobseekers/V-HKI')).headers.get('etag')).toBeNull();

    const aTag = (await call(unitA, 'PUT', '/v1/vacancies/V-A', sampleVacancy('V-A'))).headers.get('etag')!;
    for (const headers of [{ 'if-match': aTag }, { 'if-none-match': '*' }, { 'if-match': '"0"' }] as Record<string, string>[]) {
      const b = await call(unitB, 'PUT', '/v1/vacancies/V-A', sampleVacancy('V-A', { title: 'x' }), headers);
      expect([b.status, b.body.error]).toEqual([403, 'forbidden']);
    }
    expect((await stored(unitA, '/v1/vacancies/V-A')).headers.get('etag')).toBe(aTag);
  });

  it('keeps PUT without conditions for API keys and bulk imports (re-import unchanged keeps the version)', async () => {
    const records = ['V-B1', 'V-B2'].map((id) => sampleVacancy(id));
    expect((await call(admin, 'POST', '/v1/vacancies/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' })).status).toBe(200);
    const tag = (await stored(admin, '/v1/vacancies/V-B1')).headers.get('etag');
    expect((await call(admin, 'POST', '/v1/vacancies/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' })).body).toMatchObject({ unchanged: 2 });
    expect((await stored(admin, '/v1/vacancies/V-B1')).headers.get('etag')).toBe(tag);
    expect((await call(admin, 'PUT', '/v1/vacancies/V-B1', sampleVacancy('V-B1', { title: 'muurari' }))).status).toBe(200);
    expect((await stored(admin, '/v1/vacancies/V-B1')).headers.get('etag')).not.toBe(tag);
    // A record sent back with the version it was read with: the version is not taken from the body.
    const read = (await stored(admin, '/v1/vacancies/V-B1')).body;
    const { normalized: _n, region: _r, createdAt: _c, updatedAt: _u, ...input } = read;
    const back = await call(admin, 'PUT', '/v1/vacancies/V-B1', { ...input, version: 1 });
    expect([back.status, back.body.version]).toEqual([200, read.version]);
  });

  it('a version is never reused: erased and created again, the old ETag does not match', async () => {
    const old = (await call(tampere, 'PUT', '/v1/jobseekers/V-ERASE', sampleJobseeker('V-ERASE'))).headers.get('etag')!;
    expect((await call(tampere, 'DELETE', '/v1/jobseekers/V-ERASE')).status).toBe(204);
    expect((await call(tampere, 'PUT', '/v1/jobseekers/V-ERASE', sampleJobseeker('V-ERASE'), { 'if-none-match': '*' })).status).toBe(201);
    expect((await call(tampere, 'PUT', '/v1/jobseekers/V-ERASE', sampleJobseeker('V-ERASE', { title: 'x' }), { 'if-match': old })).status).toBe(412);
  });

  it('requires If-Match or If-None-Match from the web app (a session), 428 in its language', async () => {
    const signIn = await fetch(`${service.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: service.keys.counsellor }) });
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf } = (await signIn.json()) as { csrf: string };
    const web = { cookie, 'x-csrf-token': csrf, 'accept-language': 'sv' };
    const bare = await call(service.url, 'PUT', '/v1/jobseekers/V-WEB', sampleJobseeker('V-WEB'), web);
    expect([bare.status, bare.body.error]).toEqual([428, 'version_required']);
    expect(bare.body.message).toContain('If-Match');
    expect((await call(service.url, 'GET', '/v1/jobseekers/V-WEB', undefined, web)).status).toBe(404);
    const created = await call(service.url, 'PUT', '/v1/jobseekers/V-WEB', sampleJobseeker('V-WEB'), { ...web, 'if-none-match': '*' });
    expect(created.status).toBe(201);
    const changed = await call(service.url, 'PUT', '/v1/jobseekers/V-WEB', sampleJobseeker('V-WEB', { title: 'y' }), { ...web, 'if-match': created.headers.get('etag')! });
    expect(changed.status).toBe(200);
    const stale = await call(service.url, 'PUT', '/v1/jobseekers/V-WEB', sampleJobseeker('V-WEB', { title: 'z' }), { ...web, 'if-match': created.headers.get('etag')! });
    expect([stale.status, stale.body.message]).toEqual([412, 'Någon annan ändrade posten V-WEB efter att du öppnade den; dina ändringar sparades inte.']);
  });
});
