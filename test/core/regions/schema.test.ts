import { describe, expect, it } from 'vitest';
import { municipalityList, regionList } from '../../../src/core/regions/schema.js';
import { refused } from '../../helpers/schema.js';

describe('region schemas', () => {
  it('list municipalities and regions with their names in each language', () => {
    expect(refused(municipalityList, { items: [{ code: '905', name: 'Vasa', nameFi: 'Vaasa', nameSv: 'Vasa', regionCode: '15' }] })).toEqual([]);
    expect(refused(municipalityList, { items: [{ code: '905', name: 'Vasa', nameFi: 'Vaasa', nameSv: 'Vasa' }] })).toEqual(['items.0.regionCode']);
    expect(refused(regionList, { items: [{ code: '06', name: 'Pirkanmaa', nameFi: 'Pirkanmaa', nameSv: 'Birkaland', nameEn: 'Pirkanmaa' }] })).toEqual([]);
    expect(refused(regionList, { items: [{ code: 6, name: 'Pirkanmaa', nameFi: 'Pirkanmaa', nameSv: 'Birkaland', nameEn: 'Pirkanmaa' }] })).toEqual(['items.0.code']);
  });
});
