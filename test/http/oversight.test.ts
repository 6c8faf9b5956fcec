import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../src/engine.js';
import { call, type Caller, ndjson, removeDir, build, type RunningService } from '../helpers/service.js';

/** Oversight on the real server with the fixture data and the shipped model. */
let service: RunningService;
let admin: Caller;

interface Hit {
  id: string;
  score: number;
  parts: Record<string, number | null>;
}
interface Jobseeker {
  id: string;
  municipality: string;
  [field: string]: unknown;
}

beforeAll(async () => {
  service = await build();
  admin = service.as('admin');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

async function allJobseekers(): Promise<Jobseeker[]> {
  const items: Jobseeker[] = [];
  let after = '';
  for (;;) {
    const page = (await call(admin, 'GET', `/v1/jobseekers?limit=500${after ? `&after=${after}` : ''}`)).body;
    items.push(...page.items);
    if (!page.next) return items;
    after = page.next;
  }
}

/** The group attributes a counsellor might record, spread by a fixed pseudo-random sequence. */
function withGroups(j: Jobseeker, i: number): Jobseeker {
  const r = (i * 2654435761) % 2 ** 32;
  const { region: _r, normalized: _n, createdAt: _c, updatedAt: _u, ...input } = j;
  return { ...input, birthYear: 1960 + (r % 45), gender: (['female', 'male', 'other'] as const)[r % 3], motherTongue: ['fi', 'sv', 'ru', 'so', 'fi'][r % 5] } as Jobseeker;
}

const ranking = (hits: Hit[]) => hits.map((h) => ({ id: h.id, score: h.score, parts: h.parts }));

describe('group attributes (birth year, gender, mother tongue)', () => {
  it('are validated, naming the field', async () => {
    const base = { id: 'G-1', title: 'siivooja', summary: 'Siivoustyötä.', municipality: 'Tampere' };
    for (const [field, value] of [['birthYear', new Date().getUTCFullYear() - 5], ['birthYear', 1850], ['gender', 'f'], ['motherTongue', 'Finnish']] as const) {
      const response = await call(admin, 'PUT', '/v1/jobseekers/G-1', { ...base, [field]: value });
      expect(response.status, `${field}=${value}`).toBe(400);
      expect(response.body.problems.map((p: { field: string }) => p.field)).toEqual([field]);
    }
    const stored = await call(admin, 'PUT', '/v1/jobseekers/G-1', { ...base, birthYear: 1980, gender: 'female', motherTongue: 'so' });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ birthYear: 1980, gender: 'female', motherTongue: 'so' });
    expect((await call(admin, 'DELETE', '/v1/jobseekers/G-1')).status).toBe(204);
  });

  it('never change a ranking: candidates and vacancies are identical with and without them', async () => {
    const vacancies = (await call(admin, 'GET', '/v1/vacancies?municipality=Tampere&limit=3')).body.items as { id: string }[];
    const clients = (await call(admin, 'GET', '/v1/jobseekers?municipality=Tampere&limit=3')).body.items as { id: string }[];
    const rankings = async () => ({
      candidates: await Promise.all(vacancies.map(async (v) => ranking((await call(admin, 'GET', `/v1/vacancies/${v.id}/candidates?k=50`)).body.hits))),
      vacancies: await Promise.all(clients.map(async (j) => ranking((await call(admin, 'GET', `/v1/jobseekers/${j.id}/matches?k=50`)).body.hits))),
    });
    const without = await rankings();
    expect(without.candidates[0]!.length).toBe(50);

    const everyone = await allJobseekers();
    for (let i = 0; i < everyone.length; i += 1000) {
      const batch = everyone.slice(i, i + 1000).map((j, n) => withGroups(j, i + n));
      const response = await call(admin, 'POST', '/v1/jobseekers/bulk', ndjson(batch), { 'content-type': 'application/x-ndjson' });
      expect(response.status).toBe(200);
      expect(response.body.updated).toBe(batch.length);
    }
    expect((await call(admin, 'GET', `/v1/jobseekers/${clients[0]!.id}`)).body).toMatchObject({ birthYear: expect.any(Number), gender: expect.any(String) });
    expect(await rankings()).toEqual(without);
  });
});

