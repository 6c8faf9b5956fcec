/**
 * The labelled match set: hand-written clients and vacancies (jobseekers.ts, vacancies.ts) and
 * the team's graded relevance of every pair, derived from the writers' judgement of each record's
 * occupation family (never from the engine):
 *   3  same family, within commuting distance (60 km) or remote work
 *   2  same family further away (≤ 200 km), or a closely related family nearby
 *   1  same family across the country, a related family, or a fit failing a hard requirement
 *      (a required language the client lacks, a driving licence they do not hold)
 *   0  anything else, and every expired or closed vacancy
 * The 2,400 + 2,400 fixture records loaded beside them are judged the same way, their family read
 * from the occupation (ISCO unit group) the generator gave them (FIXTURE_FAMILIES), so that the
 * rankings are graded in full — a welder 200 km away among the top hits costs what it should.
 *
 * `grade` knows distance only as fixed bands (60 / 200 km). `gradeCommute` grades by issue 29's
 * definition of a suitable vacancy instead (src/core/commute.ts): a vacancy is within reach when it
 * is remote, within the client's commuting range (their own, else the default of their home
 * municipality's type; road km estimated from the centres), in a municipality or region they wished,
 * or the client would move. Beyond reach a vacancy is not suitable: a hard requirement the client
 * fails, graded as the other hard requirements are (at most 1: the right work, not for this client).
 *   3  same family, within reach
 *   2  a closely related family, within reach (RELATED)
 *   1  same family beyond reach, a related family (RELATED 1, or beyond reach), or a fit failing
 *      a hard requirement (language, driving licence)
 *   0  anything else, and every expired or closed vacancy
 * Written from that definition, not from the engine's rankings: distance within the range does not
 * lower a grade (a counsellor does not prefer 10 km over 40 km for a client who drives 60 km).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eldDetector } from '../../src/adapters/language/eld-detector.js';
import { commuteOf, ROAD_FACTOR, waiverOf } from '../../src/core/commute.js';
import { regions } from '../../src/core/regions/regions.js';
import { JOBSEEKERS, type LabelledJobseeker } from './jobseekers.js';
import { VACANCIES, type LabelledVacancy } from './vacancies.js';

export { JOBSEEKERS, VACANCIES, type LabelledJobseeker, type LabelledVacancy };

/**
 * Related work, from the client's side: grade for a vacancy of the second family. One-way where
 * a step down would waste a qualification or a step up needs one (a registered nurse is not sent
 * to practical-nurse work; a childcare worker cannot take an early childhood teacher's post).
 */
const RELATED: Record<string, Record<string, number>> = {
  nurse: { 'practical-nurse': 0 },
  'practical-nurse': { 'personal-assistant': 1, childcare: 1 },
  'personal-assistant': { 'practical-nurse': 1 },
  warehouse: { 'delivery-driver': 1 },
  'delivery-driver': { warehouse: 1, 'truck-driver': 1 },
  'truck-driver': { 'delivery-driver': 2, 'bus-driver': 1 },
  'bus-driver': { 'truck-driver': 1 },
  cook: { waiter: 1 },
  waiter: { cook: 1 },
  plumber: { 'property-maintenance': 1 },
  electrician: { 'property-maintenance': 1 },
  'property-maintenance': { plumber: 1, cleaner: 1 },
  welder: { machinist: 1 },
  machinist: { welder: 1 },
  'kindergarten-teacher': { childcare: 1 },
  salesperson: { 'customer-service': 2 },
  'customer-service': { salesperson: 1 },
  mechanic: { machinist: 1 },
};

/** The family of each ISCO unit group the fixture generator uses (those with no family in the set get their own). */
const FIXTURE_FAMILIES: Record<string, string> = {
  '2221': 'nurse', '5322': 'practical-nurse', '5311': 'childcare', '7212': 'welder', '7223': 'machinist', '4321': 'warehouse',
  '8332': 'truck-driver', '9112': 'cleaner', '5153': 'property-maintenance', '5120': 'cook', '5131': 'waiter', '5141': 'hairdresser',
  '2512': 'developer', '2519': 'developer', '3313': 'accountant', '7411': 'electrician', '7126': 'plumber', '7115': 'carpenter',
  '5223': 'salesperson', '2635': 'social-worker', '5414': 'security-guard', '6121': 'farm-worker', '7231': 'mechanic', '7233': 'mechanic',
  '2341': 'primary-teacher', '2431': 'marketing', '3512': 'it-support', '4110': 'office-clerk', '7131': 'painter', '8341': 'farm-machinery',
};

