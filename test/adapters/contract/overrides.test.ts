import { describe, expect, it } from 'vitest';
import { PostgresOverrideStore } from '../../../src/adapters/postgres/overrides.js';
import { OverrideStore } from '../../../src/adapters/sqlite/overrides.js';
import type { Override } from '../../../src/core/oversight/schema.js';
import { ENGINES, type TestDatabase } from './engines.js';

const store = (db: TestDatabase) => (db.sqlite ? new OverrideStore(db.sqlite) : new PostgresOverrideStore(db.pool!));
const override = (vacancyId: string, action: Override['action'], at: string, jobseekerId = 'J1'): Override => ({ jobseekerId, vacancyId, action, reason: 'syy', counsellor: 'k1', at });

describe.each(ENGINES)('counsellor override store on $name', (engine) => {
  const { current } = engine.use();

  it("keeps one override per client and vacancy, the last one put, ordered by when", async () => {
    const s = store(current());
    await s.put(override('V2', 'set-aside', '2026-05-02T00:00:00.000Z'));
    await s.put(override('V1', 'put-forward', '2026-05-01T00:00:00.000Z'));
    await s.put(override('V2', 'put-forward', '2026-05-03T00:00:00.000Z'));
    await s.put({ ...override('V3', 'set-aside', '2026-05-01T00:00:00.000Z'), counsellor: null });
    expect(await s.ofJobseeker('J1')).toEqual([
      override('V1', 'put-forward', '2026-05-01T00:00:00.000Z'),
      { ...override('V3', 'set-aside', '2026-05-01T00:00:00.000Z'), counsellor: null },
      override('V2', 'put-forward', '2026-05-03T00:00:00.000Z'),
    ]);
  });

  it('removes one override and says whether there was one', async () => {
    const s = store(current());
    await s.put(override('V1', 'set-aside', '2026-05-01T00:00:00.000Z'));
    expect(await s.remove('J1', 'V1')).toBe(true);
    expect(await s.remove('J1', 'V1')).toBe(false);
  });

  it("erasure removes the client's overrides, no one else's", async () => {
    const s = store(current());
    await s.put(override('V1', 'set-aside', '2026-05-01T00:00:00.000Z'));
    await s.put(override('V1', 'set-aside', '2026-05-01T00:00:00.000Z', 'J2'));
    await s.forgetJobseeker('J1');
    expect(await s.ofJobseeker('J1')).toEqual([]);
    expect(await s.ofJobseeker('J2')).toHaveLength(1);
  });
});
