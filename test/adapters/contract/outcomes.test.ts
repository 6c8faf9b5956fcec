import { describe, expect, it } from 'vitest';
import { PostgresOutcomeStore } from '../../../src/adapters/postgres/outcomes.js';
import { SqliteOutcomeStore } from '../../../src/adapters/sqlite/outcomes.js';
import type { StoredOutcome } from '../../../src/core/outcomes/schema.js';
import { ENGINES, type TestDatabase } from './engines.js';

const store = (db: TestDatabase) => (db.sqlite ? new SqliteOutcomeStore(db.sqlite) : new PostgresOutcomeStore(db.pool!));
const outcome = (jobseekerId: string, event: StoredOutcome['event'], date: string, source: string | null = 'register'): StoredOutcome => ({
  jobseekerId, event, date, source, importedAt: '2026-06-01T08:00:00.000Z', importedBy: 'admin',
});

describe.each(ENGINES)('outcome store on $name', (engine) => {
  const { current } = engine.use();

  it('stores each client, event and day once: a batch again, or a repeat inside it, adds nothing', async () => {
    const s = store(current());
    const batch = [outcome('J1', 'employed-open', '2026-03-01'), outcome('J1', 'training', '2026-01-15', null), outcome('J2', 'employed-open', '2026-03-01')];
    expect(await s.addMany(batch)).toBe(3);
    expect(await s.addMany([...batch, outcome('J1', 'employed-open', '2026-03-02'), outcome('J1', 'employed-open', '2026-03-02')])).toBe(1);
    expect(await s.addMany([])).toBe(0);
    expect(await s.ofJobseeker('J1')).toEqual([outcome('J1', 'training', '2026-01-15', null), outcome('J1', 'employed-open', '2026-03-01'), outcome('J1', 'employed-open', '2026-03-02')]);
  });

  it('counts how many of a batch are stored already', async () => {
    const s = store(current());
    await s.addMany([outcome('J1', 'employed-open', '2026-03-01')]);
    expect(await s.countStored([
      { jobseekerId: 'J1', event: 'employed-open', date: '2026-03-01' },
      { jobseekerId: 'J1', event: 'employed-open', date: '2026-03-02' },
      { jobseekerId: 'J2', event: 'employed-open', date: '2026-03-01' },
    ])).toBe(1);
    expect(await s.countStored([])).toBe(0);
  });

  it('two imports of the same events at once store them once', async () => {
    const s = store(current());
    const batch = Array.from({ length: 50 }, (_, i) => outcome(`J${i}`, 'employed-open', '2026-03-01'));
    const [a, b] = await Promise.all([s.addMany(batch), s.addMany(batch)]);
    expect(a + b).toBe(50);
    expect(await current().rows('SELECT count(*) AS n FROM outcomes')).toEqual([{ n: 50 }]);
  });

  it("erasure removes the client's events and no one else's", async () => {
    const s = store(current());
    await s.addMany([outcome('J1', 'employed-open', '2026-03-01'), outcome('J2', 'training', '2026-03-01')]);
    await s.forgetJobseeker('J1');
    expect(await s.ofJobseeker('J1')).toEqual([]);
    expect(await current().rows('SELECT jobseeker_id FROM outcomes')).toEqual([{ jobseeker_id: 'J2' }]);
  });
});
