import { describe, expect, it } from 'vitest';
import { gapQuery } from '../../../src/core/gaps/schema.js';
import { refused } from '../../helpers/schema.js';

describe('gapQuery', () => {
  it('fills the defaults and reads includeZero as a boolean', () => {
    expect(gapQuery.parse({})).toEqual({ reach: 'region', includeZero: false, lang: 'fi' });
    expect(gapQuery.parse({ reach: 'country', includeZero: 'true', vacancy: 'V-1', municipality: 'Nokia', lang: 'en' })).toEqual({
      reach: 'country',
      includeZero: true,
      vacancy: 'V-1',
      municipality: 'Nokia',
      lang: 'en',
    });
  });

  it('names each bad parameter', () => {
    expect(refused(gapQuery, { reach: 'world' })).toEqual(['reach']);
    expect(refused(gapQuery, { includeZero: 'yes' })).toEqual(['includeZero']);
    expect(refused(gapQuery, { vacancy: 'V 1' })).toEqual(['vacancy']);
    expect(refused(gapQuery, { municipality: 'Gotham' })).toEqual(['municipality']);
    expect(refused(gapQuery, { k: '5' })).toEqual(['k']);
  });
});
