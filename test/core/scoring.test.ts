import { describe, expect, it } from 'vitest';
import { locationFit } from '../../src/core/location.js';
import { DEFAULT_WEIGHTS, scoreMatch } from '../../src/core/scoring.js';

const seeker = { skills: ['a', 'b'], municipality: '837', region: '06' };
const vacancy = { skills: ['a', 'b', 'c', 'd'], municipality: '837', region: '06' };

describe('scoreMatch', () => {
  it('is the weighted mean of semantic, skill and location parts', () => {
    const s = scoreMatch(seeker, vacancy, 0.8, DEFAULT_WEIGHTS);
    expect(s.parts).toEqual({ semantic: 0.8, skills: 0.5, location: 1 });
    expect(s.score).toBeCloseTo(0.6 * 0.8 + 0.3 * 0.5 + 0.1 * 1, 4);
    expect(s.missingSkills).toEqual(['c', 'd']);
  });

  it('drops unknown parts and renormalises the other weights', () => {
    const s = scoreMatch({ skills: ['a'] }, { ...vacancy, skills: [] }, 0.5, DEFAULT_WEIGHTS);
    expect(s.parts.skills).toBeNull();
    expect(s.parts.location).toBeNull();
    expect(s.score).toBeCloseTo(0.5, 4);
  });

  it('rises when the jobseeker gains a missing skill', () => {
    const before = scoreMatch(seeker, vacancy, 0.7, DEFAULT_WEIGHTS).score;
    const after = scoreMatch({ ...seeker, skills: [...seeker.skills, 'c'] }, vacancy, 0.7, DEFAULT_WEIGHTS).score;
    expect(after).toBeGreaterThan(before);
  });

  it('clips negative similarity to zero', () => {
    expect(scoreMatch(seeker, vacancy, -0.3, DEFAULT_WEIGHTS).parts.semantic).toBe(0);
  });
});

describe('locationFit', () => {
  it('is 1 in the same municipality or for remote work, 0.5 in the same region, else 0', () => {
    expect(locationFit({ municipality: '837', region: '06' }, { municipality: '837', region: '06' })).toBe(1);
    expect(locationFit({ municipality: '536', region: '06' }, { municipality: '837', region: '06' })).toBe(0.5);
    expect(locationFit({ municipality: '091', region: '01' }, { municipality: '837', region: '06' })).toBe(0);
    expect(locationFit({ municipality: '091', region: '01' }, { municipality: '837', region: '06', remote: true })).toBe(1);
    expect(locationFit({}, { municipality: '837' })).toBeNull();
  });
});
