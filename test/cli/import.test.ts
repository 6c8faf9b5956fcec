import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile } from '../../src/engine.js';
import { exitOf, spawnService, type ServiceProcess } from '../helpers/process.js';
import { call, CURATED_TEST_TAXONOMY, FIXTURES, removeDir, ROOT, sampleJobseeker, tempDir } from '../helpers/service.js';

/** `npm run import` against the real service (as built), with the example files of fixtures/imports. */
let dataDir: string;
let service: ServiceProcess;
let key: string;

beforeAll(async () => {
  dataDir = tempDir();
  const db = openDatabase(databaseFile(dataDir));
  key = (await new ApiKeyStore(db).create('admin', 'import test', 'national')).key;
  db.close();
  // The curated test taxonomy: the importer and what it sends are the same on any taxonomy (a start on ESCO reads it for ~5 s of CPU).
  service = await spawnService({ ...CURATED_TEST_TAXONOMY, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' });
});
afterAll(async () => {
  service.child.kill('SIGTERM');
  await exitOf(service.child);
  removeDir(dataDir);
});

const importFile = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'import.js'), ...args], {
    env: { ...process.env, KOHTAANTO_URL: service.url, KOHTAANTO_API_KEY: key, XDG_CACHE_HOME: join(dataDir, 'cache') },
    encoding: 'utf8',
  });
const importFileAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'import.js'), ...args], {
      env: { ...process.env, KOHTAANTO_API_KEY: key, XDG_CACHE_HOME: join(dataDir, 'cache') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
const admin = () => ({ url: service.url, key });

describe('npm run import', () => {
  it('imports schema.org JobPostings from JSON-LD, reporting fields it does not use, and again changes nothing', () => {
    const first = importFile('vacancies', join(FIXTURES, 'imports', 'jobpostings.jsonld'), '--source', 'portal');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('3 read, 3 created, 0 updated, 0 unchanged, 0 refused');
    expect(first.stdout).toContain('not used (1 records): baseSalary: not used by Kohtaanto');
    expect(first.stderr).toMatch(/100 % · 3 records · \d+ records\/s/); // progress, as plain lines when not a terminal
    const again = importFile('vacancies', join(FIXTURES, 'imports', 'jobpostings.jsonld'), '--source', 'portal');
    expect(again.stdout).toContain('3 read, 0 created, 0 updated, 3 unchanged, 0 refused');
  });

  it('exports a vacancy as a JobPosting that imports back to the same vacancy', async () => {
    const posting = await call(admin(), 'GET', '/v1/vacancies/portal:EP-2026-1001/jobposting');
    expect(posting.status).toBe(200);
    expect(posting.headers.get('content-type')).toContain('application/ld+json');
    expect(posting.body).toMatchObject({ '@type': 'JobPosting', title: 'Hitsaaja', validThrough: '2026-12-31', totalJobOpenings: 2 });
    const stored = (await call(admin(), 'GET', '/v1/vacancies/portal:EP-2026-1001')).body;
    expect(stored).toMatchObject({ municipality: '837', employer: 'Konepaja Teräs Oy', occupation: '7212', workingTime: 'full', expiresAt: '2026-12-31' });
  });

  it('imports Finnish Excel CSV (semicolons, BOM, a quoted line break) and Swedish column names', async () => {
    const vacancies = importFile('vacancies', join(FIXTURES, 'imports', 'vacancies-fi.csv'));
    expect(vacancies.status, vacancies.stdout + vacancies.stderr).toBe(0);
    expect(vacancies.stdout).toContain('2 read, 2 created');
    const cleaner = (await call(admin(), 'GET', '/v1/vacancies/TRE-101')).body;
    expect(cleaner).toMatchObject({ workingTime: 'part', positions: 2, expiresAt: '2026-12-31', drivingLicenceRequired: false, skills: ['ylläpitosiivous', 'siivouskoneiden käyttö'] });
    expect(cleaner.description).toBe('Toimitilojen ylläpitosiivousta.\nAamuvuoro klo 6–14.');
    const jobseekers = importFile('jobseekers', join(FIXTURES, 'imports', 'jobseekers-sv.csv'));
    expect(jobseekers.stdout).toContain('2 read, 2 created');
    expect((await call(admin(), 'GET', '/v1/jobseekers/VAS-1')).body).toMatchObject({ unemployedSince: '2025-03-01', contact: { email: 'anna@example.fi' }, languages: ['sv', 'fi'] });
  });

  it('imports a training catalogue from a Finnish spreadsheet, and again changes nothing', async () => {
    const first = importFile('trainings', join(FIXTURES, 'imports', 'trainings-fi.csv'));
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('2 read, 2 created, 0 updated, 0 unchanged, 0 refused');
    expect((await call(admin(), 'GET', '/v1/trainings/KOUL-1')).body).toMatchObject({ cost: 240, durationDays: 2, online: false, startDates: ['2027-01-10', '2027-02-07'], municipality: '837' });
    expect((await call(admin(), 'GET', '/v1/trainings/KOUL-2')).body).toMatchObject({ online: true, startDates: [] });
    expect(importFile('trainings', join(FIXTURES, 'imports', 'trainings-fi.csv')).stdout).toContain('2 read, 0 created, 0 updated, 2 unchanged, 0 refused');
  });

  it('imports outcomes from a register all or nothing: a bad line refuses the whole file, named; the good file again changes nothing', async () => {
    for (const id of ['JS-000001', 'JS-000002', 'JS-000003']) expect((await call(admin(), 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
    const good = join(FIXTURES, 'imports', 'outcomes-fi.csv');
    const bad = join(dataDir, 'outcomes-bad.csv');
    // Two batches: the bad lines are in the second, after a first that would have been stored.
    writeFileSync(bad, readFileSync(good, 'utf8') + 'JS-000001;lomalla;1.12.2026;URA\nNOBODY;koulutus;1.12.2026;URA\n');
    const refused = importFile('outcomes', bad, '--batch', '3');
    expect(refused.status, refused.stdout + refused.stderr).toBe(3);
    expect(refused.stdout).toContain('6 read, 2 refused: nothing stored (a bad line refuses the whole file)');
    expect(refused.stdout).toMatch(/refused line 6: event: unknown value "lomalla"/);
    expect(refused.stdout).toMatch(/refused line 7: jobseekerId: no client 'NOBODY'/);
    expect((await call(admin(), 'GET', '/v1/jobseekers/JS-000001/outcomes')).body.items).toEqual([]);
    const first = importFile('outcomes', good, '--batch', '3');
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('4 read, 4 created, 0 updated, 0 unchanged, 0 refused');
    expect((await call(admin(), 'GET', '/v1/jobseekers/JS-000003/outcomes')).body.items.map((o: { event: string; date: string }) => `${o.date}:${o.event}`)).toEqual([
      '2026-10-01:training',
      '2026-11-30:left-register',
    ]);
    const again = importFile('outcomes', good);
    expect(again.stdout).toContain('4 read, 0 created, 0 updated, 4 unchanged, 0 refused');
  });

  it('refuses bad records with their line and field, stores the rest, and exits 3', async () => {
    const file = join(dataDir, 'feed.ndjson');
    const ok = (id: string, title: string) =>
      JSON.stringify({ '@type': 'JobPosting', identifier: id, title, description: 'Työtä tarjolla.', jobLocation: { address: { addressLocality: 'Oulu' } } });
    writeFileSync(
      file,
      [
        ok('A', 'Kokki'),
        '{"@type": "JobPosting", "title": ',
        JSON.stringify({ '@type': 'JobPosting', identifier: 'C', title: 'Kokki', description: 'x', jobLocation: { address: { addressLocality: 'Atlantis' } } }),
        JSON.stringify({ '@type': 'JobPosting', identifier: 'D', title: 'Kokki', description: 'x', jobLocation: { address: { addressLocality: 'Oulu' } }, validThrough: '9999-12-31' }),
        ok('E', 'Tarjoilija'),
      ].join('\n'),
    );
    const run = importFile('vacancies', file, '--source', 'feed', '--batch', '2');
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('5 read, 2 created, 0 updated, 0 unchanged, 3 refused');
    expect(run.stdout).toMatch(/refused line 2: body: not JSON/);
    expect(run.stdout).toMatch(/refused line 3: jobLocation: no jobLocation whose address names a Finnish municipality/);
    expect(run.stdout).toMatch(/refused line 4: expiresAt: a date between 1950-01-01 and 2100-12-31/);
    expect((await call(admin(), 'GET', '/v1/vacancies/feed:E')).status).toBe(200);
    // The file changed at its source: only what changed is stored again.
    writeFileSync(file, [ok('A', 'Kokki'), ok('E', 'Tarjoilija, ilta')].join('\n'));
    expect(importFile('vacancies', file, '--source', 'feed').stdout).toContain('2 read, 0 created, 1 updated, 1 unchanged, 0 refused');
  });

  it('refuses a posting whose title or employer carries a bidi mark, control character or line break, per line, storing the others', async () => {
    const file = join(dataDir, 'bidi.ndjson');
    const posting = (id: string, title: string, employer = 'Ravintola Oy', description = 'Työtä tarjolla.') =>
      JSON.stringify({ '@type': 'JobPosting', identifier: id, title, hiringOrganization: { name: employer }, description, jobLocation: { address: { addressLocality: 'Oulu' } } });
    writeFileSync(
      file,
      [
        posting('B1', 'Kokki'),
        posting('B2', 'Kokki\u202Eikkok'),
        posting('B3', 'Kokki', 'Ravintola Oy', '<p>Työtä&#x202E; tarjolla.</p>'), // an HTML entity decodes to the override
        posting('B4', 'Kokki', 'Ravintola\u0085Oy'),
        posting('B5', 'Kokki\nADMIN'),
      ].join('\n'),
    );
    const run = importFile('vacancies', file, '--source', 'bidi');
    expect(run.status, run.stdout + run.stderr).toBe(3);
    expect(run.stdout).toContain('5 read, 1 created, 0 updated, 0 unchanged, 4 refused');
    for (const line of [2, 5]) expect(run.stdout).toMatch(new RegExp(`refused line ${line}: title: `));
    expect(run.stdout).toMatch(/refused line 3: description: /);
    expect(run.stdout).toMatch(/refused line 4: employer: /);
    expect((await call(admin(), 'GET', '/v1/vacancies/bidi:B1')).status).toBe(200);
    for (const id of ['B2', 'B3', 'B4', 'B5']) expect((await call(admin(), 'GET', `/v1/vacancies/bidi:${id}`)).status).toBe(404);
  });

  it('resumes an interrupted import after its last stored batch, without sending the stored records again', async () => {
    const file = join(dataDir, 'resume.ndjson');
    const posting = (i: number) => JSON.stringify({ '@type': 'JobPosting', identifier: `R${i}`, title: `Kokki ${i}`, description: 'Ravintolatyötä.', jobLocation: { address: { addressLocality: 'Oulu' } } });
    writeFileSync(file, Array.from({ length: 10 }, (_x, i) => posting(i + 1)).join('\n'));
    // A proxy in front of the service that goes away after two batches (as a service restart would).
    let allowed = 2;
    const sent: number[] = [];
    const proxy = createServer((request, response) => {
      let body = '';
      request.on('data', (d: Buffer) => (body += d.toString()));
      request.on('end', async () => {
        if (allowed-- <= 0) return response.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"restarting"}');
        sent.push(body.trim().split('\n').length);
        const answer = await fetch(`${service.url}${request.url}`, { method: request.method, headers: { authorization: request.headers.authorization!, 'content-type': request.headers['content-type']! }, body });
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      });
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    try {
      const interrupted = await importFileAsync('vacancies', file, '--source', 'resume', '--batch', '3', '--url', url);
      expect(interrupted.status).toBe(1);
      expect(interrupted.stderr).toContain('run again to resume');
      expect(sent).toEqual([3, 3]);
      allowed = 100;
      const resumed = await importFileAsync('vacancies', file, '--source', 'resume', '--batch', '3', '--url', url);
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming after line 6');
      expect(sent).toEqual([3, 3, 3, 1]); // only lines 7–10 were sent again
      expect(resumed.stdout).toContain('10 read, 10 created, 0 updated, 0 unchanged, 0 refused');
      // Done: the checkpoint is gone, so the next run reads the whole file (and changes nothing).
      const again = await importFileAsync('vacancies', file, '--source', 'resume', '--batch', '3', '--url', url);
      expect(again.stdout).toContain('10 read, 0 created, 0 updated, 10 unchanged');
    } finally {
      proxy.close();
    }
    expect((await call(admin(), 'GET', '/v1/vacancies/resume:R10')).status).toBe(200);
  });

  it('refuses a CSV file that is not UTF-8 unless its --encoding is given, then reads it right (issue 28, L5)', async () => {
    const file = join(dataDir, 'koulutukset-excel.csv');
    const csv = [
      'tunnus;nimi;kuvaus;järjestäjä;kunta;verkossa;kesto;hinta;opetuskieli;osaaminen',
      'ENC-1;Äidinkieli ja työelämä;Öljyalan sanasto ja viestintä.;Koulutuskeskus Säätiö;Tampere;ei;5;120;fi;viestintä',
    ].join('\r\n');
    writeFileSync(file, Buffer.from(csv, 'latin1')); // as Finnish Excel saves "CSV (semicolon separated)"
    const refused = importFile('trainings', file);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('line 1: the file is not UTF-8');
    expect(refused.stderr).toContain('--encoding windows-1252');
    expect((await call(admin(), 'GET', '/v1/trainings/ENC-1')).status).toBe(404);
    const read = importFile('trainings', file, '--encoding', 'windows-1252');
    expect(read.status, read.stdout + read.stderr).toBe(0);
    expect((await call(admin(), 'GET', '/v1/trainings/ENC-1')).body).toMatchObject({ title: 'Äidinkieli ja työelämä', provider: 'Koulutuskeskus Säätiö' });
    expect(importFile('trainings', file, '--encoding', 'klingon').status).toBe(2);
  });

  it('refuses a CSV header of 100,000 columns unread, duplicate columns and rows with extra cells (issue 28, L4, L5)', () => {
    const wide = join(dataDir, 'wide.csv');
    writeFileSync(wide, `${Array.from({ length: 100_000 }, (_x, i) => `c${i}`).join(';')}\nx\n`);
    const run = importFile('trainings', wide);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('refused line 1: header: the header line is longer than 65536 bytes (at most 200 columns)');
    expect(run.stdout.length).toBeLessThan(2000);
    const twice = join(dataDir, 'twice.csv');
    writeFileSync(twice, 'tunnus;nimi;kunta;kommun\nT1;Trukki;Tampere;Tammerfors\n');
    const duplicate = importFile('trainings', twice);
    expect(duplicate.status).toBe(3);
    expect(duplicate.stdout).toMatch(/refused line 1: kommun: duplicate column: column 4 names the same field \(municipality\) as column 3 'kunta'/);
    const extra = join(dataDir, 'extra.csv');
    writeFileSync(extra, 'tunnus;nimi;kuvaus;järjestäjä;kunta;verkossa;kesto;hinta;opetuskieli;osaaminen\nX-1;Trukki;Ajo.;Polku;Tampere;ei;2;240;fi;trukkikortti;ylimääräinen\n');
    const cells = importFile('trainings', extra);
    expect(cells.status).toBe(3);
    expect(cells.stdout).toContain('refused line 2: row: 11 cells, the header has 10 columns');
  });

  it('says what is wrong with its arguments', () => {
    expect(importFile('vacancies').status).toBe(2);
    expect(importFile('pets', 'x.csv').status).toBe(2);
    expect(importFile('jobseekers', join(FIXTURES, 'imports', 'jobpostings.jsonld')).stderr).toContain('JobPosting records are vacancies');
  });
});
