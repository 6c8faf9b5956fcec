import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { ROLES, type Role } from '../../src/core/access.js';
import { loadConfig } from '../../src/config.js';
import { databaseFile } from '../../src/engine.js';
import { buildApp } from '../../src/http/app.js';
import { installAuth } from '../../src/http/auth.js';
import { call, removeDir, ROOT, sampleJobseeker, sampleVacancy, startService, type RunningService } from '../helpers/service.js';

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

/** The refused-key counts run in minutes aligned to the clock: a test counting them starts at least 15 s before a minute ends. */
async function awayFromMinuteEdge() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((done) => setTimeout(done, left + 50));
}

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
    installAuth(app, { verify: async () => undefined }, { resolve: () => undefined }, 60);
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
    const { id, key } = await service.engine.keys.create('counsellor', 'temporary', 'test-area');
    expect((await call(service.url, 'GET', '/v1/jobseekers/J1', undefined, { 'x-api-key': key })).status).toBe(200);
    expect((await call({ url: service.url, key }, 'GET', '/v1/jobseekers/J1')).status).toBe(200);
    expect((await call({ url: service.url, key: `${key}x` }, 'GET', '/v1/jobseekers/J1')).status).toBe(401);
    expect((await call({ url: service.url, key: key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, 'GET', '/v1/jobseekers/J1')).status).toBe(401);
    expect(await service.engine.keys.revoke(id)).toBe(true);
    expect((await call({ url: service.url, key }, 'GET', '/v1/jobseekers/J1')).status).toBe(401);
  });

  it('stores only a hash of the secret', async () => {
    const { key } = await service.engine.keys.create('planner', 'hash check', 'test-planning');
    const secret = key.slice('kht_'.length + 16 + 1); // the secret itself may contain '_'
    const db = openDatabase(databaseFile(service.dataDir));
    const rows = JSON.stringify(db.prepare('SELECT * FROM api_keys').all());
    db.close();
    expect(rows).not.toContain(secret);
  });

  it('are created, listed and revoked with the admin CLI (npm run keys: dist/cli/keys.js, built by global setup)', async () => {
    const env = { ...process.env, KOHTAANTO_DATA_DIR: service.dataDir };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'keys.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run('org-add', '--id', 'pirkanmaa-planning', '--kind', 'planning', '--name', 'Pirkanmaa planning').status).toBe(0);
    expect(run('orgs').stdout).toContain('pirkanmaa-planning');
    const created = run('create', '--role', 'planner', '--org', 'pirkanmaa-planning', '--name', 'Regional planner');
    expect(created.status).toBe(0);
    const key = /(kht_\S+)/.exec(created.stdout)![1]!;
    expect((await service.engine.keys.verify(key))?.role).toBe('planner');
    const id = key.slice('kht_'.length, 'kht_'.length + 16);
    expect((await service.engine.keys.verify(key))?.organisation).toEqual({ id: 'pirkanmaa-planning', kind: 'planning' });
    expect(run('list').stdout).toMatch(new RegExp(`${id}  planner +pirkanmaa-planning +expires 20`));
    // Rotation: a successor works at once; the old key works through the grace period only.
    const rotated = run('rotate', id, '--grace-days', '0');
    expect(rotated.status).toBe(0);
    const successor = /(kht_\S+)/.exec(rotated.stdout)![1]!;
    expect((await service.engine.keys.verify(successor))?.role).toBe('planner');
    expect(await service.engine.keys.verify(key)).toBeUndefined();
    const successorId = successor.slice('kht_'.length, 'kht_'.length + 16);
    expect(run('revoke', successorId).status).toBe(0);
    expect(await service.engine.keys.verify(successor)).toBeUndefined();
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
    await awayFromMinuteEdge();
    for (let i = 0; i < 7; i++) statuses.push((await call({ url: guarded.url, key: guess }, 'GET', '/v1/jobseekers/J-ASKED')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const blocked = await call({ url: guarded.url, key: guess }, 'GET', '/v1/regions');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right key still works from the address (only wrong ones wait).
    expect((await call(guarded.as('counsellor'), 'GET', '/v1/regions')).status).toBe(200);
    const trail = (await guarded.engine.audit.recent(20)).filter((e) => e.status === 401 || e.status === 429);
    expect(trail.length).toBeGreaterThanOrEqual(8);
    for (const entry of trail.filter((e) => e.route === '/v1/jobseekers/:id')) {
      expect(entry).toMatchObject({ keyId: realId, role: null, address: '127.0.0.1', jobseekers: ['J-ASKED'] });
    }
    expect(JSON.stringify(trail)).not.toContain('AAAAAAAAAA');
    await guarded.stop();
    removeDir(guarded.dataDir);
  });
});

