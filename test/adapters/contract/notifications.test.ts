import { describe, expect, it } from 'vitest';
import { PostgresNotificationSource } from '../../../src/adapters/postgres/notifications.js';
import { SqliteNotificationSource } from '../../../src/adapters/sqlite/notifications.js';
import { ENGINES, type TestDatabase } from './engines.js';

const source = (db: TestDatabase) => (db.sqlite ? new SqliteNotificationSource(db.sqlite) : new PostgresNotificationSource(db.pool!));

/** Two clients (Tampere, Vaasa), suggestions to units, their events, and shares. */
async function fill(db: TestDatabase) {
  for (const [id, municipality] of [['J1', '837'], ['J2', '905']]) {
    await db.run(
      "INSERT INTO jobseekers (id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at) VALUES ($1, $2, 'r', 1, '{}', 'h', 'e', $3, '2026-01-01T00:00:00.000Z')",
      [id, municipality, Buffer.from([0])],
    );
  }
  const suggest = async (jobseeker: string, vacancy: string, unit: string, consent: number, deadline: string, state = 'suggested') =>
    db.run(
      "INSERT INTO job_suggestions (jobseeker_id, vacancy_id, unit, state, deadline, consent, created_at, created_key, created_name) VALUES ($1, $2, $3, $4, $5, $6, '2026-05-01T00:00:00.000Z', 'k', 'Anna')",
      [jobseeker, vacancy, unit, state, deadline, consent],
    );
  await suggest('J1', 'V1', 'unit-a', 1, '2026-05-10');
  await suggest('J2', 'V1', 'unit-a', 0, '2026-05-11');
  await suggest('J1', 'V2', 'unit-b', 1, '2026-05-12', 'applied');
  await suggest('J2', 'V3', 'unit-a', 1, '2026-05-20');
  const event = (suggestion: number, state: string, at: string, role: string) =>
    db.run('INSERT INTO job_suggestion_events (suggestion_id, state, at, actor, role) VALUES ($1, $2, $3, $4, $5)', [suggestion, state, at, 'someone', role]);
  await event(1, 'interview', '2026-05-03T00:00:00.000Z', 'employer-service');
  await event(2, 'declined', '2026-05-04T00:00:00.000Z', 'employer-service');
  await event(3, 'applied', '2026-05-05T00:00:00.000Z', 'counsellor');
  await event(1, 'offer', '2026-05-06T00:00:00.000Z', 'employer-service');
  for (const [vacancy, jobseeker, owner, at] of [['V1', 'J1', 'unit-a', '2026-05-02T00:00:00.000Z'], ['V3', 'J2', 'unit-a', '2026-05-07T00:00:00.000Z'], ['V2', 'J1', 'unit-b', '2026-05-08T00:00:00.000Z']]) {
    await db.run("INSERT INTO shares (vacancy_id, jobseeker_id, key_id, at, owner, expires_at) VALUES ($1, $2, 'k', $3, $4, '2026-06-01')", [vacancy, jobseeker, at, owner]);
  }
}

describe.each(ENGINES)('notification source on $name', (engine) => {
  const { current } = engine.use();

  it("reads employer units' state changes newest first, from a time, at most `most`, in the scope's municipalities", async () => {
    const db = current();
    await fill(db);
    const s = source(db);
    const all = await s.unitChanges('2026-05-01', 10, {});
    expect(all.map((c) => [c.suggestion, c.state])).toEqual([[1, 'offer'], [2, 'declined'], [1, 'interview']]);
    expect(all[0]).toEqual({ event: 4, suggestion: 1, jobseekerId: 'J1', vacancyId: 'V1', state: 'offer', at: '2026-05-06T00:00:00.000Z', by: 'someone' });
    expect((await s.unitChanges('2026-05-04', 10, {})).map((c) => c.event)).toEqual([4, 2]);
    expect((await s.unitChanges('2026-05-01', 1, {})).map((c) => c.event)).toEqual([4]);
    expect((await s.unitChanges('2026-05-01', 10, { municipalities: ['905'] })).map((c) => c.event)).toEqual([2]);
    expect(await s.unitChanges('2026-05-01', 10, { municipalities: [] })).toEqual([]);
  });

  it("reads a unit's shares newest first", async () => {
    const db = current();
    await fill(db);
    expect(await source(db).sharesWith('unit-a', '2026-05-01', 10)).toEqual([
      { vacancyId: 'V3', jobseekerId: 'J2', at: '2026-05-07T00:00:00.000Z' },
      { vacancyId: 'V1', jobseekerId: 'J1', at: '2026-05-02T00:00:00.000Z' },
    ]);
    expect(await source(db).sharesWith('unit-a', '2026-05-03', 1)).toHaveLength(1);
  });

  it('reads suggestions still open past their deadline; for a unit only those the client consented to share', async () => {
    const db = current();
    await fill(db);
    const s = source(db);
    expect((await s.deadlinesPassed('2026-05-01', '2026-05-15', 10, {})).map((d) => [d.suggestion, d.consent])).toEqual([[2, false], [1, true]]);
    expect((await s.deadlinesPassed('2026-05-01', '2026-05-15', 10, { unit: 'unit-a' })).map((d) => d.suggestion)).toEqual([1]);
    expect((await s.deadlinesPassed('2026-05-01', '2026-05-15', 10, { municipalities: ['905'] })).map((d) => d.suggestion)).toEqual([2]);
    expect(await s.deadlinesPassed('2026-05-01', '2026-05-30', 1, {})).toEqual([
      { suggestion: 4, jobseekerId: 'J2', vacancyId: 'V3', unit: 'unit-a', consent: true, deadline: '2026-05-20' },
    ]);
  });

  it('keeps up to when each reader has read, never moving back (also when two tabs write at once)', async () => {
    const s = source(current());
    expect(await s.get('key:k1')).toBeNull();
    await s.set('key:k1', '2026-05-05T00:00:00.000Z');
    await s.set('key:k1', '2026-05-01T00:00:00.000Z');
    expect(await s.get('key:k1')).toBe('2026-05-05T00:00:00.000Z');
    await Promise.all([s.set('key:k1', '2026-05-09T00:00:00.000Z'), s.set('key:k1', '2026-05-07T00:00:00.000Z')]);
    expect(await s.get('key:k1')).toBe('2026-05-09T00:00:00.000Z');
    expect(await s.get('key:k2')).toBeNull();
  });
});
