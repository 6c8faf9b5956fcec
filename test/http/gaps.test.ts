import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDir, build, type Caller, type RunningService, CURATED_TEST_TAXONOMY } from '../helpers/service.js';
import { ADMIN } from '../helpers/service.js';
import { regions } from '../../src/core/regions/regions.js';

let service: RunningService;
let counsellor: Caller;
const TODAY = new Date().toISOString().slice(0, 10);

interface GapSkill {
  uri: string;
  label: string;
  uplift: number;
  suitableWith: number;
  demand: number;
  trainings: { id: string; covers: { uri: string }[]; nextStart: string | null; explanation: string }[];
  explanation: string;
}

beforeAll(async () => {
  // The curated test double: these assertions name its concepts and titles (to be rewritten for ESCO, issue 29).
  service = await build({ env: CURATED_TEST_TAXONOMY }); // fixtures: vacancies, jobseekers and the training catalogue
  counsellor = service.as('counsellor');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

interface Hit {
  score: number;
  parts: { occupation: number | null; essential: number | null };
  gates: Record<string, string>;
}

/** A fixture client whose report has a skill that opens vacancies. */
async function clientWithGap(): Promise<{ id: string; report: any }> {
  for (let n = 1; n <= 60; n++) {
    const id = `JS-${String(n).padStart(6, '0')}`;
    const response = await call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps?reach=region`);
    if (response.status === 200 && response.body.skills.some((s: GapSkill) => s.uplift > 0)) return { id, report: response.body };
  }
  throw new Error('no fixture client with a gap');
}

describe('training catalogue', () => {
  it('ships a few hundred fixture trainings normalised to the skills they teach', async () => {
    const all = (await call(counsellor, 'GET', '/v1/trainings')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(250);
    const forklift = (await call(counsellor, 'GET', '/v1/trainings?skill=urn:kohtaanto:skill:forklift')).body.items;
    expect(forklift.length).toBeGreaterThan(0);
    for (const t of forklift) expect(t.normalized.skills.map((s: { uri: string }) => s.uri)).toContain('urn:kohtaanto:skill:forklift');
  });

  it('is managed by planners and admins, read by everyone', async () => {
    const training = {
      id: 'T-NEW',
      title: 'Hitsauksen täsmäkoulutus',
      description: 'MIG-hitsaus ja TIG-hitsaus konepajatyöhön.',
      provider: 'Ammattiopisto Virta',
      kind: 'vocational',
      municipality: 'Tampere',
      durationDays: 40,
      startDates: ['2027-01-15'],
      cost: 0,
      skills: ['MIG-hitsaus', 'TIG-hitsaus'],
    };
    expect((await call(counsellor, 'PUT', '/v1/trainings/T-NEW', training)).status).toBe(403);
    const created = await call(service.as('planner'), 'PUT', '/v1/trainings/T-NEW', training);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ municipality: '837', region: '06', online: false });
    expect((await call(service.as('employer-service'), 'GET', '/v1/trainings/T-NEW')).status).toBe(200);
    expect((await call(service.as('planner'), 'DELETE', '/v1/trainings/T-NEW')).status).toBe(204);
    expect((await call(counsellor, 'GET', '/v1/trainings/T-NEW')).status).toBe(404);
  });

  it('imports CSV in bulk, atomically, naming the line and field of each problem', async () => {
    const header = 'id,title,description,provider,kind,municipality,online,durationDays,startDates,cost,language,skills';
    const good = 'CSV-1,Trukkikorttikoulutus,Trukin ajo ja turvallisuus.,Koulutuskeskus Polku,licence,Oulu,false,2,2027-01-10;2027-02-10,240,fi,trukkikortti';
    const bad = 'CSV-2,Verkkokurssi,Hygienia.,Koulutuskeskus Polku,licence,,maybe,1,,-5,fi,hygieniapassi';
    const planner = service.as('planner');
    const rejected = await call(planner, 'POST', '/v1/trainings/bulk', [header, good, bad].join('\n'), { 'content-type': 'text/csv' });
    expect(rejected.status).toBe(400);
    expect(rejected.body.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`).sort()).toEqual(['3:cost', '3:online']);
    expect((await call(planner, 'GET', '/v1/trainings/CSV-1')).status).toBe(404);
    const accepted = await call(planner, 'POST', '/v1/trainings/bulk', [header, good].join('\n'), { 'content-type': 'text/csv' });
    expect(accepted.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const again = await call(planner, 'POST', '/v1/trainings/bulk', [header, good].join('\n'), { 'content-type': 'text/csv' });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await call(planner, 'GET', '/v1/trainings/CSV-1')).body.startDates).toEqual(['2027-01-10', '2027-02-10']);
  });

  it('refuses a training that is neither somewhere nor online', async () => {
    const response = await call(service.as('admin'), 'PUT', '/v1/trainings/T-X', {
      id: 'T-X', title: 'x', description: 'x', provider: 'x', durationDays: 1, cost: 0, skills: ['x'],
    });
    expect(response.status).toBe(400);
    expect(response.body.problems[0].field).toBe('municipality');
  });
});