describe('refused-key limit (issue 28, M5): only wrong keys and failed sign-ins count', () => {
  let limited: RunningService;
  beforeAll(async () => {
    limited = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } }); // the default limit, 60 a minute
  });
  afterAll(async () => {
    await limited.stop();
    removeDir(limited.dataDir);
  });
  const wrongKey = () => `kht_${limited.keys.counsellor.split('_')[1]!}_${'B'.repeat(43)}`;

  it('does not count requests without a key (any web page can make them): a valid key and a wrong one are answered as usual after 70', async () => {
    await awayFromMinuteEdge();
    for (let i = 0; i < 70; i++) expect((await call(limited.url, 'GET', '/v1/regions')).status).toBe(401);
    expect((await call(limited.as('admin'), 'GET', '/v1/regions')).status).toBe(200);
    expect((await call(limited.as('planner'), 'GET', '/v1/regions')).status).toBe(200);
    expect((await call({ url: limited.url, key: wrongKey() }, 'GET', '/v1/regions')).status).toBe(401); // not 429
  });

  it('does not count ended sessions (a cookie of a revoked key): their colleagues behind the address are not locked out', async () => {
    const { id, key } = await limited.engine.keys.create('counsellor', 'soon revoked', 'test-area');
    const signIn = await call(limited.url, 'POST', '/v1/session', { key });
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call(limited.url, 'GET', '/v1/regions', undefined, { cookie })).status).toBe(200);
    await limited.engine.keys.revoke(id);
    await awayFromMinuteEdge();
    for (let i = 0; i < 70; i++) expect((await call(limited.url, 'GET', '/v1/regions', undefined, { cookie })).status).toBe(401);
    expect((await call(limited.url, 'GET', '/v1/regions', undefined, { cookie: 'kohtaanto_session=made-up' })).status).toBe(401);
    expect((await call({ url: limited.url, key: wrongKey() }, 'GET', '/v1/regions')).status).toBe(401); // not 429
    expect((await call(limited.as('counsellor'), 'GET', '/v1/regions')).status).toBe(200);
  });

  it('after 100 failed sign-ins a wrong key waits (429) while valid keys and a valid sign-in still work', async () => {
    await awayFromMinuteEdge();
    const signIns: number[] = [];
    for (let i = 0; i < 100; i++) signIns.push((await call(limited.url, 'POST', '/v1/session', { key: i % 2 ? wrongKey() : 'not a key' })).status);
    expect(signIns.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(signIns.slice(-10)).toEqual(Array(10).fill(429));
    const wrong = await call({ url: limited.url, key: wrongKey() }, 'GET', '/v1/regions');
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(limited.url, 'POST', '/v1/session', { key: wrongKey() })).status).toBe(429);
    // Valid keys and sessions from the same address are not refused.
    expect((await call(limited.as('admin'), 'GET', '/v1/regions')).status).toBe(200);
    expect((await call(limited.as('counsellor'), 'GET', '/v1/jobseekers/J-NONE')).status).toBe(404);
    const signIn = await call(limited.url, 'POST', '/v1/session', { key: limited.keys.planner });
    expect(signIn.status).toBe(201);
    // The web app's header names the organisation signed in to.
    expect(signIn.body).toMatchObject({ role: 'planner', organisation: { id: 'test-planning', kind: 'planning', name: 'Test planning office' } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call(limited.url, 'GET', '/v1/regions', undefined, { cookie })).status).toBe(200);
    // Without a key: 401 as ever (nothing to refuse early).
    expect((await call(limited.url, 'GET', '/v1/regions')).status).toBe(401);
  });
});

