import { describe, expect, it } from 'vitest';
import { boundedNoise, contentDigest, noisedShares, SHARE_MARGIN, SHARE_NOISE_BOUND } from '../../../src/core/oversight/noised-shares.js';

const KEY = Buffer.from('an installation key of the test');
const CELLS = Array.from({ length: 500 }, (_, i) => `group ${i}`);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

describe('boundedNoise', () => {
  it('is centred and reaches its bound only when all three draws are at an end', () => {
    expect(boundedNoise([0, 0, 0], 0.15)).toBeCloseTo(-0.15, 12);
    expect(boundedNoise([0.5, 0.5, 0.5], 0.15)).toBeCloseTo(0, 12);
    expect(boundedNoise([1, 1, 1], 0.15)).toBeCloseTo(0.15, 12);
    expect(Math.abs(boundedNoise([0.999, 0.001, 0.999], 0.15))).toBeLessThan(0.15 / 3 + 1e-9);
  });
});

describe('noisedShares', () => {
  const exact = 0.4;
  const noised = noisedShares(KEY, 'content A');

  it('publishes a share to 2 decimals within the margin of the exact one, in 0 … 1, with noise of standard deviation about a third of the bound', () => {
    const shares = CELLS.map((c) => noised.share(c, exact));
    for (const s of shares) {
      expect(Math.abs(s - exact)).toBeLessThanOrEqual(SHARE_MARGIN + 1e-9);
      expect(Math.round(s * 100) / 100).toBe(s);
    }
    const noise = shares.map((s) => s - exact);
    expect(Math.abs(mean(noise))).toBeLessThan(0.01);
    expect(sd(noise)).toBeGreaterThan(SHARE_NOISE_BOUND / 3 - 0.01);
    expect(sd(noise)).toBeLessThan(SHARE_NOISE_BOUND / 3 + 0.01);
    // Bell-shaped, not uniform: most of the mass lies within half the bound.
    expect(noise.filter((n) => Math.abs(n) <= SHARE_NOISE_BOUND / 2).length / noise.length).toBeGreaterThan(0.8);
    // Near the ends it is kept within 0 … 1.
    expect(CELLS.map((c) => noised.share(c, 0)).every((s) => s >= 0 && s <= SHARE_MARGIN)).toBe(true);
    expect(CELLS.map((c) => noised.share(c, 1)).every((s) => s <= 1 && s >= 1 - SHARE_MARGIN)).toBe(true);
  });

  it('gives the same answer to the same question, and fresh draws for another key, another content or another cell', () => {
    const again = noisedShares(KEY, 'content A');
    expect(CELLS.map((c) => again.share(c, exact))).toEqual(CELLS.map((c) => noised.share(c, exact)));
    const differs = (other: ReturnType<typeof noisedShares>) => CELLS.filter((c) => other.share(c, exact) !== noised.share(c, exact)).length;
    expect(differs(noisedShares(KEY, 'content B'))).toBeGreaterThan(CELLS.length / 2);
    expect(differs(noisedShares(Buffer.from('another installation'), 'content A'))).toBeGreaterThan(CELLS.length / 2);
    expect(new Set(CELLS.slice(0, 50).map((c) => noised.share(c, exact))).size).toBeGreaterThan(5);
  });

  it('draws the spread apart from the share, kept within 0 … 0.5', () => {
    const spreads = CELLS.map((c) => noised.spread(c, 0.45));
    expect(spreads.every((s) => s >= 0 && s <= 0.5)).toBe(true);
    expect(spreads.some((s) => s === 0.5)).toBe(true); // 0.45 + noise above 0.05 is cut at the top
    const shares = CELLS.map((c) => noised.share(c, 0.45));
    expect(CELLS.filter((_, i) => Math.abs(spreads[i]! - shares[i]!) > 0.01).length).toBeGreaterThan(CELLS.length / 2);
  });
});

describe('contentDigest', () => {
  const groups: Record<string, string> = { J1: 'female 30-49', J2: 'male 50+', J3: 'female 18-29' };
  const describe_ = (id: string) => groups[id];

  it('does not depend on the order of the rankings, but on each ranking\'s order and on who is where', () => {
    const digest = contentDigest([['J1', 'J2'], ['J3', 'V-OUT']], describe_);
    expect(digest).toMatch(/^[0-9a-f]{32}$/);
    expect(contentDigest([['J3', 'V-OUT'], ['J1', 'J2']], describe_)).toBe(digest);
    expect(contentDigest([['J2', 'J1'], ['J3', 'V-OUT']], describe_)).not.toBe(digest);
    expect(contentDigest([['J1', 'J2'], ['J3']], describe_)).not.toBe(digest);
  });

  it('reads people by their groups: two people of the same groups are alike, a change of group is not', () => {
    const digest = contentDigest([['J1', 'J2']], describe_);
    expect(contentDigest([['J1', 'J2']], (id) => (id === 'J1' ? 'female 30-49' : describe_(id)))).toBe(digest);
    expect(contentDigest([['J1', 'J2']], (id) => (id === 'J1' ? 'female 50+' : describe_(id)))).not.toBe(digest);
    // Anyone outside the area is only a position.
    expect(contentDigest([['J1', 'X1']], describe_)).toBe(contentDigest([['J1', 'X2']], describe_));
  });
});
