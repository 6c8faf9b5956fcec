import { describe, expect, it } from 'vitest';
import { ESSENTIAL_COVERAGE_MIN, isSuitable, standingOf, suitsNow } from '../../src/core/suitability.js';

const hit = (score: number, essential: number | null) => ({ score, parts: { semantic: 0.5, essential, optional: null, location: 1, occupation: 1 } });

describe('isSuitable', () => {
  it('needs the score to reach the line and three quarters of the essential skills covered', () => {
    expect(ESSENTIAL_COVERAGE_MIN).toBe(0.75);
    expect(isSuitable(hit(0.55, 0.75), 0.55)).toBe(true);
    expect(isSuitable(hit(0.5499, 1), 0.55)).toBe(false);
    expect(isSuitable(hit(0.99, 0.74), 0.55)).toBe(false);
    expect(isSuitable(hit(0.99, 0), 0.55)).toBe(false);
  });

  it('lets the score alone decide when the essential skills are unknown', () => {
    expect(isSuitable(hit(0.6, null), 0.55)).toBe(true);
    expect(isSuitable(hit(0.5, null), 0.55)).toBe(false);
  });
});

describe('suitsNow and standingOf (a hit as the client page and the gap report read it)', () => {
  const pass = { language: 'pass', licence: 'pass', cards: 'pass', workingTime: 'pass', commute: 'pass' } as const;
  const lines = { suitableScore: 0.55, fitFloor: 0.4, fitOccupation: 0.4 };
  const scored = (score: number, essential: number | null, occupation: number | null, gates: Partial<Record<keyof typeof pass, 'pass' | 'fail' | 'unknown'>> = {}) => ({
    score,
    parts: { semantic: 0.5, essential, optional: null, location: 1, occupation },
    gates: { ...pass, ...gates },
  });

  it('is suitable now only in the client\'s line of work, at the line, with no hard requirement failing', () => {
    expect(suitsNow(scored(0.8, 1, 1), 0.55)).toBe(true);
    expect(suitsNow(scored(0.8, 1, null), 0.55)).toBe(true);
    expect(suitsNow(scored(0.8, 1, 0.25), 0.55)).toBe(false);
    expect(suitsNow(scored(0.8, 1, 1, { commute: 'fail' }), 0.55)).toBe(false);
    expect(suitsNow(scored(0.8, 1, 1, { licence: 'unknown' }), 0.55)).toBe(true);
    expect(suitsNow(scored(0.89, 0.5, 1), 0.55)).toBe(false);
  });

  it('marks the own kind of work that is not suitable now as a fit, other work and low scores as no fit', () => {
    expect(standingOf(scored(0.9, 1, 1), lines)).toBe('suitable');
    expect(standingOf(scored(0.89, 0.5, 1), lines)).toBe('fit');
    expect(standingOf(scored(0.9, 1, 1, { workingTime: 'fail' }), lines)).toBe('fit');
    expect(standingOf(scored(0.45, null, 0.4), lines)).toBe('fit');
    expect(standingOf(scored(0.33, 0.33, 0), lines)).toBe('no-fit');
    expect(standingOf(scored(0.6, 1, 0.02), lines)).toBe('no-fit');
    expect(standingOf(scored(0.39, 1, 1), lines)).toBe('no-fit');
  });
});
