import { describe, expect, it } from 'vitest';
import { defaultEmploymentAreas, EmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';

describe('EmploymentAreas', () => {
  it('puts each of the 309 municipalities in exactly one area, found by id or name', () => {
    const areas = defaultEmploymentAreas(regions);
    expect(areas.all.flatMap((a) => a.municipalities)).toHaveLength(309);
    expect(areas.area('Tampereen seudun työllisyysalue')!.municipalities).toContain('908'); // Valkeakoski
    expect(areas.area('Borgå sysselsättningsområde')!.municipalities).toContain(regions.municipality('Myrskylä')!.code);
    expect(areas.areaOf('091').id).toBe('helsinki');
  });

  it('rejects a table with an unknown, a repeated or a missing municipality, naming the line', () => {
    const head = 'id;name_fi;name_sv;municipalities\n';
    const rest = defaultEmploymentAreas(regions).all.filter((a) => a.id !== 'helsinki' && a.id !== 'vantaa');
    const lines = rest.map((a) => `${a.id};${a.nameFi};${a.nameSv};${a.municipalities.join(',')}`).join('\n');
    expect(() => EmploymentAreas.parse(`${head}x;X;X;Helsinki,Atlantis\n${lines}`, regions)).toThrow(/line 2: unknown municipality 'Atlantis'.*Vantaa/);
    expect(() => EmploymentAreas.parse(`${head}x;X;X;Helsinki,Vantaa,Espoo\n${lines}`, regions)).toThrow(/Espoo is already in x/);
  });
});
