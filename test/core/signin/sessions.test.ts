import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../../src/adapters/sqlite/organisations.js';
import { PersonSessionStore } from '../../../src/adapters/sqlite/person-sessions.js';
import { PersonSessions, type Person } from '../../../src/core/signin/sessions.js';

const AINO: Person = { provider: 'tampere', subject: 'aino-1234', name: 'Aino Alanen', organisation: 'tre', role: 'counsellor' };

async function sessions(recheckMinutes = 10) {
  const db = openDatabase(':memory:');
  const organisations = new OrganisationStore(db);
  await organisations.add({ id: 'tre', name: 'Tampere', kind: 'employment-area', area: 'tampere' });
  let now = new Date('2026-12-06T08:00:00Z');
  const people = new PersonSessions(
    {
      store: new PersonSessionStore(db),
      organisation: async (id) => {
        const o = await organisations.get(id);
        return o && { id: o.id, kind: o.kind, ...(o.area ? { area: o.area } : {}) };
      },
      now: () => now,
    },
    { maxHours: 10, idleMinutes: 60, recheckMinutes },
  );
  return { people, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

describe('a person\'s session', () => {
  it('is due for a re-check after the interval, taken by one request only', async () => {
    const { people, advance } = await sessions(10);
    const { token } = await people.open(AINO, { idToken: 'id', refreshToken: 'refresh' });
    expect(await people.find(token)).toMatchObject({ recheckDue: false, principal: { keyId: 'person:tampere:aino-1234', name: 'Aino Alanen', role: 'counsellor' } });
    advance(10);
    const due = (await people.find(token))!;
    expect(due.recheckDue).toBe(true);
    expect(await people.claimRecheck(due.record)).toBe(true);
    expect(await people.claimRecheck(due.record)).toBe(false); // a second request (another worker) goes on as last checked
  });

  it('takes the role the claims map to at the re-check, and ends when they map to nothing', async () => {
    const { people, advance } = await sessions(10);
    const { token } = await people.open(AINO, { idToken: 'id', refreshToken: 'refresh' });
    advance(11);
    await people.rechecked((await people.find(token))!.record, { ...AINO, role: 'planner' }, { refreshToken: 'refresh-2' });
    expect(await people.find(token)).toMatchObject({ recheckDue: false, principal: { role: 'planner' }, record: { refreshToken: 'refresh-2' } });
    advance(11);
    await people.rechecked((await people.find(token))!.record, undefined);
    expect(await people.find(token)).toBeUndefined();
  });

  it('without a refresh token lasts only the re-check interval', async () => {
    const { people, advance } = await sessions(10);
    const { token, expiresAt } = await people.open(AINO, { idToken: 'id' });
    expect(expiresAt).toBe('2026-12-06T08:10:00.000Z');
    advance(9);
    expect(await people.find(token)).toBeDefined();
    advance(1);
    expect(await people.find(token)).toBeUndefined();
  });

  it('ends after the idle time and on sign-out', async () => {
    const { people, advance } = await sessions(600);
    const first = await people.open(AINO, { idToken: 'id', refreshToken: 'r' });
    advance(61);
    expect(await people.find(first.token)).toBeUndefined();
    const second = await people.open(AINO, { idToken: 'id-2', refreshToken: 'r' });
    expect(await people.close(second.token)).toMatchObject({ idToken: 'id-2' });
    expect(await people.find(second.token)).toBeUndefined();
  });
});
