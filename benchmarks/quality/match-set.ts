/**
 * The labelled match set: hand-written clients and vacancies (jobseekers.ts, vacancies.ts) and
 * the team's graded relevance of every pair, derived from the writers' judgement of each record's
 * occupation family (never from the engine):
 *   3  same family, within commuting distance (60 km) or remote work
 *   2  same family further away (≤ 200 km), or a closely related family nearby
 *   1  same family across the country, a related family, or a fit failing a hard requirement
 *      (a required language the client lacks, a driving licence they do not hold)
 *   0  anything else, and every expired or closed vacancy
 */
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
