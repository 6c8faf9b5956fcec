import { describe, expect, it } from 'vitest';
import { hasFields } from '../../src/core/fields.js';

describe('hasFields', () => {
  it('admits what JSON.parse gives as objects and arrays, whose fields read as unknown values', () => {
    const parsed: unknown = JSON.parse('{"id":"V-1","skills":["MIG-hitsaus"],"normalized":{"occupation":null}}');
    expect(hasFields(parsed)).toBe(true);
    if (!hasFields(parsed)) return;
    expect(parsed.id).toBe('V-1');
    expect(hasFields(parsed.skills)).toBe(true);
    expect(hasFields(parsed.normalized)).toBe(true);
    expect(hasFields(new Date(0))).toBe(true);
  });

  it('refuses null and every value without fields of its own (JSON null, strings, numbers, booleans, undefined)', () => {
    const parsed: unknown[] = JSON.parse('[null, "text", 0, 1.5, true, false]');
    expect(parsed.map(hasFields)).toEqual([false, false, false, false, false, false]);
    expect(hasFields(undefined)).toBe(false);
    expect(hasFields(() => 1)).toBe(false); // a function is no record
  });
});
