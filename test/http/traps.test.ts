/**
 * Same words, other job (issue 29, item 6): a client's first page holds no vacancy of the occupation
 * whose name shares their words — through the HTTP API on the real store and index, the shipped
 * model and ESCO (the default taxonomy), with the fixture data set around them. Clients and
 * vacancies are written here in everyday fi/sv/en; the trap of each is a vacancy of the look-alike
 * occupation in the client's own town (and the fixture vacancies of its ISCO group), and each client
 * also gets one vacancy of their own work there, which must reach the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Caller, FIXTURES, removeDir, build, type RunningService } from '../helpers/service.js';

let service: RunningService;
let url: Caller;

/** The ISCO group the fixture generator gave each fixture vacancy. */
const fixtureIsco = new Map(
  readFileSync(join(FIXTURES, 'vacancies.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; occupation: string })
    .map((v) => [v.id, v.occupation]),
);

interface Case {
  name: string;
  client: Record<string, unknown>;
  fit: Record<string, unknown>;
  trap: Record<string, unknown>;
  /** ISCO groups of the look-alike work. */
  trapIsco: string[];
}

const vacancy = (title: string, municipality: string, description: string, extra: Record<string, unknown> = {}) => ({
  title,
  municipality,
  description,
  employer: 'Testityönantaja Oy',
  skills: [],
  workingTime: 'full',
  status: 'open',
  ...extra,
});

const CASES: Case[] = [
  {
    name: 'kiinteistönhoitaja ↔ kiinteistönvälittäjä',
    client: {
      title: 'Kiinteistönhoitaja',
      summary: 'Olen tehnyt kiinteistönhoitoa kerrostaloissa kahdeksan vuotta: lumityöt, pihat, pienet korjaukset ja vikailmoitukset.',
      municipality: 'Jyväskylä',
      languages: ['fi'],
      drivingLicences: ['B'],
    },
    fit: vacancy('Kiinteistönhoitaja', 'Jyväskylä', 'Etsimme kiinteistönhoitajaa asuinkiinteistöjen huoltoon ja kunnossapitoon. Talvella lumityöt.'),
    trap: vacancy('Kiinteistönvälittäjä', 'Jyväskylä', 'Välitystoimisto hakee kiinteistönvälittäjää asuntokauppoihin: arvioinnit, esittelyt ja kauppakirjat.'),
    trapIsco: ['3334'],
  },
  {
    name: 'sjukskötare ↔ djurskötare',
    client: {
      title: 'Sjukskötare',
      summary: 'Legitimerad sjukskötare med tio års erfarenhet av kirurgisk vård och läkemedelsbehandling. Jag talar svenska och finska.',
      municipality: 'Jakobstad',
      languages: ['sv', 'fi'],
    },
    fit: vacancy('Sjukskötare', 'Jakobstad', 'Vi söker en sjukskötare till vår bäddavdelning. Treskiftsarbete, god introduktion.', { languages: ['sv'] }),
    trap: vacancy('Djurskötare', 'Jakobstad', 'Vi söker en djurskötare till vår gård: utfodring, mjölkning och skötsel av kalvarna.', { languages: ['sv'] }),
    trapIsco: ['6121', '5164'],
  },
  {
    name: 'welder ↔ welding engineer',
    client: {
      title: 'Welder',
      summary: 'I have welded steel structures for twelve years, MIG/MAG and TIG, and I read workshop drawings.',
      municipality: 'Turku',
      languages: ['en'],
    },
    fit: vacancy('Welder', 'Turku', 'Our workshop needs a welder for steel structures. MIG/MAG welding, reading drawings.', { languages: ['en'] }),
    trap: vacancy('Welding engineer', 'Turku', 'We are looking for a welding engineer (IWE) to plan welding procedures, qualify welders and handle quality documentation.', {
      languages: ['en'],
    }),
    trapIsco: ['2144'],
  },
  {
    name: 'delivery driver ↔ CE truck driver',
    client: {
      title: 'Jakelukuljettaja',
      summary: 'Olen ajanut pakettiautolla kotiinkuljetuksia ja pakettijakelua neljä vuotta. Minulla on B-ajokortti, ei C- tai CE-korttia.',
      municipality: 'Oulu',
      languages: ['fi'],
      drivingLicences: ['B'],
    },
    fit: vacancy('Jakelukuljettaja', 'Oulu', 'Haemme jakelukuljettajaa pakettiautolla tehtäviin kotijakeluihin. B-ajokortti riittää.', { drivingLicences: ['B'] }),
    trap: vacancy('Kuorma-autonkuljettaja (CE)', 'Oulu', 'Haemme kuljettajaa täysperävaunuyhdistelmään kaukoliikenteeseen. Edellytämme CE-ajokorttia ja ammattipätevyyttä.', {
      drivingLicences: ['CE'],
    }),
    trapIsco: ['8332'],
  },
  {
    name: 'tester ↔ developer',
    client: {
      title: 'Ohjelmistotestaaja',
      summary: 'Olen testannut verkkopalveluja viisi vuotta: testitapaukset, testiautomaatio ja virheiden raportointi.',
      municipality: 'Espoo',
      languages: ['fi', 'en'],
    },
    fit: vacancy('Ohjelmistotestaaja', 'Espoo', 'Etsimme ohjelmistotestaajaa verkkopalvelujemme laadunvarmistukseen: testitapaukset ja testiautomaatio.'),
    trap: vacancy('Ohjelmistokehittäjä', 'Espoo', 'Etsimme ohjelmistokehittäjää TypeScript- ja Node.js-palvelujen kehitykseen.'),
    trapIsco: ['2512'],
  },
];

beforeAll(async () => {
  service = await build(); // fixtures, the shipped model, ESCO + local extension (the defaults)
  url = service.as('admin');
  for (const [i, c] of CASES.entries()) {
    for (const [kind, record] of [
      ['fit', c.fit],
      ['trap', c.trap],
    ] as const) {
      const response = await call(url, 'PUT', `/v1/vacancies/TRAP-${i}-${kind}`, record);
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    }
    const response = await call(url, 'PUT', `/v1/jobseekers/TRAP-${i}`, { ...c.client, status: 'active' });
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  }
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('same words, other job (issue 29, ESCO)', () => {
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: the look-alike work stays off the first page, the client's own work is on it`, async () => {
      const response = await call(url, 'GET', `/v1/jobseekers/TRAP-${i}/matches?k=10`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const ids: string[] = response.body.hits.map((h: { id: string }) => h.id);
      expect(ids).toContain(`TRAP-${i}-fit`);
      expect(ids).not.toContain(`TRAP-${i}-trap`);
      expect(ids.filter((id) => c.trapIsco.includes(fixtureIsco.get(id) ?? ''))).toEqual([]);
    });
  }
});
