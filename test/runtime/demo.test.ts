import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateDemo, REGION_FIGURES, SCALE } from '../../fixtures/generate-demo.js';
import { jobseekerInput } from '../../src/core/jobseekers/schema.js';
import { groupsOf } from '../../src/core/oversight/exposure.js';
import { regions } from '../../src/core/regions/regions.js';
import { DEMO_PENDING } from '../../src/runtime/demo.js';
import { exitOf, spawnService, type ServiceProcess } from '../helpers/process.js';
import { call, CURATED_TEST_TAXONOMY, FIXTURES, removeDir, tempDir } from '../helpers/service.js';

/**
 * The demo population of `npm start` (KOHTAANTO_DEMO=regional, src/runtime/demo.ts): the committed
 * files are the generator's, sized per region by the stated figures; a first start adds them after
 * it listens, once, and a start stopped midway continues.
 */
const lines = (gz: string) => gunzipSync(readFileSync(gz)).toString('utf8').trim().split('\n');

describe('the committed demo population', () => {
  it('is what fixtures/generate-demo.ts writes, region by region in the stated numbers scaled 1:20', () => {
    const demo = generateDemo();
    const committed = { vacancies: lines(join(FIXTURES, 'demo', 'vacancies.ndjson.gz')), jobseekers: lines(join(FIXTURES, 'demo', 'jobseekers.ndjson.gz')) };
    expect(committed.vacancies).toEqual(demo.vacancies.map((r) => JSON.stringify(r)));
    expect(committed.jobseekers).toEqual(demo.jobseekers.map((r) => JSON.stringify(r)));
    const byRegion = (records: object[]) => {
      const counts: Record<string, number> = {};
      for (const r of records as { municipality: string }[]) {
        const region = regions.municipality(r.municipality)!.regionCode;
        counts[region] = (counts[region] ?? 0) + 1;
      }
      return counts;
    };
    const expected = (what: 'jobseekers' | 'vacancies') =>
      Object.fromEntries(Object.entries(REGION_FIGURES).map(([code, f]) => [code, Math.round((f[what] * 1000) / SCALE)]));
    expect(byRegion(demo.jobseekers)).toEqual(expected('jobseekers'));
    expect(byRegion(demo.vacancies)).toEqual(expected('vacancies'));
    // None of its ids is a fixture's.
    expect(demo.jobseekers.every((r) => (r as { id: string }).id.startsWith('JS-D'))).toBe(true);
  });

  it("gives every jobseeker an age, a gender and a mother tongue, so that the planner's exposure report has groups to compare", () => {
    const people = generateDemo().jobseekers.map((r) => jobseekerInput.parse(r));
    const groups = people.map((j) => groupsOf(j, '2026-11-30'));
    for (const dimension of ['ageBand', 'gender', 'motherTongue'] as const) expect(groups.filter((g) => g[dimension] === 'unknown').length, dimension).toBe(0);
    const share = (list: typeof groups, test: (g: (typeof groups)[number]) => boolean) => list.filter(test).length / list.length;
    // In the orders of magnitude of unemployed jobseekers in Finland (docs/demo-data.md).
    expect(share(groups, (g) => g.ageBand === '55 and over')).toBeGreaterThan(0.2);
    expect(share(groups, (g) => g.ageBand === 'under 25')).toBeGreaterThan(0.05);
    expect(share(groups, (g) => g.gender === 'male')).toBeGreaterThan(share(groups, (g) => g.gender === 'female'));
    expect(share(groups, (g) => g.motherTongue === 'other')).toBeGreaterThan(0.1);
    expect(share(groups, (g) => g.motherTongue === 'other')).toBeLessThan(0.3);
    // Swedish where Swedish is spoken: Ostrobothnia (15) far above Pirkanmaa (06).
    const inRegion = (code: string) => groups.filter((g) => regions.municipality(g.municipality)!.regionCode === code);
    expect(share(inRegion('15'), (g) => g.motherTongue === 'sv')).toBeGreaterThan(0.3);
    expect(share(inRegion('06'), (g) => g.motherTongue === 'sv')).toBeLessThan(0.15);
  });
});

