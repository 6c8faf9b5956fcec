import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDir, sampleJobseeker, sampleVacancy, build, SHARED_ESCO, type RunningService } from '../helpers/service.js';

let service: RunningService;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('taxonomy routes (ESCO + local extension, the default)', () => {
  it('searches skills in the requested language, inflected queries included', async () => {
    const sv = await call(service.as('planner'), 'GET', '/v1/taxonomy/skills?q=svets&lang=sv');
    expect(sv.status).toBe(200);
    expect(sv.body.items.map((i: { label: string }) => i.label)).toEqual(expect.arrayContaining(['använda svetsutrustning', 'utföra MIG-svetsning']));
    const fi = await call(service.as('counsellor'), 'GET', '/v1/taxonomy/skills?q=trukkikortin&lang=fi');
    expect(fi.body.items[0].label).toBe('käyttää haarukkatrukkia'); // "trukkikortti" is its local alternative label
  });

  it('searches occupations with their codes and skill counts', async () => {
    const response = await call(service.as('employer-service'), 'GET', '/v1/taxonomy/occupations?q=hitsaaja');
    expect(response.body.items[0]).toMatchObject({ label: 'hitsaaja', iscoGroup: '7212', essentialSkills: 36 });
  });

  it('finds an occupation from a title in another language or wording (shipped model), not only by label words', async () => {
    const search = async (q: string) =>
      (await call(service.as('employer-service'), 'GET', `/v1/taxonomy/occupations?lang=fi&limit=3&${new URLSearchParams({ q })}`)).body.items.map(
        (i: { label: string }) => i.label,
      );
    expect((await search('svetsare'))[0]).toBe('hitsaaja');
    expect((await search('registered nurse'))[0]).toBe('sairaanhoitaja');
  });

  it('extracts skill concepts from text with spans, labelled in the requested language', async () => {
    const text = 'Haemme hitsaajaa: MIG-hitsaus, trukkikortti ja työturvallisuuskortti.';
    const response = await call(service.as('counsellor'), 'POST', '/v1/skills/extract', { text, lang: 'en' });
    expect(response.status).toBe(200);
    const labels = response.body.concepts.map((c: { label: string }) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['perform metal inert gas welding', 'operate forklift', 'occupational safety card']));
    for (const c of response.body.concepts) expect(text.slice(c.start, c.end)).toBe(c.evidence);
  });

  it('suggests skills for a job text, best first', async () => {
    const response = await call(service.as('counsellor'), 'POST', '/v1/skills/extract', {
      text: 'Konepaja hakee hitsaajaa: MIG-hitsaus ja piirustusten lukeminen.',
      suggest: 5,
    });
    expect(response.body.suggested).toHaveLength(5);
    expect(response.body.suggested.slice(0, 3).map((s: { label: string }) => s.label)).toEqual(
      expect.arrayContaining(['suorittaa MIG-hitsausta', 'lukea tavanomaisia piirustuksia']),
    );
  });

  it('answers 400 naming the parameter for a bad query', async () => {
    const response = await call(service.as('planner'), 'GET', '/v1/taxonomy/skills?q=&lang=de');
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['lang', 'q']);
  });
});

