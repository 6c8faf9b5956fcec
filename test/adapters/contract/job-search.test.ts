import { describe, expect, it } from 'vitest';
import { PostgresJobSearchStore } from '../../../src/adapters/postgres/job-search.js';
import { SqliteJobSearchStore } from '../../../src/adapters/sqlite/job-search.js';
import { ENGINES, type TestDatabase } from './engines.js';

const store = (db: TestDatabase) => (db.sqlite ? new SqliteJobSearchStore(db.sqlite) : new PostgresJobSearchStore(db.pool!));
const application = (jobseekerId: string, appliedOn: string, vacancyId?: string) => ({
  jobseekerId, appliedOn, employer: 'Wärtsilä', title: 'Hitsaaja', ...(vacancyId ? { vacancyId } : {}), at: `${appliedOn}T10:00:00.000Z`, actor: 'client',
});

describe.each(ENGINES)('job-search store on $name', (engine) => {
  const { current } = engine.use();

  it('keeps obligation changes newest first', async () => {
    const s = store(current());
    await s.changeObligation({ jobseekerId: 'J1', perMonth: 4, reason: 'alku', at: '2026-01-01T00:00:00.000Z', actor: 'Anna' });
    await s.changeObligation({ jobseekerId: 'J1', perMonth: 2, reason: 'osa-aikatyö', at: '2026-02-01T00:00:00.000Z', actor: 'Anna' });
    await s.changeObligation({ jobseekerId: 'J2', perMonth: 3, reason: 'alku', at: '2026-01-01T00:00:00.000Z', actor: 'Anna' });
    expect((await s.obligationChanges('J1')).map((c) => c.perMonth)).toEqual([2, 4]);
    expect(await s.obligationChanges('J3')).toEqual([]);
  });

  it('reports applications with their ids, and reads them by day range, inclusive', async () => {
    const s = store(current());
    const a = await s.addReported(application('J1', '2026-03-05', 'V1'));
    await s.addReported(application('J1', '2026-03-31'));
    await s.addReported(application('J1', '2026-04-01'));
    await s.addReported(application('J2', '2026-03-10'));
    expect(a).toEqual({ ...application('J1', '2026-03-05', 'V1'), id: 1 });
    expect((await s.reportedBetween('J1', '2026-03-01', '2026-03-31')).map((r) => r.appliedOn)).toEqual(['2026-03-05', '2026-03-31']);
    expect((await s.reportedBetween('J1', '2026-03-01', '2026-03-31'))[1]).not.toHaveProperty('vacancyId');
    const all = await s.ofJobseeker('J1');
    expect(all.reported).toHaveLength(3);
    expect(all.obligation).toEqual([]);
  });

  it("erasure removes the client's obligation and applications, no one else's", async () => {
    const db = current();
    const s = store(db);
    await s.changeObligation({ jobseekerId: 'J1', perMonth: 4, reason: 'alku', at: '2026-01-01T00:00:00.000Z', actor: 'Anna' });
    await s.addReported(application('J1', '2026-03-05'));
    await s.addReported(application('J2', '2026-03-05'));
    await s.forgetJobseeker('J1');
    expect(await s.ofJobseeker('J1')).toEqual({ obligation: [], reported: [] });
    expect(await db.rows('SELECT jobseeker_id FROM reported_applications')).toEqual([{ jobseeker_id: 'J2' }]);
    expect(await db.rows('SELECT count(*) AS n FROM obligation_changes')).toEqual([{ n: 0 }]);
  });
});
