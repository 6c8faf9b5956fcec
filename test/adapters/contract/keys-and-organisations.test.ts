import { describe, expect, it } from 'vitest';
import { PostgresApiKeyStore } from '../../../src/adapters/postgres/api-keys.js';
import { PostgresOrganisationStore } from '../../../src/adapters/postgres/organisations.js';
import { ApiKeyStore } from '../../../src/adapters/sqlite/api-keys.js';
import { OrganisationStore } from '../../../src/adapters/sqlite/organisations.js';
import { ENGINES, type TestDatabase } from './engines.js';

const DAY = 86_400_000;
/** A clock the test moves. */
const clock = () => {
  let now = Date.parse('2026-06-01T09:00:00.000Z');
  return { now: () => new Date(now), pass: (ms: number) => (now += ms) };
};
const keysOf = (db: TestDatabase, now: () => Date) => (db.sqlite ? new ApiKeyStore(db.sqlite, now) : new PostgresApiKeyStore(db.pool!, now));
const organisationsOf = (db: TestDatabase, now: () => Date) => (db.sqlite ? new OrganisationStore(db.sqlite, now) : new PostgresOrganisationStore(db.pool!, now));

describe.each(ENGINES)('API keys and organisations on $name', (engine) => {
  const { current } = engine.use();

  it('adds an organisation once, changes it only from the version read, and lists them by id', async () => {
    const c = clock();
    const orgs = organisationsOf(current(), c.now);
    expect(await orgs.add({ id: 'unit-b', name: 'B', kind: 'employer-services' })).toBe(true);
    expect(await orgs.add({ id: 'area-a', name: 'A', kind: 'employment-area', area: 'A1' })).toBe(true);
    expect(await orgs.add({ id: 'unit-b', name: 'again', kind: 'planning' })).toBe(false);
    const [first, second] = await Promise.all([orgs.change('unit-b', 1, { name: 'B1', area: null }), orgs.change('unit-b', 1, { name: 'B2', area: null })]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await orgs.get('unit-b')).toMatchObject({ version: 2, kind: 'employer-services', createdAt: '2026-06-01T09:00:00.000Z' });
    expect(await orgs.get('area-a')).toEqual({ id: 'area-a', name: 'A', kind: 'employment-area', area: 'A1', createdAt: '2026-06-01T09:00:00.000Z', version: 1 });
    expect((await orgs.list()).map((o) => o.id)).toEqual(['area-a', 'national', 'unit-b']);
    expect(await orgs.get('missing')).toBeUndefined();
  });

  it('verifies a key to its principal; a wrong secret, an unknown id, a revoked or expired key verify to nothing', async () => {
    const c = clock();
    const db = current();
    await organisationsOf(db, c.now).add({ id: 'area-a', name: 'A', kind: 'employment-area', area: 'A1' });
    const keys = keysOf(db, c.now);
    const a = await keys.create('counsellor', 'Anna', 'area-a', 30, 'anna@example.fi');
    const b = await keys.create('admin', 'Admin', 'national');
    expect(await keys.verify(a.key)).toEqual({ keyId: a.id, name: 'Anna', role: 'counsellor', organisation: { id: 'area-a', kind: 'employment-area', area: 'A1' } });
    expect(await keys.verify(`kht_${a.id}_${'A'.repeat(43)}`)).toBeUndefined();
    expect(await keys.verify(`kht_${'0'.repeat(16)}_${a.key.slice(-43)}`)).toBeUndefined();
    expect(await keys.verify('not a key')).toBeUndefined();
    expect(await keys.principalOf(b.id)).toMatchObject({ role: 'admin', organisation: { id: 'national', kind: 'national' } });
    expect(await keys.activeCount()).toBe(2);
    expect(await keys.revoke(b.id)).toBe(true);
    expect(await keys.revoke(b.id)).toBe(false);
    expect(await keys.verify(b.key)).toBeUndefined();
    c.pass(31 * DAY);
    expect(await keys.verify(a.key)).toBeUndefined(); // expired
    expect(await keys.activeCount()).toBe(0);
    // Made at the same instant: in id order (random) after the creation time.
    expect((await keys.list()).map((k) => [k.name, k.owner, k.organisation, k.revokedAt !== null]).sort()).toEqual([
      ['Admin', null, 'national', true],
      ['Anna', 'anna@example.fi', 'area-a', false],
    ]);
  });

  it('rotates a usable key: a successor with the same role and organisation, the old one running out after the grace', async () => {
    const c = clock();
    const keys = keysOf(current(), c.now);
    const old = await keys.create('admin', 'Admin', 'national', 365);
    const next = (await keys.rotate(old.id, 7))!;
    expect(next.oldExpiresAt).toBe(new Date(c.now().getTime() + 7 * DAY).toISOString());
    expect(await keys.verify(next.key)).toMatchObject({ role: 'admin', name: 'Admin' });
    c.pass(6 * DAY);
    expect(await keys.verify(old.key)).toBeDefined();
    c.pass(2 * DAY);
    expect(await keys.verify(old.key)).toBeUndefined();
    expect(await keys.rotate(old.id, 7)).toBeUndefined(); // expired: nothing to rotate
    expect(await keys.rotate('0'.repeat(16), 7)).toBeUndefined();
  });

  it('refuses everything while no key exists', async () => {
    const keys = keysOf(current(), () => new Date());
    expect(await keys.verify(`kht_${'0'.repeat(16)}_${'A'.repeat(43)}`)).toBeUndefined();
    const { key } = await keys.create('admin', 'first', 'national');
    expect((await keys.verify(key))?.name).toBe('first');
  });
});
