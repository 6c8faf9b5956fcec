import { join, resolve } from 'node:path';
import type { Embedder } from '../../core/ports.js';
import { LexicalEmbedder } from './lexical.js';
import { locateModel, TransformersEmbedder, type TransformersModelSettings } from './transformers.js';

export type EmbedderChoice = 'auto' | 'transformers' | 'lexical';

export interface EmbedderLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Picks the embedder named by KOHTAANTO_EMBEDDER. "auto" uses the transformers model when its files
 * are in KOHTAANTO_MODEL_DIR and otherwise falls back, loudly, to the lexical embedder so that the
 * service still starts offline.
 */
export async function selectEmbedder(
  choice: EmbedderChoice,
  settings: TransformersModelSettings,
  log: EmbedderLog,
): Promise<Embedder> {
  if (choice === 'lexical') {
    const embedder = new LexicalEmbedder();
    log.warn(`Embedder: ${embedder.description} (KOHTAANTO_EMBEDDER=lexical). Matches are lexical only.`);
    return embedder;
  }
  const located = locateModel(settings);
  if (choice === 'transformers' || !('missing' in located)) {
    const embedder = await TransformersEmbedder.load(settings);
    log.info(`Embedder: ${embedder.description}`);
    return embedder;
  }
  const embedder = new LexicalEmbedder();
  log.warn(
    `Embedder: ${embedder.description}. No model '${settings.model}' in ${join(resolve(settings.modelDir), settings.model)} ` +
      `(KOHTAANTO_MODEL_DIR / KOHTAANTO_MODEL). The semantic part of matching is lexical only and does not cross languages (skill concepts still do). ` +
      `To use the multilingual model run 'npm run model:fetch' on a connected machine, or set KOHTAANTO_EMBEDDER=lexical to silence this.`,
  );
  return embedder;
}
