import { describe, expect, it } from 'vitest';
import { health, healthWithCounts } from '../../../src/core/health/schema.js';
import { refused } from '../../helpers/schema.js';

describe('health', () => {
  const ok = {
    status: 'ok',
    embedder: { id: 'kohtaanto-jobs-fi-sv-en', dimension: 256, description: 'cross-lingual' },
    taxonomy: { id: 'esco-1.1.1', source: 'ESCO', skills: 13_939, occupations: 3_039, languages: ['fi', 'sv', 'en'] },
  };
  const counted = { ...ok, jobseekers: { stored: 10, indexed: 10 }, vacancies: { stored: 5, indexed: 4 } };
  it('says ok or degraded, with the problems', () => {
    expect(health.parse(ok)).toEqual(ok);
    expect(refused(health, { ...ok, status: 'degraded', problems: ['the data disk is full'] })).toEqual([]);
    expect(refused(health, { ...ok, status: 'down' })).toEqual(['status']);
  });

  it('has record counts only in the admins\' answer: the public one drops them', () => {
    expect(health.parse(counted)).toEqual(ok);
    expect(healthWithCounts.parse(counted)).toEqual(counted);
    expect(refused(healthWithCounts, { ...counted, vacancies: { stored: 5 } })).toEqual(['vacancies.indexed']);
    expect(refused(healthWithCounts, ok)).toEqual(['jobseekers', 'vacancies']);
  });
});
