/**
 * The national-scale data set of bench:outcomes-scale (issue 33, "Measured"): clients and vacancies
 * through the engine as an import stores them, trainings through the catalogue, and job suggestions,
 * their state changes and training referrals through the service's own SQLite store adapters, in
 * transactions of a few thousand (through the HTTP API 1,000,000 state changes would take hours on
 * 2 cores). Outcome events are not written here: the benchmark imports them through the real import
 * path and times it. Seeded: the same sizes give the same data.
 */
import type { Jobseeker } from '../../src/core/jobseekers/schema.js';
import type { JobSuggestionState } from '../../src/core/job-suggestions/schema.js';
import type { OutcomeEvent } from '../../src/core/outcomes/schema.js';
import type { ReferralState } from '../../src/core/referrals/schema.js';
import type { Db } from '../../src/adapters/sqlite/database.js';
import { SqliteJobSuggestionStore } from '../../src/adapters/sqlite/job-suggestions.js';
import { SqliteReferralStore } from '../../src/adapters/sqlite/referrals.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import { keyedTombstones } from '../../src/adapters/sqlite/tombstones.js';
import type { Engine } from '../../src/engine.js';
import { loadToScale } from '../load-to-scale.js';
import { random } from './market.js';

export interface NationalSize {
  clients: number;
  /** Of them loaded in full through the engine (normalised and embedded: ~170 a second on the loaded 2 cores); the rest copies of those. */
  loaded: number;
  vacancies: number;
  /** State changes of job suggestions after the suggestion itself (applied, interview, …). */
  stateChanges: number;
  referrals: number;
  trainings: number;
  outcomes: number;
}

/** The twelve months the suggestions fall in (the report's default period on 2026-12-07 and after). */
export const PERIOD = { from: '2025-12-01', to: '2026-11-30' };
const DAY = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysOfPeriod = (Date.parse(PERIOD.to) - Date.parse(PERIOD.from)) / DAY;

/** The paths a suggestion takes after it is made (each state a change), drawn with these weights. */
const PATHS: { states: JobSuggestionState[]; weight: number }[] = [
  { states: ['applied', 'not-selected'], weight: 35 },
  { states: ['applied', 'interview', 'not-selected'], weight: 20 },
  { states: ['applied', 'interview', 'offer', 'hired'], weight: 10 },
  { states: ['applied', 'interview', 'hired'], weight: 10 },
  { states: ['declined'], weight: 10 },
  { states: ['applied'], weight: 15 },
];
const MEAN_CHANGES = PATHS.reduce((s, p) => s + p.states.length * p.weight, 0) / PATHS.reduce((s, p) => s + p.weight, 0);

/**
 * Clients (with a birth year and an unemployment start) and vacancies, through the engine (ids G-…):
 * `size.loaded` clients in full; further clients are copies of those (their normalised occupation and
 * skills, their vector) with their own id, birth year and unemployment start, see copyClients.
 */
export async function loadRecords(engine: Engine, size: NationalSize, seed: number): Promise<void> {
  const rnd = random(seed);
  await loadToScale(engine, { vacancies: size.vacancies, jobseekers: Math.min(size.clients, size.loaded) }, seed, (j: Jobseeker) => ({
    ...j,
    birthYear: 1960 + Math.floor(rnd() * 45),
    unemployedSince: j.unemployedSince ?? addDays(PERIOD.from, -Math.floor(rnd() * 900)),
  }));
  const trainings = Array.from({ length: size.trainings }, (_, i) => ({
    id: `N-T-${i + 1}`,
    title: `Koulutus ${i + 1}`,
    description: 'Ammatillinen lisäkoulutus työnhakijoille.',
    provider: `Oppilaitos ${(i % 40) + 1}`,
    kind: 'vocational' as const,
    municipality: ['091', '837', '564', '853', '398'][i % 5]!,
    durationDays: 90,
    startDates: ['2026-01-15'],
    cost: 2000,
    skills: ['asiakaspalvelu'],
  }));
  await engine.trainings.putMany(trainings as never);
}