interface FixtureRecord {
  id: string;
  title: string;
  occupation: string;
  municipality: string;
  languages?: string[];
  description?: string;
  summary?: string;
  drivingLicence?: boolean;
  drivingLicenceRequired?: boolean;
  remote?: boolean;
  expiresAt?: string;
  status?: string;
}

const readFixtures = (file: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FixtureRecord);
const langOf = (text: string) => (eldDetector.detect(text) ?? 'fi') as 'fi' | 'sv' | 'en';

/** The fixture vacancies as judged items (family from their ISCO group, language detected). */
export const fixtureVacancies = (): LabelledVacancy[] =>
  readFixtures('vacancies.ndjson').map((v) => ({
    id: v.id,
    family: FIXTURE_FAMILIES[v.occupation] ?? `isco-${v.occupation}`,
    lang: langOf(v.description ?? v.title),
    municipality: v.municipality,
    title: v.title,
    description: v.description ?? '',
    languages: v.languages ?? [],
    drivingLicenceRequired: v.drivingLicenceRequired,
    remote: v.remote,
    expiresAt: v.expiresAt,
    status: (v.status as 'open' | 'closed' | undefined) ?? 'open',
  }));

export const fixtureJobseekers = (): LabelledJobseeker[] =>
  readFixtures('jobseekers.ndjson').map((j) => ({
    id: j.id,
    family: FIXTURE_FAMILIES[j.occupation] ?? `isco-${j.occupation}`,
    lang: langOf(j.summary ?? j.title),
    municipality: j.municipality,
    title: j.title,
    summary: j.summary ?? '',
    languages: j.languages ?? [],
    drivingLicence: j.drivingLicence,
  }));

const code = (municipality: string) => regions.municipality(municipality)!.code;

/** Whether the vacancy is still open on the day of the run (expired and closed ads are traps). */
export const isLive = (v: LabelledVacancy, today: string) => (v.status ?? 'open') === 'open' && (!v.expiresAt || v.expiresAt >= today);

export function grade(j: LabelledJobseeker, v: LabelledVacancy, today: string): number {
  if (!isLive(v, today)) return 0;
  let g = j.family === v.family ? 3 : (RELATED[j.family]?.[v.family] ?? 0);
  if (g === 0) return 0;
  const km = v.remote ? 0 : regions.distanceKm(code(j.municipality), code(v.municipality))!;
  if (km > 200) g -= 2;
  else if (km > 60) g -= 1;
  if (j.family === v.family) g = Math.max(1, g);
  const lacksLanguage = (v.languages ?? []).some((l) => !j.languages.includes(l));
  const lacksLicence = v.drivingLicenceRequired === true && j.drivingLicence === false;
  if (lacksLanguage || lacksLicence) g = Math.min(g, 1);
  return Math.max(0, g);
}

/** Whether a vacancy is within the client's reach (issue 29's suitability, see the header). */
export function withinReach(j: LabelledJobseeker, v: LabelledVacancy): boolean {
  if (v.remote) return true;
  const commute = commuteOf(j);
  const home = code(j.municipality);
  const place = regions.municipality(v.municipality)!;
  if (regions.distanceKm(home, place.code)! * ROAD_FACTOR <= commute.rangeKm) return true;
  return waiverOf(commute, { municipality: place.code, region: place.regionCode }) !== undefined;
}

/** The grade by issue 29's suitability: reach instead of fixed distance bands (see the header). */
export function gradeCommute(j: LabelledJobseeker, v: LabelledVacancy, today: string): number {
  if (!isLive(v, today)) return 0;
  const g = j.family === v.family ? 3 : (RELATED[j.family]?.[v.family] ?? 0);
  if (g === 0) return 0;
  const lacksLanguage = (v.languages ?? []).some((l) => !j.languages.includes(l));
  const lacksLicence = v.drivingLicenceRequired === true && j.drivingLicence === false;
  return lacksLanguage || lacksLicence || !withinReach(j, v) ? Math.min(g, 1) : g;
}

/** nDCG@k of a ranked list of grades against the ideal order of all grades. */
export function ndcg(ranked: number[], all: number[], k = 10): number | undefined {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal === 0 ? undefined : dcg(ranked) / ideal;
}

/** Reciprocal rank of the first item graded at least `min` (0 when none in the list). */
export function reciprocalRank(ranked: number[], min = 2): number {
  const i = ranked.findIndex((g) => g >= min);
  return i < 0 ? 0 : 1 / (i + 1);
}
