import { describe, expect, it } from 'vitest';
import { EmploymentAreas, defaultEmploymentAreas, employmentAreaIdOf } from '../../../src/core/regions/employment-areas-model.js';
import { EMPLOYMENT_AREA_TABLE } from '../../../src/core/regions/employment-areas.js';
import { regions } from '../../../src/core/regions/regions.js';

const areas = defaultEmploymentAreas(regions);
const header = 'id;name_fi;name_sv;municipalities';

describe('EmploymentAreas.parse', () => {
  it('refuses a table naming each problem by its line: an unknown municipality, one listed twice, a short line, and those in no area', () => {
    const lines = EMPLOYMENT_AREA_TABLE.trim().split('\n');
    const tampere = lines.findIndex((l) => l.startsWith('tampere;'));
    const broken = [...lines];
    broken[tampere] = `${broken[tampere]},Gotham,Helsinki`;
    broken.push('lonely;Yksin');
    expect(() => EmploymentAreas.parse(broken.join('\n'), regions)).toThrow(
      `employment areas: line ${tampere + 1}: unknown municipality 'Gotham'; line ${tampere + 1}: Helsinki is already in helsinki; line ${broken.length}: expected id;name_fi;name_sv;municipalities`,
    );
    expect(() => EmploymentAreas.parse(`${header}\ntampere;Tampere;Tammerfors;837`, regions)).toThrow(/municipalities in no area: Alajärvi, Alavieska,/);
  });
});

describe('employmentAreaIdOf', () => {
  it("is the area of a municipality given by code or name, or undefined for none or an unknown one", () => {
    expect(employmentAreaIdOf(areas, regions, '837')).toBe('tampere');
    expect(employmentAreaIdOf(areas, regions, 'Tammerfors')).toBe('tampere');
    expect(employmentAreaIdOf(areas, regions, 'Gotham')).toBeUndefined();
    expect(employmentAreaIdOf(areas, regions, undefined)).toBeUndefined();
  });
});
