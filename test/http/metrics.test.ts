import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexFile } from '../../src/runtime/compose.js';
import { build, call, removeDir, sampleJobseeker, type RunningService } from '../helpers/service.js';

/** Every series docs/operations/monitoring.md lists (histograms by their _bucket line). */
const SERIES = [
  'kohtaanto_http_request_duration_seconds_bucket',
  'kohtaanto_matches_served_total',
  'kohtaanto_index_vectors',
  'kohtaanto_index_rebuild_ratio',
  'kohtaanto_index_rebuild_remaining_records',
  'kohtaanto_changelog_lag',
  'kohtaanto_audit_backlog',
  'kohtaanto_decision_backlog',
  'kohtaanto_retention_pruned_rows',
  'kohtaanto_embedder_seconds_total',
  'kohtaanto_embedder_texts_total',
  'kohtaanto_sqlite_bytes',
  'kohtaanto_sqlite_free_bytes',
  'kohtaanto_sessions',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
];

/** The value of one series line, e.g. `kohtaanto_sqlite_bytes{file="database"}`. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no ${series} in the scrape`);
  return Number(line.slice(series.length + 1));
}

const scrape = (service: RunningService, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  service.app.inject({ method: 'GET', url: '/metrics', ...options });

describe('GET /metrics (KOHTAANTO_METRICS=loopback, the default)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await build();
  });
  afterAll(async () => {
    await service.stop();
    removeDir(service.dataDir);
  });

  it('answers Prometheus text with every listed series, request latency by route pattern and status (never an id)', async () => {
    const counsellor = service.as('counsellor');
    const id = 'J-METRICS-Virtanen';
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
    expect((await call(counsellor, 'GET', `/v1/jobseekers/${id}/matches?k=3`)).status).toBe(200);
    expect((await call(counsellor, 'GET', `/v1/jobseekers/${id}/matches?k=3`)).status).toBe(200);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/J-NOBODY/matches')).status).toBe(404);
    const response = await scrape(service);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    for (const series of SERIES) expect(text, series).toMatch(new RegExp(`^${series}[ {]`, 'm'));
    const matches = 'kohtaanto_http_request_duration_seconds_count{route="/v1/jobseekers/:id/matches",method="GET",status="200"}';
    expect(value(text, matches)).toBe(2);
    expect(value(text, 'kohtaanto_http_request_duration_seconds_count{route="/v1/jobseekers/:id/matches",method="GET",status="404"}')).toBe(1);
    expect(value(text, 'kohtaanto_matches_served_total{direction="vacancies"}')).toBe(2);
    expect(text).not.toContain('Virtanen');
    expect(text).not.toContain('J-NOBODY');
    expect(value(text, 'kohtaanto_index_vectors{index="jobseekers"}')).toBe(service.engine.jobseekers.index.size);
    expect(value(text, 'kohtaanto_index_rebuild_ratio{index="vacancies"}')).toBe(1);
    expect(value(text, 'kohtaanto_changelog_lag{kind="vacancies"}')).toBe(0);
    expect(value(text, 'kohtaanto_sqlite_bytes{file="database"}')).toBeGreaterThan(100_000);
    expect(value(text, 'kohtaanto_embedder_texts_total')).toBeGreaterThan(0);
    expect(value(text, 'kohtaanto_embedder_seconds_total')).toBeGreaterThan(0);
    // The scrape is no API request: no key needed, no audit entry, not in the web app's route list.
    const audit = await call(service.as('admin'), 'GET', '/v1/audit?limit=50');
    expect((audit.body.entries as { route: string }[]).some((e) => e.route === '/metrics')).toBe(false);
  });

  it('counts a web-app session', async () => {
    const before = value((await scrape(service)).body, 'kohtaanto_sessions{kind="key"}');
    const signedIn = await call(service.withKey(undefined), 'POST', '/v1/session', { key: service.keys.counsellor });
    expect(signedIn.status).toBe(201);
    expect(value((await scrape(service)).body, 'kohtaanto_sessions{kind="key"}')).toBe(before + 1);
  });

  it('refuses another machine, in its language, whatever key it shows', async () => {
    for (const headers of [{}, { authorization: `Bearer ${service.keys.admin}` }] as Record<string, string>[]) {
      const refused = await scrape(service, { remoteAddress: '10.20.30.40', headers: { ...headers, 'accept-language': 'fi' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ error: 'forbidden', message: 'Mittareita voi lukea vain tältä koneelta.' });
      expect(refused.body).not.toContain('kohtaanto_');
    }
    expect((await scrape(service, { remoteAddress: '::1' })).statusCode).toBe(200);
    // Relayed by a proxy on this machine (the connection from loopback): refused, a forged client address too.
    for (const forwarded of [{ 'x-forwarded-for': '10.20.30.40' }, { 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }] as Record<string, string>[]) {
      expect((await scrape(service, { headers: forwarded })).statusCode, JSON.stringify(forwarded)).toBe(403);
    }
    expect((await scrape(service, { remoteAddress: '::ffff:127.0.0.1' })).statusCode).toBe(200);
  });
});

describe('GET /metrics with KOHTAANTO_METRICS=key', () => {
  const key = 'm'.repeat(20) + '0123456789abcdef';
  let service: RunningService;
  beforeAll(async () => {
    service = await build({ env: { KOHTAANTO_METRICS: 'key', KOHTAANTO_METRICS_KEY: key, KOHTAANTO_SEED_FIXTURES: 'false' } });
  });
  afterAll(async () => {
    await service.stop();
    removeDir(service.dataDir);
  });

  it('answers the metrics key from anywhere, refuses no key, a wrong one and an API key (401, in Swedish when asked)', async () => {
    expect((await scrape(service, { remoteAddress: '10.20.30.40', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    for (const authorization of [undefined, `Bearer ${key}x`, `Bearer ${key.slice(1)}`, `Bearer ${service.keys.admin}`, key]) {
      const headers: Record<string, string> = { 'accept-language': 'sv' };
      if (authorization) headers.authorization = authorization;
      const refused = await scrape(service, { headers });
      expect(refused.statusCode, String(authorization)).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect(refused.json().message).toBe('Mätvärdena kräver mätnyckeln (Authorization: Bearer).');
    }
  });
});

describe('GET /metrics with KOHTAANTO_METRICS=off', () => {
  it('is no route', async () => {
    const service = await build({ env: { KOHTAANTO_METRICS: 'off', KOHTAANTO_SEED_FIXTURES: 'false' } });
    try {
      expect((await scrape(service)).statusCode).toBe(404);
    } finally {
      await service.stop();
      removeDir(service.dataDir);
    }
  });
});

describe('GET /metrics while an index is rebuilt in the background', () => {
  it('shows the rebuild\'s progress below 1 and the records left, then 1 and 0 once it is complete', async () => {
    const first = await build();
    const vectors = first.engine.vacancies.index.size;
    await first.stop();
    rmSync(indexFile(first.dataDir, 'vacancies'));
    const second = await build({ dataDir: first.dataDir, waitForIndexes: false });
    try {
      expect(second.engine.indexing()).toHaveLength(1);
      const during = (await scrape(second)).body;
      expect(value(during, 'kohtaanto_index_rebuild_ratio{index="vacancies"}')).toBeLessThan(1);
      expect(value(during, 'kohtaanto_index_rebuild_remaining_records{index="vacancies"}')).toBeGreaterThan(0);
      expect(value(during, 'kohtaanto_index_rebuild_ratio{index="jobseekers"}')).toBe(1);
      await second.engine.ready;
      const after = (await scrape(second)).body;
      expect(value(after, 'kohtaanto_index_rebuild_ratio{index="vacancies"}')).toBe(1);
      expect(value(after, 'kohtaanto_index_rebuild_remaining_records{index="vacancies"}')).toBe(0);
      expect(value(after, 'kohtaanto_index_vectors{index="vacancies"}')).toBe(vectors);
    } finally {
      await second.stop();
      removeDir(first.dataDir);
    }
  });
});
