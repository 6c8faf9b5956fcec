import { describe, expect, it } from 'vitest';
import { resolveArea } from '../../../src/core/analytics/areas.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';

const areas = defaultEmploymentAreas(regions);
/** The 400 a planner sees: the code and the fields named. */
const refusal = (query: Parameters<typeof resolveArea>[0]) => {
  try {
    resolveArea(query, regions, areas);
  } catch (error) {
    const e = error as { code: string; problems: { field: string; message: string }[] };
    return { code: e.code, problems: e.problems.map((p) => [p.field, p.message]) };
  }
};

describe('resolveArea', () => {
  it('is Finland when no place is given', () => {
    expect(resolveArea({}, regions, areas)).toEqual({ kind: 'country', id: 'FI', nameFi: 'Suomi', nameSv: 'Finland' });
  });

  it('resolves an employment area, a region and a municipality by id, code or name (fi or sv) to their municipality codes', () => {
    const tampere = resolveArea({ area: 'tampere' }, regions, areas);
    expect(tampere).toMatchObject({ kind: 'employment-area', id: 'tampere', nameFi: 'Tampereen seudun työllisyysalue', nameSv: 'Tammerfors regions sysselsättningsområde' });
    expect(tampere.municipalities).toHaveLength(23);
    expect(tampere.municipalities).toContain('837');
    expect(tampere.municipalities).not.toContain('091');
    expect(resolveArea({ area: 'Tampereen seudun työllisyysalue' }, regions, areas).id).toBe('tampere');
    const pirkanmaa = resolveArea({ region: 'Birkaland' }, regions, areas);
    expect(pirkanmaa).toMatchObject({ kind: 'region', id: '06', nameFi: 'Pirkanmaa', nameSv: 'Birkaland' });
    expect(pirkanmaa.municipalities).toHaveLength(23);
    expect(resolveArea({ region: '06' }, regions, areas)).toEqual(pirkanmaa);
    expect(resolveArea({ municipality: 'Vasa' }, regions, areas)).toEqual({ kind: 'municipality', id: '905', nameFi: 'Vaasa', nameSv: 'Vasa', municipalities: ['905'] });
    expect(resolveArea({ municipality: '905' }, regions, areas).nameFi).toBe('Vaasa');
  });

  it('refuses more than one kind of place, naming each field beyond the first', () => {
    expect(refusal({ area: 'tampere', region: '06', municipality: '837' })).toEqual({
      code: 'invalid_input',
      problems: [
        ['region', 'give only one of area, region, municipality (got area, region, municipality)'],
        ['municipality', 'give only one of area, region, municipality (got area, region, municipality)'],
      ],
    });
    expect(refusal({ region: '06', municipality: '837' })!.problems.map(([field]) => field)).toEqual(['municipality']);
  });

  it('refuses an unknown place, naming its field', () => {
    expect(refusal({ area: 'atlantis' })).toEqual({ code: 'invalid_input', problems: [['area', "unknown employment area 'atlantis' (see GET /v1/employment-areas)"]] });
    expect(refusal({ region: '99' })).toEqual({ code: 'invalid_input', problems: [['region', "unknown region '99'"]] });
    expect(refusal({ municipality: 'Gotham' })).toEqual({ code: 'invalid_input', problems: [['municipality', "unknown municipality 'Gotham'"]] });
  });
});
