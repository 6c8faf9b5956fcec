import { describe, expect, it } from 'vitest';
import { referralChange, referralInput, referralParams } from '../../../src/core/referrals/schema.js';

const fields = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : [...new Set(r.error!.issues.map((i) => i.path.join('.')))];
};

describe('referral schema', () => {
  it('reads a referral and a change of its state', () => {
    expect(referralInput.parse({ jobseekerId: 'JS-1', trainingId: 'T-0152', reason: 'Hygieniapassi puuttuu' })).toEqual({ jobseekerId: 'JS-1', trainingId: 'T-0152', reason: 'Hygieniapassi puuttuu' });
    expect(referralChange.parse({ state: 'started', on: '2026-11-02', version: 2 })).toEqual({ state: 'started', on: '2026-11-02', version: 2 });
    expect(referralParams.parse({ id: '17' })).toEqual({ id: 17 });
  });

  it('refuses what cannot be set or read, naming the field', () => {
    // `referred` is where a referral begins, never a change.
    expect(fields(referralChange, { state: 'referred', version: 1 })).toEqual(['state']);
    expect(fields(referralChange, { state: 'started', on: '2999-01-01', version: 1 })).toEqual(['on']);
    expect(fields(referralChange, { state: 'started' })).toEqual(['version']);
    expect(fields(referralChange, { state: 'started', version: 0 })).toEqual(['version']);
    expect(fields(referralInput, { jobseekerId: 'JS-1' })).toEqual(['trainingId']);
    expect(fields(referralInput, { jobseekerId: 'JS-1', trainingId: 'T-1', price: 10 })).toEqual(['']);
    for (const id of ['0', '-1', '1e3', '017', '1234567890123456', 'abc']) expect(fields(referralParams, { id })).toEqual(['id']);
  });
});
