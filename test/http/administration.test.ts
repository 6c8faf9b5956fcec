import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/core/errors.js';
import { startSignInService, type SignInService } from '../helpers/signin-service.js';
import { call, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Administration over HTTP (issue 32, item 3): organisations renamed and moved, claim-to-role
 * mappings used by a real sign-in (oidc-provider on loopback), keys with owner and last use, the
 * audit trail paged and filtered; every route tried as every other role, with junk and stale versions.
 */
const COUNSELLORS = 'kohtaanto-counsellors';

let signin: SignInService;
let service: RunningService;
let admin: Caller;

beforeAll(async () => {
  signin = await startSignInService({
    accounts: {
      'aino-1234': { name: 'Aino Alanen', groups: [COUNSELLORS] },
      'pekka-42': { name: 'Pekka Planner', groups: ['kohtaanto-planners'] },
    },
    roles: [{ value: COUNSELLORS, organisation: 'test-area', role: 'counsellor' }],
    env: { KOHTAANTO_SEED_FIXTURES: 'false' },
  });
  service = signin.service;
  admin = service.as('admin');
}, 240_000);

afterAll(async () => {
  await signin?.close();
});

/** Signs `login` in through the provider as a browser would: the callback's status and the session's role. */
async function signIn(login: string): Promise<{ status: number; role?: string; organisation?: string }> {
  const back = await signin.signIn(login, 'sv');
  if (back.status !== 200) return { status: back.status };
  const me = await signin.asBrowser(back.jar, 'GET', '/v1/session');
  return { status: back.status, role: me.body.role, organisation: me.body.organisation.id };
}

const sv = { 'accept-language': 'sv' };
const ifMatch = (version: number | string) => ({ 'if-match': typeof version === 'number' ? `"${version}"` : version });

describe('only admins administer', () => {
  it('refuses every administration route to counsellors, employer services and planners, and changes nothing', async () => {
    const org = await call(admin, 'POST', '/v1/admin/organisations', { id: 'guarded', name: 'Guarded', kind: 'planning' });
    expect(org.status).toBe(201);
    const mappings = (await call(admin, 'GET', '/v1/admin/signin-mappings')).body.items;
    const keysBefore = (await call(admin, 'GET', '/v1/admin/keys')).body.items;
    const keyId = keysBefore[0].id;
    const routes: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', '/v1/admin/organisations'],
      ['POST', '/v1/admin/organisations', { id: 'mine', name: 'Mine', kind: 'planning' }],
      ['PATCH', '/v1/admin/organisations/guarded', { name: 'Taken over' }, ifMatch(1)],
      ['GET', '/v1/admin/signin-mappings'],
      ['POST', '/v1/admin/signin-mappings', { provider: 'tampere', value: 'everyone', organisation: 'national', role: 'admin' }],
      ['PATCH', `/v1/admin/signin-mappings/${mappings[0].id}`, { organisation: 'national', role: 'admin' }, ifMatch(1)],
      ['DELETE', `/v1/admin/signin-mappings/${mappings[0].id}`, undefined, ifMatch(1)],
      ['GET', '/v1/admin/keys'],
      ['POST', '/v1/admin/keys', { role: 'admin', name: 'mine', organisation: 'national' }],
      ['POST', `/v1/admin/keys/${keyId}/rotate`, {}],
      ['POST', `/v1/admin/keys/${keyId}/revoke`],
      ['GET', '/v1/admin/audit'],
      ['GET', '/v1/admin/audit?person=admin'],
    ];
    for (const role of ['counsellor', 'employer-service', 'planner'] as const) {
      for (const [method, path, body, headers] of routes) {
        const answer = await call(service.as(role), method, path, body, headers);
        expect(answer.status, `${role} ${method} ${path}`).toBe(403);
      }
    }
    expect((await call(admin, 'GET', '/v1/admin/organisations')).body.items.find((o: { id: string }) => o.id === 'guarded')).toMatchObject({ name: 'Guarded', version: 1 });
    expect((await call(admin, 'GET', '/v1/admin/signin-mappings')).body.items).toEqual(mappings);
    expect((await call(admin, 'GET', '/v1/admin/keys')).body.items.map((k: { revokedAt: unknown }) => k.revokedAt)).toEqual(keysBefore.map((k: { revokedAt: unknown }) => k.revokedAt));
    expect((await call(service.withKey(), 'GET', '/v1/admin/audit')).status).toBe(401);
  });

  it('admins are global: an admin of another national organisation administers every organisation', async () => {
    expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'national-2', name: 'Second administration', kind: 'national' })).status).toBe(201);
    const issued = await call(admin, 'POST', '/v1/admin/keys', { role: 'admin', name: 'second admin', organisation: 'national-2' });
    const other = service.withKey(issued.body.key);
    const org = (await call(other, 'GET', '/v1/admin/organisations')).body.items.find((o: { id: string }) => o.id === 'test-unit');
    expect((await call(other, 'PATCH', '/v1/admin/organisations/test-unit', { name: org.name }, ifMatch(org.version))).status).toBe(200);
  });
});

