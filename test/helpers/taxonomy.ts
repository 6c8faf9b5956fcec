import { join } from 'node:path';
import { loadEscoCsv } from '../../src/adapters/taxonomy/esco-csv.js';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { SkillNormalizer } from '../../src/core/taxonomy/normalizer.js';
import type { Taxonomy } from '../../src/core/taxonomy/taxonomy.js';

/**
 * The curated test taxonomy (fixtures/taxonomy: 209 skills, 128 occupations; a test double for ESCO),
 * read once per test worker, for unit tests that need concept labels and ISCO groups, not ESCO.
 */
let taxonomy: Taxonomy | undefined;
export const curatedTaxonomy = (): Taxonomy => (taxonomy ??= loadEscoCsv(join(import.meta.dirname, '..', '..', 'fixtures', 'taxonomy')));

export const WELDER = 'urn:kohtaanto:occupation:7212-11';
export const PRACTICAL_NURSE = 'urn:kohtaanto:occupation:5322-1';
export const MIG = 'urn:kohtaanto:skill:mig';
export const TIG = 'urn:kohtaanto:skill:tig';

/**
 * The skill normaliser on the curated test taxonomy with the lexical embedder (a test double for the
 * model: no model file), built once per test worker.
 */
let normalizer: Promise<SkillNormalizer> | undefined;
export const curatedNormalizer = (): Promise<SkillNormalizer> =>
  (normalizer ??= SkillNormalizer.create(curatedTaxonomy(), new LexicalEmbedder(), { nnThreshold: 0.6 }));
