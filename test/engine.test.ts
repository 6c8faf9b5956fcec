import { copyFileSync, rmSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { indexFile } from '../src/engine.js';
import {
  call,
  type Caller,
  ndjson,
  removeDir,
  sampleJobseeker,
  sampleVacancy,
  SHIPPED_MODEL,
  SHIPPED_MODEL_DIR,
  startService,
  tempDir,
  TINY_MODEL,
  TINY_MODEL_DIR,
  CURATED_TEST_TAXONOMY,
} from './helpers/service.js';

const JOBSEEKER = 'JS-000042';
const matchIds = async (url: Caller, query = 'k=20') =>
  ((await call(url, 'GET', `/v1/jobseekers/${JOBSEEKER}/matches?${query}`)).body.hits as { id: string }[]).map((h) => h.id);

describe('persistence: SQLite is the system of record, the HNSW index is derived', () => {
  it('keeps everything across a restart and loads the index files instead of rebuilding', async () => {
    const first = await startService(); // on a copy of the data directory seeded by global-setup.ts (as a first start seeds)
    const { dataDir } = first;
    await call(first.as('admin'), 'PUT', '/v1/vacancies/NEW-1', sampleVacancy('NEW-1'));
    await call(first.as('admin'), 'DELETE', '/v1/vacancies/V-000002');
    const before = { matches: await matchIds(first.as('admin')), health: (await call(first.as('admin'), 'GET', '/v1/admin/health')).body };
    await first.stop();

    const second = await startService({ dataDir });
    expect(second.logs.filter((l) => l.message.includes('rebuilt'))).toEqual([]);
    expect(second.logs.some((l) => l.message.includes('loaded fixtures'))).toBe(false); // seeded once only
    expect((await call(second.as('admin'), 'GET', '/v1/admin/health')).body).toEqual(before.health);
    expect(await matchIds(second.as('admin'))).toEqual(before.matches);
    expect((await call(second.as('admin'), 'GET', '/v1/vacancies/NEW-1')).status).toBe(200);
    expect((await call(second.as('admin'), 'GET', '/v1/vacancies/V-000002')).status).toBe(404);
    await second.stop();
    removeDir(dataDir);
  });

  it('rebuilds the index from the vectors in SQLite when the index file is deleted', async () => {
    const first = await startService();
    const before = await matchIds(first.as('admin'), 'k=20&municipality=091');
    await first.stop();
    rmSync(indexFile(first.dataDir, 'vacancies'));

    const second = await startService({ dataDir: first.dataDir });
    expect(second.logs.some((l) => l.level === 'warn' && /vacancies index rebuilt.*index file missing/.test(l.message))).toBe(true);
    expect(await matchIds(second.as('admin'), 'k=20&municipality=091')).toEqual(before);
    await second.stop();
    removeDir(first.dataDir);
  });

  it('listens while an index is rebuilt in the background: matching answers 503 with Retry-After, /health says why, then the same ranking', async () => {
    const first = await startService();
    const before = await matchIds(first.as('admin'));
    await first.stop();
    rmSync(indexFile(first.dataDir, 'vacancies'));

    const second = await startService({ dataDir: first.dataDir, waitForIndexes: false });
    const admin = second.as('admin');
    expect(second.engine.indexing()).toHaveLength(1);
    const refused = await call(admin, 'GET', `/v1/jobseekers/${JOBSEEKER}/matches?k=20`);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('index_unavailable');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const health = (await call(admin, 'GET', '/health')).body;
    expect(health.status).toBe('degraded');
    expect(health.problems.join(' ')).toMatch(/vacancies index is being rebuilt/);
    expect((await call(admin, 'GET', '/v1/vacancies/V-000001')).status).toBe(200); // records answer meanwhile
    await second.engine.ready;
    expect(await matchIds(admin)).toEqual(before);
    expect((await call(admin, 'GET', '/health')).body.status).toBe('ok');
    expect(second.logs.some((l) => /vacancies index rebuilt from SQLite \(index file missing\).*in the background/.test(l.message))).toBe(true);
    await second.stop();
    removeDir(first.dataDir);
  });

  it('catches up a stale index from the change log (changes after the file was written, as after a crash)', async () => {
    const first = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
    await call(first.as('admin'), 'POST', '/v1/jobseekers/bulk', ndjson([sampleJobseeker('A'), sampleJobseeker('B')]), {
      'content-type': 'application/x-ndjson',
    });
    await first.engine.flush();
    const file = indexFile(first.dataDir, 'jobseekers');
    copyFileSync(file, `${file}.old`);
    copyFileSync(`${file}.json`, `${file}.json.old`);
    await call(first.as('admin'), 'PUT', '/v1/jobseekers/C', sampleJobseeker('C', { title: 'kokki', summary: 'Kokki, hygieniapassi.' }));
    await call(first.as('admin'), 'DELETE', '/v1/jobseekers/A');
    await first.stop();
    // Put back the index as it was before the last changes: it no longer agrees with SQLite.
    copyFileSync(`${file}.old`, file);
    copyFileSync(`${file}.json.old`, `${file}.json`);

    const second = await startService({ dataDir: first.dataDir, env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
    // The change log is kept a while after an index file covers it (for the other workers): caught up, not rebuilt.
    expect(second.logs.some((l) => /jobseekers index loaded from .* and caught up on 2 changed records/.test(l.message))).toBe(true);
    expect(second.engine.jobseekers.index.size).toBe(2);
    const hits = (await call(second.as('admin'), 'POST', '/v1/match', { text: 'hitsaaja', target: 'jobseekers', k: 10 })).body.hits;
    expect(hits.map((h: { id: string }) => h.id).sort()).toEqual(['B', 'C']);
    await second.stop();
    removeDir(first.dataDir);
  });
});

describe('the transformers.js embedder end to end (generated tiny model)', () => {
  it('embeds, stores, indexes and matches with the model, and re-embeds when the model changes', async () => {
    const dataDir = tempDir();
    const withModel = await startService({
      dataDir,
      // A tiny taxonomy: the test is of the embedder (three models embedding ESCO's labels would be ~1 min of it).
      env: { ...CURATED_TEST_TAXONOMY, KOHTAANTO_EMBEDDER: 'transformers', KOHTAANTO_MODEL_DIR: TINY_MODEL_DIR, KOHTAANTO_MODEL: TINY_MODEL, KOHTAANTO_SEED_FIXTURES: 'false' },
    });
    const health = (await call(withModel.as('admin'), 'GET', '/health')).body;
    expect(health.embedder).toMatchObject({ id: expect.stringMatching(/^transformers:kohtaanto-tiny-bert:fp32:/), dimension: 64 });
    const vacancies = Array.from({ length: 40 }, (_, i) => sampleVacancy(`TV-${i}`, { municipality: i % 2 ? '091' : '837', employer: `Konepaja ${i} Oy` }));
    const imported = await call(withModel.as('admin'), 'POST', '/v1/vacancies/bulk', ndjson(vacancies), {
      'content-type': 'application/x-ndjson',
    });
    expect(imported.body).toEqual({ created: 40, updated: 0, unchanged: 0 });
    await call(withModel.as('admin'), 'PUT', '/v1/jobseekers/TJ', sampleJobseeker('TJ'));
    const hits = (await call(withModel.as('admin'), 'GET', '/v1/jobseekers/TJ/matches?k=10&municipality=091')).body.hits;
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(hit.municipality).toBe('091');
    await withModel.stop();

    // Switching the embedder re-embeds the stored records (vectors of another model are not comparable).
    const lexical = await startService({ dataDir, env: { ...CURATED_TEST_TAXONOMY, KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_SEED_FIXTURES: 'false' } });
    expect(lexical.logs.some((l) => l.message.includes('refreshed 40 vacancy records'))).toBe(true);
    expect(lexical.engine.vacancies.index.size).toBe(40);
    expect((await call(lexical.as('admin'), 'GET', '/v1/jobseekers/TJ/matches?k=10')).body.hits).toHaveLength(10);
    await lexical.stop();

    // And to the shipped model, of yet another dimension: re-embedded, one dimension per index.
    const shipped = await startService({
      dataDir,
      env: { ...CURATED_TEST_TAXONOMY, KOHTAANTO_EMBEDDER: 'transformers', KOHTAANTO_MODEL_DIR: SHIPPED_MODEL_DIR, KOHTAANTO_MODEL: SHIPPED_MODEL, KOHTAANTO_SEED_FIXTURES: 'false' },
    });
    expect(shipped.logs.some((l) => l.message.includes('refreshed 40 vacancy records'))).toBe(true);
    expect((await call(shipped.as('admin'), 'GET', '/health')).body.embedder).toMatchObject({ dimension: 256 });
    expect(shipped.engine.vacancies.index.size).toBe(40);
    const shippedHits = (await call(shipped.as('admin'), 'GET', '/v1/jobseekers/TJ/matches?k=10')).body.hits;
    expect(shippedHits).toHaveLength(10);
    await shipped.stop();
    removeDir(dataDir);
  });
});

describe('configuration', () => {
  it('refuses an invalid setting naming it', async () => {
    await expect(startService({ env: { KOHTAANTO_HNSW_M: 'many' } })).rejects.toThrow(/KOHTAANTO_HNSW_M/);
    expect(() => loadConfig({ KOHTAANTO_WORKERS: '0' })).toThrow(/KOHTAANTO_WORKERS/);
    // Default: one worker per core, as many as the memory holds (1.5 GB each), at least one.
    const workers = loadConfig({}).workers;
    expect(workers).toBeGreaterThanOrEqual(1);
    expect(workers).toBeLessThanOrEqual(Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 30 / 1.5))));
  });

  it('places the SQLite file and index files in the data directory', async () => {
    const service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
    await service.stop();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(service.dataDir).sort()).toEqual(
      expect.arrayContaining(['kohtaanto.sqlite', 'jobseekers.hnsw', 'jobseekers.hnsw.json', 'vacancies.hnsw', 'skills.labels', 'occupations.labels']),
    );
    removeDir(join(service.dataDir));
  });
});
