import { describe, expect, it } from 'vitest';
import { explainedSkill, jobseekerSkills, labelLang, skillRef } from '../../../src/core/schemas/skills.js';
import { refused } from '../../helpers/schema.js';

const ref = { uri: 'urn:kohtaanto:skill:mig', label: 'MIG-hitsaus', confidence: 1, source: 'skills', evidence: 'MIG-hitsaus', method: 'label' };

describe('skill schemas', () => {
  it('keeps a skill with where it came from and how it was read', () => {
    expect(refused(skillRef, ref)).toEqual([]);
    expect(refused(skillRef, { ...ref, source: 'guess' })).toEqual(['source']);
    expect(refused(skillRef, { ...ref, method: 'magic', confidence: '1' })).toEqual(['confidence', 'method']);
  });

  it("fills a jobseeker's occupations and wishes when absent", () => {
    expect(jobseekerSkills.parse({ skills: [ref] })).toEqual({ skills: [ref], occupations: [], wishes: [] });
  });

  it('explains a skill as essential or optional, and labels in Finnish by default', () => {
    expect(refused(explainedSkill, { uri: 'u', label: 'l', importance: 'essential', via: 'hitsaus' })).toEqual([]);
    expect(refused(explainedSkill, { uri: 'u', label: 'l', importance: 'nice' })).toEqual(['importance']);
    expect(labelLang.parse(undefined)).toBe('fi');
    expect(refused(labelLang, 'ru')).toEqual(['body']);
  });
});
