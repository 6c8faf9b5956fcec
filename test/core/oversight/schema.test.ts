import { describe, expect, it } from 'vitest';
import { explanationQuery, exposureQuery, overrideInput } from '../../../src/core/oversight/schema.js';
import { refused } from '../../helpers/schema.js';

describe('oversight schemas', () => {
  it('fills the exposure report defaults and names each bad parameter', () => {
    expect(exposureQuery.parse({})).toEqual({ source: 'decisions', sample: 200, k: 10, format: 'json' });
    expect(refused(exposureQuery, { source: 'guess' })).toEqual(['source']);
    expect(refused(exposureQuery, { from: '2026-12-32', to: '6.12.2026' })).toEqual(['from', 'to']);
    expect(refused(exposureQuery, { sample: '2001', k: '101' })).toEqual(['sample', 'k']);
    expect(refused(exposureQuery, { dimension: 'gender' })).toEqual(['dimension']);
  });

  it('takes an override with a reason of at least 10 characters', () => {
    expect(refused(overrideInput, { vacancyId: 'V-1', action: 'put-forward', reason: 'Asiakas toivoo tätä.' })).toEqual([]);
    expect(refused(overrideInput, { vacancyId: 'V-1', action: 'set-aside', reason: 'ei käy' })).toEqual(['reason']);
    expect(refused(overrideInput, { vacancyId: 'V-1', action: 'hide', reason: 'Asiakas toivoo tätä.' })).toEqual(['action']);
    expect(refused(overrideInput, { vacancyId: '', action: 'set-aside', reason: 'Asiakas toivoo tätä.' })).toEqual(['vacancyId']);
  });

  it('explains in Finnish unless asked otherwise', () => {
    expect(explanationQuery.parse({})).toEqual({ lang: 'fi' });
    expect(refused(explanationQuery, { lang: 'ru' })).toEqual(['lang']);
  });
});
