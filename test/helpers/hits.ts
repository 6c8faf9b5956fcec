import type { Principal } from '../../src/core/access.js';
import type { MatchHit } from '../../src/core/matches/schema.js';

/**
 * A match hit as the matcher returns it, for unit tests of what is done with rankings (disclosure,
 * sharing, candidate lists): fixed values, so that a test can assert exactly what changed.
 */
export function hit(id: string, overrides: Partial<MatchHit> = {}): MatchHit {
  return {
    id,
    title: `own title of ${id}`,
    municipality: '837',
    municipalityName: 'Tampere',
    region: 'Pirkanmaa',
    occupation: { uri: 'occ:welder', label: 'hitsaaja' },
    score: 0.8,
    standing: 'suitable',
    parts: { semantic: 0.7, essential: 1, optional: null, location: 1, occupation: 1 },
    gates: { language: 'pass', licence: 'unknown', cards: 'unknown', workingTime: 'pass', commute: 'pass' },
    matchedSkills: [
      { uri: 'skill:mig', label: 'MIG-hitsaus', importance: 'essential' },
      { uri: 'text:harvinainen sairaus', label: 'harvinainen sairaus', importance: 'optional' },
    ],
    missingSkills: [
      { uri: 'skill:tig', label: 'TIG-hitsaus', importance: 'essential' },
      { uri: 'text:oma kuvaus', label: 'oma kuvaus', importance: 'optional' },
    ],
    ...overrides,
  };
}

/** Callers of every role and kind of organisation the tests need. */
export const principals = {
  tampereCounsellor: { keyId: 'k-tre', name: 'Anna', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } },
  helsinkiCounsellor: { keyId: 'k-hki', name: 'Bo', role: 'counsellor', organisation: { id: 'hki', kind: 'employment-area', area: 'helsinki' } },
  unitA: { keyId: 'k-a', name: 'Aino', role: 'employer-service', organisation: { id: 'unit-a', kind: 'employer-services' } },
  unitB: { keyId: 'k-b', name: 'Bert', role: 'employer-service', organisation: { id: 'unit-b', kind: 'employer-services' } },
  planner: { keyId: 'k-p', name: 'Pia', role: 'planner', organisation: { id: 'plan', kind: 'planning' } },
  admin: { keyId: 'k-x', name: 'Xena', role: 'admin', organisation: { id: 'national', kind: 'national' } },
} satisfies Record<string, Principal>;
