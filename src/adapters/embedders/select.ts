import type { Embedder } from '../../core/ports.js';
import { LexicalEmbedder } from './lexical.js';
import { locateModel, modelRoot, TransformersEmbedder, type TransformersModelSettings } from './transformers.js';

export type EmbedderChoice = 'auto' | 'transformers' | 'lexical';

export interface EmbedderLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Picks the embedder named by KOHTAANTO_EMBEDDER. `transformers` loads the model in
 * KOHTAANTO_MODEL_DIR/KOHTAANTO_MODEL (default: the shipped kohtaanto-jobs-fi-sv-en) or fails,
 * naming the setting and the file. `auto` (the default) does the same, but when the model is
 * missing or cannot be loaded it falls back, loudly, to the lexical embedder.
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
  if (choice === 'transformers') {
    const embedder = await TransformersEmbedder.load(settings);
    log.info(`Embedder: ${embedder.description}`);
    return embedder;
  }
  const located = locateModel(settings);
  let reason: string;
  if ('missing' in located) {
    reason = `No model '${settings.model}' in ${modelRoot(settings)}: ${located.missing} is missing (KOHTAANTO_MODEL_DIR / KOHTAANTO_MODEL).`;
  } else {
    try {
      const embedder = await TransformersEmbedder.load(settings);
      log.info(`Embedder: ${embedder.description}`);
      return embedder;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  const embedder = new LexicalEmbedder();
  log.warn(
    `Embedder: ${embedder.description}, because KOHTAANTO_EMBEDDER=auto and ${reason} ` +
      `The semantic part of matching is lexical only and does not cross languages (skill concepts still do). ` +
      `Set KOHTAANTO_EMBEDDER=transformers to make this an error, or KOHTAANTO_EMBEDDER=lexical to silence it.`,
  );
  return embedder;
}
