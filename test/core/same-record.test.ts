import { describe, expect, it } from 'vitest';
import { sameAsStored, stripDerived } from '../../src/core/same-record.js';

/** Records as the store and an import hand them over: any fields, a municipality. */
type Rec = Record<string, unknown> & { municipality?: string };

const stored: Rec = {
  id: 'J-1',
  title: 'hitsaaja',
  skills: ['MIG-hitsaus'],
  municipality: '837',
  contact: { email: 'a@b.fi', phone: '040' },
  normalized: { skills: [] },
  region: '06',
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-02T00:00:00Z',
  version: 3,
};

describe('stripDerived', () => {
  it('leaves the input fields only', () => {
    expect(stripDerived(stored)).toEqual({ id: 'J-1', title: 'hitsaaja', skills: ['MIG-hitsaus'], municipality: '837', contact: { email: 'a@b.fi', phone: '040' } });
  });
});

describe('sameAsStored', () => {
  const input: Rec = { id: 'J-1', title: 'hitsaaja', skills: ['MIG-hitsaus'], municipality: '837', contact: { email: 'a@b.fi', phone: '040' } };

  it('finds an unchanged record the same whatever its key order, and its municipality by name', () => {
    expect(sameAsStored(input, stored)).toBe(true);
    expect(sameAsStored({ contact: { phone: '040', email: 'a@b.fi' }, municipality: 'Tampere', skills: ['MIG-hitsaus'], title: 'hitsaaja', id: 'J-1' }, stored)).toBe(true);
    expect(sameAsStored({ ...input, municipality: 'Tammerfors' }, stored)).toBe(true);
  });

  it('finds any change of content different, also of order in a list or of a nested value', () => {
    expect(sameAsStored({ ...input, title: 'Hitsaaja' }, stored)).toBe(false);
    expect(sameAsStored({ ...input, municipality: 'Nokia' }, stored)).toBe(false);
    expect(sameAsStored({ ...input, skills: ['MIG-hitsaus', 'TIG-hitsaus'] }, { ...stored, skills: ['TIG-hitsaus', 'MIG-hitsaus'] })).toBe(false);
    expect(sameAsStored({ ...input, contact: { email: 'a@b.fi' } }, stored)).toBe(false);
    expect(sameAsStored({ ...input, summary: 'uusi' }, stored)).toBe(false);
    const { municipality: _m, ...withoutPlace } = input;
    expect(sameAsStored(withoutPlace, stored)).toBe(false);
  });
});