describe('explained matches over taxonomy concepts', () => {
  it('matches a Swedish CV to a Finnish vacancy through shared concepts, labelled in the asked language', async () => {
    const admin = service.as('admin');
    await call(admin, 'PUT', '/v1/vacancies/FI-1', sampleVacancy('FI-1', {
      skills: ['MIG-hitsaus', 'trukkikortti'],
      optionalSkills: ['tulityökortti'],
      languages: ['fi'],
      drivingLicenceRequired: true,
    }));
    await call(admin, 'PUT', '/v1/jobseekers/SV-1', sampleJobseeker('SV-1', {
      title: 'svetsare',
      summary: 'Erfaren svetsare med MIG-svetsning och truckkort.',
      skills: ['MIG-svetsning', 'truckkort'],
      languages: ['sv'],
      drivingLicence: false,
    }));
    const hits = (await call(service.as('counsellor'), 'GET', '/v1/jobseekers/SV-1/matches?k=5&lang=sv')).body.hits;
    const hit = hits.find((h: { id: string }) => h.id === 'FI-1');
    expect(hit.parts).toMatchObject({ essential: 1, optional: 0 });
    expect(hit.matchedSkills.map((s: { label: string }) => s.label).sort()).toEqual(['köra gaffeltruck', 'utföra MIG-svetsning']);
    expect(hit.missingSkills).toEqual([{ uri: 'urn:kohtaanto:local:skill:hot-work-card', label: 'heta arbeten-kort', importance: 'optional' }]);
    // Hard requirements are shown, not scored: the vacancy wants Finnish and a driving licence.
    expect(hit.gates).toEqual({ language: 'fail', licence: 'fail', cards: 'pass', workingTime: 'pass', commute: 'pass' });
  });

  it('ranks a vacancy higher when the jobseeker gains a missing essential skill', async () => {
    const admin = service.as('admin');
    for (const [id, skills] of [['R-1', ['Python', 'SQL', 'React']], ['R-2', ['Python', 'SQL']]] as const) {
      await call(admin, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id, { title: 'ohjelmistokehittäjä', description: 'Ohjelmistokehittäjä Tampereelle.', skills }));
    }
    const seeker = (skills: string[]) => sampleJobseeker('DEV', { title: 'ohjelmistokehittäjä', summary: 'Ohjelmistokehittäjä.', skills });
    await call(admin, 'PUT', '/v1/jobseekers/DEV', seeker(['Python', 'SQL']));
    const rank = async () => {
      const hits = (await call(admin, 'GET', '/v1/jobseekers/DEV/matches?k=50')).body.hits as { id: string; score: number }[];
      const at = (id: string) => hits.findIndex((h) => h.id === id);
      return { r1: at('R-1'), r2: at('R-2'), score: hits[at('R-1')]!.score };
    };
    const before = await rank();
    expect(before.r2).toBeLessThan(before.r1); // R-2's essentials are all covered, R-1 misses React
    await call(admin, 'PUT', '/v1/jobseekers/DEV', seeker(['Python', 'SQL', 'React']));
    const after = await rank();
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.r1).toBeLessThan(before.r1);
  });
});

describe.skipIf(!existsSync(SHARED_ESCO))('the service on the official ESCO export', () => {
  it("derives a vacancy's essential skills from its ESCO occupation and explains matches with ESCO labels", async () => {
    // The lexical embedder: with the model, embedding ESCO's ~80,000 labels is ~30 s of the suite's time
    // (the model on the full export is measured by npm run bench:quality and bench:model).
    const esco = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_TAXONOMY_DIR: SHARED_ESCO, KOHTAANTO_TAXONOMY_EXTENSION: '', KOHTAANTO_EMBEDDER: 'lexical' } });
    try {
      const admin = esco.as('admin');
      const health = (await call(esco.withKey(), 'GET', '/health')).body;
      expect(health.taxonomy).toMatchObject({ skills: 13_896, occupations: 3_007, languages: ['en', 'fi', 'sv'] });
      const put = await call(admin, 'PUT', '/v1/vacancies/W-1', {
        ...sampleVacancy('W-1', { skills: [], occupation: 'welder' }),
        description: 'Welder for a steel workshop.',
      });
      expect(put.body.normalized.essential.length).toBeGreaterThan(5);
      await call(admin, 'PUT', '/v1/jobseekers/E-1', sampleJobseeker('E-1', { title: 'welder', summary: 'Welder: join metals, use welding equipment.', skills: [] }));
      const hit = (await call(admin, 'GET', '/v1/vacancies/W-1/candidates?k=1&lang=fi')).body.hits[0];
      expect(hit.id).toBe('E-1');
      expect(hit.matchedSkills.map((s: { label: string }) => s.label)).toEqual(expect.arrayContaining(['liittää metalleja']));
      expect(hit.parts.essential).toBeGreaterThan(0);
    } finally {
      await esco.stop();
      removeDir(esco.dataDir);
    }
  });
});
