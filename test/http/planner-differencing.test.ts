import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsBehind } from '../../src/core/analytics/random-rounding.js';
import { jobseekerCount } from '../../src/core/analytics/suppression.js';
import { build, call, ndjson, removeDir, sampleJobseeker, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Can a planner subtract two of the other planner figures — demand against supply per skill and per
 * occupation, the mismatch summary, the exposure report of oversight — to find one jobseeker that each
 * place's own figure shows as "<5"? Planted on the real service and store: twelve jobseekers in Tampere
 * and one (the planted one) in Nokia, in Tampere's employment area, all with the same skills, occupation,
 * long-term unemployment, age band, gender and mother tongue, and no one else. Every pair of places whose
 * people differ by the planted jobseeker alone (the employment area, Pirkanmaa — the same municipalities —
 * and Finland against Tampere) is compared figure by figure, as an attacker reads them: by the rule the
 * service rounds by (nearest 5 before, src/core/analytics/suppression.ts; at random now,
 * src/core/analytics/random-rounding.ts).
 */
let service: RunningService;
let planner: Caller;
const NOW = '2026-12-02T10:00:00.000Z';
const PLANTED = 'NOK-1';

const people = [
  ...Array.from({ length: 12 }, (_, i) => ({ id: `TRE-${i + 1}`, municipality: '837' })),
  { id: PLANTED, municipality: '536' },
];

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: () => new Date(NOW) });
  planner = service.as('planner');
  const records = people.map((p) => sampleJobseeker(p.id, { municipality: p.municipality, unemployedSince: '2024-06-01', birthYear: 1985, gender: 'female', motherTongue: 'sv' }));
  const created = await call(service.as('counsellor'), 'POST', '/v1/jobseekers/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

type Published = number | '<5';
const fig = (cell: string, p: Published): [string, Published] => [cell, p];
/** The reports and how each answer's counts of jobseekers are read, by the cell they count (a skill, an occupation, a group). */
const occupationKey = (o: any) => o.occupation ?? (o.isco ? `isco:${o.isco}` : o.label);
const REPORTS: Record<string, { path: string; figures: (answer: any) => [string, Published][] }> = {
  skills: { path: '/v1/analytics/skills', figures: (a) => a.items.map((i: any) => fig(`supply ${i.uri}`, i.supply)) },
  occupations: {
    path: '/v1/analytics/occupations',
    figures: (a) => a.items.flatMap((i: any) => [fig(`supply ${occupationKey(i)}`, i.supply), fig(`long-term ${occupationKey(i)}`, i.longTermUnemployed)]),
  },
  mismatch: {
    path: '/v1/analytics/mismatch',
    figures: (a) => [
      fig('jobseekers', a.jobseekers),
      fig('long-term', a.longTermUnemployed),
      ...[...a.shortageOccupations, ...a.surplusOccupations].flatMap((o: any) => [fig(`supply ${occupationKey(o)}`, o.supply), fig(`long-term ${occupationKey(o)}`, o.longTermUnemployed)]),
    ],
  },
  exposure: {
    path: '/v1/oversight/exposure',
    // A municipality's own group is that municipality's figure, not the place's.
    figures: (a) => [fig('eligible', a.eligible), ...a.groups.filter((g: any) => g.dimension !== 'municipality').map((g: any) => fig(`${g.dimension} ${g.group}`, g.eligible))],
  },
};
const PLACES: Record<string, { query: string; municipalities?: string[] }> = {
  Tampere: { query: 'municipality=837', municipalities: ['837'] },
  Nokia: { query: 'municipality=536', municipalities: ['536'] },
  'Tampere employment area': { query: 'area=tampere' },
  Pirkanmaa: { query: 'region=06' },
  Finland: { query: '' },
};
const peopleIn = (place: (typeof PLACES)[string]) => new Set(people.filter((p) => !place.municipalities || place.municipalities.includes(p.municipality)).map((p) => p.id));

async function ask(report: string, query: string): Promise<any> {
  const got = await call(planner, 'GET', `${REPORTS[report]!.path}?${query}`);
  expect(got.status, `${report}?${query}: ${JSON.stringify(got.body)}`).toBe(200);
  return got.body;
}
const figuresOf = (report: string, answer: any) => new Map(REPORTS[report]!.figures(answer));

/** What a published count stands for under nearest rounding ("<5" below 5; 5 is 5–7, another 5k is 5k−2 … 5k+2). */
const nearestRange = (p: Published) => (p === '<5' ? { low: 0, high: 4 } : p === 5 ? { low: 5, high: 7 } : { low: p - 2, high: p + 2 });

describe('planner figures cannot be subtracted to find one jobseeker (skills, occupations, mismatch, exposure)', () => {
  it('no pair of places whose people differ by the planted jobseeker alone proves that jobseeker, in any figure', async () => {
    const answers: { report: string; place: string; people: Set<string>; figures: Map<string, Published> }[] = [];
    for (const report of Object.keys(REPORTS)) {
      for (const [name, place] of Object.entries(PLACES)) answers.push({ report, place: name, people: peopleIn(place), figures: figuresOf(report, await ask(report, place.query)) });
    }
    // The planted jobseeker's own place shows them as "<5" in every figure.
    for (const a of answers.filter((x) => x.place === 'Nokia')) {
      expect(a.figures.size, a.report).toBeGreaterThan(0);
      for (const [cell, p] of a.figures) expect(p, `${a.report} ${cell}`).toBe('<5');
    }
    // Every figure here counts every planted person of its place: the rule the service follows, as anyone can tell it from many figures.
    const all = answers.flatMap((a) => [...a.figures.values()].map((p) => ({ p, n: a.people.size })));
    expect(all.length).toBeGreaterThan(40);
    const followsNearest = all.every(({ p, n }) => p === jobseekerCount(n));
    const range = followsNearest ? nearestRange : countsBehind;

    const proofs: string[] = [];
    /** The same pairs under the rule before (nearest 5) on the true counts: the control that the test can fail. */
    const nearestProofs: string[] = [];
    let pairs = 0;
    let compared = 0;
    for (const a of answers) {
      for (const b of answers) {
        if (a.report !== b.report || a.people.size !== b.people.size + 1 || !a.people.has(PLANTED) || b.people.has(PLANTED)) continue;
        pairs++;
        for (const [cell, pa] of a.figures) {
          const pb = b.figures.get(cell);
          if (pb === undefined) continue;
          // At least one more in a than in b, as anyone can work out from the two published figures.
          if (range(pa).low - range(pb).high >= 1) proofs.push(`${a.report} ${cell}: ${a.place} ${pa} − ${b.place} ${pb}`);
          compared++;
          if (nearestRange(jobseekerCount(a.people.size)).low - nearestRange(jobseekerCount(b.people.size)).high >= 1) nearestProofs.push(`${a.report} ${cell}: ${a.place} − ${b.place}`);
        }
      }
    }
    expect(pairs).toBe(3 * Object.keys(REPORTS).length); // the area, Pirkanmaa and Finland against Tampere, in each report
    expect(proofs).toEqual([]);
    expect(followsNearest).toBe(false);
    // Under nearest rounding every one of these figures proved the planted jobseeker (13 published as 15, 12 as 10).
    expect(compared).toBeGreaterThanOrEqual(36);
    expect(nearestProofs).toHaveLength(compared);
  });

  it('answers the same question the same way: asked again, an area or its region of the same municipalities, a period a day apart, in Finnish or Swedish', async () => {
    const same = async (report: string, queries: string[]) => {
      const [first, ...rest] = await Promise.all(queries.map((q) => ask(report, q)));
      for (const [i, other] of rest.entries()) expect([...figuresOf(report, other)], `${report}?${queries[i + 1]} against ?${queries[0]}`).toEqual([...figuresOf(report, first)]);
      return first;
    };
    for (const report of Object.keys(REPORTS)) {
      // The exposure report has no labels to translate.
      const inSwedish = report === 'exposure' ? [] : ['area=tampere&lang=sv', 'municipality=Tampere&lang=sv'];
      await same(report, ['area=tampere', 'area=tampere', 'region=06', 'region=Pirkanmaa', 'area=tampere&asOf=2026-12-01', 'area=tampere&asOf=2026-11-30', ...inSwedish.slice(0, 1)]);
      await same(report, ['municipality=837', 'municipality=Tampere', ...inSwedish.slice(1)]);
    }
    for (const report of ['skills', 'occupations']) await same(report, ['area=tampere&from=2026-06-01&to=2026-11-30', 'area=tampere&from=2026-06-02&to=2026-11-29', 'area=tampere']);
    await same('exposure', ['area=tampere&from=2026-11-01&to=2026-11-30', 'area=tampere&from=2026-11-02&to=2026-12-01', 'area=tampere&source=replay']);
    // Whole answers, labels and all, for the same question asked again.
    for (const report of Object.keys(REPORTS)) {
      const query = report === 'exposure' ? 'area=tampere' : 'area=tampere&lang=sv';
      expect(await ask(report, query)).toEqual(await ask(report, query));
    }
  });
});