describe('organisations', () => {
  it('are renamed and moved with If-Match; a stale version is refused with 409 in the language asked for, nothing stored', async () => {
    const created = await call(admin, 'POST', '/v1/admin/organisations', { id: 'vaasa', name: 'Vaasa', kind: 'employment-area', area: 'Österbottens sysselsättningsområde' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect((await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { name: 'Vasa' })).status).toBe(428);
    const renamed = await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { name: 'Vasa' }, ifMatch(1));
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect(renamed.body).toMatchObject({ id: 'vaasa', name: 'Vasa', version: 2 });
    const stale = await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { name: 'Vaasa again' }, { ...ifMatch(1), ...sv });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'changed_meanwhile', message: ERRORS.changed_meanwhile.sv.replace('{id}', 'vaasa') });
    for (const junk of ['*', '"2", "3"', 'W/"2"', 'two']) {
      expect((await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { name: 'junk' }, ifMatch(junk))).status, junk).toBe(409);
    }
    const badArea = await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { area: 'Atlantis' }, { ...ifMatch(2), ...sv });
    expect(badArea.status).toBe(400);
    expect(badArea.body.problems).toEqual([{ field: 'area', message: 'okänt sysselsättningsområde "Atlantis"' }]);
    const notForKind = await call(admin, 'PATCH', '/v1/admin/organisations/test-planning', { area: 'helsinki' }, { ...ifMatch(1), 'accept-language': 'fi' });
    expect(notForKind.body.problems).toEqual([{ field: 'area', message: 'vain työllisyysalueen organisaatiolla on alue, ei lajilla planning' }]);
    expect((await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { kind: 'planning' }, ifMatch(2))).status).toBe(400);
    expect((await call(admin, 'PATCH', '/v1/admin/organisations/nowhere', { name: 'x' }, ifMatch(1))).status).toBe(404);
    const moved = await call(admin, 'PATCH', '/v1/admin/organisations/vaasa', { area: 'helsinki' }, ifMatch(2));
    expect(moved.body).toMatchObject({ name: 'Vasa', area: 'helsinki', version: 3 });
  });

  it('of two changes of the same version at once, one is stored and the other refused', async () => {
    await call(admin, 'POST', '/v1/admin/organisations', { id: 'race', name: 'Race', kind: 'planning' });
    const answers = await Promise.all(['A', 'B'].map((name) => call(admin, 'PATCH', '/v1/admin/organisations/race', { name }, ifMatch(1))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const stored = (await call(admin, 'GET', '/v1/admin/organisations')).body.items.find((o: { id: string }) => o.id === 'race');
    expect(stored).toMatchObject({ version: 2, name: answers.find((a) => a.status === 200)!.body.name });
  });
});

describe('claim-to-role mappings', () => {
  it('start from the providers file and are used by sign-in as the admins edit them', async () => {
    const listed = await call(admin, 'GET', '/v1/admin/signin-mappings');
    expect(listed.body.providers).toEqual([{ id: 'tampere', name: 'Tampereen seutu', claim: 'groups' }]);
    expect(listed.body.items).toEqual([expect.objectContaining({ provider: 'tampere', value: COUNSELLORS, organisation: 'test-area', role: 'counsellor', version: 1 })]);
    expect(await signIn('aino-1234')).toMatchObject({ status: 200, role: 'counsellor', organisation: 'test-area' });
    expect((await signIn('pekka-42')).status).toBe(403); // maps to nothing yet

    const added = await call(admin, 'POST', '/v1/admin/signin-mappings', { provider: 'tampere', value: 'kohtaanto-planners', organisation: 'test-planning', role: 'planner' });
    expect(added.status).toBe(201);
    expect(added.headers.get('etag')).toBe('"1"');
    expect(await signIn('pekka-42')).toMatchObject({ status: 200, role: 'planner', organisation: 'test-planning' });

    const wrongKind = await call(admin, 'PATCH', `/v1/admin/signin-mappings/${added.body.id}`, { role: 'counsellor' }, { ...ifMatch(1), ...sv });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.problems[0]).toMatchObject({ field: 'organisation', message: expect.stringContaining('rollen handläggare kan inte ges') });
    const moved = await call(admin, 'PATCH', `/v1/admin/signin-mappings/${added.body.id}`, { organisation: 'test-area', role: 'counsellor' }, ifMatch(1));
    expect(moved.body).toMatchObject({ organisation: 'test-area', role: 'counsellor', version: 2 });
    expect(await signIn('pekka-42')).toMatchObject({ status: 200, role: 'counsellor', organisation: 'test-area' });

    const stale = await call(admin, 'DELETE', `/v1/admin/signin-mappings/${added.body.id}`, undefined, ifMatch(1));
    expect(stale.status).toBe(409);
    expect((await call(admin, 'DELETE', `/v1/admin/signin-mappings/${added.body.id}`, undefined, ifMatch(2))).status).toBe(204);
    expect((await signIn('pekka-42')).status).toBe(403);
  });

  it('refuses junk: an unknown provider, a taken value, an unknown organisation, an unknown field, a bad id', async () => {
    const post = (body: unknown) => call(admin, 'POST', '/v1/admin/signin-mappings', body, sv);
    expect((await post({ provider: 'nowhere', value: 'g', organisation: 'test-area', role: 'counsellor' })).body.problems[0].field).toBe('provider');
    expect((await post({ provider: 'tampere', value: COUNSELLORS, organisation: 'test-area', role: 'counsellor' })).body.problems[0].field).toBe('value');
    expect((await post({ provider: 'tampere', value: 'g', organisation: 'nowhere', role: 'counsellor' })).body.problems[0]).toEqual({ field: 'organisation', message: 'organisationen nowhere finns inte' });
    expect((await post({ provider: 'tampere', value: 'g', organisation: 'test-area', role: 'boss' })).status).toBe(400);
    expect((await post({ provider: 'tampere', value: 'g', organisation: 'test-area', role: 'counsellor', admin: true })).status).toBe(400);
    expect((await call(admin, 'PATCH', '/v1/admin/signin-mappings/abc', { role: 'planner' }, ifMatch(1))).status).toBe(400);
    expect((await call(admin, 'PATCH', '/v1/admin/signin-mappings/999999', { role: 'planner' }, ifMatch(1))).status).toBe(404);
    expect((await call(admin, 'GET', '/v1/admin/signin-mappings')).body.items.map((m: { value: string }) => m.value)).toEqual([COUNSELLORS]);
  });
});

