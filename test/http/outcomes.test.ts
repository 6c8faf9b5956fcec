import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../src/engine.js';
import { build, call, ndjson, removeDir, sampleJobseeker, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 33, item 4: outcomes from registers — dated labour-market events per client — imported in
 * bulk (NDJSON, CSV with Finnish, Swedish or English columns) through the HTTP API on the real
 * SQLite store: a bad line refuses the request, named, with nothing stored; the same file again
 * changes nothing; another area's client is refused like an unknown one; exported and erased with
 * the client.
 */
let service: RunningService;
let admin: Caller;
let counsellor: Caller;
let employer: Caller;
let planner: Caller;
let helsinki: Caller;

const csv = { 'content-type': 'text/csv' };
const nd = { 'content-type': 'application/x-ndjson' };
const outcomesOf = async (id: string, caller = counsellor) => (await call(caller, 'GET', `/v1/jobseekers/${id}/outcomes`)).body.items as { event: string; date: string; source: string | null; importedBy: string }[];
const countAll = () => {
  const db = new Database(databaseFile(service.dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM outcomes').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

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
  for (const id of ['OUT-1', 'OUT-2']) expect((await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
  expect((await call(helsinki, 'PUT', '/v1/jobseekers/HKI-1', sampleJobseeker('HKI-1', { municipality: 'Helsinki' }))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service?.stop();
  if (service) removeDir(service.dataDir);
});

describe('outcomes from registers (issue 33, item 4)', () => {
  const finnish = ['asiakas;tapahtuma;päivämäärä;lähde', 'OUT-1;palkkatuettu työ;1.3.2026;URA 2026-03', 'OUT-1;Työllistynyt avoimille työmarkkinoille;15.9.2026;URA 2026-09', 'OUT-2;koulutus;2.2.2026;'].join('\n');

  it('refuses a file with a bad line as a whole, naming each bad line and field, and stores nothing', async () => {
    const bad = [finnish, 'OUT-2;lomautettu;3.3.2026;URA', 'OUT-2;koulutus;31.2.2026;URA', 'HKI-1;yrittäjä;1.4.2026;URA', 'NOBODY;yrittäjä;1.4.2026;URA'].join('\n');
    const refused = await call(counsellor, 'POST', '/v1/outcomes/bulk', bad, csv);
    expect(refused.status).toBe(400);
    expect(refused.body.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`)).toEqual(['5:event', '6:date']);
    // Once every line reads, the clients are checked: another area's client is refused exactly like an unknown id.
    const strangers = await call(counsellor, 'POST', '/v1/outcomes/bulk', [finnish, 'HKI-1;yrittäjä;1.4.2026;URA', 'NOBODY;yrittäjä;1.4.2026;URA'].join('\n'), csv);
    expect(strangers.status).toBe(400);
    const problems = strangers.body.problems as { line: number; field: string; message: string }[];
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['5:jobseekerId', '6:jobseekerId']);
    expect(problems[0]!.message.replace('HKI-1', 'X')).toBe(problems[1]!.message.replace('NOBODY', 'X'));
    // In the caller's language.
    const sv = await call(counsellor, 'POST', '/v1/outcomes/bulk', 'kund;händelse;datum\nOUT-1;semester;1.3.2026', { ...csv, 'accept-language': 'sv' });
    expect(sv.status).toBe(400);
    expect(sv.body.message).toContain('rad 2: event: okänt värde "semester"');
    expect(sv.body.problems).toEqual([expect.objectContaining({ line: 2, field: 'event' })]);
    expect(countAll()).toBe(0);
    expect(await outcomesOf('OUT-1')).toEqual([]);
  });

  it('imports Finnish CSV, and the same file again changes nothing; a dry run stores nothing', async () => {
    const dry = await call(counsellor, 'POST', '/v1/outcomes/bulk?dryRun=true', finnish, csv);
    expect(dry.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(countAll()).toBe(0);
    const first = await call(counsellor, 'POST', '/v1/outcomes/bulk', finnish, csv);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const stored = await outcomesOf('OUT-1');
    expect(stored.map((o) => `${o.date}:${o.event}:${o.source}`)).toEqual(['2026-03-01:employed-subsidised:URA 2026-03', '2026-09-15:employed-open:URA 2026-09']);
    expect(stored[0]!.importedBy).toBe('test counsellor');
    const again = await call(counsellor, 'POST', '/v1/outcomes/bulk', finnish, csv);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await outcomesOf('OUT-1')).toEqual(stored);
    expect(countAll()).toBe(3);
    // The same events as NDJSON (an admin) and with Swedish or English columns are the same events.
    const ndAgain = await call(admin, 'POST', '/v1/outcomes/bulk', ndjson([{ jobseekerId: 'OUT-2', event: 'training', date: '2026-02-02' }, { jobseekerId: 'OUT-2', event: 'left-register', date: '2026-06-30', source: 'URA' }]), nd);
    expect(ndAgain.body).toEqual({ created: 1, updated: 0, unchanged: 1 });
    const swedish = await call(counsellor, 'POST', '/v1/outcomes/bulk', 'kund;händelse;datum\nOUT-2;lämnat registret;30.6.2026\nOUT-2;företagare;1.7.2026', csv);
    expect(swedish.body).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect((await outcomesOf('OUT-2')).map((o) => o.event)).toEqual(['training', 'left-register', 'self-employed']);
  });

  it('junk NDJSON is refused by line and field; a future date too; nothing is stored', async () => {
    const before = countAll();
    const body = [
      JSON.stringify({ jobseekerId: 'OUT-1', event: 'training', date: '2026-04-01' }),
      JSON.stringify({ jobseekerId: 'OUT-1', event: 'training', date: '2099-04-01' }),
      JSON.stringify({ jobseekerId: 'OUT-1', event: 'training', date: '2026-04-01', salary: 3000 }),
      '{not json',
    ].join('\n');
    const refused = await call(counsellor, 'POST', '/v1/outcomes/bulk', body, nd);
    expect(refused.status).toBe(400);
    expect(refused.body.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`)).toEqual(['2:date', '3:salary', '4:body']);
    expect(countAll()).toBe(before);
  });

  it('counsellors of another area, employer units and planners neither import nor read', async () => {
    const before = countAll();
    const other = await call(helsinki, 'POST', '/v1/outcomes/bulk', ndjson([{ jobseekerId: 'OUT-1', event: 'training', date: '2026-05-01' }]), nd);
    expect(other.status).toBe(400);
    expect(other.body.problems[0]).toMatchObject({ line: 1, field: 'jobseekerId' });
    expect((await call(helsinki, 'GET', '/v1/jobseekers/OUT-1/outcomes')).status).toBe(404);
    for (const caller of [employer, planner]) {
      expect((await call(caller, 'POST', '/v1/outcomes/bulk', ndjson([{ jobseekerId: 'OUT-1', event: 'training', date: '2026-05-01' }]), nd)).status).toBe(403);
      expect((await call(caller, 'GET', '/v1/jobseekers/OUT-1/outcomes')).status).toBe(403);
    }
    // Their own area's client: the Helsinki counsellor may.
    expect((await call(helsinki, 'POST', '/v1/outcomes/bulk', ndjson([{ jobseekerId: 'HKI-1', event: 'other-service', date: '2026-05-01' }]), nd)).body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(countAll()).toBe(before + 1);
  });

  it('the export holds the client’s outcomes; erasure removes them, and a new client under the id inherits none', async () => {
    service.engine.audit.flush();
    const trail = await call(admin, 'GET', '/v1/audit?jobseeker=OUT-1&limit=50');
    expect(trail.body.entries.map((e: { route: string }) => e.route)).toEqual(expect.arrayContaining(['/v1/outcomes/bulk', '/v1/jobseekers/:id/outcomes']));
    const exported = await call(counsellor, 'GET', '/v1/jobseekers/OUT-1/export');
    expect(exported.status).toBe(200);
    expect(exported.body.outcomes.map((o: { event: string }) => o.event)).toEqual(['employed-subsidised', 'employed-open']);
    const before = countAll();
    expect((await call(counsellor, 'DELETE', '/v1/jobseekers/OUT-1')).status).toBe(204);
    expect(countAll()).toBe(before - 2);
    // An erased client's outcomes are refused like an unknown id's.
    expect((await call(counsellor, 'POST', '/v1/outcomes/bulk', ndjson([{ jobseekerId: 'OUT-1', event: 'training', date: '2026-05-01' }]), nd)).status).toBe(400);
    expect((await call(counsellor, 'PUT', '/v1/jobseekers/OUT-1', sampleJobseeker('OUT-1'))).status).toBe(201);
    expect(await outcomesOf('OUT-1')).toEqual([]);
    expect((await outcomesOf('OUT-2')).length).toBe(3);
  });
});
