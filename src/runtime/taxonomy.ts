import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { eldDetector } from '../adapters/language/eld-detector.js';
import { join } from 'node:path';
import { LexicalEmbedder } from '../adapters/embedders/lexical.js';
import { TransformersEmbedder } from '../adapters/embedders/transformers.js';
import { isTaxonomyDir, loadEscoCsv } from '../adapters/taxonomy/esco-csv.js';
import { holds, vectorFile } from '../adapters/taxonomy/vector-file.js';
import type { Embedder, VectorCache } from '../core/ports.js';
import { nativeScan } from '../adapters/hnsw/native-scan.js';
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

type LabelSet = 'skills' | 'occupations';

/** A normaliser opened in this process, with the label vectors it read or embedded (by their cache key). */
interface Opened {
  normalizer: Promise<SkillNormalizer>;
  vectors: Map<LabelSet, { key: string; vectors: Float32Array }>;
  /** Its taxonomy's concepts: what opening it again would cost. */
  concepts: number;
}

/**
 * Normalisers already opened in this process, by everything they are built from (see `sameBuild`),
 * the most recently used last; kept only after `shareNormalizers()`. Reading ESCO and indexing its
 * ~127,000 skill labels costs ~5 s of CPU: with sharing on, a second engine in one process takes the
 * first one's normaliser instead. Off by default: the service opens one engine per process, and a
 * benchmark that measures a restart in one process measures what a new process does.
 * When one too many are kept, the one on the smallest taxonomy goes (the least recently used of
 * those): a test worker that opens three set-ups on the curated test taxonomy (~0.3 s each) keeps the
 * ESCO one (~7 s of CPU to open again, measured in one test worker).
 */
const opened = new Map<string, Opened>();
let keepOpened = 0;

/**
 * Lets later engines of this process share the normaliser of an earlier one on the same taxonomy
 * files, embedder and thresholds (the test suite, which opens dozens of engines per process); a few
 * kept, so that a process alternating between two set-ups keeps both. `false` forgets them.
 */
export function shareNormalizers(on = true): void {
  keepOpened = on ? 3 : 0;
  if (!on) opened.clear();
}

/** The kept normaliser (other than the one just opened) on the smallest taxonomy, the least recently used of equals. */
function cheapestToReopen(newest: Opened): string {
  let chosen: [string, Opened] | undefined;
  for (const kept of opened) if (kept[1] !== newest && (!chosen || kept[1].concepts < chosen[1].concepts)) chosen = kept;
  return chosen![0];
}

/** The bytes of the taxonomy's files and of the extension: a changed file is another taxonomy. */
function taxonomyFingerprint(config: TaxonomyConfig): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(config.taxonomyDir).sort()) {
    const file = join(config.taxonomyDir, name);
    if (!statSync(file).isFile()) continue;
    hash.update(`${name}\n`).update(readFileSync(file)).update('\n');
  }
  if (config.taxonomyExtension) hash.update(`extension\n`).update(readFileSync(config.taxonomyExtension));
  return hash.digest('hex');
}

/**
 * What makes two normalisers the same, or undefined when it cannot be known: only the shipped
 * embedders are known to give the same vectors under the same id (a model's id holds its content
 * hash); another embedder (a test's double) always gets a normaliser of its own.
 */
function sameBuild(config: TaxonomyConfig, embedder: Embedder, settings: { nnThreshold: number; occupationNnThreshold: number }): string | undefined {
  if (!(embedder instanceof TransformersEmbedder) && !(embedder instanceof LexicalEmbedder)) return undefined;
  return JSON.stringify([taxonomyFingerprint(config), config.taxonomyExtension ?? '', embedder.id, embedder.dimension, settings]);
}

/** A VectorCache that remembers the vectors read or written through it (`into`), over the data directory's file when there is one. */
function remembering(file: VectorCache | undefined, set: LabelSet, into: Opened['vectors']): VectorCache {
  return {
    read(key, length) {
      const vectors = file?.read(key, length);
      if (vectors) into.set(set, { key, vectors });
      return vectors;
    },
    write(key, vectors) {
      into.set(set, { key, vectors });
      file?.write(key, vectors);
    },
  };
}

