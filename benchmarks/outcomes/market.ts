/**
 * A simulated labour market with planted ground truth for bench:outcomes: welders in one employment
 * area, welding vacancies that ask for one extra skill beside MIG welding, three trainings teaching
 * those skills with known true effects on employment 6 months after the end, and a hire probability
 * that falls with the rank at which the engine showed a vacancy and with the distance. Pure: the
 * truth only; benchmarks/outcomes.ts plays it through the service's API.
 */
import { regions } from '../../src/core/regions/regions.js';

/** mulberry32: a small, fast, seeded PRNG (as fixtures/generate.ts). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TrainingKey = 'strong' | 'none' | 'mixed';

/** The planted trainings: the skill each teaches, its price, and its true effect on employment within 6 months of the end. */
export const TRAININGS: Record<TrainingKey, { id: string; title: string; skill: string; cost: number; effect: (age: number) => number; share: number }> = {
  // Opens few vacancies (a fifth ask for it) and works.
  strong: { id: 'T-STRONG', title: 'Tulityökorttikurssi ja työhönvalmennus', skill: 'tulityökortti', cost: 1500, effect: () => 0.25, share: 0.2 },
  // Opens the most vacancies (half ask for it) and does nothing for employment.
  none: { id: 'T-NONE', title: 'TIG-hitsauksen peruskurssi', skill: 'TIG-hitsaus', cost: 1500, effect: () => 0, share: 0.5 },
  // Helps clients under 50, harms those of 50 or over (they lose six months of job search).
  mixed: { id: 'T-MIXED', title: 'Puikkohitsauksen kurssi', skill: 'puikkohitsaus', cost: 1500, effect: (age) => (age < 50 ? 0.15 : -0.15), share: 0.3 },
};
export const TRAINING_KEYS = Object.keys(TRAININGS) as TrainingKey[];

/** Days of the simulation (all in the past, as the API requires of register dates). */
export const DAYS = {
  /** Clients and vacancies created, suggestions made, referrals made (a month end: the report's months hold it). */
  start: '2025-01-31',
  /** Trainings end (completed or interrupted). */
  ended: '2025-05-01',
  /** The registers are read and the reports made (a month end, over 182 days after the end). */
  report: '2025-12-31',
};

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface SimClient {
  id: string;
  municipality: string;
  birthYear: number;
  unemployedSince: string;
  /** In the training study (referred or a comparison client) or in the job-suggestion loop. */
  cohort: 'training' | 'suggestions';
  /** The training they are referred to (training cohort). */
  training?: TrainingKey;
  interrupted?: boolean;
}

export interface SimVacancy {
  id: string;
  municipality: string;
  /** The extra skill it asks for beside MIG welding. */
  extra: TrainingKey;
  publishedAt: string;
}

export const ageAt = (c: Pick<SimClient, 'birthYear'>, day: string) => Number(day.slice(0, 4)) - c.birthYear;
/** Months unemployed on a day. */
const monthsOut = (c: SimClient, day: string) => (Date.parse(day) - Date.parse(c.unemployedSince)) / (30.44 * 86_400_000);

/** Baseline chance of work within 6 months of `day` without training: lower with age and with long unemployment (only through the report's matching cells). */
export function baseline(c: SimClient, day: string): number {
  const age = ageAt(c, day);
  const months = monthsOut(c, day);
  const byAge = age < 25 ? 0.45 : age < 35 ? 0.4 : age < 50 ? 0.32 : 0.2;
  const byDuration = months < 6 ? 0.08 : months < 12 ? 0 : months < 24 ? -0.06 : -0.1;
  return byAge + byDuration;
}

/** A chance as the simulation draws it: kept within 0.02–0.95. */
export const chance = (p: number) => Math.min(0.95, Math.max(0.02, p));

/**
 * The true effect of a training on the client's employment within 6 months of its end: the planted
 * effect as the drawn chance realises it (a harm cannot take a chance below 0.02).
 */
export const trueEffect = (c: SimClient, training: TrainingKey = c.training!) =>
  chance(baseline(c, DAYS.ended) + TRAININGS[training].effect(ageAt(c, DAYS.ended))) - chance(baseline(c, DAYS.ended));

/** The planted chance that a suggested vacancy ends in a hire: falls with the rank shown and with the distance. */
export function hireChance(rank: number, km: number): number {
  return 0.5 * 0.9 ** (rank - 1) * Math.exp(-km / 40);
}

export interface MarketSize {
  /** Participants per training. */
  participants: number;
  /** Comparison clients (never referred). */
  comparison: number;
  /** Clients in the job-suggestion loop, and suggestions each. */
  suggestionClients: number;
  suggestionsEach: number;
  vacancies: number;
}

export interface Market {
  clients: SimClient[];
  vacancies: SimVacancy[];
}

/** A market of the given size in the area's municipalities (the area's own first, where most people live). */
export function makeMarket(seed: number, size: MarketSize, municipalities: string[]): Market {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Half of everyone in the first (largest) municipality, the rest spread over the area.
  const place = () => (rnd() < 0.5 ? municipalities[0]! : pick(municipalities));
  const client = (id: string, cohort: SimClient['cohort'], training?: TrainingKey): SimClient => ({
    id,
    municipality: place(),
    birthYear: 1960 + Math.floor(rnd() * 43), // 22–65 at the end of training
    unemployedSince: addDays(DAYS.start, -(30 + Math.floor(rnd() * 900))), // 1–31 months before the start
    cohort,
    ...(training ? { training, interrupted: rnd() < 0.1 } : {}),
  });
  const clients: SimClient[] = [];
  for (const key of TRAINING_KEYS) for (let i = 0; i < size.participants; i++) clients.push(client(`SIM-${key}-${i + 1}`, 'training', key));
  for (let i = 0; i < size.comparison; i++) clients.push(client(`SIM-C-${i + 1}`, 'training'));
  for (let i = 0; i < size.suggestionClients; i++) clients.push(client(`SIM-S-${i + 1}`, 'suggestions'));
  const vacancies: SimVacancy[] = [];
  for (let i = 0; i < size.vacancies; i++) {
    const u = rnd();
    let extra: TrainingKey = 'none';
    let acc = 0;
    for (const key of TRAINING_KEYS) if (u < (acc += TRAININGS[key].share)) {
      extra = key;
      break;
    }
    vacancies.push({ id: `SIM-V-${i + 1}`, municipality: place(), extra, publishedAt: addDays(DAYS.start, -Math.floor(rnd() * 20)) });
  }
  return { clients, vacancies };
}

/** Straight-line km between two municipalities' centres (0 within one). */
export const km = (a: string, b: string) => regions.distanceKm(a, b) ?? 0;
