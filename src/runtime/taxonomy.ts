import { eldDetector } from '../adapters/language/eld-detector.js';
import { join } from 'node:path';
import { isTaxonomyDir, loadEscoCsv } from '../adapters/taxonomy/esco-csv.js';
import { vectorFile } from '../adapters/taxonomy/vector-file.js';
import type { Embedder } from '../core/ports.js';
import { LabelVectors } from '../core/taxonomy/label-vectors.js';
import { SkillNormalizer } from '../core/taxonomy/normalizer.js';
import { ConceptSearch } from '../core/taxonomy/search.js';
import type { EngineLog } from './log.js';
import { DEFAULT_SKILL_NN_THRESHOLD, OCCUPATION_NN_THRESHOLD } from '../config.js';

export interface TaxonomyConfig {
  taxonomyDir: string;
  /** Local labels and concepts layered on it (taxonomy/local-extension.csv by default). */
  taxonomyExtension?: string | undefined;
  skillNnThreshold?: number | undefined;
  /** Where the label vectors are kept between starts (`skills.labels`, `occupations.labels`); none: embedded at every start. */
  dataDir?: string;
}

/** The taxonomy from KOHTAANTO_TAXONOMY_DIR (ESCO CSV layout; default the committed ESCO build, taxonomy/esco-1.1.1) with KOHTAANTO_TAXONOMY_EXTENSION. */
export async function openNormalizer(config: TaxonomyConfig, embedder: Embedder, log: EngineLog): Promise<SkillNormalizer> {
  if (!isTaxonomyDir(config.taxonomyDir)) {
    throw new Error(`KOHTAANTO_TAXONOMY_DIR=${config.taxonomyDir} holds no skills_<lang>.csv (an ESCO CSV export is expected)`);
  }
  const started = Date.now();
  const taxonomy = loadEscoCsv(config.taxonomyDir, { extension: config.taxonomyExtension });
  const lexical = embedder.id.startsWith('lexical');
  const nnThreshold = config.skillNnThreshold ?? (lexical ? DEFAULT_SKILL_NN_THRESHOLD.lexical : DEFAULT_SKILL_NN_THRESHOLD.model);
  // Titles no occupation label names go to the nearest label only with a model (hashing vectors know no synonyms).
  const normalizer = await SkillNormalizer.create(taxonomy, embedder, { nnThreshold, occupationNnThreshold: lexical ? 0 : OCCUPATION_NN_THRESHOLD },
    eldDetector,
    config.dataDir === undefined ? undefined : (labels) => vectorFile(join(config.dataDir!, `${labels}.labels`)),
  );
  log.info(
    `Taxonomy: ${taxonomy.skills.size} skills, ${taxonomy.occupations.size} occupations (${taxonomy.languages.join(', ')}) ` +
      `from ${taxonomy.source} (KOHTAANTO_TAXONOMY_DIR) in ${Date.now() - started} ms`,
  );
  return normalizer;
}

export /** Concept search over the taxonomy; the semantic signal only with a model (hashing vectors know no synonyms). */
async function openConceptSearch(normalizer: SkillNormalizer, embedder: Embedder) {
  const taxonomy = normalizer.taxonomy;
  const semantic = !embedder.id.startsWith('lexical');
  const skillLabels = normalizer.labelVectors;
  const occupationLabels = semantic ? (normalizer.occupationVectors ?? (await LabelVectors.build(embedder, taxonomy.occupations.values(), { alt: true }))) : undefined;
  return {
    skills: new ConceptSearch(taxonomy, () => taxonomy.skills.values(), semantic && skillLabels ? { embedder, labels: skillLabels } : undefined),
    occupations: new ConceptSearch(taxonomy, () => taxonomy.occupations.values(), occupationLabels && { embedder, labels: occupationLabels }),
  };
}
