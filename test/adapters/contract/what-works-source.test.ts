import { describe, expect, it } from 'vitest';
import { PostgresWhatWorksSource } from '../../../src/adapters/postgres/what-works-source.js';
import { SqliteWhatWorksSource } from '../../../src/adapters/sqlite/what-works-source.js';
import { ENGINES, type TestDatabase } from './engines.js';
import { storeRecord } from './records.js';

const source = (db: TestDatabase) => (db.sqlite ? new SqliteWhatWorksSource(db.sqlite) : new PostgresWhatWorksSource(db.pool!));
const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function fill(db: TestDatabase) {
  await storeRecord(db, 'jobseekers', 'J1', '837', { unemployedSince: '2024-01-01', birthYear: 1970, normalized: { occupations: [{ isco: '7212' }] } });
  await storeRecord(db, 'jobseekers', 'J2', '905', { unemployedSince: '2026-01-01', birthYear: 1999 });
  await storeRecord(db, 'jobseekers', 'J3', '837', {});
  await storeRecord(db, 'vacancies', 'V1', '837', { publishedAt: '2026-04-20' });
  await db.run("INSERT INTO trainings (id, record, derived_by, updated_at) VALUES ('T1', $1, 'd', '2026-01-01T00:00:00.000Z')", [JSON.stringify({ title: 'Hitsaus', provider: 'Sedu' })]);
  const referral = (jobseeker: string, training: string, at: string, state: string | null) =>
    db.run("INSERT INTO referrals (jobseeker_id, training_id, key_id, counsellor, at, state) VALUES ($1, $2, 'k', 'Anna', $3, $4)", [jobseeker, training, at, state]);
  await referral('J1', 'T1', '2026-05-02T10:00:00.000Z', 'completed');
  await referral('J2', 'T9', '2026-05-31T23:59:59.000Z', null);
  await referral('J1', 'T1', '2026-06-01T00:00:00.000Z', 'referred'); // after the period
  const step = (referral: number, state: string, on: string) =>
    db.run("INSERT INTO referral_events (referral_id, state, happened_on, at, actor, role) VALUES ($1, $2, $3, '2026-05-02T00:00:00.000Z', 'Anna', 'counsellor')", [referral, state, on]);
  await step(1, 'started', '2026-05-03');
  await step(1, 'completed', '2026-05-20');
  const outcome = (jobseeker: string, event: string, on: string) =>
    db.run("INSERT INTO outcomes (jobseeker_id, event, happened_on, imported_at, actor) VALUES ($1, $2, $3, '2026-06-01T00:00:00.000Z', 'admin')", [jobseeker, event, on]);
  await outcome('J1', 'employed-open', '2026-05-25');
  await outcome('J1', 'training', '2026-05-03');
  await outcome('J3', 'self-employed', '2026-02-01');
  // Suggestions: one with its rank recorded, one older whose rank is read from the decision records.
  await db.run("INSERT INTO decision_contexts (id, model, taxonomy, settings) VALUES ('c', 'm', 't', '{}')");
  await db.run("INSERT INTO decisions (at, direction, subject, context_id, ranked) VALUES ('2026-05-09T00:00:00.000Z', 'vacancies', 'J2', 'c', $1)", [JSON.stringify([['V9', 1, {}], ['V1', 0.9, {}]])]);
  const suggest = (jobseeker: string, at: string, rankRecorded: number, shownRank: number | null) =>
    db.run(
      "INSERT INTO job_suggestions (jobseeker_id, vacancy_id, unit, state, deadline, consent, created_at, created_key, created_name, shown_rank, rank_recorded) VALUES ($1, 'V1', 'u', 'suggested', '2026-06-01', 1, $2, 'k', 'Anna', $3, $4)",
      [jobseeker, at, shownRank, rankRecorded],
    );
  await suggest('J1', '2026-05-05T00:00:00.000Z', 1, 3);
  await suggest('J2', '2026-05-10T00:00:00.000Z', 0, null);
  const event = (suggestion: number, state: string, at: string) =>
    db.run("INSERT INTO job_suggestion_events (suggestion_id, state, at, actor, role) VALUES ($1, $2, $3, 'x', 'employer-service')", [suggestion, state, at]);
  await event(1, 'suggested', '2026-05-05T00:00:00.000Z');
  await event(1, 'interview', '2026-05-07T00:00:00.000Z');
  await event(1, 'hired', '2026-05-15T00:00:00.000Z');
  await event(2, 'suggested', '2026-05-10T00:00:00.000Z');
  await event(2, 'applied', '2026-05-11T00:00:00.000Z');
}

