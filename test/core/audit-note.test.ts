import { describe, expect, it } from 'vitest';
import { unaudited } from '../../src/core/audit-note.js';

describe('unaudited', () => {
  it('is a fresh empty note each time, so that one use case never writes into another\'s', () => {
    const a = unaudited();
    const b = unaudited();
    a.jobseekers.push('J-1');
    a.detail = { x: 1 };
    expect(a).toEqual({ jobseekers: ['J-1'], detail: { x: 1 } });
    expect(b).toEqual({ jobseekers: [] });
    expect(unaudited()).toEqual({ jobseekers: [] });
  });
});
