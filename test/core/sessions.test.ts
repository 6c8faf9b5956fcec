import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../src/adapters/sqlite/organisations.js';
import { SessionStore } from '../../src/adapters/sqlite/sessions.js';
import { DEFAULT_SESSION_SETTINGS } from '../../src/config.js';
import { Sessions } from '../../src/core/sessions.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Web app sessions over the real SQLite key and session stores (in memory), on a clock the test moves. */
async function setUp() {
  const db = openDatabase(':memory:');
  let now = new Date('2026-12-06T08:00:00Z');
  const clock = () => now;
  await new OrganisationStore(db, clock).add({ id: 'tre', name: 'Tampere', kind: 'employment-area', area: 'tampere' });
  const keys = new ApiKeyStore(db, clock);
  const store = new SessionStore(db);
  const organisations = new OrganisationStore(db, clock);
  const sessions = new Sessions({ keys, store, organisationName: async (id) => (await organisations.get(id))?.name, now: clock }, { maxHours: 10, idleMinutes: 60 });
  const key = await keys.create('counsellor', 'Anna Virtanen', 'tre', 30);
  return {
    sessions,
    store,
    keys,
    key,
    advance: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

describe('Sessions', () => {
  it('has the documented defaults: ten hours at most, one hour idle', () => {
    expect(DEFAULT_SESSION_SETTINGS).toEqual({ maxHours: 10, idleMinutes: 60 });
  });

  it('exchanges a valid key for a session whose token is stored only as its hash', async () => {
    const { sessions, store, key } = await setUp();
    const opened = (await sessions.open(key.key))!;
    expect(opened.principal).toEqual({ keyId: key.id, name: 'Anna Virtanen', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } });
    expect(opened.expiresAt).toBe('2026-12-06T18:00:00.000Z');
    expect(opened.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(opened.csrf).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await store.get(opened.token)).toBeUndefined();
    expect(await store.get(sha256(opened.token))).toEqual({
      tokenHash: sha256(opened.token),
      keyId: key.id,
      csrf: opened.csrf,
      createdAt: '2026-12-06T08:00:00.000Z',
      lastSeen: '2026-12-06T08:00:00.000Z',
      expiresAt: '2026-12-06T18:00:00.000Z',
    });
    expect(await sessions.resolve(opened.token)).toEqual({ principal: opened.principal, csrf: opened.csrf, expiresAt: opened.expiresAt });
  });

  it("names the key's organisation for the web app's header, leaving the principal as the key's", async () => {
    const { sessions, key } = await setUp();
    const opened = (await sessions.open(key.key))!;
    expect(opened.organisation).toEqual({ id: 'tre', kind: 'employment-area', area: 'tampere', name: 'Tampere' });
    expect(opened.principal.organisation).not.toHaveProperty('name');
  });

  it('opens nothing for an unknown, malformed or revoked key', async () => {
    const { sessions, keys, key } = await setUp();
    expect(await sessions.open('kht_0000000000000000_' + 'a'.repeat(43))).toBeUndefined();
    expect(await sessions.open('not a key')).toBeUndefined();
    expect(await sessions.open(key.key.slice(0, -1) + (key.key.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    await keys.revoke(key.id);
    expect(await sessions.open(key.key)).toBeUndefined();
  });

  it('ends after idleMinutes without a request, and writes lastSeen at most once a minute', async () => {
    const { sessions, store, key, advance } = await setUp();
    const { token } = (await sessions.open(key.key))!;
    advance(1);
    await sessions.resolve(token); // exactly a minute: not written yet
    expect((await store.get(sha256(token)))!.lastSeen).toBe('2026-12-06T08:00:00.000Z');
    advance(0.5);
    await sessions.resolve(token);
    expect((await store.get(sha256(token)))!.lastSeen).toBe('2026-12-06T08:01:30.000Z');
    advance(59.99);
    expect(await sessions.check(token)).toMatchObject({ principal: { keyId: key.id } });
    advance(60);
    expect(await sessions.check(token)).toEqual({ ended: 'timeout' });
    // A timed-out session is removed: asked again, it is simply ended.
    expect(await store.get(sha256(token))).toBeUndefined();
    expect(await sessions.check(token)).toEqual({ ended: 'ended' });
  });

  it('ends maxHours after sign-in however busy', async () => {
    const { sessions, key, advance } = await setUp();
    const { token } = (await sessions.open(key.key))!;
    for (let i = 0; i < 19; i++) {
      advance(31);
      expect(await sessions.resolve(token)).toBeDefined();
    }
    advance(30); // 18:19: past 18:00, though only 30 minutes idle
    expect(await sessions.check(token)).toEqual({ ended: 'timeout' });
  });

  it('ends with its key (revoked), and on sign-out', async () => {
    const { sessions, keys, key } = await setUp();
    const first = (await sessions.open(key.key))!;
    const second = (await sessions.open(key.key))!;
    expect(first.token).not.toBe(second.token);
    await sessions.close(second.token);
    expect(await sessions.check(second.token)).toEqual({ ended: 'ended' });
    expect(await sessions.resolve(first.token)).toBeDefined();
    await keys.revoke(key.id);
    expect(await sessions.check(first.token)).toEqual({ ended: 'revoked' });
    expect(await sessions.resolve(first.token)).toBeUndefined();
    expect(await sessions.check('never-issued')).toEqual({ ended: 'ended' });
  });

  it('drops expired and idle sessions from the store when a new one opens', async () => {
    const { sessions, store, key, advance } = await setUp();
    const old = (await sessions.open(key.key))!;
    advance(61);
    await sessions.open(key.key);
    expect(await store.get(sha256(old.token))).toBeUndefined();
  });
});
