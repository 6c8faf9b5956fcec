import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteReferralStore } from '../../../src/adapters/sqlite/referrals.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { removeDir, tempDir } from '../../helpers/files.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function open() {
  const dir = tempDir();
  dirs.push(dir);
  const db = openDatabase(join(dir, 'k.sqlite'));
  return { db, store: new SqliteReferralStore(db, keyedTombstones(Buffer.alloc(32, 7))) };
}

const event = (state: 'accepted' | 'started', on: string) => ({ state, on, at: `${on}T10:00:00.000Z`, by: 'Anna', role: 'counsellor', note: null });

describe('referrals in SQLite', () => {
  it('changes a state only from the version read, keeping every change', async () => {
    const { db, store } = open();
    const r = await store.add({ jobseekerId: 'J1', trainingId: 'T1', keyId: 'k', counsellor: 'Anna', reason: 'hitsaus' }, { on: '2026-05-01', at: '2026-05-01T09:00:00.000Z', by: 'Anna', role: 'counsellor', note: null });
    expect(r).toMatchObject({ state: 'referred', version: 1, history: [{ state: 'referred', on: '2026-05-01' }] });
    expect(await store.change(r.id, 1, event('accepted', '2026-05-02'))).toBe(true);
    expect(await store.change(r.id, 1, event('started', '2026-05-03'))).toBe(false);
    expect(await store.get(r.id)).toMatchObject({ state: 'accepted', version: 2 });
    expect((await store.get(r.id))!.history.map((e) => e.state)).toEqual(['referred', 'accepted']);
    db.close();
  });

  it('erasure leaves the training and date only: no person, reason, state or history', async () => {
    const { db, store } = open();
    const r = await store.add({ jobseekerId: 'J1', trainingId: 'T1', keyId: 'k', counsellor: 'Anna', reason: 'hitsaus' }, { on: '2026-05-01', at: '2026-05-01T09:00:00.000Z', by: 'Anna', role: 'counsellor', note: null });
    await store.change(r.id, 1, event('accepted', '2026-05-02'));
    await store.forgetJobseeker('J1');
    expect(await store.ofJobseeker('J1')).toEqual([]);
    expect(db.prepare('SELECT training_id, at, reason, state, jobseeker_id LIKE ? AS erased FROM referrals').all('erased:%')).toEqual([
      { training_id: 'T1', at: '2026-05-01T09:00:00.000Z', reason: null, state: null, erased: 1 },
    ]);
    expect(db.prepare('SELECT count(*) FROM referral_events').pluck().get()).toBe(0);
    db.close();
  });

  it('migrates the referrals of an older database to `referred`, with that one step as their history', async () => {
    const { db, store } = open();
    // Back to the schema before issue 33's referral states: referrals without state, version and history.
    db.exec(`DROP TABLE referral_events; DROP TABLE outcomes; ALTER TABLE referrals DROP COLUMN state; ALTER TABLE referrals DROP COLUMN version;
      INSERT INTO referrals (jobseeker_id, training_id, key_id, counsellor, reason, at) VALUES
        ('J1', 'T1', 'k', 'Anna', 'hitsaus', '2025-03-04T08:00:00.000Z'),
        ('erased:0123456789abcdef', 'T2', 'k', 'Anna', NULL, '2025-03-05T08:00:00.000Z');`);
    db.pragma('user_version = 20'); // migration 21 gives referrals their states (the later ones run again harmlessly)
    migrate(db);
    expect(await store.ofJobseeker('J1')).toEqual([
      {
        id: 1, jobseekerId: 'J1', trainingId: 'T1', keyId: 'k', counsellor: 'Anna', reason: 'hitsaus', at: '2025-03-04T08:00:00.000Z', state: 'referred', version: 1,
        history: [{ state: 'referred', on: '2025-03-04', at: '2025-03-04T08:00:00.000Z', by: 'Anna', role: 'counsellor', note: null }],
      },
    ]);
    expect(db.prepare("SELECT state FROM referrals WHERE training_id = 'T2'").pluck().get()).toBeNull();
    expect(db.prepare('SELECT count(*) FROM referral_events').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'outcomes'").pluck().get()).toBe(1);
    db.close();
  });
});
