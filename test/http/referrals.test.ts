import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../src/engine.js';
import { build, call, removeDir, sampleJobseeker, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 33, item 3: a training referral's results — referred → accepted → started → completed or
 * interrupted, each change dated, by whom, with a note — through the HTTP API on the real SQLite
 * store; attacked with impossible moves, a stale version, junk, other areas and other roles;
 * exported and erased with the client.
 */
let service: RunningService;
let admin: Caller;
let counsellor: Caller;
let employer: Caller;
let planner: Caller;
let helsinki: Caller;

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const training = (id: string) => ({
  id,
  title: 'Hitsauksen täsmäkoulutus',
  description: 'MIG-hitsaus ja TIG-hitsaus konepajatyöhön.',
  provider: 'Ammattiopisto Virta',
  kind: 'vocational',
  municipality: 'Tampere',
  durationDays: 40,
  startDates: ['2027-01-15'],
  cost: 0,
  skills: ['MIG-hitsaus', 'TIG-hitsaus'],
});

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  admin = service.as('admin');
  counsellor = service.as('counsellor');
  employer = service.as('employer-service');
  planner = service.as('planner');
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'hki', name: 'Helsinki', kind: 'employment-area', area: 'helsinki' })).status).toBe(201);
  const issued = await call(admin, 'POST', '/v1/admin/keys', { role: 'counsellor', name: 'helsinki counsellor', organisation: 'hki' });
  expect(issued.status).toBe(201);
  helsinki = service.withKey(issued.body.key);
  for (const id of ['T-WELD', 'T-FORK']) expect((await call(planner, 'PUT', `/v1/trainings/${id}`, training(id))).status).toBe(201);
  for (const id of ['REF-1', 'REF-2']) expect((await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service?.stop();
  if (service) removeDir(service.dataDir);
});

const refer = async (jobseekerId: string, trainingId: string) => {
  const made = await call(counsellor, 'POST', '/v1/referrals', { jobseekerId, trainingId, reason: 'Hitsaustaito puuttuu' });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body as { id: number; state: string; version: number; history: { state: string }[] };
};