describe('GET /v1/jobseekers/:id/gaps', () => {
  it('ranks missing skills by the vacancies they open, with trainings that teach them', async () => {
    const { report } = await clientWithGap();
    expect(report.area.reach).toBe('region');
    // Skills that open vacancies alone first, then those opening them together with others; each part by uplift.
    const skills = report.skills as (GapSkill & { together?: unknown[] })[];
    for (const part of [skills.filter((s) => !s.together), skills.filter((s) => s.together)]) {
      for (let i = 1; i < part.length; i++) expect(part[i - 1]!.uplift).toBeGreaterThanOrEqual(part[i]!.uplift);
    }
    expect(skills.findIndex((s) => s.together) === -1 || skills.slice(skills.findIndex((s) => s.together)).every((s) => s.together)).toBe(true);
    for (const s of skills) {
      expect(s.suitableWith - s.uplift).toBe(report.suitableNow);
      for (const t of s.trainings) {
        expect(t.covers.map((c) => c.uri)).toContain(s.uri);
        if (t.nextStart) expect(t.nextStart >= TODAY).toBe(true);
      }
    }
    expect(skills[0]!.explanation).toContain(skills[0]!.label);
    // Occupations within reach: only plausible moves to work the client does not practically hold already
    // (issue 29: not their own occupation nor its ISCO unit group, which the match counts as their own), so
    // often none — on this taxonomy, where each unit group holds one occupation, the fixtures' first
    // clients with a gap were offered their own occupation before.
    expect(report.targets.length).toBeLessThanOrEqual(5);
    for (const t of report.targets) expect(t.similarity).toBeGreaterThanOrEqual(0.3);
  });

  it('proves the uplift: with the skill added, the match endpoint returns at least that many more suitable vacancies', async () => {
    const { id, report } = await clientWithGap();
    const best = (report.skills as GapSkill[])[0]!;
    expect(best.uplift).toBeGreaterThan(0);
    const area = report.area.region ? `region=${report.area.region}` : `municipality=${report.area.municipality}`;
    const suitable = async () =>
      // Suitable vacancies in the client's line of work (occupation unknown, or the same ISCO minor group at least):
      // score at the line and most essential skills covered.
      // No hard requirement failing, the commuting range included (issue 29: beyond it a vacancy is not suitable).
      ((await call(counsellor, 'GET', `/v1/jobseekers/${id}/matches?k=${report.considered}&${area}`)).body.hits as Hit[]).filter(
        (h) =>
          h.score >= report.threshold &&
          (h.parts.essential === null || h.parts.essential >= 0.75) &&
          (h.parts.occupation === null || h.parts.occupation >= 0.5) &&
          !Object.values(h.gates).includes('fail'),
      ).length;
    expect(await suitable()).toBe(report.suitableNow);
    const profile = (await call(counsellor, 'GET', `/v1/jobseekers/${id}`)).body;
    const { normalized: _n, region: _r, createdAt: _c, updatedAt: _u, ...input } = profile;
    // A language is counted as a language the client works in (it meets a vacancy's language requirement).
    const language = (best as GapSkill & { language?: string }).language;
    const languages = language ? [...input.languages, language] : input.languages;
    await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, { ...input, languages, skills: [...input.skills, best.label] });
    expect(await suitable()).toBeGreaterThanOrEqual(report.suitableNow + best.uplift);
    await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, input);
  });

  it('explains in Finnish, Swedish or English', async () => {
    const { id } = await clientWithGap();
    const texts = await Promise.all(
      (['fi', 'sv', 'en'] as const).map(async (lang) => (await call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps?lang=${lang}`)).body.skills[0].explanation as string),
    );
    expect(texts[0]).toMatch(/sopivia työpaikkoja olisi/);
    expect(texts[1]).toMatch(/skulle \d+ jobb passa/);
    expect(texts[2]).toMatch(/\d+ vacanc(y|ies) would fit/);
  });

  it('gives the gap to one vacancy with trainings for each missing skill', async () => {
    const { id } = await clientWithGap();
    // A vacancy within the client's commuting range (trainings are offered within it, or online).
    const hit = (await call(counsellor, 'GET', `/v1/jobseekers/${id}/matches?k=20`)).body.hits.find(
      (h: { missingSkills: unknown[]; gates: { commute: string } }) => h.missingSkills.length > 0 && h.gates.commute !== 'fail',
    );
    const gap = await call(counsellor, "GET", `/v1/jobseekers/${id}/gaps?vacancy=${hit.id}&reach=region`);
    expect(gap.status).toBe(200);
    expect(gap.body.score).toBe(hit.score);
    expect(gap.body.missingSkills.map((s: { uri: string }) => s.uri)).toEqual(hit.missingSkills.map((s: { uri: string }) => s.uri));
    expect(gap.body.missingSkills.some((s: { trainings: unknown[] }) => s.trainings.length > 0)).toBe(true);
  });

  it('is for counsellors: employer services and planners are refused', async () => {
    expect((await call(service.as('employer-service'), 'GET', '/v1/jobseekers/JS-000001/gaps')).status).toBe(403);
    expect((await call(service.as('planner'), 'GET', '/v1/jobseekers/JS-000001/gaps')).status).toBe(403);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/JS-000001/gaps?reach=galaxy')).status).toBe(400);
  });
});

describe('believable advice (issue 29, part 4)', () => {
  interface Offer { id: string; title: string; kind?: string; durationDays: number; online: boolean; distanceKm: number; reason?: string }
  const PROGRAMMES = ['vocational-qualification', 'further-vocational', 'specialist-vocational', 'apprenticeship', 'degree-programme', 'vocational'];
  const put = async (kind: 'jobseekers' | 'vacancies' | 'trainings', record: { id: string }) => {
    const who = kind === 'trainings' ? service.as('planner') : kind === 'vacancies' ? service.as('employer-service') : counsellor;
    const response = await call(who, 'PUT', `/v1/${kind}/${record.id}`, record);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  };
  const offers = (report: { skills: { trainings: Offer[] }[] }) => report.skills.flatMap((s) => s.trainings);

  beforeAll(async () => {
    // An experienced registered nurse in Tampere who documents nothing in her profile: kirjaaminen is her gap.
    await put('jobseekers', {
      id: 'ADV-NURSE',
      title: 'Sairaanhoitaja',
      summary: 'Sairaanhoitaja, 14 vuoden kokemus sisätautien osastolta. Osaan potilashoidon ja lääkehoidon.',
      occupation: '2221',
      skills: ['potilashoito', 'lääkehoito'],
      municipality: 'Tampere',
      languages: ['fi'],
      educationLevel: 'bachelor',
    } as never);
    // Physician education sold as labour-market training, near her and teaching what she misses: never offered.
    await put('trainings', {
      id: 'ADV-GP',
      title: 'yleislääkäri – ammatillinen työvoimakoulutus',
      description: 'Koulutus tehtävään yleislääkäri.',
      provider: 'Koulutuskeskus Polku',
      kind: 'vocational',
      municipality: 'Tampere',
      durationDays: 120,
      cost: 0,
      skills: ['potilashoito', 'lääkehoito', 'kirjaaminen'],
    } as never);
    await put('jobseekers', { id: 'ADV-SERVICE', title: 'Asiakaspalvelija', summary: 'Asiakaspalvelija, viisi vuotta kaupan alalta.', skills: ['asiakaspalvelu'], municipality: 'Tampere', languages: ['fi'] } as never);
    await put('vacancies', {
      id: 'ADV-BILINGUAL',
      title: 'Asiakaspalvelija, kaksikielinen palvelu',
      description: 'Palvelemme asiakkaita suomeksi ja ruotsiksi puhelimessa. Tulkkaus asiakastapaamisissa kuuluu tehtäviin.',
      skills: ['asiakaspalvelu', 'ruotsin kieli', 'puhelinmyynti', 'tulkkaus'],
      municipality: 'Tampere',
    } as never);
    // A programme near the client teaching Swedish with the other missing skills: it covers more, yet the language course comes first.
    await put('trainings', {
      id: 'ADV-PROGRAMME',
      title: 'Myynnin ja asiakaspalvelun koulutusohjelma',
      description: 'Puhelinmyynti, ruotsin kieli ja asiakaspalvelu.',
      provider: 'Ammattiopisto Virta',
      kind: 'vocational',
      municipality: 'Tampere',
      durationDays: 150,
      cost: 4000,
      skills: ['ruotsin kieli', 'puhelinmyynti', 'asiakaspalvelu'],
    } as never);
    // Interpreting taught in Turku (about 150 km from Tampere, not online) and online.
    for (const [id, where] of [['ADV-FAR', { municipality: 'Turku' }], ['ADV-ONLINE', { online: true }]] as const) {
      await put('trainings', {
        id, title: 'Asioimistulkkauksen täydennyskoulutus', description: 'Tulkkaus asiakastilanteissa.', provider: 'Aikuisopisto Verso',
        kind: 'other', ...where, durationDays: 10, cost: 900, skills: ['tulkkaus'],
      } as never);
    }
  });

  it('does not offer the experienced nurse missing only kirjaaminen a nurse programme, and offers a short course first', async () => {
    const report = (await call(counsellor, 'GET', '/v1/jobseekers/ADV-NURSE/gaps?reach=region')).body;
    const documentation = report.skills.find((s: GapSkill) => s.uri === 'urn:kohtaanto:skill:documentation');
    expect(documentation, JSON.stringify(report.skills.map((s: GapSkill) => s.label))).toBeDefined();
    const first = documentation.trainings[0] as Offer;
    expect(PROGRAMMES).not.toContain(first.kind);
    expect(first.durationDays).toBeLessThan(60);
    expect(first.reason).toBe('short-course');
    const nursePrograms = offers(report).filter((t) => PROGRAMMES.includes(t.kind!) && /sairaanhoitaja|sjuksköterska|registered nurse/i.test(t.title));
    expect(nursePrograms).toEqual([]);
  });

  it('never offers physician education', async () => {
    const reports = [(await call(counsellor, 'GET', '/v1/jobseekers/ADV-NURSE/gaps?reach=country')).body];
    for (let n = 1; n <= 40; n++) {
      const response = await call(service.as('admin'), 'GET', `/v1/jobseekers/JS-${String(n).padStart(6, '0')}/gaps`);
      if (response.status === 200) reports.push(response.body);
    }
    const titles = reports.flatMap((r) => offers(r).map((t) => t.title));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((t) => /lääkäri|läkare|physician|practitioner/i.test(t))).toEqual([]);
  });

  it('answers a missing language with the language-for-work course first', async () => {
    const gap = (await call(counsellor, 'GET', '/v1/jobseekers/ADV-SERVICE/gaps?vacancy=ADV-BILINGUAL')).body;
    const swedish = gap.missingSkills.find((s: { uri: string }) => s.uri === 'urn:kohtaanto:skill:swedish');
    const first = swedish.trainings[0] as Offer;
    expect(first.title).toMatch(/^(Työelämän ruotsi|Svenska i arbetslivet)$/);
    expect(first.reason).toBe('language-for-work');
  });

  it('offers a client in Tampere no training 150 km away that is not online', async () => {
    expect(regions.distanceKm('837', '853')).toBeGreaterThan(120);
    const gap = (await call(counsellor, 'GET', '/v1/jobseekers/ADV-SERVICE/gaps?vacancy=ADV-BILINGUAL')).body;
    const interpreting = gap.missingSkills.find((s: { uri: string }) => s.uri === 'urn:kohtaanto:skill:interpreting');
    const ids = interpreting.trainings.map((t: Offer) => t.id);
    expect(ids).toContain('ADV-ONLINE');
    expect(ids).not.toContain('ADV-FAR');
    for (const t of gap.missingSkills.flatMap((s: { trainings: Offer[] }) => s.trainings)) expect(t.online || t.distanceKm <= 60).toBe(true);
  });

  it('never leads with a skill that opens no vacancy, and lists those only when asked', async () => {
    let zeros = 0;
    for (let n = 1; n <= 40; n++) {
      const id = `JS-${String(n).padStart(6, '0')}`;
      const report = await call(service.as('admin'), 'GET', `/v1/jobseekers/${id}/gaps`);
      if (report.status !== 200) continue;
      for (const s of report.body.skills as GapSkill[]) expect(s.uplift, id).toBeGreaterThan(0);
      const all = (await call(service.as('admin'), 'GET', `/v1/jobseekers/${id}/gaps?includeZero=true`)).body.skills as GapSkill[];
      zeros += all.filter((s) => s.uplift <= 0).length;
      if (all.some((s) => s.uplift > 0)) expect(all[0]!.uplift).toBeGreaterThan(0);
    }
    expect(zeros).toBeGreaterThan(0);
  });

  it('tells a client the skills a vacancy within reach needs together, and nothing for vacancies beyond the range', async () => {
    // A carpenter in Enontekiö (rural: 60 road km): the carpenter job in Enontekiö needs drawings and
    // concrete work and woodwork, which she lacks (one alone leaves her at 3 of 5 essential skills, short
    // of suitable); the one in Kittilä (~127 road km) needs only scaffolding, but she commutes no further than 60 km.
    // Enontekiö is another employment area than the test counsellor's: the admin writes and reads.
    const admin = service.as('admin');
    const write = async (kind: string, record: { id: string }) => expect((await call(admin, 'PUT', `/v1/${kind}/${record.id}`, record)).status).toBeLessThan(300);
    await write('jobseekers', {
      id: 'ADV-CARPENTER', title: 'Kirvesmies', occupation: '7115', summary: 'Kirvesmies, puurakentaminen ja muottityöt.',
      skills: ['kirvesmiestyö', 'työturvallisuuskortti'], municipality: 'Enontekiö', languages: ['fi'], workingTime: 'any',
    } as never);
    await write('vacancies', {
      id: 'ADV-CARP-NEAR', title: 'Kirvesmies', occupation: '7115', description: 'Rakennamme lomakyliä Enontekiöllä.',
      skills: ['kirvesmiestyö', 'työturvallisuuskortti', 'piirustusten lukeminen', 'betonityö', 'puutyö'], municipality: 'Enontekiö',
    } as never);
    await write('vacancies', {
      id: 'ADV-CARP-FAR', title: 'Kirvesmies', occupation: '7115', description: 'Hotellityömaa Levillä.',
      skills: ['kirvesmiestyö', 'työturvallisuuskortti', 'telinetyö'], municipality: 'Kittilä',
    } as never);
    const hits = (await call(admin, 'GET', '/v1/jobseekers/ADV-CARPENTER/matches?k=50&region=19')).body.hits;
    const near = hits.find((h: { id: string }) => h.id === 'ADV-CARP-NEAR');
    expect(near.gates.commute).toBe('pass');
    expect(near.parts.essential).toBeLessThan(0.75);
    expect(hits.find((h: { id: string }) => h.id === 'ADV-CARP-FAR').gates.commute).toBe('fail');
    const report = (await call(admin, 'GET', '/v1/jobseekers/ADV-CARPENTER/gaps?reach=region')).body;
    const listed = (report.skills as (GapSkill & { together?: { label: string }[] })[]).map((s) => s.label);
    expect(listed).toEqual(expect.arrayContaining(['piirustusten lukeminen', 'betonityö']));
    expect(listed).not.toContain('telinetyö');
    const drawings = report.skills.find((s: GapSkill) => s.label === 'piirustusten lukeminen');
    expect(drawings.uplift).toBeGreaterThan(0);
    expect(drawings.together.map((t: { label: string }) => t.label)).toContain('betonityö');
  });

  it('lists as within reach only occupations the nurse could plausibly move to', async () => {
    const report = (await call(counsellor, 'GET', '/v1/jobseekers/ADV-NURSE/gaps?reach=country')).body;
    for (const t of report.targets) expect(t.similarity).toBeGreaterThanOrEqual(0.3);
    expect(report.targets.map((t: { label: string }) => t.label).join()).not.toMatch(/luokanopettaja|markkinointi|ohjelmisto/i);
  });
});

describe('referrals', () => {
  it('records a referral with its counsellor, lists it, exports it, and keeps only an anonymous count after erasure', async () => {
    const saved = await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: 'JS-000072', trainingId: 'T-0003', reason: 'Trukkikortti avaa varastotyöt.' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ jobseekerId: 'JS-000072', trainingId: 'T-0003', counsellor: 'test counsellor' });
    expect((await call(counsellor, 'GET', '/v1/jobseekers/JS-000072/referrals')).body.items).toHaveLength(1);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/JS-000072/export')).body.referrals).toHaveLength(1);
    expect((await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: 'JS-000072', trainingId: 'NOPE' })).status).toBe(404);
    // A client of another employment area (JS-000002 lives in Närpes) is not this counsellor's to refer.
    const other = await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: 'JS-000002', trainingId: 'T-0003' });
    expect(other.status).toBe(404); // as an id no one has (issue 28, L8)
    expect(other.body.message).toMatch(/^no jobseeker 'JS-000002' in your employment area/);
    expect((await call(counsellor, 'DELETE', '/v1/jobseekers/JS-000072')).status).toBe(204);
    await expect(service.engine.personalData.export(ADMIN, 'JS-000072')).rejects.toThrow(/does not exist/);
  });
});
