import { describe, expect, it } from 'vitest';
import { adHocMatchBody, matchQuery } from '../../../src/core/matches/schema.js';
import { refused } from '../../helpers/schema.js';

/** The query of a stored record's matches and the body of an ad-hoc match. */
describe('matchQuery', () => {
  it('reads query strings and fills the defaults', () => {
    expect(matchQuery.parse({})).toEqual({ k: 20, failedGates: 'last', lang: 'fi' });
    expect(matchQuery.parse({ k: '5', within: '12.5', municipality: 'Tampere', region: '06', failedGates: 'ranked', lang: 'sv' })).toEqual({
      k: 5,
      within: 12.5,
      municipality: 'Tampere',
      region: '06',
      failedGates: 'ranked',
      lang: 'sv',
    });
  });

  it('names each bad parameter', () => {
    expect(refused(matchQuery, { k: '0' })).toEqual(['k']);
    expect(refused(matchQuery, { k: '201' })).toEqual(['k']);
    expect(refused(matchQuery, { k: '1e2' })).toEqual(['k']);
    expect(refused(matchQuery, { within: '1501' })).toEqual(['within']);
    expect(refused(matchQuery, { municipality: 'Gotham', region: 'Atlantis' })).toEqual(['municipality', 'region']);
    expect(refused(matchQuery, { failedGates: 'first' })).toEqual(['failedGates']);
    expect(refused(matchQuery, { lang: 'de' })).toEqual(['lang']);
    expect(refused(matchQuery, { limit: '5' })).toEqual(['limit']);
  });
});

describe('adHocMatchBody', () => {
  it('takes a text and fills the defaults', () => {
    expect(adHocMatchBody.parse({ text: 'Erfaren svetsare' })).toEqual({
      text: 'Erfaren svetsare',
      target: 'vacancies',
      skills: [],
      remote: false,
      k: 20,
      lang: 'fi',
      filter: { failedGates: 'last' },
    });
  });

  it('names each bad field, inside the filter too', () => {
    expect(refused(adHocMatchBody, {})).toEqual(['text']);
    expect(refused(adHocMatchBody, { text: 'x', target: 'employers' })).toEqual(['target']);
    expect(refused(adHocMatchBody, { text: 'x', k: '5' })).toEqual(['k']);
    expect(refused(adHocMatchBody, { text: 'x', filter: { within: -1 } })).toEqual(['filter.within']);
    expect(refused(adHocMatchBody, { text: 'x', filter: { municipality: 'Gotham' } })).toEqual(['filter.municipality']);
    expect(refused(adHocMatchBody, { text: 'x', filter: { area: 'tampere' } })).toEqual(['area']);
    expect(refused(adHocMatchBody, { text: 'x\u202E' })).toEqual(['text']);
  });
});
