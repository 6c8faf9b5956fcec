import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, ndjson, removeDir, sampleJobseeker, sampleVacancy, build, type RunningService } from '../helpers/service.js';

/** The same vacancy from several sources: shown and counted once (real server, SQLite file, HNSW index). */
let service: RunningService;
let admin: Caller;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  admin = service.as('admin');
  await call(admin, 'PUT', '/v1/jobseekers/JS-1', sampleJobseeker('JS-1'));
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const text = 'Konepaja hakee kokenutta hitsaajaa vakituiseen työsuhteeseen. Edellytämme MIG-hitsaus ja TIG-hitsaus osaamista sekä piirustusten lukemista. Työ on kaksivuorotyötä.';
const matches = async () => (await call(admin, 'GET', '/v1/jobseekers/JS-1/matches?k=10')).body.hits as { id: string; alsoPublishedAs?: string[] }[];
const openVacancies = async () => {
  const mismatch = await call(admin, 'GET', '/v1/analytics/occupations?municipality=Tampere');
  return (mismatch.body.items as { demand: { vacancies: number } }[]).reduce((n, row) => n + row.demand.vacancies, 0);
};

describe('near-duplicate vacancies from several sources', () => {
  it('links a repeat to the first published, shows it once with its sources and counts it once', async () => {
    const bulk = await call(
      admin,
      'POST',
      '/v1/vacancies/bulk',
      ndjson([
        sampleVacancy('board:1', { description: text }),
        sampleVacancy('site:77', { employer: 'KONEPAJA TERÄS', description: `${text}\nHae heti!` }),
        sampleVacancy('board:2', { title: 'koneistaja', description: 'Konepaja hakee koneistajaa. CNC-koneistus ja piirustusten lukeminen.', skills: ['CNC-koneistus'] }),
      ]),
      { 'content-type': 'application/x-ndjson' },
    );
    expect(bulk.status).toBe(200);
    expect((await call(admin, 'GET', '/v1/vacancies/site:77')).body.normalized).toMatchObject({ duplicateOf: 'board:1' });
    expect((await call(admin, 'GET', '/v1/vacancies/board:1')).body.normalized).toMatchObject({ sources: ['site:77'] });
    expect((await call(admin, 'GET', '/v1/vacancies/board:2')).body.normalized.duplicateOf).toBeUndefined();
    const hits = await matches();
    expect(hits.map((h) => h.id)).not.toContain('site:77');
    expect(hits.find((h) => h.id === 'board:1')?.alsoPublishedAs).toEqual(['site:77']);
    expect(service.engine.vacancies.index.size).toBe(2);
    expect(await openVacancies()).toBe(2);
  });

  it('a repeat arriving later, alone, is linked too; when the first closes the repeat takes its place', async () => {
    await call(admin, 'PUT', '/v1/vacancies/mol:9', sampleVacancy('mol:9', { description: `${text} Tervetuloa!`, employer: 'Konepaja Teräs' }));
    expect((await call(admin, 'GET', '/v1/vacancies/mol:9')).body.normalized.duplicateOf).toBe('board:1');
    expect((await call(admin, 'GET', '/v1/vacancies/board:1')).body.normalized.sources).toEqual(['site:77', 'mol:9']);

    await call(admin, 'PUT', '/v1/vacancies/board:1', sampleVacancy('board:1', { description: text, status: 'closed' }));
    const site = (await call(admin, 'GET', '/v1/vacancies/site:77')).body;
    expect(site.normalized.duplicateOf).toBeUndefined();
    expect(site.normalized.sources).toEqual(['mol:9']);
    expect((await matches()).map((h) => h.id)).toContain('site:77');
    expect(await openVacancies()).toBe(2);

    await call(admin, 'DELETE', '/v1/vacancies/site:77');
    expect((await call(admin, 'GET', '/v1/vacancies/mol:9')).body.normalized.duplicateOf).toBeUndefined();
    expect((await matches()).map((h) => h.id)).toContain('mol:9');
    expect(service.engine.vacancies.index.size).toBe(2); // mol:9 and board:2
  });
});
