import { describe, expect, it } from 'vitest';
import { heldSkills, offerRequirements, seekerRequirements } from '../../../src/core/requirements/sides.js';
import { scoreMatch } from '../../../src/core/scoring.js';
import { DEFAULT_WEIGHTS } from '../../../src/config.js';

const truck = (fields: Record<string, unknown>, isco = '8332') => ({ ...fields, normalized: { occupation: { isco } } });

describe('offerRequirements', () => {
  it('asks at least C1 of lorry driving (ISCO 8332) whatever the ad says, and nothing more when the ad asks a class covering it', () => {
    expect(offerRequirements(truck({ drivingLicenceRequired: true })).licences).toEqual(['B', 'C1']);
    expect(offerRequirements(truck({})).licences).toEqual(['C1']);
    expect(offerRequirements(truck({ drivingLicences: ['CE'] })).licences).toEqual(['CE']);
    expect(offerRequirements(truck({ drivingLicences: ['C'] })).licences).toEqual(['C']);
    // A van or delivery driver (8322) needs what the ad says only.
    expect(offerRequirements(truck({ drivingLicenceRequired: true }, '8322')).licences).toEqual(['B']);
    expect(offerRequirements({ normalized: {} }).licences).toEqual([]);
  });

  it('fails the licence gate of a client whose classes are B alone, and not of one with C or with no list', () => {
    const offer = { essential: [], optional: [], ...offerRequirements(truck({ drivingLicenceRequired: true })) };
    const gate = (j: { drivingLicences?: ('B' | 'C')[]; drivingLicence?: boolean }) => {
      const skills = heldSkills(j, new Set());
      return scoreMatch({ skills, ...seekerRequirements(j, skills) }, offer, 0.5, DEFAULT_WEIGHTS).gates.licence;
    };
    expect(gate({ drivingLicences: ['B'] })).toBe('fail');
    expect(gate({ drivingLicences: ['C'] })).toBe('pass');
    expect(gate({ drivingLicence: true })).toBe('unknown');
  });
});
