import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../fixtures/generate.js';
import { call, ndjson, removeDir, sampleJobseeker, sampleVacancy, startService, type RunningService } from '../helpers/service.js';
import { ADMIN } from '../helpers/service.js';

/**
 * A few thousand malformed requests to every route: wrong types, missing and unknown fields, huge
 * strings, unicode edge cases, bad numbers, broken JSON, junk ids and query strings. Every answer
 * must be a 4xx, and the stored data must not change.
 */
const PER_ROUTE = 130;
let service: RunningService;
const rng = prng(7);

beforeAll(async () => {
  service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '1000000' } });
  const admin = service.as('admin');
  await call(admin, 'POST', '/v1/jobseekers/bulk', ndjson([sampleJobseeker('J1'), sampleJobseeker('J2', { municipality: '091' })]), {
    'content-type': 'application/x-ndjson',
  });
  await call(admin, 'POST', '/v1/vacancies/bulk', ndjson([sampleVacancy('V1'), sampleVacancy('V2', { municipality: '091' })]), {
    'content-type': 'application/x-ndjson',
  });
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const UNICODE = ['\ud800', '\udfff', '\u0000', '\u202e', '\u200b', '👩🏽‍🔧', 'e\u0301', '\ufeff', '\uffff', 'Ω'.repeat(300)];
const pick = <T>(items: readonly T[]) => items[Math.floor(rng.next() * items.length)]!;
const wrongValues = () => pick<unknown>([12, -1, 1.5, true, null, [], {}, ['x'], { $ne: 1 }, 'x'.repeat(25_000), 1e309 as number]);

/** A valid body for the route, to be broken. */
function template(method: string, url: string): Record<string, unknown> | undefined {
  if (url.startsWith('/v1/jobseekers/bulk-delete') || url.startsWith('/v1/vacancies/bulk-delete')) return { ids: ['NOPE-1'] };
  if (url.endsWith('/shares')) return { jobseekerId: 'J1' };
  if (url === '/v1/referrals') return { jobseekerId: 'J1', trainingId: 'T-0001', reason: 'x' };
  if (url.startsWith('/v1/trainings')) {
    return { id: 'NOPE-1', title: 't', description: 'd', provider: 'p', online: true, durationDays: 1, cost: 0, skills: ['SQL'] };
  }
  if (url === '/v1/match') return { text: 'hitsaaja', k: 5, target: 'vacancies' };
  if (url.startsWith('/v1/jobseekers') && (method === 'POST' || method === 'PUT')) return sampleJobseeker('FZ-1');
  if (url.startsWith('/v1/vacancies') && (method === 'POST' || method === 'PUT')) return sampleVacancy('FZ-1');
  return undefined;
}

/** Changes that make any body invalid for our strict schemas. */
const breakers: ((body: Record<string, unknown>) => unknown)[] = [
  (b) => ({ ...b, [pick(['unknown', 'salary', '__proto__x', pick(UNICODE)])]: wrongValues() }),
  (b) => {
    const key = pick(Object.keys(b).filter((k) => !['k', 'target', 'id'].includes(k)) as string[]) ?? 'text';
    const value = b[key];
    const wrong = typeof value === 'string' ? pick<unknown>([42, true, null, [value], { value }]) : pick<unknown>(['x', '', 'x'.repeat(30_000)]);
    return { ...b, [key]: wrong };
  },
  (b) => {
    const required = Object.keys(b).find((k) => ['title', 'summary', 'description', 'text', 'jobseekerId', 'ids', 'municipality'].includes(k));
    const copy = { ...b };
    delete copy[required ?? Object.keys(b)[0]!];
    return required ? copy : { ...copy, extra: 1 };
  },
  (b) => ('municipality' in b ? { ...b, municipality: pick(['Atlantis', 'Hel\u200bsinki', '999', '', pick(UNICODE)]) } : { ...b, k: -3 }),
  (b) => ('k' in b ? { ...b, k: pick([0, -1, 201, 1.5, '5', 1e9]) } : { ...b, skills: pick([[1], ['x'.repeat(101)], Array(101).fill('a')]) }),
  (b) => ('workingTime' in b || 'status' in b ? { ...b, status: `open${pick(UNICODE)}` } : { ...b, ids: pick([[], [''], ['../etc'], 'J1']) }),
  () => pick<unknown>([[], 'string', 42, null, true, [{}]]),
  (b) => ({ ...b, nested: JSON.parse('['.repeat(500) + ']'.repeat(500)) }),
];

