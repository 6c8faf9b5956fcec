import { describe, expect, it } from 'vitest';
import { keyInput, keyRotation, organisationInput, vacancyOwnerInput } from '../../../src/core/organisations/schema.js';
import { refused } from '../../helpers/schema.js';

describe('organisation and key schemas', () => {
  it('takes an organisation of a known kind', () => {
    expect(refused(organisationInput, { id: 'tampere', name: 'Tampereen seudun työllisyysalue', kind: 'employment-area', area: 'tampere' })).toEqual([]);
    expect(refused(organisationInput, { id: 'x', name: 'X', kind: 'ministry' })).toEqual(['kind']);
    expect(refused(organisationInput, { id: 'x y', name: '', kind: 'planning' })).toEqual(['id', 'name']);
    expect(refused(organisationInput, { id: 'x', name: 'X', kind: 'planning', parent: 'y' })).toEqual(['parent']);
  });

  it('issues keys of a role for 1 to 3650 days, 365 by default', () => {
    expect(keyInput.parse({ role: 'counsellor', name: 'Anna Virtanen', organisation: 'tampere' })).toEqual({
      role: 'counsellor',
      name: 'Anna Virtanen',
      organisation: 'tampere',
      expiresInDays: 365,
    });
    expect(refused(keyInput, { role: 'superuser', name: 'A', organisation: 'tampere' })).toEqual(['role']);
    expect(refused(keyInput, { role: 'admin', name: 'A', organisation: 'national', expiresInDays: 3651 })).toEqual(['expiresInDays']);
    expect(refused(keyInput, { role: 'admin', name: 'A', organisation: 'national', expiresInDays: 0 })).toEqual(['expiresInDays']);
    expect(keyRotation.parse({})).toEqual({ graceDays: 7, expiresInDays: 365 });
    expect(refused(keyRotation, { graceDays: 91 })).toEqual(['graceDays']);
  });

  it('hands a vacancy to a unit, or to none', () => {
    expect(vacancyOwnerInput.parse({ organisation: null })).toEqual({ organisation: null });
    expect(refused(vacancyOwnerInput, { organisation: 'unit-a' })).toEqual([]);
    expect(refused(vacancyOwnerInput, {})).toEqual(['organisation']);
  });
});
