import { describe, expect, it } from 'vitest';
import { compareSkills, normaliseSkill } from '../../src/core/skills.js';

describe('compareSkills', () => {
  it('splits the vacancy skills into matched and missing, ignoring case and punctuation', () => {
    const result = compareSkills(['MIG-hitsaus', 'TIG-hitsaus', 'Trukkikortti'], ['mig hitsaus', 'trukkikortti']);
    expect(result.matched).toEqual(['MIG-hitsaus', 'Trukkikortti']);
    expect(result.missing).toEqual(['TIG-hitsaus']);
    expect(result.coverage).toBeCloseTo(2 / 3);
  });

  it('counts a skill named word for word in the jobseeker text', () => {
    const result = compareSkills(['MIG-svetsning', 'truckkort'], [], 'Erfaren svetsare: MIG-svetsning, ritningsläsning.');
    expect(result.matched).toEqual(['MIG-svetsning']);
    expect(result.missing).toEqual(['truckkort']);
  });

  it('reports coverage as unknown when the vacancy asks for nothing or the jobseeker states nothing', () => {
    expect(compareSkills([], ['SQL']).coverage).toBeNull();
    expect(compareSkills(['SQL'], []).coverage).toBeNull();
  });

  it('normalises compatibility characters and spacing', () => {
    expect(normaliseSkill('  Ｃ-ajokortti ')).toBe('c ajokortti');
  });
});
