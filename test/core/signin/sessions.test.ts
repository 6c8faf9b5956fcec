import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../../src/adapters/sqlite/organisations.js';
import { PersonSessionStore } from '../../../src/adapters/sqlite/person-sessions.js';
import { claimValues, displayName, mapClaims } from '../../../src/core/signin/claims.js';
import { PersonSessions, type Person } from '../../../src/core/signin/sessions.js';

const AINO: Person = { provider: 'tampere', subject: 'aino-1234', name: 'Aino Alanen', organisation: 'tre', role: 'counsellor' };

function sessions(recheckMinutes = 10) {
  const db = openDatabase(':memory:');
  const organisations = new OrganisationStore(db);
  organisations.add({ id: 'tre', name: 'Tampere', kind: 'employment-area', area: 'tampere' });
  let now = new Date('2026-12-06T08:00:00Z');
  const people = new PersonSessions(
    {
      store: new PersonSessionStore(db),
      organisation: (id) => {
        const o = organisations.get(id);
        return o && { id: o.id, kind: o.kind, ...(o.area ? { area: o.area } : {}) };
      },
      now: () => now,
    },
    { maxHours: 10, idleMinutes: 60, recheckMinutes },
  );
  return { people, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

describe('claims', () => {
  it('reads a claim by name or dotted path, as a list', () => {
    expect(claimValues({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ realm_access: { roles: ['planner'] } }, 'realm_access.roles')).toEqual(['planner']);
    expect(claimValues({ roles: 'admin' }, 'roles')).toEqual(['admin']);
    expect(claimValues({}, 'groups')).toEqual([]);
  });

  it('maps by the first mapping whose value the person holds, or to nothing', () => {
    const roles = [
      { value: 'planners', organisation: 'tre', role: 'planner' as const },
      { value: 'counsellors', organisation: 'tre', role: 'counsellor' as const },
    ];
    expect(mapClaims({ groups: ['counsellors', 'planners'] }, 'groups', roles)).toEqual({ organisation: 'tre', role: 'planner' });
    expect(mapClaims({ groups: ['staff'] }, 'groups', roles)).toBeUndefined();
  });

  it('names the person by name, user name, e-mail or subject', () => {
    expect(displayName({ sub: 's', name: ' Aino ' })).toBe('Aino');
    expect(displayName({ sub: 's', email: 'a@b.fi' })).toBe('a@b.fi');
    expect(displayName({ sub: 's' })).toBe('s');
  });
});

describe('a person\'s session', () => {
  it('is due for a re-check after the interval, taken by one request only', () => {
    const { people, advance } = sessions(10);
    const { token } = people.open(AINO, { idToken: 'id', refreshToken: 'refresh' });
    expect(people.find(token)).toMatchObject({ recheckDue: false, principal: { keyId: 'person:tampere:aino-1234', name: 'Aino Alanen', role: 'counsellor' } });
    advance(10);
    const due = people.find(token)!;
    expect(due.recheckDue).toBe(true);
    expect(people.claimRecheck(due.record)).toBe(true);
    expect(people.claimRecheck(due.record)).toBe(false); // a second request (another worker) goes on as last checked
  });

  it('takes the role the claims map to at the re-check, and ends when they map to nothing', () => {
    const { people, advance } = sessions(10);
    const { token } = people.open(AINO, { idToken: 'id', refreshToken: 'refresh' });
    advance(11);
    people.rechecked(people.find(token)!.record, { ...AINO, role: 'planner' }, { refreshToken: 'refresh-2' });
    expect(people.find(token)).toMatchObject({ recheckDue: false, principal: { role: 'planner' }, record: { refreshToken: 'refresh-2' } });
    advance(11);
    people.rechecked(people.find(token)!.record, undefined);
    expect(people.find(token)).toBeUndefined();
  });

  it('without a refresh token lasts only the re-check interval', () => {
    const { people, advance } = sessions(10);
    const { token, expiresAt } = people.open(AINO, { idToken: 'id' });
    expect(expiresAt).toBe('2026-12-06T08:10:00.000Z');
    advance(9);
    expect(people.find(token)).toBeDefined();
    advance(1);
    expect(people.find(token)).toBeUndefined();
  });

  it('ends after the idle time and on sign-out', () => {
    const { people, advance } = sessions(600);
    const first = people.open(AINO, { idToken: 'id', refreshToken: 'r' });
    advance(61);
    expect(people.find(first.token)).toBeUndefined();
    const second = people.open(AINO, { idToken: 'id-2', refreshToken: 'r' });
    expect(people.close(second.token)).toMatchObject({ idToken: 'id-2' });
    expect(people.find(second.token)).toBeUndefined();
  });
});

describe("why a key's session ended", () => {
  it('says timeout after the idle time, revoked when its key is, ended when unknown', async () => {
    const { Sessions } = await import('../../../src/core/sessions.js');
    const rows = new Map<string, import('../../../src/core/sessions.js').SessionRecord>();
    let now = new Date('2026-12-06T08:00:00Z');
    let keyValid = true;
    const principal = { keyId: 'k1', name: 'key', role: 'counsellor' as const, organisation: { id: 'tre', kind: 'employment-area' as const } };
    const sessions = new Sessions(
      {
        keys: { verify: () => principal, principalOf: () => (keyValid ? principal : undefined) },
        store: {
          add: (r) => void rows.set(r.tokenHash, r),
          get: (h) => rows.get(h),
          touch: (h, at) => void (rows.get(h)!.lastSeen = at),
          remove: (h) => void rows.delete(h),
          removeExpired: () => undefined,
        },
        now: () => now,
      },
      { maxHours: 10, idleMinutes: 60 },
    );
    const first = sessions.open('kht_x')!;
    expect(sessions.check(first.token)).toMatchObject({ principal: { keyId: 'k1' } });
    keyValid = false;
    expect(sessions.check(first.token)).toEqual({ ended: 'revoked' });
    keyValid = true;
    now = new Date(now.getTime() + 61 * 60_000);
    expect(sessions.check(first.token)).toEqual({ ended: 'timeout' });
    expect(sessions.check(first.token)).toEqual({ ended: 'ended' });
    expect(sessions.check('never-issued')).toEqual({ ended: 'ended' });
  });
});
