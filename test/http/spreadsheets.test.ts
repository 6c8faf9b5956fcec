import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsTable, headerFields } from '../../src/core/imports/tabular.js';
import { call, type Caller, removeDir, ROOT, sampleJobseeker, sampleVacancy, startService, type RunningService } from '../helpers/service.js';

/**
 * Spreadsheets both ways (issue 31, item 4): every column docs/imports.md and docs/csv-columns.md name is
 * read, Finnish and Swedish values as people type them, bad cells answered by line and column in the
 * user's language with nothing stored, and exports Excel in Finland opens (BOM, `;`, headers in the
 * page's language) that import back to the same records.
 */
let service: RunningService;
let admin: Caller;
let counsellor: Caller;

beforeAll(async () => {
  service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  admin = service.as('admin');
  counsellor = service.as('counsellor');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const IMPORTS = readFileSync(join(ROOT, 'docs', 'imports.md'), 'utf8');
const DOC = readFileSync(join(ROOT, 'docs', 'csv-columns.md'), 'utf8');

/** The column names docs/imports.md gives as examples: the backticked names between "e.g." and "(every column". */
function exampleColumnNames(): string[] {
  const start = IMPORTS.indexOf('column names in Finnish, Swedish or English, e.g.');
  const end = IMPORTS.indexOf('(every column and value', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return [...IMPORTS.slice(start, end).matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((n) => n !== ';' && n !== '|');
}

async function postCsv(caller: Caller, kind: string, csv: string | Uint8Array, headers: Record<string, string> = {}) {
  const response = await fetch(`${service.url}/v1/${kind}/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${caller.key}`, 'content-type': 'text/csv', ...headers },
    body: csv as BodyInit,
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function getCsv(caller: Caller, path: string) {
  const response = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${caller.key}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), bytes, text: new TextDecoder().decode(bytes) };
}

describe('CSV columns as the docs list them', () => {
  it('reads every column name docs/imports.md gives, for the kinds that have the field', () => {
    const names = exampleColumnNames();
    expect(names).toEqual(expect.arrayContaining(['kuvaus', 'tiivistelmä', 'kunta', 'kommun', 'sähköposti']));
    for (const name of names) {
      const read = ['vacancies', 'jobseekers'].filter((kind) => headerFields(kind as 'vacancies', [name]).unknown.length === 0);
      expect([name, read.length > 0]).toEqual([name, true]);
    }
    // The description column reads in both kinds (a vacancy's description, a client's summary).
    expect(headerFields('jobseekers', ['kuvaus', 'tiivistelmä']).fields).toEqual(['summary', undefined].map(() => 'summary'));
    expect(headerFields('vacancies', ['kuvaus']).fields).toEqual(['description']);
  });

  it('docs/csv-columns.md is the table of the code, every name of every kind', () => {
    for (const kind of ['vacancies', 'jobseekers', 'trainings', 'outcomes'] as const) expect(DOC, kind).toContain(columnsTable(kind));
  });
});

describe('CSV import over HTTP', () => {
  it('reads Finnish and Swedish column names and values: tiivistelmä, suomi/ruotsi, kyllä/nej, 1.3.2026', async () => {
    const fi = [
      'tunnus;nimike;tiivistelmä;osaaminen;kunta;kielet;työaika;ajokortti;muuttohalukas;työtön alkaen;sähköposti',
      'CSV-FI-1;hitsaaja;Kokenut hitsaaja.;MIG-hitsaus;Tampere;suomi, ruotsi, englanti;osa-aikainen;kyllä;ei;1.3.2026;a@example.fi',
    ].join('\r\n');
    const created = await postCsv(counsellor, 'jobseekers', fi);
    expect([created.status, created.body]).toEqual([200, { created: 1, updated: 0, unchanged: 0 }]);
    expect((await call(counsellor, 'GET', '/v1/jobseekers/CSV-FI-1')).body).toMatchObject({
      summary: 'Kokenut hitsaaja.',
      languages: ['fi', 'sv', 'en'],
      workingTime: 'part',
      drivingLicence: true,
      willingToRelocate: false,
      unemployedSince: '2026-03-01',
      contact: { email: 'a@example.fi' },
    });
    const sv = ['id,titel,beskrivning,kompetens,kommun,språk,arbetstid,körkort,sista ansökningsdag', 'CSV-SV-1,svetsare,Verkstaden söker en svetsare.,MIG-svetsning,Vasa,svenska;finska,heltid,nej,31.12.2026'].join('\n');
    expect((await postCsv(admin, 'vacancies', sv)).status).toBe(200);
    expect((await call(admin, 'GET', '/v1/vacancies/CSV-SV-1')).body).toMatchObject({ description: 'Verkstaden söker en svetsare.', languages: ['sv', 'fi'], workingTime: 'full', drivingLicenceRequired: false, expiresAt: '2026-12-31' });
  });

  it('answers bad cells 400 with line and column in the user\'s language, and stores nothing of the file', async () => {
    const csv = [
      'tunnus;nimike;tiivistelmä;kunta;ajokortti;työtön alkaen;kielet',
      'CSV-BAD-1;hitsaaja;Hyvä rivi.;Tampere;kyllä;1.3.2026;suomi',
      'CSV-BAD-2;hitsaaja;Huono rivi.;Tampere;kylä;31.2.2026;klingon',
    ].join('\n');
    const sv = await postCsv(counsellor, 'jobseekers', csv, { 'accept-language': 'sv-FI' });
    expect(sv.status).toBe(400);
    expect(sv.body.error).toBe('invalid_input');
    expect(sv.body.problems).toEqual([
      { field: 'drivingLicence', line: 3, message: 'inte ja eller nej: "kylä"' },
      { field: 'unemployedSince', line: 3, message: 'inget datum: "31.2.2026" (skriv t.ex. 1.3.2026)' },
      { field: 'languages', line: 3, message: 'okänt språk "klingon" (skriv t.ex. finska, svenska, engelska eller fi, sv, en)' },
    ]);
    const fi = await postCsv(counsellor, 'jobseekers', csv, { 'accept-language': 'fi' });
    expect(fi.body.problems[0]).toEqual({ field: 'drivingLicence', line: 3, message: 'ei kyllä tai ei: "kylä"' });
    const en = await postCsv(counsellor, 'jobseekers', 'tunnus;nimike;kuvaus;kunta;palkka\nX;y;z;Tampere;1\n');
    expect(en.body.problems).toEqual([expect.objectContaining({ field: 'palkka', line: 1, message: expect.stringContaining('unknown column') })]);
    for (const id of ['CSV-BAD-1', 'CSV-BAD-2', 'X']) expect((await call(counsellor, 'GET', `/v1/jobseekers/${id}`)).status).toBe(404);
    // A field the record's rules refuse: its line and field.
    const refused = await postCsv(counsellor, 'jobseekers', 'tunnus;nimike;tiivistelmä;kunta;työmatka km\nCSV-BAD-3;hitsaaja;x;Tampere;900\n');
    expect(refused.body.problems).toEqual([expect.objectContaining({ field: 'commuteKm', line: 2 })]);
  });

  it("keeps the organisation boundary: another area's clients are refused as in NDJSON", async () => {
    const response = await postCsv(counsellor, 'jobseekers', 'tunnus;nimike;tiivistelmä;kunta\nCSV-HKI;hitsaaja;x;Helsinki\n');
    expect(response.status).toBe(403);
    expect((await call(admin, 'GET', '/v1/jobseekers/CSV-HKI')).status).toBe(404);
  });
});

describe('CSV export for Excel in Finland', () => {
  const JOBSEEKERS = [
    { ...sampleJobseeker('RT-1'), name: 'Åsa Öhman', occupation: '7212', educationLevel: 'upper-secondary', remote: true, workingTime: 'part', drivingLicence: true, commuteKm: 45,
      wishedMunicipalities: ['Nokia', 'Ylöjärvi'], willingToRelocate: false, unemployedSince: '2025-11-03', contact: { email: 'asa@example.fi', phone: '+358 40 123 4567' },
      summary: 'Hitsaaja; "MIG" ja TIG.\nToinen rivi.', languages: ['fi', 'sv'], cards: ['hot-work'], languageLevels: [{ code: 'sv', level: 'fluent' }], gender: 'female', birthYear: 1980, motherTongue: 'sv' },
    sampleJobseeker('RT-2', { title: '=HYPERLINK("x")', skills: ['siivous', 'lastenhoito'], status: 'inactive' }),
  ];
  const VACANCIES = [
    sampleVacancy('RT-V1', { employer: 'Konepaja Oy', positions: 3, expiresAt: '2027-01-31', startDate: '2026-12-01', salary: '2 800 €/kk', workingTime: 'part', employment: 'fixed-term',
      languageRequirements: [{ code: 'fi', level: 'good', required: true }, { code: 'en', level: 'basic', required: false }], drivingLicences: ['B', 'C'], optionalSkills: ['TIG-hitsaus'], remote: false }),
  ];
  const comparable = (r: Record<string, unknown>) => {
    const { normalized: _n, version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
    return rest;
  };

  it('writes a BOM, semicolons and headers in the page language; an export imported again gives the same records', async () => {
    for (const r of JOBSEEKERS) expect((await call(counsellor, 'PUT', `/v1/jobseekers/${r.id}`, r)).status).toBeLessThan(300);
    for (const r of VACANCIES) expect((await call(admin, 'PUT', `/v1/vacancies/${r.id}`, r)).status).toBeLessThan(300);
    const before = {
      jobseekers: await Promise.all(JOBSEEKERS.map(async (r) => (await call(counsellor, 'GET', `/v1/jobseekers/${r.id}`)).body)),
      vacancies: await Promise.all(VACANCIES.map(async (r) => (await call(admin, 'GET', `/v1/vacancies/${r.id}`)).body)),
    };
    for (const lang of ['sv', 'fi', 'en'] as const) {
      const exported = await getCsv(counsellor, `/v1/jobseekers.csv?lang=${lang}`);
      expect(exported.status).toBe(200);
      expect(exported.type).toBe('text/csv; charset=utf-8');
      expect([...exported.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = exported.text.split('\r\n')[0]!; // the decoder drops the BOM
      expect(header.startsWith({ sv: 'id;titel;yrke;kompetens;kommun;språk', fi: 'tunnus;nimike;ammatti;osaaminen;kunta;kielet', en: 'id;title;occupation;skills;municipality;languages' }[lang])).toBe(true);
      expect(exported.text).toContain("'=HYPERLINK"); // a formula is text
      if (lang === 'sv') expect(exported.text).toContain(';ja;'); // yes/no in Swedish
      if (lang === 'fi') expect(exported.text).toContain('3.11.2025'); // dates as Finnish Excel writes them

      // Erased and imported back from the file: the same records.
      expect((await call(admin, 'POST', '/v1/jobseekers/bulk-delete', { ids: JOBSEEKERS.map((r) => r.id) })).body.removed).toBe(2);
      const imported = await postCsv(counsellor, 'jobseekers', exported.bytes);
      expect([lang, imported.status, imported.body], JSON.stringify(imported.body)).toEqual([lang, 200, { created: 2, updated: 0, unchanged: expect.any(Number) }]); // the area's other clients as stored
      for (const r of before.jobseekers) expect(comparable((await call(counsellor, 'GET', `/v1/jobseekers/${r.id}`)).body)).toEqual(comparable(r));
      // Imported again over the stored records: unchanged.
      expect((await postCsv(counsellor, 'jobseekers', exported.bytes)).body).toMatchObject({ created: 0, updated: 0 });
    }
    const vacancies = await getCsv(admin, '/v1/vacancies.csv?lang=sv');
    expect(vacancies.text).toContain('fi good; en basic?');
    expect((await call(admin, 'POST', '/v1/vacancies/bulk-delete', { ids: VACANCIES.map((r) => r.id) })).body.removed).toBe(1);
    expect((await postCsv(admin, 'vacancies', vacancies.bytes)).body).toMatchObject({ created: 1 });
    expect(comparable((await call(admin, 'GET', '/v1/vacancies/RT-V1')).body)).toEqual(comparable(before.vacancies[0]));
  });

  it("exports only the caller's clients, and refuses roles without access", async () => {
    const exported = await getCsv(counsellor, '/v1/jobseekers.csv');
    expect(exported.text).not.toContain('CSV-HKI');
    expect((await getCsv(service.as('planner'), '/v1/jobseekers.csv')).status).toBe(403);
    expect((await getCsv(counsellor, '/v1/jobseekers.csv?lang=de')).status).toBe(400);
    // A unit's own vacancies (the web app's "your unit's vacancies" page links this).
    const unit = service.as('employer-service');
    expect((await call(unit, 'PUT', '/v1/vacancies/OWN-1', sampleVacancy('OWN-1'))).status).toBe(201);
    const own = (await getCsv(unit, '/v1/vacancies.csv?owner=mine&lang=en')).text.trim().split('\r\n');
    expect(own.map((line) => line.split(';')[0])).toEqual(['id', 'OWN-1']);
    expect((await getCsv(unit, '/v1/vacancies.csv?lang=en')).text).toContain('RT-V1');
    expect((await getCsv(counsellor, '/v1/jobseekers.csv?owner=mine')).status).toBe(400);
  });
});
