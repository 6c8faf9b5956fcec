import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, removeDir, sampleJobseeker, type RunningService } from '../helpers/service.js';

/** Every number in an answer: its fields' and the numbers inside its sentences (`problems`). */
function numbersIn(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [`${path}=${value}`];
  if (typeof value === 'string') return [...value.matchAll(/\d+/g)].map((m) => `${path}~${m[0]}`);
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path ? `${path}.${k}` : k));
  return [];
}

/**
 * GET /health is public (load balancers): anyone polling it before and after a person's visit to the
 * office must not learn whether a client record was created or erased — on the real SQLite file, HNSW
 * index, shipped model and ESCO, through the HTTP server.
 */
describe('GET /health and GET /v1/admin/health', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await build();
  });
  afterAll(async () => {
    await service.stop();
    removeDir(service.dataDir);
  });

  const anyone = () => service.withKey(undefined);

  it('tells an unauthenticated caller no count that moves when a jobseeker is created or erased', async () => {
    const before = await call(anyone(), 'GET', '/health');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: expect.stringMatching(/^(ok|degraded)$/), embedder: { dimension: 256 }, taxonomy: { id: expect.any(String) } });

    const counsellor = service.as('counsellor');
    const id = 'J-HEALTH-VISIT';
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
    const created = await call(anyone(), 'GET', '/health');
    expect(numbersIn(created.body)).toEqual(numbersIn(before.body));

    expect((await call(counsellor, 'DELETE', `/v1/jobseekers/${id}`)).status).toBe(204);
    const erased = await call(anyone(), 'GET', '/health');
    expect(numbersIn(erased.body)).toEqual(numbersIn(before.body));
    // An API key of any role on the public route changes nothing: counts only on the admin route.
    for (const role of ['counsellor', 'employer-service', 'planner', 'admin'] as const) {
      expect(numbersIn((await call(service.as(role), 'GET', '/health')).body)).toEqual(numbersIn(before.body));
    }
  });

  it('gives admins the stored and indexed records of each kind (key or web-app session), and no other role', async () => {
    const admin = service.as('admin');
    const first = await call(admin, 'GET', '/v1/admin/health');
    expect(first.status).toBe(200);
    expect(first.body.jobseekers).toEqual({ stored: await service.engine.jobseekers.count(), indexed: service.engine.jobseekers.index.size });
    expect(first.body.vacancies.stored).toBeGreaterThan(0);
    const id = 'J-HEALTH-COUNTED';
    expect((await call(admin, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
    const after = await call(admin, 'GET', '/v1/admin/health');
    expect(after.body.jobseekers.stored).toBe(first.body.jobseekers.stored + 1);

    const signIn = await call(anyone(), 'POST', '/v1/session', { key: service.keys.admin });
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call(anyone(), 'GET', '/v1/admin/health', undefined, { cookie })).body.jobseekers).toEqual(after.body.jobseekers);

    expect((await call(anyone(), 'GET', '/v1/admin/health')).status).toBe(401);
    for (const role of ['counsellor', 'employer-service', 'planner'] as const) {
      const refused = await call(service.as(role), 'GET', '/v1/admin/health');
      expect(refused.status, role).toBe(403);
      expect(numbersIn(refused.body).some((n) => n.includes(String(after.body.jobseekers.stored)))).toBe(false);
    }
  });
});
