import { describe, expect, it } from 'vitest';
import { signInProvider, signInProviders } from '../../../src/core/signin/providers.js';
import { firstMessage, refused } from '../../helpers/schema.js';

const valid = {
  id: 'tampere',
  name: 'Tampereen kaupunki',
  issuer: 'https://login.tampere.fi/realms/staff',
  clientId: 'kohtaanto',
  clientSecret: 's3cret',
  redirectUrl: 'https://kohtaanto.tampere.fi/signin/tampere/callback',
  roles: [{ value: 'counsellors', organisation: 'tre', role: 'counsellor' }],
};

/** An identity provider as configured (KOHTAANTO_SIGNIN_PROVIDERS): refused at start, naming the setting's field. */
describe('sign-in providers', () => {
  it('takes a provider and fills the scopes and the claim', () => {
    expect(signInProvider.parse(valid)).toEqual({ ...valid, scopes: ['openid', 'profile', 'email', 'offline_access'], claim: 'groups' });
  });

  it('needs https, except on loopback', () => {
    expect(refused(signInProvider, { ...valid, issuer: 'http://login.tampere.fi' })).toEqual(['issuer']);
    expect(firstMessage(signInProvider, { ...valid, issuer: 'http://login.tampere.fi' })).toBe('must be https (plain http only on loopback)');
    expect(refused(signInProvider, { ...valid, issuer: 'http://127.0.0.1:9000', redirectUrl: 'http://localhost:8080/signin/tampere/callback' })).toEqual([]);
    expect(refused(signInProvider, { ...valid, postSignOutUrl: 'ftp://x.fi' })).toEqual(['postSignOutUrl']);
  });

  it('names each bad field', () => {
    expect(refused(signInProvider, { ...valid, id: 'Tampere City' })).toEqual(['id']);
    expect(refused(signInProvider, { ...valid, roles: [] })).toEqual(['roles']);
    expect(refused(signInProvider, { ...valid, roles: [{ value: 'x', organisation: 'tre', role: 'root' }] })).toEqual(['roles.0.role']);
    expect(refused(signInProvider, { ...valid, clientSecret: '' })).toEqual(['clientSecret']);
    expect(refused(signInProvider, { ...valid, tenant: 'x' })).toEqual(['tenant']);
  });

  it('refuses a provider id given twice', () => {
    expect(refused(signInProviders, [valid, { ...valid, name: 'Again' }])).toEqual(['1.id']);
    expect(refused(signInProviders, [valid, { ...valid, id: 'helsinki' }])).toEqual([]);
  });
});
