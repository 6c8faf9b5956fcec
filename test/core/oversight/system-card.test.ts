import { describe, expect, it } from 'vitest';
import { systemCard, type SystemFacts } from '../../../src/core/oversight/system-card.js';

const facts: SystemFacts = {
  version: '0.1.0',
  model: { id: 'kohtaanto-jobs-fi-sv-en', dimension: 256, description: 'cross-lingual' },
  taxonomy: { id: 'esco-1.1.1', skills: 13_939, occupations: 3_039 },
  settings: { weights: { semantic: 0.3 } },
  decisionRetentionDays: 365,
  evaluation: undefined,
};

/** The system card served at /v1/about (EU AI Act transparency). */
describe('systemCard', () => {
  it('carries the facts of this installation: version, model, taxonomy, settings and retention', () => {
    const card = systemCard(facts);
    expect(card.version).toBe('0.1.0');
    expect(card.model).toEqual({ ...facts.model, card: 'models/README.md (training data, licences, evaluation, limits)' });
    expect(card.taxonomy).toMatchObject({ id: 'esco-1.1.1', skills: 13_939, occupations: 3_039 });
    expect(card.data.settings).toBe(facts.settings);
    expect(card.data.decisionRetentionDays).toBe(365);
  });

  it('says how to measure quality when no benchmark result is present, and gives the result when one is', () => {
    expect(systemCard(facts).evaluation).toEqual({ note: 'No quality benchmark result is present beside this installation: run npm run bench:quality.' });
    const evaluation = {
      measuredOn: '2026-12-01',
      labelledSet: 'fixtures/quality',
      clientToVacancies: { ndcgAt10: 0.71, crossLanguage: 0.65 },
      vacancyToCandidates: { ndcgAt10: 0.69, crossLanguage: 0.6 },
      command: 'npm run bench:quality',
    };
    expect(systemCard({ ...facts, evaluation }).evaluation).toBe(evaluation);
  });

  it('says that it decides nothing about a person and never matches on group attributes or contact details', () => {
    const card = systemCard(facts);
    expect(card.doesNotDecide[0]).toMatch(/^Nothing is decided about a person automatically/);
    expect(card.data.neverUsedForMatching.join(' ')).toMatch(/Name and contact details\..*Birth year, gender and mother tongue/);
    expect(card.riskClass).toMatch(/^High-risk AI system under the EU AI Act/);
  });
});