describe('API keys', () => {
  it('name their owner (the issuing admin unless given) and their last use', async () => {
    const issued = await call(admin, 'POST', '/v1/admin/keys', { role: 'planner', name: 'Reporting integration', organisation: 'test-planning' });
    const named = await call(admin, 'POST', '/v1/admin/keys', { role: 'planner', name: 'BI export', owner: 'Outi Owner', organisation: 'test-planning' });
    let keys = (await call(admin, 'GET', '/v1/admin/keys')).body.items;
    expect(keys.find((k: { id: string }) => k.id === issued.body.id)).toMatchObject({ owner: 'test admin', lastUsedAt: null });
    expect(keys.find((k: { id: string }) => k.id === named.body.id)).toMatchObject({ owner: 'Outi Owner' });
    expect((await call(service.withKey(issued.body.key), 'GET', '/v1/trainings')).status).toBe(200);
    service.engine.audit.flush();
    keys = (await call(admin, 'GET', '/v1/admin/keys')).body.items;
    const used = keys.find((k: { id: string }) => k.id === issued.body.id);
    expect(Date.now() - Date.parse(used.lastUsedAt)).toBeLessThan(60_000);
    const rotated = await call(admin, 'POST', `/v1/admin/keys/${named.body.id}/rotate`, { graceDays: 0 });
    keys = (await call(admin, 'GET', '/v1/admin/keys')).body.items;
    expect(keys.find((k: { id: string }) => k.id === rotated.body.id)).toMatchObject({ name: 'BI export', owner: 'Outi Owner' });
  });
});

describe('the audit trail', () => {
  it('pages and filters for admins, and refuses junk filters', async () => {
    await call(service.as('counsellor'), 'GET', '/v1/jobseekers?limit=1');
    service.engine.audit.flush();
    const first = await call(admin, 'GET', '/v1/admin/audit?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(3);
    const second = await call(admin, 'GET', `/v1/admin/audit?limit=3&before=${first.body.next}`);
    expect(second.body.entries[0].id).toBeLessThan(first.body.entries[2].id);
    const area = await call(admin, 'GET', '/v1/admin/audit?organisation=test-area&route=/v1/jobseekers&limit=500');
    expect(area.body.entries.length).toBeGreaterThan(0);
    expect(area.body.entries.every((e: { organisation: string; route: string }) => e.organisation === 'test-area' && e.route.includes('/v1/jobseekers'))).toBe(true);
    const person = await call(admin, 'GET', '/v1/admin/audit?person=Aino');
    expect(person.body.entries.length).toBeGreaterThan(0);
    expect(person.body.entries.every((e: { person?: string }) => e.person === 'Aino Alanen')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await call(admin, 'GET', `/v1/admin/audit?from=${today}&to=${today}&limit=1`)).body.entries).toHaveLength(1);
    expect((await call(admin, 'GET', '/v1/admin/audit?from=2020-01-01&to=2020-01-02')).body.entries).toHaveLength(0);
    for (const junk of ['limit=0', 'limit=9999', 'before=-1', 'from=yesterday', 'client=%20', 'who=x', `from=${today}&to=2020-01-01`]) {
      expect((await call(admin, 'GET', `/v1/admin/audit?${junk}`)).status, junk).toBe(400);
    }
  });
});
