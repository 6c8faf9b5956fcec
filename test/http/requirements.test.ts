import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, removeDir, sampleJobseeker, sampleVacancy, build, type RunningService } from '../helpers/service.js';

/** Requirements as data (issue 29): licence classes, languages with level and cards, from fields and from ad text. */
let service: RunningService;
let url: Caller;

interface Hit {
  id: string;
  gates: Record<'language' | 'licence' | 'cards' | 'workingTime', string>;
  parts: { essential: number | null };
  missingSkills: { uri: string }[];
  notes?: string[];
}

const seekers = [
  sampleJobseeker('JS-NONE', { drivingLicences: [], languageLevels: [{ code: 'fi', level: 'native' }, { code: 'sv', level: 'basic' }], cards: [] }),
  sampleJobseeker('JS-B', { drivingLicences: ['B'], languageLevels: [{ code: 'fi', level: 'native' }, { code: 'sv', level: 'good' }], cards: ['hygiene-passport'] }),
  sampleJobseeker('JS-SILENT', { languages: [] }),
];

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  url = service.as('admin');
  for (const s of seekers) expect((await call(url, 'PUT', `/v1/jobseekers/${s.id}`, s)).status).toBe(201);
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const put = async (id: string, overrides: Record<string, unknown>) => {
  const response = await call(url, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id, overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};
const gatesOf = async (vacancy: string) => {
  const hits = (await call(url, 'GET', `/v1/vacancies/${vacancy}/candidates?k=10&failedGates=ranked`)).body.hits as Hit[];
  return Object.fromEntries(hits.map((h) => [h.id, h.gates]));
};

describe('requirements written in the ad text', () => {
  it('"Edellytämme B-ajokorttia" requires class B: failed without one, passed with B, unknown when not stated', async () => {
    const v = await put('R-LICENCE', { description: 'Konepaja hakee hitsaajaa. Edellytämme B-ajokorttia.' });
    expect(v.normalized.requirements.licences).toEqual([expect.objectContaining({ class: 'B', required: true })]);
    const gates = await gatesOf('R-LICENCE');
    expect([gates['JS-NONE']!.licence, gates['JS-B']!.licence, gates['JS-SILENT']!.licence]).toEqual(['fail', 'pass', 'unknown']);
    // Ranked by default, the one failing the licence comes after those that do not.
    const order = ((await call(url, 'GET', '/v1/vacancies/R-LICENCE/candidates?k=10')).body.hits as Hit[]).map((h) => h.id);
    expect(order.indexOf('JS-NONE')).toBeGreaterThan(order.indexOf('JS-B'));
  });

  it('"Goda kunskaper i svenska krävs" requires Swedish at good: basic fails, good passes', async () => {
    const v = await put('R-SWEDISH', { description: 'Verkstaden söker svetsare. Goda kunskaper i svenska krävs.' });
    expect(v.normalized.requirements.languages).toContainEqual(expect.objectContaining({ code: 'sv', level: 'good', required: true }));
    const gates = await gatesOf('R-SWEDISH');
    expect([gates['JS-NONE']!.language, gates['JS-B']!.language, gates['JS-SILENT']!.language]).toEqual(['fail', 'pass', 'unknown']);
  });

  it('"Hygieniapassi on pakollinen" requires the card: a candidate without it fails, with it passes', async () => {
    const v = await put('R-MANDATORY', { description: 'Laskettelukeskuksen ravintola hakee kokkia. Hygieniapassi on pakollinen.' });
    expect(v.normalized.requirements.cards).toEqual([expect.objectContaining({ id: 'hygiene-passport', required: true })]);
    const gates = await gatesOf('R-MANDATORY');
    expect([gates['JS-NONE']!.cards, gates['JS-B']!.cards, gates['JS-SILENT']!.cards]).toEqual(['fail', 'pass', 'unknown']);
  });

  it('"finska är en merit" after a required language is an advantage: no gate for Finnish', async () => {
    const v = await put('R-MERIT', { description: 'Hälsostationen söker en sjukskötare. Goda kunskaper i svenska krävs, finska är en merit.' });
    expect(v.normalized.requirements.languages).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'sv', required: true }), expect.objectContaining({ code: 'fi', required: false })]),
    );
  });

  it('"Körkort krävs inte" makes no requirement', async () => {
    const v = await put('R-NOT', { description: 'Verkstaden söker svetsare. Körkort krävs inte.' });
    expect(v.normalized.requirements.licences).toEqual([]);
    expect(Object.values(await gatesOf('R-NOT')).map((g) => g.licence)).toEqual(['pass', 'pass', 'pass']);
  });

  it('a card the text requires is a gate; the old boolean reads as class B', async () => {
    await put('R-CARD', { description: 'Ravintola hakee kokkia. Hygieniapassi on edellytys.', drivingLicenceRequired: true });
    const gates = await gatesOf('R-CARD');
    expect([gates['JS-NONE']!.cards, gates['JS-B']!.cards, gates['JS-SILENT']!.cards]).toEqual(['fail', 'pass', 'unknown']);
    expect(gates['JS-B']!.licence).toBe('pass');
  });
});

