import { describe, expect, it } from 'vitest';
import { causeOf, codeOf, messageOf } from '../../src/core/thrown.js';

describe('what a thrown value says', () => {
  it("an error's message, anything else as text", () => {
    expect(messageOf(new TypeError('bad input'))).toBe('bad input');
    expect(messageOf('plain text')).toBe('plain text');
    expect(messageOf(undefined)).toBe('undefined');
  });

  it("a code only when it is a string (Node's and drivers' errors)", () => {
    expect(codeOf(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('SQLITE_FULL');
    expect(codeOf({ code: '57P01' })).toBe('57P01');
    expect(codeOf({ code: 5 })).toBeUndefined();
    expect(codeOf(new Error('no code'))).toBeUndefined();
    expect(codeOf(null)).toBeUndefined();
    expect(codeOf('ECONNRESET')).toBeUndefined();
  });

  it('the cause when it is an error', () => {
    const cause = new Error('socket closed');
    expect(causeOf(new Error('query failed', { cause }))).toBe(cause);
    expect(causeOf(new Error('query failed', { cause: 'text' }))).toBeUndefined();
    expect(causeOf('not an error')).toBeUndefined();
  });
});
