import { describe, expect, it } from 'vitest';
import { PostgresCandidateBudgetStore } from '../../../src/adapters/postgres/candidate-budget.js';
import { postgresSettingFlag } from '../../../src/adapters/postgres/settings.js';
import { PostgresShareStore } from '../../../src/adapters/postgres/shares.js';
import { PostgresVacancyOwnerStore } from '../../../src/adapters/postgres/vacancy-owners.js';
import { CandidateBudgetStore } from '../../../src/adapters/sqlite/candidate-budget.js';
import { settingFlag } from '../../../src/adapters/sqlite/settings.js';
import { ShareStore } from '../../../src/adapters/sqlite/shares.js';
import { VacancyOwnerStore } from '../../../src/adapters/sqlite/vacancy-owners.js';
import { ENGINES, type TestDatabase } from './engines.js';

const sharesOf = (db: TestDatabase) => (db.sqlite ? new ShareStore(db.sqlite) : new PostgresShareStore(db.pool!));
const ownersOf = (db: TestDatabase) => (db.sqlite ? new VacancyOwnerStore(db.sqlite) : new PostgresVacancyOwnerStore(db.pool!));
const budgetOf = (db: TestDatabase) => (db.sqlite ? new CandidateBudgetStore(db.sqlite) : new PostgresCandidateBudgetStore(db.pool!));
const flagOf = (db: TestDatabase, name: string) => (db.sqlite ? settingFlag(db.sqlite, name) : postgresSettingFlag(db.pool!, name));

const share = (vacancyId: string, jobseekerId: string, owner = 'unit-a', at = '2026-11-01T10:00:00.000Z') => ({ vacancyId, jobseekerId, owner, keyId: 'k1', at, expiresAt: '2026-12-31T00:00:00.000Z' });

describe.each(ENGINES)('shares, owners, candidate budget and settings on $name', (engine) => {
  const { current } = engine.use();
  const units = async (db: TestDatabase) => {
    for (const id of ['unit-a', 'unit-b']) await db.run("INSERT INTO organisations (id, name, kind, created_at) VALUES ($1, $2, 'employer-services', 'now')", [id, id]);
  };

  it('counts a share only while unexpired and for the owner it was made for; a client withdrawing or erased ends theirs', async () => {
    const shares = sharesOf(current());
    await shares.add(share('V1', 'J1'));
    await shares.add(share('V1', 'J2', 'unit-b'));
    await shares.add(share('V2', 'J1', 'unit-a', '2026-11-02T10:00:00.000Z'));
    await shares.add({ ...share('V1', 'J1'), at: '2026-11-03T10:00:00.000Z', sharedBy: 'Anna' }); // shared again: replaced
    expect([...(await shares.activeFor('V1', 'unit-a', '2026-12-01'))]).toEqual(['J1']);
    expect([...(await shares.activeFor('V1', 'unit-a', '2027-01-01'))]).toEqual([]);
    expect((await shares.ofJobseeker('J1')).map((s) => [s.vacancyId, s.at, s.sharedBy])).toEqual([
      ['V2', '2026-11-02T10:00:00.000Z', undefined],
      ['V1', '2026-11-03T10:00:00.000Z', 'Anna'],
    ]);
    expect(await shares.remove('V2', 'J1')).toBe(true);
    expect(await shares.remove('V2', 'J1')).toBe(false);
    await shares.forgetJobseeker('J1');
    expect(await shares.ofJobseeker('J1')).toEqual([]);
    expect(await shares.ofJobseeker('J2')).toHaveLength(1);
  });

  it("hands a vacancy to another unit, ending the old owner's shares; lists a unit's vacancies in id order", async () => {
    const db = current();
    await units(db);
    const owners = ownersOf(db);
    const shares = sharesOf(db);
    expect(await owners.set('V1', 'unit-a')).toBe(true);
    expect(await owners.set('V1', 'unit-a')).toBe(false); // already: nothing changes
    await owners.set('V3', 'unit-a');
    await owners.set('V2', 'unit-a');
    await shares.add(share('V1', 'J1'));
    expect(await owners.ownedBy('unit-a', '', 10)).toEqual(['V1', 'V2', 'V3']);
    expect(await owners.ownedBy('unit-a', 'V1', 1)).toEqual(['V2']);
    expect(await owners.set('V1', 'unit-b')).toBe(true);
    expect([await owners.ownerOf('V1'), await shares.ofJobseeker('J1')]).toEqual(['unit-b', []]);
    expect(await owners.set('V1', null)).toBe(true);
    expect(await owners.ownerOf('V1')).toBeNull();
    // Two hand-overs at once: each sees the other's result, neither is lost.
    const results = await Promise.all([owners.set('V2', 'unit-b'), owners.set('V2', 'unit-b')]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('counts distinct candidates per organisation and day, refusing a list that would exceed the limit whole', async () => {
    const budget = budgetOf(current());
    expect(await budget.views('unit', '2026-12-06', ['a', 'b', 'c'], 4)).toEqual({ admitted: true, used: 3 });
    expect(await budget.views('unit', '2026-12-06', ['a', 'b', 'c'], 4)).toEqual({ admitted: true, used: 3 }); // seen again: free
    expect(await budget.views('unit', '2026-12-06', ['c', 'd', 'e'], 4)).toEqual({ admitted: false, used: 3 }); // nothing counted
    expect(await budget.views('unit', '2026-12-06', ['d'], 4)).toEqual({ admitted: true, used: 4 });
    expect((await budget.views('other', '2026-12-06', ['e'], 4)).admitted).toBe(true);
    expect(await budget.views('unit', '2026-12-07', ['e'], 4)).toEqual({ admitted: true, used: 1 });
    await budget.forgetSubject('d');
    expect(await budget.views('unit', '2026-12-06', ['x'], 4)).toEqual({ admitted: true, used: 4 });
    await budget.prune('2026-12-07', 0);
    expect(await budget.views('unit', '2026-12-06', ['y'], 1)).toEqual({ admitted: true, used: 1 });
  });

  it('lets only one of several callers at once take the last place', async () => {
    const budget = budgetOf(current());
    const views = await Promise.all(['a', 'b', 'c', 'd'].map((s) => budget.views('unit', '2026-12-06', [s], 2)));
    expect(views.filter((v) => v.admitted)).toHaveLength(2);
    const searches = await Promise.all([1, 2, 3, 4].map((i) => budget.search('k', 1_000 + i, 3_600_000, 1)));
    expect(searches.filter((s) => s.admitted)).toHaveLength(1);
  });

  it('counts ad-hoc searches per key in a sliding window', async () => {
    const budget = budgetOf(current());
    const hour = 3_600_000;
    expect((await budget.search('k', 1_000, hour, 2)).admitted).toBe(true);
    expect((await budget.search('k', 2_000, hour, 2)).admitted).toBe(true);
    expect(await budget.search('k', 3_000, hour, 2)).toEqual({ admitted: false, retryAfterMs: hour - 2_000 });
    expect((await budget.search('other', 3_000, hour, 2)).admitted).toBe(true);
    expect((await budget.search('k', 1_000 + hour, hour, 2)).admitted).toBe(true);
  });

  it('keeps a flag in the database: set, seen by another reader, cleared', async () => {
    const db = current();
    const flag = flagOf(db, 'compaction-due');
    expect(await flag.isSet()).toBe(false);
    await flag.set();
    expect(await flagOf(db, 'compaction-due').isSet()).toBe(true);
    expect(await flagOf(db, 'other').isSet()).toBe(false);
    await flag.clear();
    expect(await flag.isSet()).toBe(false);
  });
});
