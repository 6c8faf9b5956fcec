import { describe, expect, it } from 'vitest';
import { COORDINATE_TABLE } from '../../../src/core/regions/coordinates.js';
import { MUNICIPALITY_TABLE } from '../../../src/core/regions/municipalities.js';

const codes = (table: string) => table.trim().split('\n').slice(1).map((line) => line.split(';')[0]);

describe('the coordinate table', () => {
  it('places every municipality, and no other, inside Finland', () => {
    expect(codes(COORDINATE_TABLE).sort()).toEqual(codes(MUNICIPALITY_TABLE).sort());
    for (const line of COORDINATE_TABLE.trim().split('\n').slice(1)) {
      const [, lat, lon] = line.split(';').map(Number);
      expect(lat).toBeGreaterThan(59.7);
      expect(lat).toBeLessThan(70.1);
      expect(lon).toBeGreaterThan(19.4);
      expect(lon).toBeLessThan(31.6);
    }
  });
});
