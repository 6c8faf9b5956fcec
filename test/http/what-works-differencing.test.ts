import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsBehind } from '../../src/core/analytics/random-rounding.js';
import { jobseekerCount } from '../../src/core/analytics/suppression.js';
import { build, call, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * The privacy stop's open question 3: can a planner subtract two What works reports — overlapping
 * periods (12 months against 11 ending the same day, a period moved by a day or a month) or a
 * municipality, its employment area, its region and the country — to find one client's hire that each
 * report alone shows as "<5"? Planted on the real service and store: twelve hires in Tampere from January
 * to October 2026, and one (the planted one) in Nokia, in Tampere's employment area, in November. Every
 * pair of allowed reports whose people differ by that one hire alone is compared, count by count, as an
 * attacker reads them (src/core/analytics/random-rounding.ts says what each published count may stand for).
 */
let service: RunningService;
let planner: Caller;
let now = '2026-01-05T10:00:00.000Z';
const PLANTED = 'NOK-1';

/** Who was hired in which month and where: the truth the reports are rounded from. */
const hires: { id: string; municipality: string; month: string }[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ id: `TRE-${i + 1}`, municipality: '837', month: `2026-${String(1 + (i % 10)).padStart(2, '0')}` })),
  { id: PLANTED, municipality: '536', month: '2026-11' },
];

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(now) });
  planner = service.as('planner');
  const counsellor = service.as('counsellor');
  const employer = service.as('employer-service');
  for (const [i, h] of hires.entries()) {
    now = `${h.month}-10T10:00:00.000Z`;
    const put = await call(counsellor, 'PUT', `/v1/jobseekers/${h.id}`, sampleJobseeker(h.id, { municipality: h.municipality, unemployedSince: '2025-06-01' }));
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const vacancy = `DV-${i + 1}`;
    expect((await call(employer, 'PUT', `/v1/vacancies/${vacancy}`, sampleVacancy(vacancy, { publishedAt: `${h.month}-01` }))).status).toBe(201);
    const made = await call(counsellor, 'POST', `/v1/jobseekers/${h.id}/job-suggestions`, { vacancyId: vacancy, consent: true });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await call(employer, 'POST', `/v1/job-suggestions/${made.body.id}/state`, { state: 'interview', version: 1 })).status).toBe(200);
    expect((await call(employer, 'POST', `/v1/job-suggestions/${made.body.id}/state`, { state: 'hired', version: 2 })).status).toBe(200);
  }
  now = '2026-12-02T10:00:00.000Z';
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const PLACES: Record<string, { query: string; municipalities?: string[] }> = {
  Tampere: { query: 'municipality=837', municipalities: ['837'] },
  Nokia: { query: 'municipality=536', municipalities: ['536'] },
  'Tampere employment area': { query: 'area=tampere' },
  Pirkanmaa: { query: 'region=06' },
  Finland: { query: '' },
};
/** Periods as asked, and the whole months each is taken to. */
const PERIODS: { query: string; from: string; to: string }[] = [
  { query: '', from: '2025-12-01', to: '2026-11-30' }, // the default: twelve months to the last month end
  { query: 'from=2025-12-01&to=2026-11-30', from: '2025-12-01', to: '2026-11-30' },
  { query: 'from=2026-01-01&to=2026-11-30', from: '2026-01-01', to: '2026-11-30' }, // 11 months, same end
  { query: 'from=2025-12-01&to=2026-10-31', from: '2025-12-01', to: '2026-10-31' }, // 11 months, a month earlier
  { query: 'from=2025-11-01&to=2026-10-31', from: '2025-11-01', to: '2026-10-31' }, // moved by a month
  { query: 'from=2025-12-02&to=2026-11-29', from: '2025-12-01', to: '2026-10-31' }, // moved by a day: whole months
  { query: 'from=2026-11-01&to=2026-11-30', from: '2026-11-01', to: '2026-11-30' }, // November alone
  { query: 'from=2026-10-01&to=2026-10-31', from: '2026-10-01', to: '2026-10-31' }, // October alone
];
/** Every count of people in a report that the planted hire is in (a suggestion, a client, a hire). */
const COUNTS: [string, (r: any) => number | '<5'][] = [
  ...['suggested', 'applied', 'interview', 'offer', 'hired'].map((step) => [`funnel.${step}`, (r: any) => r.funnel[step]] as [string, (r: any) => number | '<5']),
  ['clients.suggested', (r) => r.clients.suggested],
  ['clients.hired', (r) => r.clients.hired],
  ['daysToFill.hires', (r) => r.daysToFill.hires],
  ['byRank["not shown"].suggestions', (r) => r.byRank.find((b: any) => b.rank === 'not shown').suggestions],
  ['byRank["not shown"].interviews', (r) => r.byRank.find((b: any) => b.rank === 'not shown').interviews],
  ['byRank["not shown"].hires', (r) => r.byRank.find((b: any) => b.rank === 'not shown').hires],
];

