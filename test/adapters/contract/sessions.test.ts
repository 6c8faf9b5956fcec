import { describe, expect, it } from 'vitest';
import { PostgresPersonSessionStore } from '../../../src/adapters/postgres/person-sessions.js';
import { PostgresSessionStore } from '../../../src/adapters/postgres/sessions.js';
import { PersonSessionStore } from '../../../src/adapters/sqlite/person-sessions.js';
import { SessionStore } from '../../../src/adapters/sqlite/sessions.js';
import { ENGINES, type TestDatabase } from './engines.js';

const sessionsOf = (db: TestDatabase) => (db.sqlite ? new SessionStore(db.sqlite) : new PostgresSessionStore(db.pool!));
const peopleOf = (db: TestDatabase) => (db.sqlite ? new PersonSessionStore(db.sqlite) : new PostgresPersonSessionStore(db.pool!));

const session = (tokenHash: string, lastSeen = '2026-06-01T09:00:00.000Z', expiresAt = '2026-06-02T09:00:00.000Z') => ({
  tokenHash,
  keyId: 'k1',
  csrf: 'c',
  createdAt: '2026-06-01T09:00:00.000Z',
  lastSeen,
  expiresAt,
});
const person = (tokenHash: string, refreshToken?: string) => ({
  tokenHash,
  provider: 'idp',
  subject: 'anna',
  name: 'Anna',
  role: 'counsellor' as const,
  organisationId: 'national',
  csrf: 'c',
  createdAt: '2026-06-01T09:00:00.000Z',
  lastSeen: '2026-06-01T09:00:00.000Z',
  expiresAt: '2026-06-02T09:00:00.000Z',
  checkedAt: '2026-06-01T09:00:00.000Z',
  idToken: 'id-token',
  ...(refreshToken ? { refreshToken } : {}),
});

describe.each(ENGINES)('sessions on $name', (engine) => {
  const { current } = engine.use();

  it("keeps a key's web session: read, touched, removed, and dropped when expired or idle", async () => {
    const db = current();
    await db.run("INSERT INTO api_keys (id, name, role, secret_sha256, created_at) VALUES ('k1', 'Anna', 'counsellor', 'x', 'now')");
    const store = sessionsOf(db);
    await store.add(session('t1'));
    await store.add(session('t2', '2026-06-01T08:00:00.000Z'));
    await store.add(session('t3', '2026-06-01T09:30:00.000Z', '2026-06-01T10:00:00.000Z'));
    expect(await store.get('t1')).toEqual(session('t1'));
    await store.touch('t1', '2026-06-01T09:45:00.000Z');
    expect((await store.get('t1'))!.lastSeen).toBe('2026-06-01T09:45:00.000Z');
    await store.removeExpired('2026-06-01T10:00:00.000Z', '2026-06-01T08:30:00.000Z');
    expect([await store.get('t1'), await store.get('t2'), await store.get('t3')].map((s) => s?.tokenHash)).toEqual(['t1', undefined, undefined]);
    await store.remove('t1');
    expect(await store.get('t1')).toBeUndefined();
  });

  it("keeps a signed-in person's session, checked again by one node only", async () => {
    const store = peopleOf(current());
    await store.add(person('p1', 'refresh'));
    await store.add(person('p2'));
    expect(await store.get('p1')).toEqual(person('p1', 'refresh'));
    expect(await store.get('p2')).toEqual(person('p2'));
    const claims = await Promise.all([1, 2, 3].map(() => store.claimRecheck('p1', '2026-06-01T09:00:00.000Z', '2026-06-01T10:00:00.000Z')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.checked('p1', { name: 'Anna K', role: 'planner', organisationId: 'national', checkedAt: '2026-06-01T10:00:01.000Z', idToken: 'id-2' });
    expect(await store.get('p1')).toMatchObject({ name: 'Anna K', role: 'planner', checkedAt: '2026-06-01T10:00:01.000Z', idToken: 'id-2' });
    expect((await store.get('p1'))!.refreshToken).toBeUndefined();
    await store.touch('p2', '2026-06-01T11:00:00.000Z');
    await store.removeExpired('2026-06-01T12:00:00.000Z', '2026-06-01T10:30:00.000Z');
    expect([await store.get('p1'), await store.get('p2')].map((s) => s?.tokenHash)).toEqual([undefined, 'p2']);
    await store.remove('p2');
    expect(await store.get('p2')).toBeUndefined();
  });
});
