import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_TABLE } from '../../../src/core/regions/municipalities.js';

const rows = MUNICIPALITY_TABLE.trim().split('\n').slice(1).map((line) => line.split(';'));

describe('the municipality table', () => {
  it('lists the 309 municipalities once each, with a three-digit code, two names and one of the 19 regions', () => {
    expect(MUNICIPALITY_TABLE.trim().split('\n')[0]).toBe('code;name_fi;name_sv;region_code');
    expect(rows).toHaveLength(309);
    expect(new Set(rows.map((r) => r[0])).size).toBe(309);
    for (const r of rows) {
      expect(r).toHaveLength(4);
      expect(r[0]).toMatch(/^\d{3}$/);
      expect(r[1]!.length).toBeGreaterThan(0);
      expect(r[2]!.length).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r[3])).size).toBe(19);
  });

  it('has Joroinen in Pohjois-Savo (the 2025 move) and Vaasa as Vasa', () => {
    expect(rows.find((r) => r[1] === 'Joroinen')![3]).toBe('11');
    expect(rows.find((r) => r[0] === '905')!.slice(1, 3)).toEqual(['Vaasa', 'Vasa']);
  });
});