/**
 * Tops the clients up to `size.clients` through the record store adapter the service writes with:
 * copies of the loaded ones (ids `<id>-<n>`) with their own birth year and unemployment start, so
 * that the national numbers are reached without normalising and embedding 300,000 texts (hours on
 * 2 loaded cores). The service adds them to its matching graph when it starts.
 */
export function copyClients(db: Db, size: NationalSize, seed: number): number {
  const rnd = random(seed * 13 + 5);
  const store = new SqliteRecordStore<Jobseeker & { region: string; updatedAt: string }>(db, 'jobseekers');
  const loaded = db
    .prepare<[], { record: string; vector: Buffer; text_hash: string; embedder: string; derived_by: string; matchable: number }>(
      'SELECT record, vector, text_hash, embedder, derived_by, matchable FROM jobseekers ORDER BY label',
    )
    .all();
  let copied = 0;
  for (let n = 1; loaded.length + copied < size.clients; n++) {
    const batch = loaded.slice(0, Math.min(loaded.length, size.clients - loaded.length - copied)).map((row) => {
      const record = JSON.parse(row.record) as Jobseeker & { region: string; updatedAt: string };
      return {
        record: { ...record, id: `${record.id}-${n}`, birthYear: 1960 + Math.floor(rnd() * 45), unemployedSince: addDays(PERIOD.from, -Math.floor(rnd() * 900)) },
        vector: new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)),
        textHash: row.text_hash,
        embedder: row.embedder,
        derivedBy: row.derived_by,
        matchable: row.matchable === 1,
        newVersion: true,
      };
    });
    for (let i = 0; i < batch.length; i += 5000) store.saveAll(batch.slice(i, i + 5000));
    copied += batch.length;
  }
  return copied;
}

/** Ids of the stored clients and vacancies (in label order). */
export function ids(db: Db, table: 'jobseekers' | 'vacancies'): string[] {
  return db.prepare<[], { id: string }>(`SELECT id FROM ${table} ORDER BY label`).all().map((r) => r.id);
}

/**
 * Job suggestions over the period with their state changes (about `stateChanges` in all) and
 * referrals with their four states, through the store adapters the service writes with.
 */
