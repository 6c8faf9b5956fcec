import { describe, expect, it } from 'vitest';
import { NEXT_REFERRAL_STATES, REFERRAL_STATES, SETTABLE_REFERRAL_STATES, type ReferralState } from '../../../src/core/referrals/states.js';

/** Every state reachable from `from` by one or more changes. */
const reachable = (from: ReferralState): Set<ReferralState> => {
  const seen = new Set<ReferralState>();
  const walk = (s: ReferralState) => NEXT_REFERRAL_STATES[s].forEach((n) => !seen.has(n) && (seen.add(n), walk(n)));
  walk(from);
  return seen;
};

describe('referral states', () => {
  it('begin at referred, from which every settable state can be reached, and never return to an earlier one', () => {
    expect(REFERRAL_STATES[0]).toBe('referred');
    expect([...reachable('referred')].sort()).toEqual([...SETTABLE_REFERRAL_STATES].sort());
    for (const state of REFERRAL_STATES) expect(reachable(state).has(state)).toBe(false);
    expect(SETTABLE_REFERRAL_STATES).not.toContain('referred');
  });

  it('end at completed, interrupted, declined or cancelled, and a training that started is no longer declined or called off', () => {
    const final = REFERRAL_STATES.filter((s) => NEXT_REFERRAL_STATES[s].length === 0);
    expect(final.sort()).toEqual(['cancelled', 'completed', 'declined', 'interrupted']);
    expect(NEXT_REFERRAL_STATES.started).toEqual(['completed', 'interrupted']);
    expect(reachable('started').has('declined')).toBe(false);
    expect(reachable('started').has('cancelled')).toBe(false);
    // Only a training that started can be completed or interrupted.
    for (const state of ['referred', 'accepted'] as const) expect(NEXT_REFERRAL_STATES[state]).not.toContain('completed');
  });
});
