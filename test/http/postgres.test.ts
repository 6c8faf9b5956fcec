import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresCopyFile } from '../../src/runtime/stores.js';
import { freshDatabase } from '../helpers/postgres.js';
import { call, removeDir, sampleJobseeker, sampleVacancy, startService, tempDir, type RunningService } from '../helpers/service.js';

/**
 * The real service on PostgreSQL (KOHTAANTO_DATABASE, issue 35) on a throw-away cluster: written
 * through the HTTP API, stored in PostgreSQL, matched from the node's indexes and its copy.
 */
describe('the service on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const services: RunningService[] = [];
  const env = () => ({ KOHTAANTO_DATABASE: `${database.url}?target_session_attrs=read-write`, KOHTAANTO_SEED_FIXTURES: 'false' as const, KOHTAANTO_EMBEDDER: 'lexical' as const });
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    for (const s of services) {
      await s.stop().catch(() => undefined);
      removeDir(s.dataDir);
    }
    await database.drop();
  });

  it('stores a vacancy and a jobseeker written through the API in PostgreSQL and matches them', async () => {
    const service = await startService({ dataDir: tempDir(), env: env() });
    services.push(service);
    const admin = service.as('admin');
    expect((await call(admin, 'PUT', '/v1/vacancies/V-PG', sampleVacancy('V-PG'))).status).toBe(201);
    expect((await call(admin, 'POST', '/v1/jobseekers', sampleJobseeker('J-PG'))).status).toBe(201);
    const matches = await call(admin, 'GET', '/v1/jobseekers/J-PG/matches?k=5');
    expect(matches.status).toBe(200);
    expect(matches.body.hits.map((h: { id: string }) => h.id)).toEqual(['V-PG']);
    const candidates = await call(admin, 'GET', '/v1/vacancies/V-PG/candidates?k=5');
    expect(candidates.status).toBe(200);
    expect(candidates.body.hits.map((h: { id: string }) => h.id)).toEqual(['J-PG']);
    // Stored in PostgreSQL, not in a SQLite file of record: the data directory holds only the node's copy.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM vacancies UNION ALL SELECT id FROM jobseekers ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(['J-PG', 'V-PG']);
      expect((await client.query("SELECT count(*)::int AS n FROM audit WHERE route LIKE '/v1/jobseekers/:id/matches'")).rows[0].n).toBeGreaterThanOrEqual(0);
    } finally {
      await client.end();
    }
    expect(existsSync(join(service.dataDir, 'kohtaanto.sqlite'))).toBe(false);
    expect(existsSync(postgresCopyFile(service.dataDir))).toBe(true);
  });

  it("a second node on the same database serves the first node's writes, and the first matches the second's within a second", async () => {
    const first = services[0]!;
    // Every node holds the installation secret (it keys tombstones and pseudonyms): one with another refuses to start.
    await expect(startService({ dataDir: tempDir(), env: env() })).rejects.toThrow(/kohtaanto\.secret differs from the one the other nodes on this database use/);
    const dataDir = tempDir();
    copyFileSync(join(first.dataDir, 'kohtaanto.secret'), join(dataDir, 'kohtaanto.secret'));
    const second = await startService({ dataDir, env: env() });
    services.push(second);
    // Loaded from PostgreSQL at start: the first node's records are matched here.
    expect((await call(second.as('admin'), 'GET', '/v1/jobseekers/J-PG/matches?k=5')).body.hits.map((h: { id: string }) => h.id)).toEqual(['V-PG']);
    // Another employer's vacancy (the same text would be a repeat of V-PG, linked to it and not matched on its own).
    const other = sampleVacancy('V-PG-2', { employer: 'Hitsaamo Oy', description: 'Hitsaamo hakee MIG-hitsaajaa pienten sarjojen tuotantoon Tampereelle.' });
    expect((await call(second.as('admin'), 'PUT', '/v1/vacancies/V-PG-2', other)).status).toBe(201);
    const until = Date.now() + 1000;
    let ids: string[] = [];
    while (Date.now() < until) {
      ids = (await call(first.as('admin'), 'GET', '/v1/jobseekers/J-PG/matches?k=5')).body.hits.map((h: { id: string }) => h.id);
      if (ids.includes('V-PG-2')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(ids.sort()).toEqual(['V-PG', 'V-PG-2']);
  });
});
