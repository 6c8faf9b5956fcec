import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, ndjson, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Can a planner subtract the mismatch summary's staffed share ("vacancies with at least 3 suitable local
 * candidates") of two places to find one jobseeker? Planted on the real service: six alike welding vacancies,
 * in Tampere; two welders and five nurses in Tampere, one welder (the planted one) in Nokia, in Tampere's
 * employment area, and no one else. The area (and Pirkanmaa, and Finland) against Tampere: the same vacancies,
 * people differing by the planted welder alone. Nokia's own summary shows "<5" jobseekers and no vacancy.
 */
let service: RunningService;
let planner: Caller;
const NOW = '2026-12-02T10:00:00.000Z';
/** One person decides for every one of them whether it has three suitable local candidates: rounding the count of vacancies would not hide them. */
const VACANCIES = 6;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(NOW) });
  planner = service.as('planner');
  const nurse = { title: 'lähihoitaja', summary: 'Lähihoitaja, vanhustyö ja potilashoito.', skills: ['potilashoito', 'vanhustyö'] };
  const welder = { skills: ['MIG-hitsaus', 'TIG-hitsaus', 'piirustusten lukeminen'] };
  const records = [
    sampleJobseeker('TRE-W1', welder),
    sampleJobseeker('TRE-W2', welder),
    ...Array.from({ length: 5 }, (_, i) => sampleJobseeker(`TRE-N${i + 1}`, nurse)),
    sampleJobseeker('NOK-1', { ...welder, municipality: '536' }),
  ];
  const created = await call(service.as('counsellor'), 'POST', '/v1/jobseekers/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  for (let i = 1; i <= VACANCIES; i++) expect((await call(service.as('admin'), 'PUT', `/v1/vacancies/V-${i}`, sampleVacancy(`V-${i}`, { employer: `Konepaja ${i} Oy`, description: `Konepaja ${i} Oy hakee hitsaajaa (${i}). Edellytämme MIG-hitsaus ja TIG-hitsaus osaamista sekä piirustusten lukemista.` }))).status).toBe(201);
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const summary = async (query: string) => {
  const got = await call(planner, 'GET', `/v1/analytics/mismatch?${query}`);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body;
};

describe('the mismatch summary\'s staffed share cannot be subtracted to find one jobseeker', () => {
  // KNOWN HOLE, left open: docs/analytics.md publishes this share exactly on purpose ("counts vacancies, not
  // people"), but one person decides it for every vacancy at once: the area, Pirkanmaa and Finland say 6 of 6
  // staffed against Tampere's 0 of 6, which proves a suitable welder outside Tampere (Nokia shows "<5"
  // jobseekers). Rounding the count of vacancies would not hide it (6 against 0). `it.fails` keeps the suite
  // green and the proof running; a fix makes it fail: then make it `it`.
  it.fails('the area, Pirkanmaa or Finland against Tampere (the same six vacancies) does not prove the welder in Nokia', async () => {
    const tampere = await summary('municipality=837');
    expect(tampere.vacancies).toBe(VACANCIES);
    expect(tampere.jobseekers, 'Tampere shows its seven').not.toBe('<5');
    expect((await summary('municipality=536')).jobseekers).toBe('<5');
    const proofs: string[] = [];
    for (const query of ['area=tampere', 'region=06', '']) {
      const wider = await summary(query);
      expect(wider.vacancies, query).toBe(VACANCIES); // the same vacancies: the difference is people
      // As an attacker reads it: the vacancies staffed are the share of those matched; a multiple of 5 (0 too)
      // may be rounded (5k-4 to 5k+4, 0 to 4), any other number is exact.
      const staffed = (s: any) => {
        const v = s.vacanciesWithSuitableCandidates;
        if (v.share === null || v.margin95 !== 0) return null;
        const n = Math.round(v.share * v.matched);
        return n % 5 === 0 ? { low: Math.max(0, n - 4), high: n + 4 } : { low: n, high: n };
      };
      const a = staffed(wider);
      const b = staffed(tampere);
      if (a !== null && b !== null && a.low > b.high) proofs.push(`${query || 'Finland'}: ${JSON.stringify(a)} vacancies staffed against Tampere's ${JSON.stringify(b)}`);
    }
    expect(proofs).toEqual([]);
  });
});
