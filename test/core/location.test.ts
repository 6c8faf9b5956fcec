import { describe, expect, it } from 'vitest';
import { HALF_FIT_KM, distanceKm, locationFit } from '../../src/core/location.js';

const fitAt = (km: number) => 1 / (1 + (km / HALF_FIT_KM) ** 1.5);

describe('distanceKm', () => {
  it("is the distance between the municipalities' centres, or undefined when either is unknown", () => {
    expect(distanceKm({ municipality: '837' }, { municipality: '091' })).toBe(160.6);
    expect(distanceKm({ municipality: '837' }, { municipality: '536' })).toBe(13.8);
    expect(distanceKm({ municipality: '837' }, { municipality: '837' })).toBe(0);
    expect(distanceKm({}, { municipality: '091' })).toBeUndefined();
    expect(distanceKm({ municipality: '837' }, { remote: true })).toBeUndefined();
  });
});

describe('locationFit', () => {
  it('is 1 for remote work and in the same municipality, null when the seeker\'s place is unknown', () => {
    expect(locationFit({}, { municipality: '091', remote: true })).toBe(1);
    expect(locationFit({ municipality: '837' }, { municipality: '837' })).toBe(1);
    expect(locationFit({}, { municipality: '837' })).toBeNull();
  });

  it('falls to one half at HALF_FIT_KM and keeps a long tail, rounded to 4 decimals', () => {
    expect(HALF_FIT_KM).toBe(40);
    expect(fitAt(40)).toBe(0.5);
    expect([80, 160, 400].map((km) => Math.round(fitAt(km) * 100) / 100)).toEqual([0.26, 0.11, 0.03]);
    expect(locationFit({ municipality: '837' }, { municipality: '536' })).toBe(0.8315);
    expect(locationFit({ municipality: '837' }, { municipality: '091' })).toBe(0.1106);
  });

  it('without a distance (an unknown municipality), gives one half in the same region and else nothing', () => {
    expect(locationFit({ municipality: 'X', region: '06' }, { municipality: 'Y', region: '06' })).toBe(0.5);
    expect(locationFit({ municipality: 'X', region: '06' }, { municipality: 'Y', region: '01' })).toBe(0);
    expect(locationFit({ municipality: 'X' }, { municipality: 'Y' })).toBe(0);
  });
});