/** The clients a report counts (everyone planted was suggested, interviewed and hired in their month). */
const peopleIn = (place: (typeof PLACES)[string], period: (typeof PERIODS)[number]) =>
  new Set(hires.filter((h) => (!place.municipalities || place.municipalities.includes(h.municipality)) && `${h.month}-01` >= period.from && `${h.month}-01` <= period.to).map((h) => h.id));

describe('What works cannot be subtracted to find one hire (privacy stop, question 3)', () => {
  it('no pair of allowed reports whose people differ by the planted hire alone proves it, in any count; nearest rounding did', async () => {
    const reports: { name: string; people: Set<string>; answer: any }[] = [];
    for (const [placeName, place] of Object.entries(PLACES)) {
      for (const period of PERIODS) {
        const got = await call(planner, 'GET', `/v1/analytics/what-works?${[place.query, period.query].filter(Boolean).join('&')}`);
        expect(got.status, JSON.stringify(got.body)).toBe(200);
        expect([got.body.from, got.body.to]).toEqual([period.from, period.to]);
        reports.push({ name: `${placeName} ${period.from}..${period.to}`, people: peopleIn(place, period), answer: got.body });
      }
    }
    // The planted hire alone is always "<5": in Nokia's reports, and November's in Tampere.
    for (const r of reports.filter((x) => x.people.size === 1)) expect(r.answer.funnel.hired, r.name).toBe('<5');

    const proofs: string[] = [];
    const nearestProofs: string[] = [];
    let pairs = 0;
    for (const a of reports) {
      for (const b of reports) {
        const extra = [...a.people].filter((p) => !b.people.has(p));
        if (extra.length !== 1 || extra[0] !== PLANTED || [...b.people].some((p) => !a.people.has(p))) continue;
        pairs++;
        for (const [field, read] of COUNTS) {
          // At least one more in a than in b, as anyone can work out from the two published counts.
          if (countsBehind(read(a.answer)).low - countsBehind(read(b.answer)).high >= 1) proofs.push(`${field}: ${a.name} ${read(a.answer)} − ${b.name} ${read(b.answer)}`);
        }
        // The rule before (nearest 5, "<5" below 5: 5 is 5–7, 10 is 8–12) on the true counts.
        const nearest = (n: number) => {
          const p = jobseekerCount(n);
          return p === '<5' ? { low: 0, high: 4 } : p === 5 ? { low: 5, high: 7 } : { low: p - 2, high: p + 2 };
        };
        if (nearest(a.people.size).low - nearest(b.people.size).high >= 1) nearestProofs.push(`${a.name} − ${b.name}`);
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(10); // 12 months against 11, the area against Tampere, the region, the country...
    expect(proofs).toEqual([]);
    // The same pairs under nearest rounding: 13 published as 15 (13–17) against 12 as 10 (8–12) proves the hire.
    expect(nearestProofs).toContain('Tampere employment area 2025-12-01..2026-11-30 − Tampere 2025-12-01..2026-11-30');
    expect(nearestProofs).toContain('Tampere employment area 2025-12-01..2026-11-30 − Tampere employment area 2025-12-01..2026-10-31');
  });

  it('answers the same question the same way: asking again cannot average the rounding away', async () => {
    const first = (await call(planner, 'GET', '/v1/analytics/what-works?area=tampere')).body;
    const again = await Promise.all([1, 2, 3].map(() => call(planner, 'GET', '/v1/analytics/what-works?area=tampere&from=2025-12-15')));
    for (const r of again) expect(r.body).toEqual(first); // the same whole months, asked another way
    expect(JSON.stringify(first)).not.toMatch(/TRE-|NOK-/);
  });
});