/** Raw bodies that are not what the route takes. */
const rawBodies: [string, string][] = [
  ['{"title": ', 'application/json'],
  ['{"title": "x"}}', 'application/json'],
  ['\u0000\u0001\u0002', 'application/json'],
  ['not json at all', 'application/json'],
  ['<xml/>', 'application/xml'],
  ['title=x', 'application/x-www-form-urlencoded'],
  ['{"id":"A"}\n{broken', 'application/x-ndjson'],
  ['', 'application/json'],
];

const junkIds = ['..%2F..%2Fetc', '%00', 'a'.repeat(300), '%F0%9F%91%A9', '%20', '-leading', 'a%2Fb', '%E2%80%AE'];
const junkQueries = ['k=-1', 'k=abc', 'k=1e9', 'k=0', 'municipality=Atlantis', 'region=%00', 'limit=-5', 'after=%20x', 'unknown=1', 'k=5&k=6x'];

async function snapshot() {
  const admin = service.as('admin');
  const [j, v] = await Promise.all([call(admin, 'GET', '/v1/jobseekers?limit=500'), call(admin, 'GET', '/v1/vacancies?limit=500')]);
  return {
    jobseekers: j.body.items,
    vacancies: v.body.items,
    indexed: [service.engine.jobseekers.index.size, service.engine.vacancies.index.size],
    shares: (await service.engine.personalData.export(ADMIN, 'J1')).sharedWithEmployerServices.length,
    trainings: service.engine.trainings.count(),
    referrals: (await service.engine.personalData.export(ADMIN, 'J1')).referrals.length,
  };
}

describe('fuzz: malformed requests to every route', () => {
  it('answers only 4xx and changes nothing', async () => {
    const before = await snapshot();
    const routes = service.app.routeAccess.filter((r) => !r.public && r.method !== 'HEAD');
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (let i = 0; i < PER_ROUTE; i++) {
        const hasBody = route.method === 'POST' || route.method === 'PUT';
        const valid = template(route.method, route.url);
        let path = route.url.replace(':id', hasBody || route.method === 'DELETE' ? 'NOPE-1' : 'J1');
        let body: string | undefined;
        let contentType = 'application/json';
        const mode = rng.next();
        if (route.url.includes(':id') && mode < 0.2) {
          path = route.url.replace(':id', pick(junkIds));
          if (hasBody) body = JSON.stringify(valid ?? {});
        } else if (!hasBody || mode < 0.4) {
          path += `?${pick(junkQueries)}`;
          if (hasBody) [body, contentType] = pick(rawBodies);
        } else if (route.url.endsWith('/bulk')) {
          const lines = [JSON.stringify(sampleVacancy('FZ-OK')), JSON.stringify(pick(breakers)(sampleVacancy('FZ-2')))];
          body = rng.chance(0.5) ? lines.join('\n') : pick(rawBodies)[0];
          contentType = rng.chance(0.9) ? 'application/x-ndjson' : 'application/json';
        } else if (mode < 0.55) {
          [body, contentType] = pick(rawBodies);
        } else {
          body = JSON.stringify(pick(breakers)(valid ?? { id: 'x' }));
        }
        const response = await call(service.as('admin'), route.method, path, body, body === undefined ? {} : { 'content-type': contentType });
        sent++;
        // A route that takes no body takes JSON null as none (see noBody): that request is not malformed.
        const noneForNoBody = valid === undefined && body === 'null' && response.status < 300;
        if (!noneForNoBody && (response.status < 400 || response.status >= 500)) {
          failures.push(`${route.method} ${path} ${String(body).slice(0, 120)} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    }
    console.info(`fuzz: ${sent} malformed requests to ${routes.length} routes, ${failures.length} not answered with 4xx`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(2500);
    expect(await snapshot()).toEqual(before);
  });
});
