import { describe, expect, it } from 'vitest';
import { PostgresReferralStore } from '../../../src/adapters/postgres/referrals.js';
import { SqliteReferralStore } from '../../../src/adapters/sqlite/referrals.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { ENGINES, type TestDatabase } from './engines.js';

const tombstones = keyedTombstones(Buffer.alloc(32, 7));
const store = (db: TestDatabase) => (db.sqlite ? new SqliteReferralStore(db.sqlite, tombstones) : new PostgresReferralStore(db.pool!, tombstones));

const first = { on: '2026-05-01', at: '2026-05-01T09:00:00.000Z', by: 'Anna', role: 'counsellor', note: null };
const event = (state: 'accepted' | 'started' | 'declined', on: string, note: string | null = null) => ({ state, on, at: `${on}T10:00:00.000Z`, by: 'Anna', role: 'counsellor', note });
const referral = (jobseekerId: string, trainingId = 'T1') => ({ jobseekerId, trainingId, keyId: 'k1', counsellor: 'Anna', reason: 'hitsaus' });

describe.each(ENGINES)('referral store on $name', (engine) => {
  const { current } = engine.use();

  it('adds a referral as referred, version 1, with its first step', async () => {
    const s = store(current());
    const r = await s.add(referral('J1'), first);
    expect(r).toEqual({
      id: 1, jobseekerId: 'J1', trainingId: 'T1', keyId: 'k1', counsellor: 'Anna', reason: 'hitsaus', at: first.at, state: 'referred', version: 1,
      history: [{ state: 'referred', ...first }],
    });
    expect(await s.get(r.id)).toEqual(r);
    expect(await s.get(999)).toBeUndefined();
  });

  it("lists a client's referrals in the order made, each with its own history", async () => {
    const s = store(current());
    const a = await s.add(referral('J1', 'T1'), first);
    await s.add(referral('J2', 'T1'), first);
    const b = await s.add(referral('J1', 'T2'), first);
    await s.change(b.id, 1, event('accepted', '2026-05-02', 'ok'));
    const list = await s.ofJobseeker('J1');
    expect(list.map((r) => [r.trainingId, r.state, r.version, r.history.map((e) => e.state)])).toEqual([
      ['T1', 'referred', 1, ['referred']],
      ['T2', 'accepted', 2, ['referred', 'accepted']],
    ]);
    expect(list[1]!.history[1]).toEqual(event('accepted', '2026-05-02', 'ok'));
    expect(a.id).toBeLessThan(b.id);
    expect(await s.ofJobseeker('nobody')).toEqual([]);
  });

  it('changes a state only from the version read: of two changes from the same version one wins, the other changes nothing', async () => {
    const s = store(current());
    const r = await s.add(referral('J1'), first);
    const results = await Promise.all([s.change(r.id, 1, event('accepted', '2026-05-02')), s.change(r.id, 1, event('declined', '2026-05-02', 'no'))]);
    expect(results.sort()).toEqual([false, true]);
    const after = (await s.get(r.id))!;
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(2);
    expect(after.history[1]!.state).toBe(after.state);
    expect(await s.change(r.id, 1, event('started', '2026-05-03'))).toBe(false);
    expect(await s.change(999, 1, event('started', '2026-05-03'))).toBe(false);
    expect((await s.get(r.id))!.version).toBe(2);
  });

  it('keeps concurrent changes from many callers consistent: versions 1…n each won once', async () => {
    const s = store(current());
    const r = await s.add(referral('J1'), first);
    // Each caller reads, then tries to change from what it read, until it has made one change.
    const caller = async (i: number) => {
      for (;;) {
        const seen = (await s.get(r.id))!;
        if (await s.change(r.id, seen.version, event('accepted', '2026-05-02', `caller ${i}`))) return seen.version;
      }
    };
    const won = await Promise.all([1, 2, 3, 4, 5].map(caller));
    expect(won.sort()).toEqual([1, 2, 3, 4, 5]);
    const after = (await s.get(r.id))!;
    expect(after.version).toBe(6);
    expect(after.history.map((e) => e.note).slice(1).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `caller ${i}`));
  });

  it('erasure leaves the training and date only: no person, reason, state or history; others untouched', async () => {
    const db = current();
    const s = store(db);
    const r = await s.add(referral('J1'), first);
    await s.change(r.id, 1, event('accepted', '2026-05-02'));
    await s.add(referral('J2'), first);
    await s.forgetJobseeker('J1');
    expect(await s.ofJobseeker('J1')).toEqual([]);
    expect(await db.rows('SELECT training_id, at, reason, state, jobseeker_id FROM referrals WHERE id = $1', [r.id])).toEqual([
      { training_id: 'T1', at: first.at, reason: null, state: null, jobseeker_id: tombstones.token('J1') },
    ]);
    expect(await db.rows('SELECT referral_id FROM referral_events ORDER BY id')).toEqual([{ referral_id: 2 }]);
    expect(await s.ofJobseeker('J2')).toHaveLength(1);
  });
});
