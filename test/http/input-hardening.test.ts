import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDir, sampleJobseeker, build, type RunningService } from '../helpers/service.js';

/** The input findings of the privacy review (issue 14, finding 9), each refused with 400 naming the field. */
let service: RunningService;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' } });
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

  it('refuses line breaks, tabs, C1 controls, bidi marks and lone surrogates in one-line fields, naming the field; multi-line texts keep line breaks', async () => {
    const counsellor = service.as('counsellor');
    for (const [field, value] of [
      ['title', 'hitsaaja\nADMIN'],
      ['title', 'hitsaaja\rx'],
      ['title', 'kok\u2028ki'],
      ['name', 'Matti\u2029Admin'],
      ['name', 'Aino\tMäkinen'],
      ['name', 'Aino \u200EMäkinen'],
      ['name', 'Aino \u200FMäkinen'],
      ['name', 'Aino \u061CMäkinen'],
      ['name', 'Aino \u202AMäkinen'],
      ['name', 'Aino\u0085Mäkinen'],
      ['name', 'Aino\u009BMäkinen'],
      ['occupation', 'hitsaaja\u2067'],
      ['summary', 'Kokenut hitsaaja\u200F.'],
      ['summary', 'Kokenut\u0090 hitsaaja'],
    ] as const) {
      const response = await call(counsellor, 'PUT', '/v1/jobseekers/J4', sampleJobseeker('J4', { [field]: value }));
      expect(response.status, `${field} ${JSON.stringify(value)}`).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    // A lone surrogate arrives as a JSON escape.
    for (const field of ['name', 'title', 'summary']) {
      const body = JSON.stringify(sampleJobseeker('J4', { [field]: 'Aino XSURROGATEX' })).replace('XSURROGATEX', '\\ud800');
      const response = await call(counsellor, 'PUT', '/v1/jobseekers/J4', body, { 'content-type': 'application/json' });
      expect(response.status, field).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    expect((await call(counsellor, 'GET', '/v1/jobseekers/J4')).status).toBe(404); // nothing was stored

    const vacancy = (overrides: Record<string, unknown>) => call(service.as('employer-service'), 'PUT', '/v1/vacancies/V4', {
      title: 'hitsaaja', description: 'Konepaja hakee hitsaajaa.', municipality: '837', employer: 'Konepaja Oy', ...overrides,
    });
    for (const [field, value] of [['employer', 'Konepaja\u202D Oy'], ['employer', 'Konepaja\nOy'], ['title', '\u2066hitsaaja'], ['description', 'Hitsaajaa\u202E haetaan.']] as const) {
      const response = await vacancy({ [field]: value });
      expect(response.status, `${field} ${JSON.stringify(value)}`).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    const admin = service.as('admin');
    const organisation = await call(admin, 'POST', '/v1/admin/organisations', { id: 'bidi-org', name: 'Testi\u200F yksikkö', kind: 'employer-services' });
    expect([organisation.status, fieldsOf(organisation.body)]).toEqual([400, ['name']]);
    const key = await call(admin, 'POST', '/v1/admin/keys', { role: 'counsellor', name: 'Aino\nMäkinen', organisation: 'test-area' });
    expect([key.status, fieldsOf(key.body)]).toEqual([400, ['name']]);
    const training = await call(admin, 'PUT', '/v1/trainings/T4', {
      id: 'T4', title: 'Hitsauskurssi', description: 'Kurssi.', provider: 'Opisto\u2068', online: true, durationDays: 5, cost: 0, skills: ['MIG-hitsaus'],
    });
    expect([training.status, fieldsOf(training.body)]).toEqual([400, ['provider']]);

    // Multi-line texts keep their line breaks and tabs; names in other scripts are fine.
    expect((await vacancy({ description: 'Konepaja hakee hitsaajaa.\n\n- MIG\t- TIG' })).status).toBe(201);
    const ok = await call(counsellor, 'PUT', '/v1/jobseekers/J4', sampleJobseeker('J4', { name: 'Åsa Öberg-Mäkinen 😀', summary: 'Hitsaaja.\r\n\tMIG-hitsaus. עברית' }));
    expect(ok.status).toBe(201);
  });
});
