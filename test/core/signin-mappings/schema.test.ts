import { describe, expect, it } from 'vitest';
import { mappingChange, mappingInput, mappingParams } from '../../../src/core/signin-mappings/schema.js';

const fields = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : [...new Set(r.error!.issues.map((i) => i.path.join('.')))];
};

describe('sign-in mapping schema', () => {
  const ok = { provider: 'entra', value: 'Työllisyyspalvelut – ohjaajat', organisation: 'ea-vaasa', role: 'counsellor' };

  it('reads a claim value of a provider mapped to an organisation and role', () => {
    expect(mappingInput.parse(ok)).toEqual(ok);
    expect(mappingChange.parse({ role: 'planner' })).toEqual({ role: 'planner' });
    expect(mappingParams.parse({ id: '12' })).toEqual({ id: 12 });
  });

  it('refuses unknown roles, provider ids of other shapes, multi-line values and a change of provider, naming the field', () => {
    expect(fields(mappingInput, { ...ok, role: 'superuser' })).toEqual(['role']);
    for (const provider of ['Entra', '-x', 'a b', 'x'.repeat(41)]) expect(fields(mappingInput, { ...ok, provider })).toEqual(['provider']);
    expect(fields(mappingInput, { ...ok, value: 'a\nb' })).toEqual(['value']);
    expect(fields(mappingInput, { ...ok, value: '' })).toEqual(['value']);
    // The provider is part of what a mapping is: a change cannot move it to another.
    expect(fields(mappingChange, { provider: 'okta' })).toEqual(['']);
    expect(fields(mappingParams, { id: '0' })).toEqual(['id']);
  });
});
