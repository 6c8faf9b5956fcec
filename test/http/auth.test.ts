import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { ROLES, type Role } from '../../src/core/access.js';
import { databaseFile } from '../../src/engine.js';
import { installAuth } from '../../src/http/auth.js';
import { call, removeDir, ROOT, sampleJobseeker, startService, type RunningService } from '../helpers/service.js';

let service: RunningService;

beforeAll(async () => {
  // The route walk below presents no key ~40 times: the refused-key limit is tested on its own service.
  service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_FAILED_AUTH_PER_MINUTE: '1000' } });
  await call(service.as('admin'), 'PUT', '/v1/jobseekers/J1', sampleJobseeker('J1'));
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

/** A concrete path for a route pattern. */
const concrete = (url: string) => url.replace(/:id/g, 'J1');

describe('every route declares its roles', () => {
  it('has no route without roles but /health, /docs, the system card, sign-in and the web app\'s files', () => {
    const table = service.app.routeAccess;
    expect(table.length).toBeGreaterThan(20);
    const open = table.filter((r) => r.public);
    for (const { url, method } of open) {
      const allowed =
        url === '/health' || url.startsWith('/docs') || (url === '/v1/about' && (method === 'GET' || method === 'HEAD')) || (url === '/v1/session' && method === 'POST') || !url.startsWith('/v1');
      expect(allowed, `${method} ${url}`).toBe(true);
    }
  });

  it('refuses to start with a route that declares no roles', async () => {
    const app = Fastify();
    installAuth(app, { verify: () => undefined }, { resolve: () => undefined }, 60);
    expect(() => app.get('/v1/forgotten', async () => 'open')).toThrow(/declares no roles/);
    app.get('/v1/declared', { config: { roles: ['admin'] } }, async () => 'ok');
    await app.ready();
  });

  it('answers 401 without a key and 403 to a role it does not admit, on every protected route', async () => {
    const protectedRoutes = service.app.routeAccess.filter((r) => !r.public && r.method !== 'HEAD');
    for (const route of protectedRoutes) {
      const path = concrete(route.url);
      const none = await call(service.url, route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(none.status, `${route.method} ${route.url} without key`).toBe(401);
      for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
        const denied = await call(service.as(role), route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        expect(denied.status, `${route.method} ${route.url} as ${role}`).toBe(403);
      }
      const allowed = await call(service.as(route.roles[0]!), 'GET' === route.method ? 'GET' : route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect([401, 403], `${route.method} ${route.url} as ${route.roles[0]}`).not.toContain(allowed.status);
    }
    // The last loop may have erased J1 (DELETE as an admitted role): put it back for later tests.
    await call(service.as('admin'), 'PUT', '/v1/jobseekers/J1', sampleJobseeker('J1'));
  });

  it('keeps planners away from personal data and employer services away from jobseeker records', async () => {
    const expectations: [Role, string, number][] = [
      ['planner', '/v1/jobseekers/J1', 403],
      ['planner', '/v1/vacancies', 403],
      ['planner', '/v1/municipalities', 200],
      ['employer-service', '/v1/jobseekers/J1', 403],
      ['employer-service', '/v1/jobseekers/J1/export', 403],
      ['employer-service', '/v1/audit', 403],
      ['counsellor', '/v1/audit', 403],
      ['counsellor', '/v1/jobseekers/J1', 200],
    ];
    for (const [role, path, status] of expectations) {
      expect((await call(service.as(role), 'GET', path)).status, `${role} ${path}`).toBe(status);
    }
  });
});

describe('API keys', () => {
  it('accepts Authorization: Bearer and X-Api-Key, refuses malformed and revoked keys', async () => {
    const { id, key } = service.engine.keys.create('counsellor', 'temporary', 'test-area');
    expect((await call(service.url, 'GET', '/v1/jobseekers/J1', undefined, { 'x-api-key': key })).status).toBe(200);
    expect((await call({ url: service.url, key }, 'GET', '/v1/jobseekers/J1')).status).toBe(200);
    expect((await call({ url: service.url, key: `${key}x` }, 'GET', '/v1/jobseekers/J1')).status).toBe(401);
    expect((await call({ url: service.url, key: key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, 'GET', '/v1/jobseekers/J1')).status).toBe(401);
    expect(service.engine.keys.revoke(id)).toBe(true);
    expect((await call({ url: service.url, key }, 'GET', '/v1/jobseekers/J1')).status).toBe(401);
  });

  it('stores only a hash of the secret', () => {
    const { key } = service.engine.keys.create('planner', 'hash check', 'test-planning');
    const secret = key.slice('kht_'.length + 16 + 1); // the secret itself may contain '_'
    const db = openDatabase(databaseFile(service.dataDir));
    const rows = JSON.stringify(db.prepare('SELECT * FROM api_keys').all());
    db.close();
    expect(rows).not.toContain(secret);
  });

  it('are created, listed and revoked with the admin CLI (npm run keys: dist/cli/keys.js, built by global setup)', () => {
    const env = { ...process.env, KOHTAANTO_DATA_DIR: service.dataDir };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'keys.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run('org-add', '--id', 'pirkanmaa-planning', '--kind', 'planning', '--name', 'Pirkanmaa planning').status).toBe(0);
    expect(run('orgs').stdout).toContain('pirkanmaa-planning');
    const created = run('create', '--role', 'planner', '--org', 'pirkanmaa-planning', '--name', 'Regional planner');
    expect(created.status).toBe(0);
    const key = /(kht_\S+)/.exec(created.stdout)![1]!;
    expect(service.engine.keys.verify(key)?.role).toBe('planner');
    const id = key.slice('kht_'.length, 'kht_'.length + 16);
    expect(service.engine.keys.verify(key)?.organisation).toEqual({ id: 'pirkanmaa-planning', kind: 'planning' });
    expect(run('list').stdout).toMatch(new RegExp(`${id}  planner +pirkanmaa-planning +expires 20`));
    // Rotation: a successor works at once; the old key works through the grace period only.
    const rotated = run('rotate', id, '--grace-days', '0');
    expect(rotated.status).toBe(0);
    const successor = /(kht_\S+)/.exec(rotated.stdout)![1]!;
    expect(service.engine.keys.verify(successor)?.role).toBe('planner');
    expect(service.engine.keys.verify(key)).toBeUndefined();
    const successorId = successor.slice('kht_'.length, 'kht_'.length + 16);
    expect(run('revoke', successorId).status).toBe(0);
    expect(service.engine.keys.verify(successor)).toBeUndefined();
    expect(run('create', '--role', 'root', '--org', 'national', '--name', 'x').status).toBe(2);
    // A role in an organisation of the wrong kind is refused, naming the organisation.
    const wrong = run('create', '--role', 'counsellor', '--org', 'pirkanmaa-planning', '--name', 'x');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/counsellor key belongs to an organisation of kind employment-area; 'pirkanmaa-planning' is planning/);
  });
});

describe('hardening', () => {
  it('sends security headers and no CORS headers', async () => {
    const response = await call(service.as('counsellor'), 'GET', '/v1/jobseekers/J1', undefined, { origin: 'https://evil.example' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store'); // personal data is never cached
    // Refusals and unknown routes carry them too (set before authentication).
    for (const refused of [await call(service.url, 'GET', '/v1/jobseekers/J1'), await call(service.as('counsellor'), 'GET', '/v1/nowhere')]) {
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(refused.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('limits requests per key', async () => {
    const limited = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '5' } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(limited.as('planner'), 'GET', '/v1/regions')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    expect((await call(limited.as('counsellor'), 'GET', '/v1/regions')).status).toBe(200); // another key
    await limited.stop();
    removeDir(limited.dataDir);
  });

  it('limits and audits refused keys per address, with the key id and address but never the secret', async () => {
    const guarded = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_FAILED_AUTH_PER_MINUTE: '5' } });
    const realId = guarded.keys.counsellor.split('_')[1]!;
    const guess = `kht_${realId}_${'A'.repeat(43)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call({ url: guarded.url, key: guess }, 'GET', '/v1/jobseekers/J-ASKED')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Even the right key waits until the minute is over: the address is guessing.
    const blocked = await call(guarded.as('counsellor'), 'GET', '/v1/regions');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const trail = guarded.engine.audit.recent(20).filter((e) => e.status === 401 || e.status === 429);
    expect(trail.length).toBeGreaterThanOrEqual(8);
    for (const entry of trail.filter((e) => e.route === '/v1/jobseekers/:id')) {
      expect(entry).toMatchObject({ keyId: realId, role: null, address: '127.0.0.1', jobseekers: ['J-ASKED'] });
    }
    expect(JSON.stringify(trail)).not.toContain('AAAAAAAAAA');
    await guarded.stop();
    removeDir(guarded.dataDir);
  });
});
