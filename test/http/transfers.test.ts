import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config.js';
import { call, removeDir, sampleJobseeker, sampleVacancy, build, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 28, finding M4: a Tampere counsellor sending `X-Transfer-Reason: xxxxxxxxxx` read every
 * Helsinki client and changed one. Transfers are a workflow now (asked, approved by the client's
 * area, expiring), attacked here on the real server and SQLite store; and (L8) another area's
 * client is answered exactly as an id that does not exist.
 */
const ENV: Env = {
  KOHTAANTO_SEED_FIXTURES: 'false',
  KOHTAANTO_TRANSFER_REQUESTS_PER_DAY: '4',
  KOHTAANTO_TRANSFER_ALERT_PER_DAY: '2',
};

let service: RunningService;
let admin: Caller;
let tampere: Caller;
/** Another counsellor of Tampere's area, one of Helsinki's, one of Oulu's. */
let tampere2: Caller;
let helsinki: Caller;
let oulu: Caller;
let employer: Caller;
let planner: Caller;
const keys: Record<string, string> = {};

const REASON = 'Client moved to Tampere on 1 November; Helsinki agreed by phone';
const HELSINKI = (id: string) => ({ ...sampleJobseeker(id, { municipality: 'Helsinki' }), name: `Heikki ${id}`, contact: { email: `${id}@example.fi` } });

async function issue(role: string, organisation: string, name: string): Promise<Caller> {
  const issued = await call(admin, 'POST', '/v1/admin/keys', { role, name, organisation });
  expect(issued.status).toBe(201);
  keys[name] = issued.body.id;
  return service.withKey(issued.body.key);
}

beforeAll(async () => {
  service = await build({ env: ENV });
  admin = service.as('admin');
  tampere = service.as('counsellor');
  employer = service.as('employer-service');
  planner = service.as('planner');
  for (const [id, area] of [['hki', 'helsinki'], ['oulu', 'oulu']]) {
    expect((await call(admin, 'POST', '/v1/admin/organisations', { id, name: id, kind: 'employment-area', area })).status).toBe(201);
  }
  tampere2 = await issue('counsellor', 'test-area', 'tampere two');
  helsinki = await issue('counsellor', 'hki', 'helsinki one');
  oulu = await issue('counsellor', 'oulu', 'oulu one');
  for (const id of ['HKI-1', 'HKI-2', 'HKI-3']) expect((await call(helsinki, 'PUT', `/v1/jobseekers/${id}`, HELSINKI(id))).status).toBe(201);
  expect((await call(tampere, 'PUT', '/v1/jobseekers/TRE-1', sampleJobseeker('TRE-1'))).status).toBe(201);
  expect((await call(admin, 'PUT', '/v1/vacancies/V-1', sampleVacancy('V-1'))).status).toBe(201);
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

/** The answer with the asked id replaced, to compare answers about two ids. */
const answer = async (caller: Caller, method: string, path: string, id: string, body?: unknown) => {
  const response = await call(caller, method, path.replaceAll('{id}', id), body === undefined ? undefined : JSON.parse(JSON.stringify(body).replaceAll('{id}', id)));
  return { status: response.status, body: JSON.parse(JSON.stringify(response.body ?? null).replaceAll(id, '{id}')) };
};

describe('another area\'s client is answered as an id that does not exist (L8)', () => {
  it('on every route that names a jobseeker, read, write, export, matches, gaps, overrides, shares, referrals, erasure', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/jobseekers/{id}'],
      ['GET', '/v1/jobseekers/{id}/matches'],
      ['GET', '/v1/jobseekers/{id}/matches/V-1/explanation'],
      ['GET', '/v1/jobseekers/{id}/gaps'],
      ['GET', '/v1/jobseekers/{id}/export'],
      ['GET', '/v1/jobseekers/{id}/referrals'],
      ['GET', '/v1/jobseekers/{id}/overrides'],
      ['POST', '/v1/jobseekers/{id}/overrides', { vacancyId: 'V-1', action: 'set-aside', reason: 'Not suitable for the client' }],
      ['DELETE', '/v1/jobseekers/{id}/overrides/V-1'],
      ['POST', '/v1/vacancies/V-1/shares', { jobseekerId: '{id}' }],
      ['POST', '/v1/referrals', { jobseekerId: '{id}', trainingId: 'T-0001' }],
      ['DELETE', '/v1/jobseekers/{id}'],
      ['POST', '/v1/jobseekers/bulk-delete', { ids: ['{id}'] }],
    ];
    for (const [method, path, body] of routes) {
      const other = await answer(tampere, method, path, 'HKI-1', body);
      const unknown = await answer(tampere, method, path, 'NOPE-1', body);
      expect(other, `${method} ${path}`).toEqual(unknown);
      if (path.endsWith('bulk-delete')) expect(other).toEqual({ status: 200, body: { removed: 0, notFound: ['{id}'] } });
      else expect(other.status, `${method} ${path}`).toBe(404);
    }
    expect((await answer(tampere, 'GET', '/v1/jobseekers/{id}', 'HKI-1')).body.message).toMatch(/^no jobseeker '\{id\}' in your employment area/);
    // Writing a record to live outside the area: one answer (403) for another area's client and an unused id.
    const outside = { ...sampleJobseeker('{id}', { municipality: 'Helsinki' }) };
    const writes: [string, string, unknown][] = [
      ['PUT', '/v1/jobseekers/{id}', outside],
      ['POST', '/v1/jobseekers', outside],
    ];
    for (const [method, path, body] of writes) {
      const other = await answer(tampere, method, path, 'HKI-1', body);
      const unknown = await answer(tampere, method, path, 'NOPE-1', body);
      expect(other, `${method} ${path}`).toEqual(unknown);
      expect(other.status).toBe(403);
    }
    const bulk = async (id: string) => {
      const response = await call(tampere, 'POST', '/v1/jobseekers/bulk', JSON.stringify({ ...outside, id }) + '\n', { 'content-type': 'application/x-ndjson' });
      return { status: response.status, body: JSON.parse(JSON.stringify(response.body).replaceAll(id, '{id}')) };
    };
    expect(await bulk('HKI-1')).toEqual(await bulk('NOPE-1'));
    // A bulk erasure erases the caller's own clients and reports another area's as not found: nothing of theirs is touched.
    expect((await call(helsinki, 'GET', '/v1/jobseekers/HKI-1')).body.name).toBe('Heikki HKI-1');
  });

  it('also on the transfer request: an unknown id and another area\'s client are accepted alike', async () => {
    const other = await answer(tampere2, 'POST', '/v1/jobseekers/{id}/transfers', 'HKI-2', { reason: REASON });
    const unknown = await answer(tampere2, 'POST', '/v1/jobseekers/{id}/transfers', 'NOPE-2', { reason: REASON });
    expect(other.status).toBe(201);
    const shape = (body: Record<string, unknown>) => ({ ...body, id: 0, requestedAt: typeof body.requestedAt, expiresAt: typeof body.expiresAt });
    expect(shape(other.body)).toEqual(shape(unknown.body));
    expect(other.body).not.toHaveProperty('fromArea');
    for (const t of [other.body.id, unknown.body.id]) expect((await call(tampere2, 'DELETE', `/v1/transfers/${t}`)).status).toBe(204);
  });
});

describe("creating a client in one's own area under an id another area's client holds (privacy-11, open)", () => {
  // KNOWN HOLE: ids are one namespace over all areas (and may be personal codes). A Tampere counsellor writing a
  // client to live in Tampere under an id Helsinki's client holds is refused as "no such client in your area"
  // (404, src/core/guard.ts jobseekerWrites → jobseeker → notInArea), while an unused id is created (201): each
  // write tells whether someone is a client of another area. Every way to give both one answer needs a product
  // decision (see docs/privacy-and-oversight.md, "Ids across areas"), so this stays `it.fails` until one is taken.
  // Each refusal now counts against the writing key's daily limit (privacy-12, test/http/ids-across-areas.test.ts):
  // written with a key of its own, so that the other tests' counsellor keeps hers. Within the limit the answers differ.
  it.fails('answers an id held in another area as it answers an unused id, on every way of creating a client', async () => {
    const tampere = await issue('counsellor', 'test-area', 'id prober');
    const inTampere = (id: string) => ({ ...sampleJobseeker(id, { municipality: 'Tampere' }), name: `Tiina ${id}` });
    const csv = (id: string) => `tunnus;otsikko;kuvaus;kunta\n${id};hitsaaja;MIG-hitsaus;Tampere\n`;
    const ways: [string, (id: string) => Promise<{ status: number }>][] = [
      ['PUT', (id) => call(tampere, 'PUT', `/v1/jobseekers/${id}`, inTampere(id))],
      ['PUT If-None-Match: *', (id) => call(tampere, 'PUT', `/v1/jobseekers/${id}`, inTampere(id), { 'if-none-match': '*' })],
      ['POST', (id) => call(tampere, 'POST', '/v1/jobseekers', inTampere(id))],
      ['bulk NDJSON', (id) => call(tampere, 'POST', '/v1/jobseekers/bulk', JSON.stringify(inTampere(id)) + '\n', { 'content-type': 'application/x-ndjson' })],
      ['bulk CSV', (id) => call(tampere, 'POST', '/v1/jobseekers/bulk', csv(id), { 'content-type': 'text/csv; charset=utf-8' })],
    ];
    const held: string[] = [];
    const unused: string[] = [];
    for (const [way, write] of ways) {
      held.push(`${way}: ${(await write('HKI-3')).status}`);
      unused.push(`${way}: ${(await write(`NEW-${unused.length}`)).status}`);
    }
    expect(held).toEqual(unused);
    // Nothing of Helsinki's changed.
    expect((await call(helsinki, 'GET', '/v1/jobseekers/HKI-3')).body.name).toBe('Heikki HKI-3');
  });
});

describe('transfers are a workflow (M4)', () => {
  let transfer: number;

  it('a reason header alone reaches nothing', async () => {
    for (const [method, body] of [['GET'], ['PUT', { ...HELSINKI('HKI-1'), municipality: 'Tampere' }]] as const) {
      const response = await call(tampere, method, '/v1/jobseekers/HKI-1', body, { 'x-transfer-reason': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });
      expect(response.status, method).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Heikki');
    }
  });

  it('is asked with a reason; the requester, their area and a third area cannot approve it; the client\'s area can, once', async () => {
    const asked = await call(tampere, 'POST', '/v1/jobseekers/HKI-1/transfers', { reason: REASON });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', direction: 'outgoing', jobseekerId: 'HKI-1', reason: REASON });
    transfer = asked.body.id;
    expect((await call(tampere, 'GET', '/v1/jobseekers/HKI-1')).status).toBe(404); // pending: nothing yet

    expect((await call(tampere, 'POST', `/v1/transfers/${transfer}/approve`)).status).toBe(403);
    expect((await call(tampere2, 'POST', `/v1/transfers/${transfer}/approve`)).status).toBe(403);
    const third = await call(oulu, 'POST', `/v1/transfers/${transfer}/approve`);
    expect(third.status).toBe(404);
    expect(await call(oulu, 'POST', '/v1/transfers/999999/approve')).toMatchObject({ status: 404, body: { message: third.body.message.replace(String(transfer), '999999') } });
    expect((await call(oulu, 'GET', `/v1/transfers/${transfer}`)).status).toBe(404);
    expect((await call(oulu, 'GET', '/v1/transfers')).body.items).toEqual([]);

    const incoming = (await call(helsinki, 'GET', '/v1/transfers?direction=incoming&status=pending')).body.items;
    expect(incoming.map((t: { id: number }) => t.id)).toContain(transfer);
    expect(incoming.find((t: { id: number }) => t.id === transfer)).toMatchObject({ fromArea: 'helsinki', toArea: expect.any(String), direction: 'incoming' });
    expect((await call(tampere, 'GET', '/v1/transfers?direction=outgoing')).body.items.map((t: { id: number }) => t.id)).toContain(transfer);

    const approved = await call(helsinki, 'POST', `/v1/transfers/${transfer}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await call(helsinki, 'POST', `/v1/transfers/${transfer}/approve`)).status).toBe(409);
    expect((await call(admin, 'POST', `/v1/transfers/${transfer}/refuse`, { reason: 'Too late to refuse now' })).status).toBe(409);
  });

  it('an approved transfer reaches that one client, not another, and lets the home move into the area', async () => {
    const read = await call(tampere, 'GET', '/v1/jobseekers/HKI-1');
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Heikki HKI-1');
    expect((await call(tampere, 'GET', '/v1/jobseekers/HKI-2')).status).toBe(404);
    expect((await call(oulu, 'GET', '/v1/jobseekers/HKI-1')).status).toBe(404);
    expect((await call(tampere, 'GET', '/v1/jobseekers?limit=500')).body.items.map((j: { id: string }) => j.id)).not.toContain('HKI-1');
    // Not to a third area.
    expect((await call(tampere, 'PUT', '/v1/jobseekers/HKI-1', { ...HELSINKI('HKI-1'), municipality: 'Oulu' })).status).toBe(403);
    const moved = await call(tampere, 'PUT', '/v1/jobseekers/HKI-1', { ...HELSINKI('HKI-1'), municipality: 'Tampere' });
    expect(moved.status).toBe(200);
    expect((await call(helsinki, 'GET', '/v1/jobseekers/HKI-1')).status).toBe(404); // theirs no more
    expect((await call(tampere2, 'GET', '/v1/jobseekers/HKI-1')).status).toBe(200); // simply a Tampere client now
  });

  it('is audited: the request with its reason, the approval, each access under it; alerts list the approval', async () => {
    const trail = (await call(admin, 'GET', '/v1/audit?jobseeker=HKI-1&limit=200')).body.entries as {
      route: string;
      method: string;
      status: number;
      keyId: string;
      detail: Record<string, unknown> | null;
    }[];
    expect(trail.find((e) => e.route === '/v1/jobseekers/:id/transfers' && e.status === 201)?.detail).toMatchObject({ transfer, reason: REASON });
    expect(trail.find((e) => e.route === '/v1/transfers/:id/approve' && e.status === 200)).toMatchObject({ keyId: keys['helsinki one'], detail: { transfer, approved: true } });
    const uses = trail.filter((e) => e.method === 'TRANSFER');
    expect(uses.length).toBeGreaterThanOrEqual(2); // the read and the write
    expect(uses[0]!.detail).toMatchObject({ transfer, fromArea: 'helsinki' });
    // The admins' audit trail finds them by the organisation that used the transfer, as every other entry.
    const byOrganisation = (await call(admin, 'GET', `/v1/admin/audit?organisation=${({ [keys['helsinki one']!]: 'hki', [keys['oulu one']!]: 'oulu' })[uses[0]!.keyId] ?? 'test-area'}&route=transfer&limit=200`)).body.entries as { method: string }[];
    expect(byOrganisation.filter((e) => e.method === 'TRANSFER').length).toBe(uses.filter((e) => e.keyId === uses[0]!.keyId).length);

    const alerts = await call(admin, 'GET', '/v1/audit/alerts');
    expect(alerts.status).toBe(200);
    expect(alerts.body.approved).toEqual([expect.objectContaining({ transfer, jobseekerId: 'HKI-1', approvedBy: keys['helsinki one'] })]);
    expect((await call(tampere, 'GET', '/v1/audit/alerts')).status).toBe(403);
  });

  it('is refused with a reason; rejects junk naming the field', async () => {
    const asked = await call(tampere, 'POST', '/v1/jobseekers/HKI-3/transfers', { reason: REASON });
    expect(asked.status).toBe(201);
    expect((await call(helsinki, 'POST', `/v1/transfers/${asked.body.id}/refuse`, {})).body.problems[0].field).toBe('reason');
    const refused = await call(helsinki, 'POST', `/v1/transfers/${asked.body.id}/refuse`, { reason: 'The client has not moved' });
    expect(refused.body).toMatchObject({ status: 'refused', refusal: 'The client has not moved' });
    expect((await call(tampere, 'GET', '/v1/jobseekers/HKI-3')).status).toBe(404);

    const junk: [string, string, unknown, string][] = [
      ['POST', '/v1/jobseekers/HKI-2/transfers', { reason: 'too short' }, 'reason'],
      ['POST', '/v1/jobseekers/HKI-2/transfers', {}, 'reason'],
      ['POST', '/v1/jobseekers/HKI-2/transfers', { reason: REASON, urgent: true }, 'urgent'],
      ['POST', '/v1/jobseekers/HKI-2/transfers', { reason: `${REASON}\u202e` }, 'reason'],
      ['POST', '/v1/transfers/abc/approve', undefined, 'id'],
      ['GET', '/v1/transfers?direction=sideways', undefined, 'direction'],
      ['GET', '/v1/transfers?status=lost', undefined, 'status'],
      ['DELETE', '/v1/transfers/-1', undefined, 'id'],
    ];
    for (const [method, path, body, field] of junk) {
      const response = await call(tampere, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.body.problems.map((p: { field: string }) => p.field), `${method} ${path}`).toContain(field);
    }
  });

  it('is no route for employer services and planners, and admins do not ask', async () => {
    const routes: [string, string, unknown?][] = [
      ['POST', '/v1/jobseekers/HKI-2/transfers', { reason: REASON }],
      ['GET', '/v1/transfers'],
      ['GET', `/v1/transfers/${transfer}`],
      ['POST', `/v1/transfers/${transfer}/approve`],
      ['POST', `/v1/transfers/${transfer}/refuse`, { reason: 'Not for you to decide' }],
      ['DELETE', `/v1/transfers/${transfer}`],
      ['GET', '/v1/audit/alerts'],
    ];
    for (const caller of [employer, planner]) {
      for (const [method, path, body] of routes) expect((await call(caller, method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await call(admin, 'POST', '/v1/jobseekers/HKI-2/transfers', { reason: REASON })).status).toBe(403);
  });

  it('is removed with the client on erasure, and listed in their export before', async () => {
    const asked = await call(tampere, 'POST', '/v1/jobseekers/HKI-2/transfers', { reason: REASON });
    expect(asked.body.message ?? 'created').toBe('created');
    const exported = await call(helsinki, 'GET', '/v1/jobseekers/HKI-2/export');
    expect(exported.body.transfers).toEqual([
      expect.objectContaining({ status: 'withdrawn' }), // asked and withdrawn earlier
      expect.objectContaining({ id: asked.body.id, reason: REASON, status: 'pending', fromArea: 'helsinki' }),
    ]);
    expect((await call(helsinki, 'DELETE', '/v1/jobseekers/HKI-2')).status).toBe(204);
    expect((await call(tampere, 'GET', `/v1/transfers/${asked.body.id}`)).status).toBe(404);
    expect((await call(admin, 'GET', '/v1/transfers')).body.items.map((t: { jobseekerId: string }) => t.jobseekerId)).not.toContain('HKI-2');
  });
});

describe('transfer requests are limited per key and day, in the database', () => {
  it('refuses the fifth request in 24 hours, also after a restart on the same data directory, and alerts', async () => {
    const busy = await issue('counsellor', 'test-area', 'busy one');
    for (let i = 1; i <= 4; i++) expect((await call(busy, 'POST', `/v1/jobseekers/X-${i}/transfers`, { reason: REASON })).status).toBe(201);
    const limited = await call(busy, 'POST', '/v1/jobseekers/X-5/transfers', { reason: REASON });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(tampere2, 'POST', '/v1/jobseekers/X-5/transfers', { reason: REASON })).status).toBe(201); // per key

    const dataDir = service.dataDir;
    await service.stop();
    service = await build({ dataDir, env: ENV });
    admin = service.as('admin');
    const again = service.withKey(busy.key);
    expect((await call(again, 'POST', '/v1/jobseekers/X-6/transfers', { reason: REASON })).status).toBe(429);
    const alerts = (await call(admin, 'GET', '/v1/audit/alerts')).body;
    expect(alerts.busyRequesters).toEqual(expect.arrayContaining([expect.objectContaining({ keyId: keys['busy one'], requests: 4 })]));
  });
});
