import { describe, expect, it } from 'vitest';
import { EMPLOYER_STATES, JOB_SUGGESTION_STATES, NEXT_STATES, REASON_REQUIRED, SETTABLE_STATES, type JobSuggestionState } from '../../../src/core/job-suggestions/states.js';
import { FUNNEL_STEPS } from '../../../src/core/what-works/steps.js';

const reachable = (from: JobSuggestionState): Set<JobSuggestionState> => {
  const seen = new Set<JobSuggestionState>();
  const walk = (s: JobSuggestionState) => NEXT_STATES[s].forEach((n) => !seen.has(n) && (seen.add(n), walk(n)));
  walk(from);
  return seen;
};

describe('job suggestion states', () => {
  it('begin at suggested, reach every settable state from it, and never go back', () => {
    expect(JOB_SUGGESTION_STATES[0]).toBe('suggested');
    expect([...reachable('suggested')].sort()).toEqual([...SETTABLE_STATES].sort());
    for (const state of JOB_SUGGESTION_STATES) expect(reachable(state).has(state)).toBe(false);
  });

  it('follow the funnel forward only: no change leads to an earlier step', () => {
    for (const [i, step] of FUNNEL_STEPS.entries()) {
      for (const next of NEXT_STATES[step]) {
        const position = FUNNEL_STEPS.indexOf(next as never);
        if (position >= 0) expect(position).toBeGreaterThan(i);
      }
    }
    // The funnel's steps are the states' first five, in order.
    expect(JOB_SUGGESTION_STATES.slice(0, FUNNEL_STEPS.length)).toEqual([...FUNNEL_STEPS]);
  });

  it('end at hired, not selected, declined, withdrawn or expired; expired comes with the deadline only', () => {
    const final = JOB_SUGGESTION_STATES.filter((s) => NEXT_STATES[s].length === 0);
    expect(final.sort()).toEqual(['declined', 'expired', 'hired', 'not-selected', 'withdrawn']);
    expect(SETTABLE_STATES).not.toContain('expired');
    expect(SETTABLE_STATES).not.toContain('suggested');
  });

  it("let employer units record only what happens on their side, and ask a reason only where the client said no", () => {
    for (const s of EMPLOYER_STATES) expect(SETTABLE_STATES).toContain(s);
    expect([...EMPLOYER_STATES].sort()).toEqual(['hired', 'interview', 'not-selected', 'offer']);
    // What the client does (applies, declines, withdraws) is the counsellor's to record.
    for (const s of ['applied', 'declined', 'withdrawn'] as const) expect(EMPLOYER_STATES).not.toContain(s);
    expect(REASON_REQUIRED).toEqual(['declined']);
  });
});
