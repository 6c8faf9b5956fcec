import { join } from 'node:path';
import { loadEscoCsv } from '../../src/adapters/taxonomy/esco-csv.js';
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
