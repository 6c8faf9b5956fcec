import { describe, expect, it } from 'vitest';
import { interned } from '../../../src/core/taxonomy/interned.js';

describe('interned', () => {
  // (Which string object is answered cannot be seen from JavaScript: strings compare by value. This
  // proves that interning never changes a URI, the copies of one URI included.)
  it('gives back a string equal to the one given, for every copy of it', () => {
    const first = interned(['urn:', 'kohtaanto:skill:interned-test'].join(''));
    expect(first).toBe('urn:kohtaanto:skill:interned-test');
    expect(interned(['urn:kohtaanto:', 'skill:interned-test'].join(''))).toBe(first);
    expect(interned('urn:kohtaanto:skill:other')).toBe('urn:kohtaanto:skill:other');
    expect(interned('')).toBe('');
  });
});