describe('KOHTAANTO_TRUST_PROXY: the client address behind a reverse proxy', () => {
  const guess = (service: RunningService) => ({ url: service.url, key: `kht_${service.keys.counsellor.split('_')[1]!}_${'C'.repeat(43)}` });
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('without it X-Forwarded-For is ignored: a forged one neither spreads the count nor reaches the audit', async () => {
    const direct = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_FAILED_AUTH_PER_MINUTE: '3' } });
    await awayFromMinuteEdge();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(guess(direct), 'GET', '/v1/regions', undefined, from(`198.51.100.${i}`))).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await new Promise((done) => setTimeout(done, 100)); // the audit is written in groups
    const trail = await direct.engine.audit.recent(5);
    expect(trail.map((e) => e.address)).toEqual(Array(5).fill('127.0.0.1'));
    await direct.stop();
    removeDir(direct.dataDir);
  });

  it('trusting the proxy (here: loopback) counts each forwarded client on its own and audits and logs the client address', async () => {
    const proxied = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_FAILED_AUTH_PER_MINUTE: '3', KOHTAANTO_TRUST_PROXY: '127.0.0.1' } });
    await awayFromMinuteEdge();
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await call(guess(proxied), 'GET', '/v1/regions', undefined, from('203.0.113.7'))).status);
    expect(first).toEqual([401, 401, 401, 429]);
    // Another client behind the same proxy: its own count; a valid key from the first one passes.
    expect((await call(guess(proxied), 'GET', '/v1/regions', undefined, from('203.0.113.8'))).status).toBe(401);
    expect((await call(proxied.as('planner'), 'GET', '/v1/regions', undefined, from('203.0.113.7'))).status).toBe(200);
    // The client appends to what it sent: the proxy's (last) entry is believed, not a forged first one.
    expect((await call(guess(proxied), 'GET', '/v1/regions', undefined, from('10.9.9.9, 203.0.113.7'))).status).toBe(429);
    await new Promise((done) => setTimeout(done, 100));
    const trail = (await proxied.engine.audit.recent(7)).reverse();
    expect(trail.map((e) => e.address)).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7', '203.0.113.7', '203.0.113.8', '203.0.113.7', '203.0.113.7']);

    // The request log (the service's pino logger) names the client too: the same engine served by an app logging to an array.
    const lines: string[] = [];
    const { default: pino } = await import('pino');
    const { requestLogSerializer } = await import('../../src/http/redact.js');
    const logger = pino({ serializers: { req: requestLogSerializer } }, { write: (line: string) => void lines.push(line) });
    const logged = await buildApp(proxied.engine, { ...loadConfig({ KOHTAANTO_TRUST_PROXY: 'loopback' }), loggerInstance: logger });
    const url = await logged.listen({ host: '127.0.0.1', port: 0 });
    await call(url, 'GET', '/health', undefined, from('203.0.113.9'));
    await logged.close();
    await proxied.stop();
    expect(lines.map((l) => JSON.parse(l) as { req?: { remoteAddress: string } }).find((l) => l.req)?.req?.remoteAddress).toBe('203.0.113.9');
    removeDir(proxied.dataDir);
  });

  it('refuses to start on a junk value, naming the setting; reads false, true, hop counts, addresses and CIDRs', () => {
    for (const junk of ['nginx', '10.0.0.0/33', '1.2.3.4,', 'yes please', '-1', '999', '::1/129']) {
      expect(() => loadConfig({ KOHTAANTO_TRUST_PROXY: junk }), junk).toThrow(/invalid configuration: KOHTAANTO_TRUST_PROXY: /);
    }
    const read = (value?: string) => loadConfig(value === undefined ? {} : { KOHTAANTO_TRUST_PROXY: value }).trustProxy;
    expect(read()).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('true')).toBe(true);
    expect(read('1')).toBe(1);
    expect(read('10.0.0.1, 10.1.0.0/16 ,::1,fd00::/8,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
    expect(() => loadConfig({ KOHTAANTO_REQUEST_TIMEOUT_SECONDS: 'soon' })).toThrow(/KOHTAANTO_REQUEST_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS/);
  });
});