describe('decision records', () => {
  it('keep each ranking served with model, taxonomy and settings, go out with the export and leave on erasure', async () => {
    const health = (await call(admin, 'GET', '/health')).body;
    const client = ((await call(admin, 'GET', '/v1/jobseekers?municipality=Tampere&limit=1')).body.items as { id: string }[])[0]!.id;
    const served = (await call(admin, 'GET', `/v1/jobseekers/${client}/matches?k=5`)).body.hits as Hit[];
    const vacancy = served[0]!.id;
    const candidates = (await call(admin, 'GET', `/v1/vacancies/${vacancy}/candidates?k=20`)).body.hits as Hit[];
    const candidate = candidates[3]!.id;

    const exported = (await call(admin, 'GET', `/v1/jobseekers/${client}/export`)).body.decisions;
    expect(exported.rankingsForThem[0]).toMatchObject({ model: health.embedder.id, taxonomy: expect.any(String) });
    expect(exported.rankingsForThem[0].vacancies).toEqual(served.map((h, i) => ({ vacancy: h.id, position: i + 1, score: h.score, parts: h.parts })));
    const appearances = (await call(admin, 'GET', `/v1/jobseekers/${candidate}/export`)).body.decisions.appearancesInCandidateRankings;
    expect(appearances[0]).toMatchObject({ vacancy, position: 4, score: candidates[3]!.score });

    const db = new Database(databaseFile(service.dataDir), { readonly: true });
    try {
      const settings = JSON.parse(db.prepare('SELECT settings FROM decision_contexts LIMIT 1').pluck().get() as string);
      expect(settings).toMatchObject({ weights: expect.any(Object), fitFloor: expect.any(Number) });
      expect((await call(admin, 'DELETE', `/v1/jobseekers/${candidate}`)).status).toBe(204);
      expect((await call(admin, 'DELETE', `/v1/jobseekers/${client}`)).status).toBe(204);
      expect(db.prepare('SELECT count(*) FROM decision_appearances WHERE item = ?').pluck().get(candidate)).toBe(0);
      expect(db.prepare("SELECT count(*) FROM decisions WHERE direction = 'candidates' AND instr(ranked, ?) > 0").pluck().get(`"${candidate}"`)).toBe(0);
      expect(db.prepare("SELECT count(*) FROM decisions WHERE subject = ? AND direction = 'vacancies'").pluck().get(client)).toBe(0);
      expect(db.prepare("SELECT count(*) FROM decisions WHERE subject = ? AND direction = 'candidates'").pluck().get(vacancy)).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});

describe("the client's explanation and the counsellor's overrides", () => {
  const clientOf = async () => ((await call(admin, 'GET', '/v1/jobseekers?municipality=Tampere&limit=5')).body.items as { id: string }[])[1]!.id;
  const matches = async (client: string) => (await call(admin, 'GET', `/v1/jobseekers/${client}/matches?k=10`)).body.hits as (Hit & { title: string; missingSkills: { label: string }[]; counsellorOverride?: object })[];

  it('tells the client why a vacancy was suggested, in Finnish, Swedish or English', async () => {
    const client = await clientOf();
    const [top] = await matches(client);
    const fi = (await call(admin, 'GET', `/v1/jobseekers/${client}/matches/${top!.id}/explanation?lang=fi`)).body;
    expect(fi.sentences[0]).toContain(top!.title);
    expect(fi.sentences.join(' ')).toContain(`Sopivuus ${Math.round(top!.score * 100)} / 100`);
    if (top!.missingSkills.length > 0) expect(fi.sentences.join(' ')).toContain(top!.missingSkills[0]!.label);
    expect((await call(admin, 'GET', `/v1/jobseekers/${client}/matches/${top!.id}/explanation?lang=sv`)).body.sentences[0]).toMatch(/^Du fick förslaget/);
    expect((await call(admin, 'GET', `/v1/jobseekers/${client}/matches/${top!.id}/explanation?lang=en`)).body.sentences.at(-1)).toContain('never used for suggestions');
    expect((await call(admin, 'GET', `/v1/jobseekers/${client}/matches/NO-SUCH/explanation`)).status).toBe(404);
  });

  it('lets a counsellor set a suggestion aside and put another forward, with a reason kept and exported', async () => {
    const client = await clientOf();
    const before = await matches(client);
    const outside = ((await call(admin, 'GET', '/v1/vacancies?municipality=Oulu&limit=50')).body.items as { id: string; status: string }[]).find(
      (v) => v.status === 'open' && !before.some((h) => h.id === v.id),
    )!.id;
    const short = await call(admin, 'POST', `/v1/jobseekers/${client}/overrides`, { vacancyId: before[0]!.id, action: 'set-aside', reason: 'no' });
    expect(short.status).toBe(400);
    expect(short.body.problems[0].field).toBe('reason');
    expect((await call(admin, 'POST', `/v1/jobseekers/${client}/overrides`, { vacancyId: before[0]!.id, action: 'set-aside', reason: 'Asiakas on jo hakenut tähän paikkaan.' })).status).toBe(201);
    expect((await call(admin, 'POST', `/v1/jobseekers/${client}/overrides`, { vacancyId: outside, action: 'put-forward', reason: 'Asiakas muuttaa Ouluun keväällä.' })).status).toBe(201);

    const after = await matches(client);
    expect(after).toHaveLength(10);
    expect(after[0]).toMatchObject({ id: outside, counsellorOverride: { action: 'put-forward', reason: 'Asiakas muuttaa Ouluun keväällä.' } });
    expect(after.map((h) => h.id)).not.toContain(before[0]!.id);
    // The rest keep their order (the ranking asks for one more to fill the place set aside).
    const rest = after.slice(1).map((h) => h.id);
    expect(before.slice(1, 5).map((h) => rest.indexOf(h.id))).toEqual([0, 1, 2, 3]);

    const exported = (await call(admin, 'GET', `/v1/jobseekers/${client}/export`)).body;
    expect(exported.counsellorOverrides.map((o: { action: string }) => o.action).sort()).toEqual(['put-forward', 'set-aside']);
    expect(exported.decisions.rankingsForThem[0].vacancies[0].vacancy).toBe(outside);

    expect((await call(admin, 'DELETE', `/v1/jobseekers/${client}/overrides/${outside}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/v1/jobseekers/${client}/overrides/${outside}`)).status).toBe(404);
    expect((await matches(client))[0]!.id).not.toBe(outside);
  });
});

describe('exposure report and system card', () => {
  it('shows no flagged group for the engine on the fixture data, in JSON and CSV, to planners only', async () => {
    const planner = service.as('planner');
    const report = await call(planner, 'GET', '/v1/oversight/exposure?area=Tampere&source=replay&sample=120&k=10');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.rankings).toBeGreaterThanOrEqual(100);
    expect(report.body.groups.find((g: { dimension: string; group: string }) => g.dimension === 'motherTongue' && g.group === 'sv')).toMatchObject({ eligible: expect.any(Number), ratio: expect.any(Number) });
    expect(report.body.flagged).toEqual([]);
    const csv = await call(planner, 'GET', '/v1/oversight/exposure?area=Tampere&source=replay&sample=30&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body)).toMatch(/^\uFEFF?dimension;group;eligible;eligible_share;exposure_share;ratio;ratio_low;ratio_high;flagged/);
    expect((await call(service.as('counsellor'), 'GET', '/v1/oversight/exposure?area=Tampere&source=replay')).status).toBe(403);
    const served = await call(planner, 'GET', '/v1/oversight/exposure?area=Tampere');
    expect(served.body).toMatchObject({ source: 'decisions', rankings: expect.any(Number) });
    expect(served.body.rankings).toBeGreaterThan(0); // the candidate rankings served by the tests above
    expect((await call(planner, 'GET', '/v1/oversight/exposure?area=Tampere&from=2026-05-01&to=2026-04-01')).body.problems[0].field).toBe('to');
  });

  it('publishes a system card naming the model in use, its evaluation and the oversight routes', async () => {
    const health = (await call(service.withKey(), 'GET', '/health')).body;
    const card = await call(service.withKey(), 'GET', '/v1/about');
    expect(card.status).toBe(200);
    expect(card.body.model.id).toBe(health.embedder.id);
    expect(card.body.evaluation).toMatchObject({ clientToVacancies: { ndcgAt10: expect.any(Number) }, command: expect.stringContaining('bench:quality') });
    expect(card.body.doesNotDecide.length).toBeGreaterThan(0);
    expect(JSON.stringify(card.body.humanOversight)).toContain('/v1/oversight/exposure');
    expect(card.body.data.settings).toMatchObject({ weights: expect.any(Object) });
  });
});
