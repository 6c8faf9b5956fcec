import { describe, expect, it } from 'vitest';
import { cardList, languageRequirement, languageSkill, licenceClasses } from '../../../src/core/schemas/requirements.js';
import { refused } from '../../helpers/schema.js';

describe('requirement schemas', () => {
  it('take the Finnish licence classes and known cards, no more entries than there are of them', () => {
    expect(refused(licenceClasses, ['B', 'CE', 'T'])).toEqual([]);
    expect(refused(licenceClasses, ['B', 'X'])).toEqual(['1']);
    expect(refused(licenceClasses, Array(16).fill('B'))).toEqual(['body']);
    expect(refused(cardList, ['hygiene-passport', 'forklift'])).toEqual([]);
    expect(refused(cardList, ['drivers-licence'])).toEqual(['0']);
  });

  it('take a language at a level, required by default for a vacancy', () => {
    expect(languageRequirement.parse({ code: 'sv' })).toEqual({ code: 'sv', level: 'good', required: true });
    expect(refused(languageRequirement, { code: 'SV' })).toEqual(['code']);
    expect(refused(languageSkill, { code: 'sv' })).toEqual(['level']);
    expect(refused(languageSkill, { code: 'sv', level: 'native', since: 1990 })).toEqual(['since']);
  });
});