describe.each(ENGINES)('what-works source on $name', (engine) => {
  const { current } = engine.use();

  it("reads each suggestion's furthest step, rank (recorded or from the decision records), long-term unemployment and days to hire", async () => {
    const db = current();
    await fill(db);
    const s = source(db);
    expect(sorted(await s.suggestionOutcomes({ from: '2026-05-01', to: '2026-05-31' }))).toEqual([
      { jobseekerId: 'J1', reached: 'hired', rank: 3, longTerm: true, daysToHire: 25, subsidised: false },
      { jobseekerId: 'J2', reached: 'applied', rank: 2, longTerm: false, daysToHire: null, subsidised: false },
    ]);
    expect(await s.suggestionOutcomes({ from: '2026-05-01', to: '2026-05-31', municipalities: ['905'] })).toHaveLength(1);
    expect(await s.suggestionOutcomes({ from: '2026-05-01', to: '2026-05-09' })).toHaveLength(1);
  });

  it('counts a hire as subsidised when the registers have the client in pay-subsidised work from within 90 days of it', async () => {
    const db = current();
    await fill(db);
    const outcome = (jobseeker: string, on: string) =>
      db.run("INSERT INTO outcomes (jobseeker_id, event, happened_on, imported_at, actor) VALUES ($1, 'employed-subsidised', $2, '2026-06-01T00:00:00.000Z', 'admin')", [jobseeker, on]);
    const subsidised = async () =>
      Object.fromEntries((await source(db).suggestionOutcomes({ from: '2026-05-01', to: '2026-05-31' })).map((o) => [o.jobseekerId, o.subsidised]));
    // J1 hired on 2026-05-15: subsidised work from 200 days before is another job; J2 was not hired.
    await outcome('J1', '2025-10-27');
    await outcome('J2', '2026-05-12');
    expect(await subsidised()).toEqual({ J1: false, J2: false });
    // From 2026-08-13, 90 days after the hire: this hire.
    await outcome('J1', '2026-08-13');
    expect(await subsidised()).toEqual({ J1: true, J2: false });
  });

  it("reads the period's referrals with how they ended, and every client of the area with their employment days", async () => {
    const db = current();
    await fill(db);
    const facts = await source(db).trainingFacts({ from: '2026-05-01', to: '2026-05-31' });
    expect(sorted(facts.referrals)).toEqual([
      { jobseekerId: 'J1', trainingId: 'T1', title: 'Hitsaus', provider: 'Sedu', state: 'completed', endedOn: '2026-05-20' },
      { jobseekerId: 'J2', trainingId: 'T9', title: 'T9', provider: '–', state: 'referred', endedOn: null },
    ]);
    expect(sorted(facts.clients)).toEqual([
      { jobseekerId: 'J1', isco: '7212', unemployedSince: '2024-01-01', birthYear: 1970, referred: true, employed: ['2026-05-25'] },
      { jobseekerId: 'J2', isco: null, unemployedSince: '2026-01-01', birthYear: 1999, referred: true, employed: [] },
      { jobseekerId: 'J3', isco: null, unemployedSince: null, birthYear: null, referred: false, employed: ['2026-02-01'] },
    ]);
    const area = await source(db).trainingFacts({ from: '2026-05-01', to: '2026-05-31', municipalities: ['837'] });
    expect(area.referrals.map((r) => r.jobseekerId)).toEqual(['J1']);
    expect(area.clients.map((c) => c.jobseekerId).sort()).toEqual(['J1', 'J3']);
  });

  it('reads no clients when the period has no referral (no training to compare them for), and no suggestion outside the period', async () => {
    const db = current();
    await fill(db);
    expect(await source(db).trainingFacts({ from: '2025-01-01', to: '2025-01-31' })).toEqual({ referrals: [], clients: [] });
    expect(await source(db).suggestionOutcomes({ from: '2025-01-01', to: '2025-01-31' })).toEqual([]);
  });
});
