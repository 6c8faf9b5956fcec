import { describe, expect, it } from 'vitest';
import { auditQuery, shareInput } from '../../../src/core/privacy/schema.js';
import { refused } from '../../helpers/schema.js';

describe('privacy schemas', () => {
  it('reads the audit trail for a jobseeker or the most recent, 100 by default and at most 10 000', () => {
    expect(auditQuery.parse({})).toEqual({ limit: 100 });
    expect(auditQuery.parse({ jobseeker: 'J-1', limit: '10000' })).toEqual({ jobseeker: 'J-1', limit: 10_000 });
    expect(refused(auditQuery, { limit: '10001' })).toEqual(['limit']);
    expect(refused(auditQuery, { jobseeker: 'J 1' })).toEqual(['jobseeker']);
    expect(refused(auditQuery, { keyId: 'k' })).toEqual(['keyId']);
  });

  it('shares one jobseeker by id', () => {
    expect(refused(shareInput, { jobseekerId: 'J-1' })).toEqual([]);
    expect(refused(shareInput, {})).toEqual(['jobseekerId']);
    expect(refused(shareInput, { jobseekerId: 'J-1', name: 'x' })).toEqual(['name']);
  });
});