describe('slow requests (issue 28, L7): headers and bodies arrive in time or the connection is closed', () => {
  let slow: RunningService;
  beforeAll(async () => {
    slow = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_REQUEST_TIMEOUT_SECONDS: '2', KOHTAANTO_BULK_REQUEST_TIMEOUT_SECONDS: '8' } });
  });
  afterAll(async () => {
    await slow.stop();
    removeDir(slow.dataDir);
  });

  /**
   * A raw connection sending `head` at once and then `trickle` one byte a second; resolves with
   * what the server answered and when it closed (ms from the start), or `closedAfterMs: undefined`
   * when it was still open after `giveUpMs`.
   */
  function trickle(head: string, trickleBytes: string, giveUpMs: number) {
    const { hostname, port } = new URL(slow.url);
    return new Promise<{ answer: string; closedAfterMs?: number }>((resolve) => {
      const started = Date.now();
      const socket = connect({ host: hostname, port: Number(port) });
      let answer = '';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < trickleBytes.length && socket.writable) socket.write(trickleBytes[sent++]!);
      }, 1000);
      const finish = (closedAfterMs?: number) => {
        clearInterval(timer);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ answer, ...(closedAfterMs === undefined ? {} : { closedAfterMs }) });
      };
      const giveUp = setTimeout(() => finish(), giveUpMs);
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => finish(Date.now() - started));
      socket.write(head);
    });
  }

  it('answers 408 and closes a sign-in whose body comes a byte a second', async () => {
    const body = JSON.stringify({ key: 'x'.repeat(40) });
    const { answer, closedAfterMs } = await trickle(
      `POST /v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
      10_000,
    );
    expect(closedAfterMs, 'still open after 10 s').toBeDefined();
    expect(closedAfterMs!).toBeGreaterThanOrEqual(1900);
    expect(closedAfterMs!).toBeLessThan(4000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose headers come a byte a second', async () => {
    const { answer, closedAfterMs } = await trickle('GET /health HTTP/1.1\r\n', 'X-Slow: 1234567890123456789\r\n\r\n', 10_000);
    expect(closedAfterMs, 'still open after 10 s').toBeDefined();
    expect(closedAfterMs!).toBeLessThan(4000);
    expect(answer).toMatch(/^(HTTP\/1\.1 408|)/);
  });

  it('gives a bulk body the longer time (a batch on a slow link), and cuts it off at that', async () => {
    const line = `${JSON.stringify(sampleVacancy('V-SLOW'))}\n`; // its last bytes are ASCII
    const head = (length: number) =>
      `POST /v1/vacancies/bulk HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${slow.keys.admin}\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\nContent-Length: ${length}\r\n\r\n`;
    // All but the last 4 bytes at once, those a second apart: ~4 s, past the 2 s of other bodies.
    const bytes = Buffer.byteLength(line);
    const inTime = await trickle(head(bytes) + line.slice(0, -4), line.slice(-4), 12_000);
    expect(inTime.answer).toMatch(/^HTTP\/1\.1 200/);
    const tooSlow = await trickle(head(bytes + 100), line, 15_000);
    expect(tooSlow.closedAfterMs, 'still open after 15 s').toBeDefined();
    expect(tooSlow.closedAfterMs!).toBeGreaterThanOrEqual(7900);
    expect(tooSlow.closedAfterMs!).toBeLessThan(11_000);
    expect(tooSlow.answer).toMatch(/^HTTP\/1\.1 408/);
  }, 40_000);
});
