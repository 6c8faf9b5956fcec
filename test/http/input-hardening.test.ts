import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDir, sampleJobseeker, startService, type RunningService } from '../helpers/service.js';

/** The input findings of the privacy review (issue 14, finding 9), each refused with 400 naming the field. */
let service: RunningService;

beforeAll(async () => {
  service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' } });
  expect((await call(service.as('counsellor'), 'PUT', '/v1/jobseekers/J1', sampleJobseeker('J1'))).status).toBe(201);
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const fieldsOf = (body: { problems?: { field: string }[] }) => (body.problems ?? []).map((p) => p.field);

describe('bad input is refused, naming the field', () => {
  it('refuses a CSV column named __proto__ (and any other unknown column) with its line', async () => {
    const csv = 'id,title,provider,__proto__\nT1,Trukkikortti,Opisto,x\n';
    const response = await call(service.as('planner'), 'POST', '/v1/trainings/bulk', csv, { 'content-type': 'text/csv' });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ field: '__proto__', line: 1 })]);
  });

  it('takes numbers in query strings in decimal digits only', async () => {
    for (const k of ['0x10', '1e1', '%2010', '10.0', '-1']) {
      const response = await call(service.as('counsellor'), 'GET', `/v1/jobseekers/J1/matches?k=${k}`);
      expect(response.status, k).toBe(400);
      expect(fieldsOf(response.body), k).toContain('k');
    }
    expect((await call(service.as('counsellor'), 'GET', '/v1/jobseekers/J1/matches?k=16&within=12.5')).status).toBe(200);
    expect((await call(service.as('counsellor'), 'GET', '/v1/jobseekers?limit=0x10')).status).toBe(400);
  });

  it('refuses dates outside 1950–2100, and an unemployment that has not begun', async () => {
    for (const unemployedSince of ['0000-01-01', '9999-12-31', '2999-01-01']) {
      const response = await call(service.as('counsellor'), 'PUT', '/v1/jobseekers/J2', sampleJobseeker('J2', { unemployedSince }));
      expect(response.status, unemployedSince).toBe(400);
      expect(fieldsOf(response.body)).toContain('unemployedSince');
    }
    const vacancy = await call(service.as('employer-service'), 'PUT', '/v1/vacancies/V1', {
      title: 'hitsaaja',
      description: 'Hitsaustöitä.',
      municipality: 'Tampere',
      expiresAt: '9999-12-31',
    });
    expect(fieldsOf(vacancy.body)).toContain('expiresAt');
  });

  it('refuses NUL, control and bidi-override characters in names and texts', async () => {
    for (const [field, value] of [
      ['name', 'Aino\u0000 Admin'],
      ['name', 'Aino \u202Eniamod\u202C'],
      ['title', 'hitsaaja\u2066x\u2069'],
      ['summary', 'Kokenut\u0007 hitsaaja'],
    ] as const) {
      const response = await call(service.as('counsellor'), 'PUT', '/v1/jobseekers/J3', sampleJobseeker('J3', { [field]: value }));
      expect(response.status, `${field} ${JSON.stringify(value)}`).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    // Line breaks and tabs in a summary, and right-to-left scripts, are fine.
    const ok = await call(service.as('counsellor'), 'PUT', '/v1/jobseekers/J3', sampleJobseeker('J3', { summary: 'Hitsaaja.\n\tMIG-hitsaus. عربي' }));
    expect(ok.status).toBe(201);
  });
});
