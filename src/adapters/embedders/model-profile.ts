import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * How a model turns texts into vectors: the prefixes it was trained with for queries (a search
 * text, a skill typed by a user) and documents (stored CVs and vacancies, taxonomy labels), the
 * pooling of its token vectors and whether they are L2-normalised. Declared per model — in the
 * `kohtaanto.profile` block of the model's config.json, or in the table below for published
 * models whose files we do not write — never hard-coded in the embedder.
 */
export const modelProfile = z.object({
  queryPrefix: z.string().default(''),
  documentPrefix: z.string().default(''),
  /** `model`: the model's own `sentence_embedding` output; `mean`: over the attention mask; `cls`: the first token. */
  pooling: z.enum(['model', 'mean', 'cls']).default('mean'),
  normalize: z.boolean().default(true),
});
export type ModelProfile = z.infer<typeof modelProfile>;

/** Published models with their authors' recommended use. */
const KNOWN: Record<string, z.input<typeof modelProfile>> = {
  // E5 models: "query: " / "passage: " (model card, intfloat/multilingual-e5-*).
  'Xenova/multilingual-e5-small': { queryPrefix: 'query: ', documentPrefix: 'passage: ' },
  'Xenova/multilingual-e5-base': { queryPrefix: 'query: ', documentPrefix: 'passage: ' },
  'Xenova/paraphrase-multilingual-MiniLM-L12-v2': {},
  'Xenova/LaBSE': { pooling: 'cls' },
};

/** What a model's config.json may say of its profile (read further by the profile's schema). */
const modelConfig = z.object({ kohtaanto: z.object({ profile: z.unknown() }).optional() });

/** The profile of the model in `root` (its config.json's `kohtaanto.profile`, else the table, else plain mean pooling). */
export function readModelProfile(root: string, model: string): ModelProfile {
  const configFile = join(root, 'config.json');
  let declared: unknown;
  if (existsSync(configFile)) {
    try {
      declared = modelConfig.safeParse(JSON.parse(readFileSync(configFile, 'utf8'))).data?.kohtaanto?.profile;
    } catch {
      declared = undefined; // an unreadable config.json is reported by the loader, which needs it too
    }
  }
  const parsed = modelProfile.safeParse(declared ?? KNOWN[model] ?? {});
  if (!parsed.success) {
    throw new Error(`${configFile}: kohtaanto.profile is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