/** A fixtures directory with a few fixtures and a small demo population (the start's embedding stays short). */
function smallFixtures(): string {
  const dir = tempDir('kohtaanto-demo-fixtures-');
  const head = (file: string, n: number) => readFileSync(join(FIXTURES, file), 'utf8').split('\n').slice(0, n).join('\n') + '\n';
  writeFileSync(join(dir, 'vacancies.ndjson'), head('vacancies.ndjson', 5));
  writeFileSync(join(dir, 'jobseekers.ndjson'), head('jobseekers.ndjson', 5));
  mkdirSync(join(dir, 'demo'));
  const demo = generateDemo();
  const gz = (records: object[]) => gzipSync(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(dir, 'demo', 'vacancies.ndjson.gz'), gz(demo.vacancies.slice(0, 10)));
  writeFileSync(join(dir, 'demo', 'jobseekers.ndjson.gz'), gz(demo.jobseekers.slice(0, 40)));
  return dir;
}

const ENV = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_WORKERS: '1' };

const logged = (service: ServiceProcess, text: string) =>
  expect.poll(() => service.output.join(''), { timeout: 120_000, interval: 200 }).toContain(text);

async function stop(service: ServiceProcess) {
  // Its signal handlers are installed just after this line ("Server listening" comes a moment before).
  await logged(service, 'Kohtaanto ready');
  const exited = exitOf(service.child);
  service.child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

describe('adding the demo population on a first start', () => {
  it('adds it after listening, once; a start stopped midway continues with what is missing', async () => {
    const fixtures = smallFixtures();
    const dataDir = tempDir();
    const env = { ...ENV, KOHTAANTO_FIXTURES_DIR: fixtures, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_DEMO: 'regional' };
    try {
      const first = await spawnService(env);
      await logged(first, 'added the demo population: 10 vacancies, 40 jobseekers');
      const log = first.output.join('');
      expect(log.indexOf('Server listening')).toBeLessThan(log.indexOf('adding the demo population in the background'));
      const admin = { url: first.url, key: readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim() };
      expect((await call(admin, 'GET', '/v1/jobseekers/JS-D000040')).status).toBe(200);
      expect((await call(admin, 'GET', '/v1/vacancies/V-D000010')).status).toBe(200);
      expect((await call(admin, 'GET', '/v1/jobseekers/JS-000001')).status).toBe(200); // the fixtures are still there
      expect(existsSync(join(dataDir, DEMO_PENDING))).toBe(false);
      const removed = await call(admin, 'DELETE', '/v1/jobseekers/JS-D000007');
      expect(removed.status).toBeLessThan(300);
      await stop(first);

      // A later start adds nothing, even with a demo record removed.
      const second = await spawnService(env);
      expect((await call({ ...admin, url: second.url }, 'GET', '/v1/jobseekers/JS-D000007')).status).toBe(404);
      await stop(second);
      expect(second.output.join('')).not.toContain('demo population');

      // A start that stopped while adding it (the marker left behind) adds what is missing.
      writeFileSync(join(dataDir, DEMO_PENDING), 'interrupted\n');
      const third = await spawnService(env);
      await logged(third, 'added the demo population: 0 vacancies, 1 jobseekers');
      expect(existsSync(join(dataDir, DEMO_PENDING))).toBe(false);
      await stop(third);
    } finally {
      removeDir(dataDir);
      removeDir(fixtures);
    }
  }, 400_000);

  it('adds none with KOHTAANTO_DEMO=off, nor without the fixtures', async () => {
    const fixtures = smallFixtures();
    for (const setting of [{ KOHTAANTO_DEMO: 'off' }, { KOHTAANTO_DEMO: 'regional', KOHTAANTO_SEED_FIXTURES: 'false' }] as Record<string, string>[]) {
      const dataDir = tempDir();
      try {
        const service = await spawnService({ ...ENV, KOHTAANTO_FIXTURES_DIR: fixtures, KOHTAANTO_DATA_DIR: dataDir, ...setting });
        const admin = { url: service.url, key: readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim() };
        expect((await call(admin, 'GET', '/v1/jobseekers/JS-D000001')).status).toBe(404);
        await stop(service);
        expect(service.output.join('')).not.toContain('demo population');
      } finally {
        removeDir(dataDir);
      }
    }
    removeDir(fixtures);
  }, 400_000);
});
