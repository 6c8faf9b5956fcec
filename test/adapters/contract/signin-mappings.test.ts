import { describe, expect, it } from 'vitest';
import { PostgresSignInMappingStore } from '../../../src/adapters/postgres/signin-mappings.js';
import { SignInMappingStore } from '../../../src/adapters/sqlite/signin-mappings.js';
import { ENGINES, type TestDatabase } from './engines.js';

const clock = () => new Date('2026-06-01T12:00:00.000Z');
async function store(db: TestDatabase) {
  await db.run("INSERT INTO organisations (id, name, kind, area, created_at) VALUES ('tampere', 'Tampere', 'employment-area', 'tampere', '2026-01-01T00:00:00.000Z')");
  return db.sqlite ? new SignInMappingStore(db.sqlite, clock) : new PostgresSignInMappingStore(db.pool!, clock);
}
const at = '2026-06-01T12:00:00.000Z';

describe.each(ENGINES)('sign-in mapping store on $name', (engine) => {
  const { current } = engine.use();

  it('adds a mapping once per provider and value (undefined for a value already mapped)', async () => {
    const s = await store(current());
    const m = await s.add({ provider: 'ad', value: 'g-counsellors', organisation: 'tampere', role: 'counsellor' });
    expect(m).toEqual({ id: 1, provider: 'ad', value: 'g-counsellors', organisation: 'tampere', role: 'counsellor', version: 1, createdAt: at, updatedAt: at });
    expect(await s.add({ provider: 'ad', value: 'g-counsellors', organisation: 'national', role: 'admin' })).toBeUndefined();
    // PostgreSQL's refused insert used up an id (SQLite's did not): ids are increasing, not without gaps.
    expect((await s.add({ provider: 'other', value: 'g-counsellors', organisation: 'national', role: 'admin' }))!.id).toBeGreaterThan(m!.id);
    expect((await s.list()).map((x) => x.provider)).toEqual(['ad', 'other']);
    expect(await s.get(m!.id)).toEqual(m);
    expect(await s.get(99)).toBeUndefined();
  });

  it("changes a mapping only from the version read: of two changes at once one wins, the other is stale; a value taken is 'taken'", async () => {
    const s = await store(current());
    const m = (await s.add({ provider: 'ad', value: 'a', organisation: 'tampere', role: 'counsellor' }))!;
    await s.add({ provider: 'ad', value: 'b', organisation: 'tampere', role: 'planner' });
    const results = await Promise.all([
      s.change(m.id, 1, { value: 'a2', organisation: 'tampere', role: 'counsellor' }),
      s.change(m.id, 1, { value: 'a3', organisation: 'national', role: 'admin' }),
    ]);
    expect(results.sort()).toEqual(['changed', 'stale']);
    expect((await s.get(m.id))!.version).toBe(2);
    expect(await s.change(m.id, 2, { value: 'b', organisation: 'tampere', role: 'counsellor' })).toBe('taken');
    expect((await s.get(m.id))!.version).toBe(2);
    expect(await s.remove(m.id, 1)).toBe(false);
    expect(await s.remove(m.id, 2)).toBe(true);
    expect(await s.get(m.id)).toBeUndefined();
  });

  it("seeds a provider's mappings once: later seeds (another start, or two nodes at once) change nothing", async () => {
    const s = await store(current());
    const roles = [
      { value: 'g1', organisation: 'tampere', role: 'counsellor' as const },
      { value: 'g2', organisation: 'national', role: 'admin' as const },
    ];
    await Promise.all([s.seed('ad', roles), s.seed('ad', roles)]);
    expect((await s.list()).map((x) => x.value)).toEqual(['g1', 'g2']);
    const g1 = (await s.list())[0]!;
    await s.remove(g1.id, 1);
    await s.seed('ad', roles);
    expect((await s.list()).map((x) => x.value)).toEqual(['g2']);
  });
});
