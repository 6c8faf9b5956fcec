import { describe, expect, it } from 'vitest';
import { claimValues, displayName, mapClaims } from '../../../src/core/signin/claims.js';

/** What an identity provider's claims say of a person: their groups, role and name. */
describe('claims', () => {
  it('reads a claim by name or dotted path, as a list of its strings', () => {
    expect(claimValues({ groups: ['a', 'b', 3, null] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ realm_access: { roles: ['planner'] } }, 'realm_access.roles')).toEqual(['planner']);
    expect(claimValues({ roles: 'admin' }, 'roles')).toEqual(['admin']);
    expect(claimValues({}, 'groups')).toEqual([]);
    expect(claimValues({ groups: 7 }, 'groups')).toEqual([]);
    // A path through something that is not an object ends in nothing, never a throw.
    expect(claimValues({ realm_access: 'x' }, 'realm_access.roles')).toEqual([]);
    expect(claimValues({ realm_access: null }, 'realm_access.roles')).toEqual([]);
  });

  it('maps by the first mapping whose value the person holds, or to nothing', () => {
    const roles = [
      { value: 'planners', organisation: 'tre', role: 'planner' as const },
      { value: 'counsellors', organisation: 'tre', role: 'counsellor' as const },
      { value: 'counsellors', organisation: 'hki', role: 'counsellor' as const },
    ];
    expect(mapClaims({ groups: ['counsellors', 'planners'] }, 'groups', roles)).toEqual({ organisation: 'tre', role: 'planner' });
    expect(mapClaims({ groups: ['counsellors'] }, 'groups', roles)).toEqual({ organisation: 'tre', role: 'counsellor' });
    expect(mapClaims({ groups: ['staff'] }, 'groups', roles)).toBeUndefined();
    expect(mapClaims({ roles: ['planners'] }, 'groups', roles)).toBeUndefined();
    expect(mapClaims({ groups: ['Planners'] }, 'groups', roles)).toBeUndefined(); // values compare exactly
  });

  it('names the person by name, user name, e-mail or subject, trimmed and at most 200 characters', () => {
    expect(displayName({ sub: 's', name: ' Aino ', email: 'a@b.fi' })).toBe('Aino');
    expect(displayName({ sub: 's', name: '  ', preferred_username: 'aino' })).toBe('aino');
    expect(displayName({ sub: 's', email: 'a@b.fi' })).toBe('a@b.fi');
    expect(displayName({ sub: 's', name: 42 })).toBe('s');
    expect(displayName({ sub: 's' })).toBe('s');
    expect(displayName({ sub: 's', name: 'x'.repeat(300) })).toBe('x'.repeat(200));
  });
});
