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

/**
 * The same for the training results (per training and per provider: participants, employed share,
 * effect and interval). Planted on a second service: two trainings, each with 25 participants in Tampere
 * referred from June to October 2025 (10 of them employed after the end) and one more participant
 * referred in November from Nokia — employed after T-YES, not after T-NO — against 40 similar clients
 * not referred (12 employed). Every referral ends on the same day, so every participant has the same
 * comparison clients and a pair of reports one participant apart differs in that participant alone.
 * Published from the exact counts (to 0.01), 10 of 25 is an effect of +0.10, 11 of 26 +0.12 and 10 of 26
 * +0.08: the effect moving up or down told the outcome in every such pair.
 */
describe('What works: training results cannot be subtracted to find one participant\'s outcome', () => {
  let trainingService: RunningService;
  let at = '2025-06-10T10:00:00.000Z';
  const ENDED = '2025-11-25';
  const TRAININGS = [
    { id: 'T-YES', provider: 'Opisto Kyllä', plantedEmployed: true },
    { id: 'T-NO', provider: 'Opisto Ei', plantedEmployed: false },
  ];
  /** Each training's participants: 25 in Tampere referred June to October, and the planted one in Nokia in November. */
  const participants = TRAININGS.flatMap((t) => [
    ...Array.from({ length: 25 }, (_, i) => ({ id: `${t.id}-${i + 1}`, training: t.id, municipality: '837', month: `2025-${String(6 + (i % 5)).padStart(2, '0')}`, employed: i < 10 })),
    { id: `${t.id}-PLANTED`, training: t.id, municipality: '536', month: '2025-11', employed: t.plantedEmployed },
  ]);
  const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

  beforeAll(async () => {
    trainingService = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(at) });
    const [counsellor, planner] = [trainingService.as('counsellor'), trainingService.as('planner')];
    for (const t of TRAININGS) {
      const course = { title: `Hitsauskurssi ${t.id}`, description: 'Tulityökortti hitsaajille.', provider: t.provider, kind: 'licence-or-card', municipality: 'Tampere', durationDays: 2, startDates: ['2027-01-15'], cost: 400, skills: ['tulityökortti'] };
      expect((await call(planner, 'PUT', `/v1/trainings/${t.id}`, { id: t.id, ...course })).status).toBe(201);
    }
    const welder = (id: string, municipality: string) => sampleJobseeker(id, { municipality, birthYear: 1985, unemployedSince: '2025-06-01' });
    const comparison = Array.from({ length: 40 }, (_, i) => welder(`CMP-${i + 1}`, '837'));
    const created = await call(counsellor, 'POST', '/v1/jobseekers/bulk', ndjson([...participants.map((p) => welder(p.id, p.municipality)), ...comparison]), { 'content-type': 'application/x-ndjson' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const referrals: { id: number; version: number }[] = [];
    for (const p of [...participants].sort((a, b) => a.month.localeCompare(b.month))) {
      at = `${p.month}-10T10:00:00.000Z`;
      const made = await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: p.id, trainingId: p.training });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      referrals.push({ id: made.body.id, version: made.body.version });
    }
    at = `${ENDED}T12:00:00.000Z`;
    for (const r of referrals) {
      for (const [state, on] of [['accepted', '2025-11-11'], ['started', '2025-11-12'], ['completed', ENDED]]) {
        const changed = await call(counsellor, 'POST', `/v1/referrals/${r.id}/state`, { state, on, version: r.version });
        expect(changed.status, JSON.stringify(changed.body)).toBe(200);
        r.version = changed.body.version;
      }
    }
    // The registers half a year on: employed participants 25 days after the end, 12 of the 40 comparison clients 51 days after.
    at = '2026-05-28T10:00:00.000Z'; // six months after the end, within the test keys' year
    const events = [
      ...participants.filter((p) => p.employed).map((p) => ({ jobseekerId: p.id, event: 'employed-open', date: '2025-12-20' })),
      ...comparison.slice(0, 12).map((c) => ({ jobseekerId: c.id, event: 'employed-open', date: '2026-01-15' })),
    ];
    const imported = await call(counsellor, 'POST', '/v1/outcomes/bulk', ndjson(events), { 'content-type': 'application/x-ndjson' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await trainingService.stop();
    removeDir(trainingService.dataDir);
  });

  /** Periods of referrals: June to October holds every Tampere participant, November the planted ones alone. */
  const TRAINING_PERIODS = [
    { from: '2024-12-01', to: '2025-11-30' },
    { from: '2025-05-01', to: '2025-11-30' },
    { from: '2025-06-01', to: '2025-11-30' },
    { from: '2024-12-01', to: '2025-10-31' },
    { from: '2025-05-01', to: '2025-10-31' },
    { from: '2025-06-01', to: '2025-10-31' },
    { from: '2025-11-01', to: '2025-11-30' },
  ];
  const toNumber = (x: number | '<5') => (x === '<5' ? 0 : x);
  /** The exact counts (participants n, employed e) a published horizon may stand for, as anyone can work them out. */
  function worldsBehind(h: any): { n: number; e: number }[] {
    const worlds: { n: number; e: number }[] = [];
    const ns = countsBehind(h.participants);
    // The employed count is not published as such: every published count (a multiple of 5 up to the participants) that gives the shares shown.
    const shown = toNumber(h.participants);
    const candidates = [SUPPRESSED_AS_ZERO, ...Array.from({ length: shown / 5 }, (_, i) => 5 * (i + 1))].filter((E) => {
      if (h.employed === null) return E === SUPPRESSED_AS_ZERO || shown === 0;
      if (shown === 0 || Math.round(Math.min(1, E / shown) * 20) / 20 !== h.employed) return false;
      return h.effect === null || Math.round((Math.min(1, E / shown) - h.comparison) * 100) / 100 === h.effect;
    });
    for (const E of candidates) {
      const es = countsBehind(E === SUPPRESSED_AS_ZERO ? '<5' : E);
      for (let n = ns.low; n <= ns.high; n++) for (let e = es.low; e <= Math.min(es.high, n); e++) worlds.push({ n, e });
    }
    return worlds;
  }
  const SUPPRESSED_AS_ZERO = 0;

  it('no pair of reports one participant apart proves whether that participant found work, for a training or its provider; the exact effect did', async () => {
    const planner = trainingService.as('planner');
    const reports: { name: string; people: Set<string>; answer: any }[] = [];
    for (const [placeName, place] of Object.entries(PLACES)) {
      for (const period of TRAINING_PERIODS) {
        const got = await call(planner, 'GET', `/v1/analytics/what-works?${[place.query, `from=${period.from}&to=${period.to}`].filter(Boolean).join('&')}`);
        expect(got.status, JSON.stringify(got.body)).toBe(200);
        const people = new Set(participants.filter((p) => (!place.municipalities || place.municipalities.includes(p.municipality)) && `${p.month}-01` >= period.from && `${p.month}-01` <= period.to).map((p) => p.id));
        reports.push({ name: `${placeName} ${period.from}..${period.to}`, people, answer: got.body });
      }
    }
    const proofs: string[] = [];
    const exactProofs: string[] = [];
    const given: string[] = [];
    let pairs = 0;
    let evidencePairs = 0;
    for (const t of TRAININGS) {
      const planted = `${t.id}-PLANTED`;
      const mine = (r: (typeof reports)[number]) => new Set([...r.people].filter((p) => p.startsWith(`${t.id}-`)));
      const figures = (r: (typeof reports)[number]) => [
        ['training', r.answer.trainings.find((x: any) => x.trainingId === t.id)],
        ['provider', r.answer.providers.find((x: any) => x.provider === t.provider)],
      ] as [string, any][];
      for (const a of reports) {
        for (const b of reports) {
          const [inA, inB] = [mine(a), mine(b)];
          if (!inA.has(planted) || inB.has(planted) || inA.size !== inB.size + 1 || [...inB].some((p) => !inA.has(p))) continue;
          pairs++;
          for (const [kind, fa] of figures(a)) {
            const fb = figures(b).find(([k]) => k === kind)![1];
            for (const months of [3, 6]) {
              const [ha, hb] = [fa, fb].map((f) => f?.horizons.find((h: any) => h.months === months) ?? { participants: '<5', employed: null, comparison: null, effect: null });
              if (ha.effect !== null) given.push(`${t.id} ${kind} ${a.name}`);
              const [wa, wb] = [worldsBehind(ha), worldsBehind(hb)];
              // A world where the planted participant found work (one more employed in a), and one where not (as many).
              const consistent = (employed: number) => wa.some((x) => wb.some((y) => x.n === y.n + 1 && x.e === y.e + employed));
              if (!consistent(1) || !consistent(0)) proofs.push(`${t.id} ${kind} ${months} months: ${a.name} ${JSON.stringify(ha)} − ${b.name} ${JSON.stringify(hb)}`);
            }
          }
          // The rule before, on the exact counts: every participant has the same comparison rate (12 of 40), so the effect's move is the outcome's sign.
          const exactEffect = (people: Set<string>) => {
            const employed = participants.filter((p) => people.has(p.id) && p.employed).length;
            return Math.round((employed / people.size - 12 / 40) * 100) / 100;
          };
          if (inB.size < 20) continue; // the rule before gave no effect below 20 participants
          evidencePairs++;
          const moved = exactEffect(inA) - exactEffect(inB);
          if ((moved > 0) === t.plantedEmployed && moved !== 0) exactProofs.push(`${t.id}: ${a.name} − ${b.name}`);
        }
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(20); // per training: Nov-inclusive periods against their Oct ends, the area against Tampere, the region, the country
    expect(given.length).toBeGreaterThan(0); // effects are given (with enough evidence), not merely suppressed
    expect(proofs).toEqual([]);
    expect(evidencePairs).toBeGreaterThanOrEqual(10);
    expect(exactProofs).toHaveLength(evidencePairs); // the exact effect told the planted outcome in every pair it was given in
    expect(exactProofs).toContain('T-YES: Tampere employment area 2024-12-01..2025-11-30 − Tampere 2024-12-01..2025-11-30');
  });

  it("publishes each figure from the randomly rounded counts alone: the effect is the employed participants' share less the comparison's", async () => {
    const r = (await call(trainingService.as('planner'), 'GET', '/v1/analytics/what-works?area=tampere&from=2024-12-01&to=2025-11-30')).body;
    for (const f of [...r.trainings, ...r.providers]) {
      for (const k of ['referred', 'completed', 'interrupted']) expect(f[k] === '<5' || f[k] % 5 === 0, `${k} ${f[k]}`).toBe(true);
      for (const h of f.horizons) {
        expect(h.participants === '<5' || h.participants % 5 === 0).toBe(true);
        expect(Math.round(h.comparison * 20)).toBeCloseTo(h.comparison * 20, 9); // a multiple of 0.05
        if (h.effect === null) continue;
        expect([...Array(h.participants / 5 + 1).keys()].some((k) => Math.round(((5 * k) / h.participants - h.comparison) * 100) / 100 === h.effect)).toBe(true);
        expect(h.low).toBeLessThan(h.effect);
        expect(h.high).toBeGreaterThan(h.effect);
      }
    }
    // A provider of one training is that training's cell: the same figures, not a second draw to average.
    for (const t of TRAININGS) {
      const training = r.trainings.find((x: any) => x.trainingId === t.id);
      const provider = r.providers.find((x: any) => x.provider === t.provider);
      expect(provider.horizons).toEqual(training.horizons);
    }
  });
});