export async function loadCasework(db: Db, secret: Buffer, size: NationalSize, seed: number): Promise<{ suggestions: number; stateChanges: number; referrals: number; referralEvents: number }> {
  const rnd = random(seed * 31 + 7);
  const clients = ids(db, 'jobseekers');
  const vacancies = ids(db, 'vacancies');
  const suggestions = new SqliteJobSuggestionStore(db);
  const referrals = new SqliteReferralStore(db, keyedTombstones(secret));
  const who = { by: 'Benchmark counsellor', role: 'counsellor' as const, reason: null };
  const totalWeight = PATHS.reduce((s, p) => s + p.weight, 0);
  const path = () => {
    let u = rnd() * totalWeight;
    for (const p of PATHS) if ((u -= p.weight) < 0) return p.states;
    return PATHS[0]!.states;
  };
  const at = (day: string, minute: number) => `${day}T${String(8 + Math.floor(minute / 60) % 9).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
  let changes = 0;
  let made = 0;
  const pairs = new Set<string>();
  const count = Math.ceil(size.stateChanges / MEAN_CHANGES);
  const BATCH = 2000;
  for (let start = 0; start < count; start += BATCH) {
    const batch: { id: number; version: number; day: string; states: JobSuggestionState[] }[] = [];
    // One transaction per batch (each store call is its own savepoint inside it, as it would be alone).
    await runInTransaction(db, async () => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const day = addDays(PERIOD.from, Math.floor(rnd() * daysOfPeriod));
        let pair: [string, string];
        do pair = [clients[Math.floor(rnd() * clients.length)]!, vacancies[Math.floor(rnd() * vacancies.length)]!];
        while (pairs.has(`${pair[0]} ${pair[1]}`)); // the service refuses a second open suggestion of a vacancy
        pairs.add(`${pair[0]} ${pair[1]}`);
        const s = await suggestions.add(
          {
            jobseekerId: pair[0],
            vacancyId: pair[1],
            unit: null,
            state: 'suggested',
            deadline: addDays(day, 14),
            consent: true,
            note: null,
            createdAt: at(day, i % 500),
            createdKey: 'benchmark',
            createdName: 'Benchmark counsellor',
          },
          { state: 'suggested', at: at(day, i % 500), ...who },
        );
        batch.push({ id: s.id, version: s.version, day, states: path() });
        made++;
      }
      for (const b of batch) {
        for (const [n, state] of b.states.entries()) {
          const when = at(addDays(b.day, 2 + n * 5), n);
          if (!(await suggestions.change(b.id, b.version, state, { state, at: when, ...who, role: n > 0 ? 'employer-service' : 'counsellor', reason: state === 'declined' ? 'muu syy' : null }))) throw new Error(`suggestion ${b.id}: change refused`);
          b.version++;
          changes++;
        }
      }
    });
  }
  let referralEvents = 0;
  for (let start = 0; start < size.referrals; start += BATCH) {
    await runInTransaction(db, async () => {
      for (let i = start; i < Math.min(size.referrals, start + BATCH); i++) {
        const day = addDays(PERIOD.from, Math.floor(rnd() * 150));
        const r = await referrals.add(
          { jobseekerId: clients[Math.floor(rnd() * clients.length)]!, trainingId: `N-T-${1 + Math.floor(rnd() * size.trainings)}`, keyId: 'benchmark', counsellor: 'Benchmark counsellor', reason: null },
          { on: day, at: at(day, 0), by: 'Benchmark counsellor', role: 'counsellor', note: null },
        );
        let version = r.version;
        const ended = addDays(day, 60 + Math.floor(rnd() * 60));
        const steps: [ReferralState, string][] = [['accepted', addDays(day, 3)], ['started', addDays(day, 10)], [rnd() < 0.1 ? 'interrupted' : 'completed', ended]];
        for (const [state, on] of steps) {
          if (!(await referrals.change(r.id, version++, { state, on, at: at(on, 0), by: 'Benchmark counsellor', role: 'counsellor', note: null }))) throw new Error(`referral ${r.id}: change refused`);
        }
        referralEvents += 1 + steps.length;
      }
    });
  }
  return { suggestions: made, stateChanges: changes, referrals: size.referrals, referralEvents };
}

/** The register's events as an import file's lines (NDJSON): employment, training, other services, leaving the register. */
export function outcomeLines(clients: string[], count: number, seed: number): string[] {
  const rnd = random(seed * 17 + 3);
  const events: [OutcomeEvent, number][] = [['employed-open', 50], ['employed-subsidised', 10], ['self-employed', 5], ['training', 10], ['other-service', 15], ['left-register', 10]];
  const lines: string[] = [];
  const seen = new Set<string>();
  while (lines.length < count) {
    let u = rnd() * 100;
    const event = events.find(([, w]) => (u -= w) < 0)?.[0] ?? 'employed-open';
    const jobseekerId = clients[Math.floor(rnd() * clients.length)]!;
    const date = addDays(PERIOD.from, Math.floor(rnd() * daysOfPeriod));
    const key = `${jobseekerId} ${event} ${date}`;
    if (seen.has(key)) continue; // each line a new event: the import stores every one
    seen.add(key);
    lines.push(JSON.stringify({ jobseekerId, event, date, source: 'benchmark' }));
  }
  return lines;
}

/** Runs `work` (whose store calls are synchronous under their promises) inside one write transaction. */
async function runInTransaction(db: Db, work: () => Promise<void>): Promise<void> {
  db.exec('BEGIN IMMEDIATE');
  try {
    await work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
