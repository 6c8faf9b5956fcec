import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, ndjson, removeDir, sampleJobseeker, sampleVacancy, build, type RunningService } from '../helpers/service.js';

let service: RunningService;
let url: Caller;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  url = service.as('admin');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('jobseekers and vacancies over HTTP (real server, SQLite file, HNSW index)', () => {
  it('creates, fetches, replaces and deletes a jobseeker', async () => {
    const created = await call(url, 'POST', '/v1/jobseekers', sampleJobseeker('JS-1', { municipality: 'Tammerfors' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'JS-1', municipality: '837', region: '06', status: 'active', workingTime: 'any' });

    expect((await call(url, 'POST', '/v1/jobseekers', sampleJobseeker('JS-1'))).status).toBe(409);
    expect((await call(url, 'GET', '/v1/jobseekers/JS-1')).body.title).toBe('hitsaaja');

    const replaced = await call(url, 'PUT', '/v1/jobseekers/JS-1', { ...sampleJobseeker('JS-1'), title: 'koneistaja' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.title).toBe('koneistaja');
    expect(replaced.body.createdAt).toBe(created.body.createdAt);
    expect(service.engine.jobseekers.index.size).toBe(1);

    expect((await call(url, 'DELETE', '/v1/jobseekers/JS-1')).status).toBe(204);
    expect((await call(url, 'GET', '/v1/jobseekers/JS-1')).status).toBe(404);
    expect((await call(url, 'DELETE', '/v1/jobseekers/JS-1')).status).toBe(404);
    expect(service.engine.jobseekers.index.size).toBe(0);
  });

  it('creates a vacancy with PUT and takes it out of the index when closed', async () => {
    expect((await call(url, 'PUT', '/v1/vacancies/V-1', sampleVacancy('V-1'))).status).toBe(201);
    expect(service.engine.vacancies.index.size).toBe(1);
    const closed = await call(url, 'PUT', '/v1/vacancies/V-1', { ...sampleVacancy('V-1'), status: 'closed' });
    expect(closed.status).toBe(200);
    expect(service.engine.vacancies.index.size).toBe(0);
    expect((await call(url, 'GET', '/v1/vacancies/V-1')).body.status).toBe('closed');
  });

  it("labels a record's skills and occupation in the language asked for (?lang=), the record as stored without it", async () => {
    expect((await call(url, 'PUT', '/v1/vacancies/V-LANG', { ...sampleVacancy('V-LANG'), skills: ['siivous', 'asiakaspalvelu'] })).status).toBe(201);
    const stored = (await call(url, 'GET', '/v1/vacancies/V-LANG')).body;
    const taxonomy = service.engine.normalizer.taxonomy;
    expect(stored.normalized.essential.length).toBeGreaterThan(0);
    for (const lang of ['sv', 'en', 'fi'] as const) {
      const read = await call(url, 'GET', `/v1/vacancies/V-LANG?lang=${lang}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe((await call(url, 'GET', '/v1/vacancies/V-LANG')).headers.get('etag'));
      const labels = read.body.normalized.essential.map((s: { uri: string; label: string }) => s.label);
      expect(labels).toEqual(stored.normalized.essential.map((s: { uri: string; label: string }) => (s.uri.startsWith('text:') ? s.label : taxonomy.label(s.uri, lang))));
      expect({ ...read.body, normalized: undefined }).toEqual({ ...stored, normalized: undefined });
    }
    const swedish = (await call(url, 'GET', '/v1/vacancies/V-LANG?lang=sv')).body.normalized.essential.map((s: { label: string }) => s.label);
    expect(swedish).not.toEqual(stored.normalized.essential.map((s: { label: string }) => s.label));
    // Stored as it was: reading in Swedish changed nothing.
    expect((await call(url, 'GET', '/v1/vacancies/V-LANG')).body).toEqual(stored);
    expect((await call(url, 'GET', '/v1/vacancies/V-LANG?lang=de')).status).toBe(400);
    expect((await call(url, 'DELETE', '/v1/vacancies/V-LANG')).status).toBe(204);
  });

  it('lists records by id with a cursor', async () => {
    await call(url, 'POST', '/v1/vacancies/bulk', ndjson(['L-1', 'L-2', 'L-3'].map((id) => sampleVacancy(id))), {
      'content-type': 'application/x-ndjson',
    });
    const first = await call(url, 'GET', '/v1/vacancies?limit=2&after=L-0');
    expect(first.body.items.map((v: { id: string }) => v.id)).toEqual(['L-1', 'L-2']);
    const rest = await call(url, 'GET', `/v1/vacancies?limit=2&after=${first.body.next}`);
    expect(rest.body.items[0].id).toBe('L-3');
  });

  it('imports NDJSON in bulk, reporting created, updated and unchanged', async () => {
    const records = Array.from({ length: 500 }, (_, i) => sampleJobseeker(`B-${i}`, { municipality: i % 2 ? '091' : '049' }));
    const first = await call(url, 'POST', '/v1/jobseekers/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' });
    expect([first.status, first.body]).toEqual([200, { created: 500, updated: 0, unchanged: 0 }]);
    // Sent again: 8 as they were (nothing re-derived or re-written), 2 changed.
    const before = (await service.engine.jobseekers.get('B-0')).updatedAt;
    const resent = records.slice(0, 10).map((r, i) => (i < 2 ? { ...r, title: 'koneistaja' } : r));
    const again = await call(url, 'POST', '/v1/jobseekers/bulk', ndjson(resent), {
      'content-type': 'application/x-ndjson',
    });
    expect(again.body).toEqual({ created: 0, updated: 2, unchanged: 8 });
    expect((await service.engine.jobseekers.get('B-2')).updatedAt).toBe((await service.engine.jobseekers.get('B-2')).createdAt);
    expect((await service.engine.jobseekers.get('B-0')).updatedAt).not.toBe(before);
    expect((await service.engine.jobseekers.count())).toBe(500);
    expect(service.engine.jobseekers.index.size).toBe(500);
  });

  it('deletes in bulk and reports ids it did not have', async () => {
    const result = await call(url, 'POST', '/v1/jobseekers/bulk-delete', { ids: ['B-0', 'B-1', 'nope'] });
    expect(result.body).toEqual({ removed: 2, notFound: ['nope'] });
    expect((await call(url, 'GET', '/v1/jobseekers/B-0')).status).toBe(404);
  });
});

describe('bad input gets a 4xx naming the field and changes nothing', () => {
  const snapshot = async () => ({
    jobseekers: (await service.engine.jobseekers.count()),
    vacancies: (await service.engine.vacancies.count()),
    indexed: service.engine.jobseekers.index.size,
    js: (await call(url, 'GET', '/v1/jobseekers/KEEP')).body,
  });

  beforeAll(async () => {
    await call(url, 'PUT', '/v1/jobseekers/KEEP', sampleJobseeker('KEEP'));
  });

  const cases: [string, string, string, unknown, number, string][] = [
    ['wrong type', 'POST', '/v1/jobseekers', sampleJobseeker('X1', { skills: 'welding' }), 400, 'skills'],
    ['missing field', 'POST', '/v1/jobseekers', { id: 'X2', title: 'kokki', municipality: '091' }, 400, 'summary'],
    ['unknown municipality', 'POST', '/v1/jobseekers', sampleJobseeker('X3', { municipality: 'Atlantis' }), 400, 'municipality'],
    ['unknown field', 'POST', '/v1/vacancies', sampleVacancy('X4', { salry: 3000 }), 400, 'salry'],
    ['bad enum', 'PUT', '/v1/jobseekers/KEEP', sampleJobseeker('KEEP', { workingTime: 'sometimes' }), 400, 'workingTime'],
    ['id mismatch', 'PUT', '/v1/jobseekers/KEEP', sampleJobseeker('OTHER'), 400, 'id'],
    ['bad id', 'PUT', '/v1/jobseekers/%20bad%20id', sampleJobseeker('x'), 400, 'id'],
    ['nested type', 'POST', '/v1/jobseekers', sampleJobseeker('X5', { skills: ['ok', 7] }), 400, 'skills.1'],
    ['invalid JSON', 'POST', '/v1/jobseekers', '{"id": ', 400, ''],
    ['empty bulk delete', 'POST', '/v1/jobseekers/bulk-delete', { ids: [] }, 400, 'ids'],
  ];

  it.each(cases)('%s', async (_name, method, path, body, status, field) => {
    const before = await snapshot();
    const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/json' } : {};
    const response = await call(url, method, path, body, headers);
    expect(response.status).toBe(status);
    expect(response.body.error).toBeTypeOf('string');
    if (field) expect(response.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a bulk batch with one bad line as a whole, naming line and field', async () => {
    const before = await snapshot();
    const lines = [sampleJobseeker('N-1'), sampleJobseeker('N-2', { municipality: 'Atlantis' }), sampleJobseeker('KEEP', { title: 'x' })];
    const response = await call(url, 'POST', '/v1/jobseekers/bulk', ndjson(lines) + '{broken\n', {
      'content-type': 'application/x-ndjson',
    });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'municipality' }),
      expect.objectContaining({ line: 4, field: 'body' }),
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await call(url, 'GET', '/v1/jobseekers/N-1')).status).toBe(404);
  });

  it('rejects duplicate ids inside one batch', async () => {
    const response = await call(url, 'POST', '/v1/jobseekers/bulk', ndjson([sampleJobseeker('D-1'), sampleJobseeker('D-1')]), {
      'content-type': 'application/x-ndjson',
    });
    expect(response.status).toBe(400);
    expect(response.body.problems[0]).toMatchObject({ line: 2, field: 'id' });
    expect((await call(url, 'GET', '/v1/jobseekers/D-1')).status).toBe(404);
  });

  it('refuses more than 10,000 records in one batch with 413', async () => {
    const before = await snapshot();
    const lines = Array.from({ length: 10_001 }, (_, i) => JSON.stringify({ id: `M-${i}` })).join('\n');
    const response = await call(url, 'POST', '/v1/jobseekers/bulk', lines, { 'content-type': 'application/x-ndjson' });
    expect(response.status).toBe(413);
    expect(response.body.problems[0].field).toBe('body');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a 20 MB body with 413 on both the JSON and the bulk routes', async () => {
    const before = await snapshot();
    const huge = sampleJobseeker('HUGE', { summary: 'x'.repeat(20 * 1024 * 1024) });
    expect((await call(url, 'POST', '/v1/jobseekers', huge)).status).toBe(413);
    const bulk = await call(url, 'POST', '/v1/jobseekers/bulk', JSON.stringify(huge), { 'content-type': 'application/x-ndjson' });
    expect(bulk.status).toBe(413);
    expect(bulk.body.error).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('answers an unsupported content type with 415 and an unknown route with 404', async () => {
    expect((await call(url, 'POST', '/v1/jobseekers', 'id=1', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call(url, 'GET', '/v1/nothing-here')).status).toBe(404);
  });
});