describe('skills are concepts or notes, never sentences', () => {
  it('an ad sentence in the skill list is read, not stored as one skill', async () => {
    const v = await put('R-SENTENCE', { skills: ['MIG-hitsaus', 'Edellytämme hyvää suomen kielen taitoa ja C-ajokorttia'] });
    expect(v.normalized.essential.map((s: { uri: string }) => s.uri).filter((u: string) => u.startsWith('text:'))).toEqual([]);
    expect(v.normalized.requirements.licences).toContainEqual(expect.objectContaining({ class: 'C', required: true }));
    expect(v.normalized.requirements.languages).toContainEqual(expect.objectContaining({ code: 'fi', level: 'good', required: true }));
  });

  it('a free-text skill is a note: not in the essential share and never missing', async () => {
    await put('R-NOTE', { skills: ['text:lääkeh'], description: 'Konepaja hakee hitsaajaa.' });
    const hits = (await call(url, 'GET', '/v1/jobseekers/JS-B/matches?k=20&failedGates=ranked')).body.hits as Hit[];
    const hit = hits.find((h) => h.id === 'R-NOTE')!;
    expect(hit.notes).toEqual(['lääkeh']);
    expect(hit.parts.essential).toBeNull();
    expect(hit.missingSkills).toEqual([]);
  });
});

describe('bad requirement values', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['unknown licence class', 'vacancies', { drivingLicences: ['B', 'X'] }, 'drivingLicences.1'],
    ['unknown language level', 'vacancies', { languageRequirements: [{ code: 'sv', level: 'perfect' }] }, 'languageRequirements.0.level'],
    ['unknown card', 'vacancies', { cards: ['magic-card'] }, 'cards.0'],
    ['unknown licence class (jobseeker)', 'jobseekers', { drivingLicences: ['Z'] }, 'drivingLicences.0'],
    ['unknown language level (jobseeker)', 'jobseekers', { languageLevels: [{ code: 'fi', level: 'ok' }] }, 'languageLevels.0.level'],
    ['unknown card (jobseeker)', 'jobseekers', { cards: ['hygienepass'] }, 'cards.0'],
  ];
  it.each(cases)('%s: 400 naming the field, nothing changed', async (_name, kind, overrides, field) => {
    const id = kind === 'vacancies' ? 'R-LICENCE' : 'JS-B';
    const before = (await call(url, 'GET', `/v1/${kind}/${id}`)).body;
    const base = kind === 'vacancies' ? sampleVacancy(id) : seekers[1]!;
    const response = await call(url, 'PUT', `/v1/${kind}/${id}`, { ...base, ...overrides });
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect((await call(url, 'GET', `/v1/${kind}/${id}`)).body).toEqual(before);
  });
});
