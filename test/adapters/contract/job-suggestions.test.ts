import { describe, expect, it } from 'vitest';
import { PostgresJobSuggestionStore } from '../../../src/adapters/postgres/job-suggestions.js';
import { SqliteJobSuggestionStore } from '../../../src/adapters/sqlite/job-suggestions.js';
import type { JobSuggestionEvent } from '../../../src/core/job-suggestions/schema.js';
import { ENGINES, type TestDatabase } from './engines.js';

const store = (db: TestDatabase) => (db.sqlite ? new SqliteJobSuggestionStore(db.sqlite) : new PostgresJobSuggestionStore(db.pool!));
const suggestion = (jobseekerId: string, vacancyId: string, createdAt = '2026-05-10T12:00:00.000Z') => ({
  jobseekerId, vacancyId, unit: 'unit-a', state: 'suggested' as const, deadline: '2026-05-24', consent: true, note: 'hae tätä', createdAt, createdKey: 'k1', createdName: 'Anna',
});
const made = (at = '2026-05-10T12:00:00.000Z'): JobSuggestionEvent => ({ state: 'suggested', at, by: 'Anna', role: 'counsellor', reason: null });
const event = (state: 'applied' | 'interview' | 'hired' | 'declined', reason: string | null = null): JobSuggestionEvent => ({ state, at: '2026-05-12T09:00:00.000Z', by: 'Unit A', role: 'employer-service', reason });

/** A ranking of the client's vacancies served at `at`, as the decision log stores it. */
async function ranking(db: TestDatabase, jobseeker: string, at: string, vacancies: (string | null)[]) {
  await db.run("INSERT INTO decision_contexts (id, model, taxonomy, settings) VALUES ('c', 'm', 't', '{}') ON CONFLICT DO NOTHING");
  const ranked = JSON.stringify(vacancies.map((v) => (v ? [v, 0.5, { semantic: 0.5 }] : null)));
  await db.run("INSERT INTO decisions (at, direction, subject, context_id, ranked) VALUES ($1, 'vacancies', $2, 'c', $3)", [at, jobseeker, ranked]);
}

describe.each(ENGINES)('job suggestion store on $name', (engine) => {
  const { current } = engine.use();

  it('adds a suggestion with its first step, and lists a client’s and a vacancy’s newest first', async () => {
    const s = store(current());
    const a = await s.add(suggestion('J1', 'V1'), made());
    const b = await s.add(suggestion('J1', 'V2'), made());
    await s.add(suggestion('J2', 'V1'), made());
    expect(a).toEqual({ id: 1, ...suggestion('J1', 'V1'), version: 1, history: [made()] });
    expect(await s.get(a.id)).toEqual(a);
    expect(await s.get(99)).toBeUndefined();
    expect((await s.ofJobseeker('J1')).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await s.ofVacancy('V1')).map((x) => x.jobseekerId)).toEqual(['J2', 'J1']);
  });

  it('refuses a second open suggestion of one vacancy to one client, also of two adds at once (one wins)', async () => {
    const s = store(current());
    const results = await Promise.allSettled([s.add(suggestion('J1', 'V1'), made()), s.add(suggestion('J1', 'V1'), made())]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason.message)).toMatch(/already suggested/);
    expect(await s.ofJobseeker('J1')).toHaveLength(1);
    await expect(s.add(suggestion('J1', 'V1'), made())).rejects.toThrow(/already suggested/);
    // Past its deadline a suggestion is no longer open: the vacancy may be suggested again.
    expect((await s.add(suggestion('J1', 'V1', '2026-06-01T12:00:00.000Z'), made('2026-06-01T12:00:00.000Z'))).id).toBeGreaterThan(0);
  });

  it('keeps the rank at which the vacancy was last shown to the client (within 30 days), none when not shown', async () => {
    const db = current();
    await ranking(db, 'J1', '2026-03-01T12:00:00.000Z', ['V1']); // too old
    await ranking(db, 'J1', '2026-05-01T12:00:00.000Z', ['V9', 'V1', 'V2']);
    await ranking(db, 'J1', '2026-05-09T12:00:00.000Z', [null, 'V2', 'V3', 'V1']);
    await ranking(db, 'J1', '2026-05-11T12:00:00.000Z', ['V1']); // after the suggestion
    const s = store(db);
    const shown = await s.add(suggestion('J1', 'V1'), made());
    await s.add(suggestion('J1', 'V4'), made());
    // One open suggestion per client and vacancy (the store refuses another): the first ends first.
    await s.change(shown.id, 1, 'declined', event('declined', 'ei'));
    await s.add(suggestion('J1', 'V1', '2026-04-15T00:00:00.000Z'), made());
    expect(await db.rows('SELECT vacancy_id, shown_rank, rank_recorded FROM job_suggestions ORDER BY id')).toEqual([
      { vacancy_id: 'V1', shown_rank: 4, rank_recorded: 1 },
      { vacancy_id: 'V4', shown_rank: null, rank_recorded: 1 },
      { vacancy_id: 'V1', shown_rank: null, rank_recorded: 1 },
    ]);
    expect(shown.id).toBe(1);
  });

  it('changes a state only from the version read: of two changes at once one wins, the other gets the conflict', async () => {
    const s = store(current());
    const x = await s.add(suggestion('J1', 'V1'), made());
    const results = await Promise.all([s.change(x.id, 1, 'applied', event('applied')), s.change(x.id, 1, 'declined', event('declined', 'ei'))]);
    expect(results.sort()).toEqual([false, true]);
    const after = (await s.get(x.id))!;
    expect(after.version).toBe(2);
    expect(after.history.map((e) => e.state)).toEqual(['suggested', after.state]);
    expect(await s.change(x.id, 1, 'hired', event('hired'))).toBe(false);
    expect(await s.change(x.id, 2, 'interview', event('interview'))).toBe(true);
    expect((await s.get(x.id))!).toMatchObject({ state: 'interview', version: 3 });
  });

  it("a withdrawn consent: the client's suggestions of that vacancy lose it with a new version, no others", async () => {
    const s = store(current());
    const x = await s.add(suggestion('J1', 'V1'), made());
    const other = await s.add(suggestion('J1', 'V2'), made());
    const someone = await s.add(suggestion('J2', 'V1'), made());
    await s.withdrawConsent('V1', 'J1');
    expect(await s.get(x.id)).toMatchObject({ consent: false, version: 2, state: 'suggested' });
    expect(await s.change(x.id, 1, 'interview', event('interview'))).toBe(false); // a change read before loses
    expect(await s.get(other.id)).toMatchObject({ consent: true, version: 1 });
    expect(await s.get(someone.id)).toMatchObject({ consent: true, version: 1 });
    await s.withdrawConsent('V1', 'J1'); // again: nothing more changes
    expect((await s.get(x.id))!.version).toBe(2);
  });

  it("erasure removes the client's suggestions and their history, no one else's", async () => {
    const db = current();
    const s = store(db);
    const x = await s.add(suggestion('J1', 'V1'), made());
    await s.change(x.id, 1, 'applied', event('applied'));
    await s.add(suggestion('J2', 'V1'), made());
    await s.forgetJobseeker('J1');
    expect(await s.ofJobseeker('J1')).toEqual([]);
    expect(await db.rows('SELECT jobseeker_id FROM job_suggestions')).toEqual([{ jobseeker_id: 'J2' }]);
    expect(await db.rows('SELECT suggestion_id FROM job_suggestion_events')).toEqual([{ suggestion_id: 2 }]);
  });
});