/** The taxonomy from KOHTAANTO_TAXONOMY_DIR (ESCO CSV layout; default the committed ESCO build, taxonomy/esco-1.1.1) with KOHTAANTO_TAXONOMY_EXTENSION. */
export async function openNormalizer(config: TaxonomyConfig, embedder: Embedder, log: EngineLog): Promise<SkillNormalizer> {
  if (!isTaxonomyDir(config.taxonomyDir)) {
    throw new Error(`KOHTAANTO_TAXONOMY_DIR=${config.taxonomyDir} holds no skills_<lang>.csv (an ESCO CSV export is expected)`);
  }
  const started = Date.now();
  const lexical = embedder.id.startsWith('lexical');
  const nnThreshold = config.skillNnThreshold ?? (lexical ? DEFAULT_SKILL_NN_THRESHOLD.lexical : DEFAULT_SKILL_NN_THRESHOLD.model);
  // Titles no occupation label names go to the nearest label only with a model (hashing vectors know no synonyms).
  const settings = { nnThreshold, occupationNnThreshold: lexical ? 0 : OCCUPATION_NN_THRESHOLD };
  const fileOf = (set: LabelSet) => (config.dataDir === undefined ? undefined : vectorFile(join(config.dataDir, `${set}.labels`)));
  const key = keepOpened > 0 ? sameBuild(config, embedder, settings) : undefined;
  const earlier = key === undefined ? undefined : opened.get(key);
  let normalizer: SkillNormalizer;
  if (earlier) {
    opened.delete(key!);
    opened.set(key!, earlier);
    normalizer = await earlier.normalizer;
    // The data directory gets the label vectors as if they had been read or embedded here.
    for (const [set, { key: vectorsKey, vectors }] of earlier.vectors) {
      const file = fileOf(set);
      if (file && !holds(join(config.dataDir!, `${set}.labels`), vectorsKey, vectors.length)) file.write(vectorsKey, vectors);
    }
  } else {
    const vectors: Opened['vectors'] = new Map();
    const taxonomy = loadEscoCsv(config.taxonomyDir, { extension: config.taxonomyExtension });
    const entry: Opened = {
      normalizer: SkillNormalizer.create(taxonomy, embedder, settings, eldDetector, (set) => remembering(fileOf(set), set, vectors), nativeScan),
      vectors,
      concepts: taxonomy.skills.size + taxonomy.occupations.size,
    };
    if (key !== undefined && keepOpened > 0) {
      opened.set(key, entry);
      if (opened.size > keepOpened) opened.delete(cheapestToReopen(entry));
    }
    try {
      normalizer = await entry.normalizer;
    } catch (error) {
      if (key !== undefined && opened.get(key) === entry) opened.delete(key);
      throw error;
    }
  }
  const taxonomy = normalizer.taxonomy;
  log.info(
    `Taxonomy: ${taxonomy.skills.size} skills, ${taxonomy.occupations.size} occupations (${taxonomy.languages.join(', ')}) ` +
      `from ${taxonomy.source} (KOHTAANTO_TAXONOMY_DIR) in ${Date.now() - started} ms${earlier ? ' (opened before in this process)' : ''}`,
  );
  return normalizer;
}

export /** Concept search over the taxonomy; the semantic signal only with a model (hashing vectors know no synonyms). */
async function openConceptSearch(normalizer: SkillNormalizer, embedder: Embedder) {
  const taxonomy = normalizer.taxonomy;
  const semantic = !embedder.id.startsWith('lexical');
  const skillLabels = normalizer.labelVectors;
  const occupationLabels = semantic ? (normalizer.occupationVectors ?? (await LabelVectors.build(embedder, taxonomy.occupations.values(), { alt: true, scan: nativeScan }))) : undefined;
  return {
    skills: new ConceptSearch(taxonomy, () => taxonomy.skills.values(), semantic && skillLabels ? { embedder, labels: skillLabels } : undefined),
    occupations: new ConceptSearch(taxonomy, () => taxonomy.occupations.values(), occupationLabels && { embedder, labels: occupationLabels }),
  };
}