describe('training referrals with results (issue 33, item 3)', () => {
  it('walks referred → accepted → started → completed, each change dated, by whom, with its note; listed on the client', async () => {
    const made = await refer('REF-1', 'T-WELD');
    expect(made).toMatchObject({ state: 'referred', version: 1 });
    expect(made.history).toEqual([expect.objectContaining({ state: 'referred', on: today(), by: 'test counsellor', role: 'counsellor', note: null })]);
    const steps: [string, Record<string, unknown>][] = [
      ['accepted', { on: daysAgo(0) }],
      ['started', { note: 'Aloitti ryhmässä B' }],
      ['completed', {}],
    ];
    let version = 1;
    for (const [state, extra] of steps) {
      const changed = await call(counsellor, 'POST', `/v1/referrals/${made.id}/state`, { state, version, ...extra });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ state, version: version + 1 });
      version++;
    }
    const listed = await call(counsellor, 'GET', '/v1/jobseekers/REF-1/referrals');
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((r: { id: number }) => r.id === made.id);
    expect(item.state).toBe('completed');
    expect(item.history.map((e: { state: string; note: string | null }) => `${e.state}:${e.note ?? ''}`)).toEqual(['referred:', 'accepted:', 'started:Aloitti ryhmässä B', 'completed:']);
    expect(item.history.every((e: { on: string; at: string; by: string }) => e.on === today() && e.at.startsWith(today()) && e.by === 'test counsellor')).toBe(true);
    // The audit trail names the client for the change.
    service.engine.audit.flush();
    const trail = await call(admin, 'GET', '/v1/audit?jobseeker=REF-1&limit=50');
    expect(trail.body.entries.map((e: { route: string }) => e.route)).toContain('/v1/referrals/:id/state');
  });

  it('refuses impossible moves with 409 naming the state (in the caller’s language), and nothing changes', async () => {
    const r = await refer('REF-1', 'T-FORK');
    const skip = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state: 'completed', version: 1 });
    expect(skip.status).toBe(409);
    expect(skip.body.problems.map((p: { field: string }) => p.field)).toEqual(['state']);
    expect(skip.body.message).toContain('accepted, declined, cancelled');
    const fi = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state: 'interrupted', version: 1 }, { 'accept-language': 'fi' });
    expect(fi.status).toBe(409);
    expect(fi.body.message).toMatch(/^Lähete \d+ on tilassa referred/);
    expect((await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state: 'cancelled', version: 1, note: 'Koulutus peruttiin' })).status).toBe(200);
    // Nothing follows a final state.
    const after = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state: 'accepted', version: 2 });
    expect(after.status).toBe(409);
    const listed = (await call(counsellor, 'GET', '/v1/jobseekers/REF-1/referrals')).body.items.find((x: { id: number }) => x.id === r.id);
    expect(listed).toMatchObject({ state: 'cancelled', version: 2 });
    expect(listed.history).toHaveLength(2);
  });

  it('a stale version is refused (412) and of two changes at once exactly one wins', async () => {
    const r = await refer('REF-2', 'T-WELD');
    const both = await Promise.all([
      call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state: 'accepted', version: 1 }),
      call(admin, 'POST', `/v1/referrals/${r.id}/state`, { state: 'declined', version: 1, note: 'Ei päässyt' }),
    ]);
    expect(both.map((x) => x.status).sort()).toEqual([200, 412]);
    const stale = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state: 'cancelled', version: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toBe('version_mismatch');
    const listed = (await call(counsellor, 'GET', '/v1/jobseekers/REF-2/referrals')).body.items.find((x: { id: number }) => x.id === r.id);
    expect(listed.history).toHaveLength(2);
    expect(listed.version).toBe(2);
  });

  it('junk is refused with 400 naming the field, and nothing changes', async () => {
    const r = await refer('REF-2', 'T-FORK');
    const cases: [Record<string, unknown>, string][] = [
      [{ state: 'promoted', version: 1 }, 'state'],
      [{ state: 'accepted' }, 'version'],
      [{ state: 'accepted', version: 1, on: '2099-01-01' }, 'on'],
      [{ state: 'accepted', version: 1, on: daysAgo(30) }, 'on'], // before the referral was made
      [{ state: 'accepted', version: 1, on: '31.2.2026' }, 'on'],
      [{ state: 'declined', version: 1 }, 'note'],
      [{ state: 'accepted', version: 1, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const answer = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.problems.map((p: { field: string }) => p.field), JSON.stringify(body)).toContain(field);
    }
    expect((await call(counsellor, 'POST', '/v1/referrals/0/state', { state: 'accepted', version: 1 })).status).toBe(400);
    expect((await call(counsellor, 'POST', '/v1/referrals/999999/state', { state: 'accepted', version: 1 })).status).toBe(404);
    const listed = (await call(counsellor, 'GET', '/v1/jobseekers/REF-2/referrals')).body.items.find((x: { id: number }) => x.id === r.id);
    expect(listed).toMatchObject({ state: 'referred', version: 1 });
  });

  it('another area’s counsellor gets 404 as for an unknown referral; employer units and planners 403', async () => {
    const r = await refer('REF-2', 'T-WELD');
    const other = await call(helsinki, 'POST', `/v1/referrals/${r.id}/state`, { state: 'accepted', version: 1 });
    const unknown = await call(helsinki, 'POST', '/v1/referrals/999999/state', { state: 'accepted', version: 1 });
    expect(other.status).toBe(404);
    expect(other.body.message.replace(String(r.id), 'N')).toBe(unknown.body.message.replace('999999', 'N'));
    expect((await call(helsinki, 'GET', '/v1/jobseekers/REF-2/referrals')).status).toBe(404);
    for (const caller of [employer, planner]) {
      expect((await call(caller, 'POST', `/v1/referrals/${r.id}/state`, { state: 'accepted', version: 1 })).status).toBe(403);
      expect((await call(caller, 'GET', '/v1/jobseekers/REF-2/referrals')).status).toBe(403);
    }
    const listed = (await call(counsellor, 'GET', '/v1/jobseekers/REF-2/referrals')).body.items.find((x: { id: number }) => x.id === r.id);
    expect(listed).toMatchObject({ state: 'referred', version: 1 });
  });

  it('the export holds each referral’s state and history; erasure removes them, leaving only an anonymous count', async () => {
    const firstId = (await call(counsellor, 'GET', '/v1/jobseekers/REF-1/referrals')).body.items.find((r: { state: string }) => r.state === 'cancelled').id as number;
    const exported = await call(counsellor, 'GET', '/v1/jobseekers/REF-1/export');
    expect(exported.status).toBe(200);
    const states = exported.body.referrals.map((r: { trainingId: string; state: string; history: unknown[] }) => `${r.trainingId}:${r.state}:${r.history.length}`);
    expect(states).toEqual(['T-WELD:completed:4', 'T-FORK:cancelled:2']);
    expect((await call(counsellor, 'DELETE', '/v1/jobseekers/REF-1')).status).toBe(204);
    const db = new Database(databaseFile(service.dataDir), { readonly: true });
    try {
      const rows = db.prepare("SELECT jobseeker_id, state, reason FROM referrals WHERE jobseeker_id LIKE 'erased:%'").all() as { state: string | null; reason: string | null }[];
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.state === null && r.reason === null)).toBe(true);
      const events = db.prepare("SELECT count(*) AS n FROM referral_events WHERE referral_id IN (SELECT id FROM referrals WHERE jobseeker_id LIKE 'erased:%')").get() as { n: number };
      expect(events.n).toBe(0);
      expect((db.prepare("SELECT count(*) AS n FROM referral_events WHERE note = 'Aloitti ryhmässä B'").get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
    // What is left of an erased client's referral is changed by nobody, an admin neither.
    expect((await call(admin, 'POST', `/v1/referrals/${firstId}/state`, { state: 'accepted', version: 2 })).status).toBe(404);
    // A new client under the erased id inherits nothing.
    expect((await call(counsellor, 'PUT', '/v1/jobseekers/REF-1', sampleJobseeker('REF-1'))).status).toBe(201);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/REF-1/referrals')).body.items).toEqual([]);
  });
});
