import { describe, expect, it } from 'vitest';
import { FINLAND_SWEDISH, withFinlandSwedish } from '../../../src/core/taxonomy/finland-swedish.js';

const concept = (preferred: string, alt: string[] = []) => ({ uri: 'urn:x', labels: { sv: { preferred, alt }, fi: { preferred: 'x', alt: [] } } });

describe('Finland-Swedish labels', () => {
  it('add the Finland-Swedish word to every Swedish label holding the Sweden-Swedish one, compounds included', () => {
    expect(withFinlandSwedish(concept('sjuksköterska')).labels.sv).toEqual({ preferred: 'sjuksköterska', alt: ['sjukskötare'] });
    expect(withFinlandSwedish(concept('Specialistsjuksköterska', ['Distriktssköterska'])).labels.sv.alt).toEqual([
      'Distriktssköterska',
      'specialistsjukskötare',
      'hälsovårdare',
    ]);
  });

  it('adds nothing a label has already, and leaves a concept without Swedish labels as it is', () => {
    const both = concept('städare', ['lokalvårdare']);
    expect(withFinlandSwedish(both)).toBe(both);
    const noSwedish = { uri: 'urn:y', labels: { fi: { preferred: 'hitsaaja', alt: [] } } };
    expect(withFinlandSwedish(noSwedish)).toBe(noSwedish);
    expect(withFinlandSwedish(concept('svetsare'))).toEqual(concept('svetsare'));
  });

  it('holds no pair that would add the word itself', () => {
    expect(FINLAND_SWEDISH.filter(([a, b]) => a === b)).toEqual([]);
    expect(FINLAND_SWEDISH).toContainEqual(['sjuksköterska', 'sjukskötare']);
  });
});
