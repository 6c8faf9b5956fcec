import { describe, expect, it } from 'vitest';
import { normaliseSkill } from '../../src/core/skills.js';

describe('normaliseSkill', () => {
  it('folds case, compatibility characters, punctuation and spacing', () => {
    expect(normaliseSkill('  Ｃ-ajokortti ')).toBe('c ajokortti');
    expect(normaliseSkill('MIG-Hitsaus')).toBe(normaliseSkill('mig hitsaus'));
  });
});
