import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, removeDir, startService, type RunningService } from '../helpers/service.js';

/** CSV sent to POST /v1/trainings/bulk on the real store (issue 28, L4 and L5). */
let service: RunningService;
let planner: Caller;

beforeAll(async () => {
  service = await startService();
  planner = service.as('planner');
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

const HEADER = 'id;title;description;provider;kind;municipality;online;durationDays;startDates;cost;language;skills';
const row = (id: string, title = 'Trukkikorttikoulutus', cost = '240') =>
  `${id};${title};Trukin ajo ja turvallisuus.;Koulutuskeskus Polku;licence;Oulu;ei;2;10.1.2027;${cost};fi;trukkikortti`;

/** POSTs bytes as they are (fetch would send a string as UTF-8). */
async function post(body: string | Uint8Array, contentType: string) {
  const response = await fetch(`${service.url}/v1/trainings/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${planner.key}`, 'content-type': contentType },
    body: body as BodyInit,
  });
  const text = await response.text();
  return { status: response.status, size: Buffer.byteLength(text), body: JSON.parse(text) };
}

const stored = async (id: string) => call(planner, 'GET', `/v1/trainings/${id}`);

describe('CSV size limits (L4)', () => {
  it('refuses a header of 100,000 columns with a small answer, reading none of it as columns', async () => {
    const header = Array.from({ length: 100_000 }, (_x, i) => `c${i}`).join(';');
    const response = await post(`${header}\n${row('WIDE-1')}\n`, 'text/csv');
    expect(response.status).toBe(400);
    expect(response.size).toBeLessThan(2000);
    expect(response.body.problems).toHaveLength(1);
    expect(response.body.problems[0]).toMatchObject({ field: 'header', line: 1 });
    expect(response.body.message).toContain('200 columns');
  });

  it('refuses a header of 300 short columns (within the byte limit) naming the limit', async () => {
    const header = Array.from({ length: 300 }, (_x, i) => `c${i}`).join(';');
    const response = await post(`${header}\n`, 'text/csv');
    expect(response.status).toBe(400);
    expect(response.size).toBeLessThan(2000);
    expect(response.body.problems).toEqual([{ field: 'header', line: 1, message: '300 columns; at most 200' }]);
  });

  it('lists the first 100 of 1000 bad rows, and how many there were', async () => {
    const rows = Array.from({ length: 1000 }, (_x, i) => row(`BAD-${i}`, 'Trukkikortti', '-5'));
    const response = await post([HEADER, ...rows].join('\n'), 'text/csv');
    expect(response.status).toBe(400);
    expect(response.body.problems).toHaveLength(100);
    expect(response.body.problems[0]).toMatchObject({ line: 2, field: 'cost' });
    expect(response.body.problemCount).toBe(1000);
    expect(response.size).toBeLessThan(30_000);
    expect((await stored('BAD-0')).status).toBe(404);
  });
});

describe('CSV character sets and shape (L5)', () => {
  it('reads a windows-1252 body (Excel "CSV (semicolon separated)") as such', async () => {
    const csv = `${HEADER}\r\n${row('CP-1', 'Äidinkieli ja työelämä öljyalalla')}\r\n`;
    const response = await post(Buffer.from(csv, 'latin1'), 'text/csv; charset=windows-1252');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await stored('CP-1')).body.title).toBe('Äidinkieli ja työelämä öljyalalla');
    const latin1 = await post(Buffer.from(`${HEADER}\n${row('CP-2', 'Hygieniapassi, säätiö')}\n`, 'latin1'), 'text/csv; charset=ISO-8859-1');
    expect(latin1.status).toBe(200);
    expect((await stored('CP-2')).body.title).toBe('Hygieniapassi, säätiö');
  });

  it('refuses a body that is not UTF-8 when no charset is named, storing nothing', async () => {
    const response = await post(Buffer.from(`${HEADER}\n${row('NOT-UTF8', 'Äidinkieli')}\n`, 'latin1'), 'text/csv');
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('not UTF-8');
    expect(response.body.message).toContain('charset=windows-1252');
    expect((await stored('NOT-UTF8')).status).toBe(404);
  });

  it('refuses an unknown charset by name', async () => {
    const response = await post(`${HEADER}\n${row('KOI8')}\n`, 'text/csv; charset=koi8-r');
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ field: 'charset', message: expect.stringContaining("'koi8-r'") })]);
    expect((await stored('KOI8')).status).toBe(404);
  });

  it('refuses duplicate columns, also two names of one field, by name', async () => {
    const twice = await post(`${HEADER};title\n${row('DUP-1')};Toinen\n`, 'text/csv');
    expect(twice.status).toBe(400);
    expect(twice.body.problems).toEqual([expect.objectContaining({ field: 'title', line: 1, message: expect.stringContaining('duplicate column') })]);
    const synonyms = await post(`${HEADER.replace('municipality', 'kunta')};kommun\n${row('DUP-2')};Vaasa\n`, 'text/csv');
    expect(synonyms.status).toBe(400);
    expect(synonyms.body.problems).toEqual([expect.objectContaining({ field: 'kommun', line: 1, message: expect.stringContaining("'kunta'") })]);
    expect((await stored('DUP-1')).status).toBe(404);
    expect((await stored('DUP-2')).status).toBe(404);
  });

  it('refuses a row with more cells than the header, with its line', async () => {
    const response = await post(`${HEADER}\n${row('EXTRA-1')}\n${row('EXTRA-2')};ylimääräinen\n`, 'text/csv');
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([{ field: 'row', line: 3, message: '13 cells, the header has 12 columns' }]);
    expect((await stored('EXTRA-1')).status).toBe(404);
  });
});
