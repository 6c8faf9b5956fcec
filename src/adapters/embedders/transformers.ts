import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KohtaantoError } from '../../core/errors.js';
import type { Embedder } from '../../core/ports.js';

export interface TransformersModelSettings {
  /** Directory holding models in Hugging Face layout: <modelDir>/<model>/{config.json, tokenizer.json, onnx/}. */
  modelDir: string;
  /** Model id, e.g. "Xenova/multilingual-e5-small". */
  model: string;
  /** Prefer onnx/model_quantized.onnx (int8) when present. */
  quantized: boolean;
  /** Texts per inference call. */
  batchSize: number;
}

/** Which ONNX file the model directory offers, or why it cannot be used. */
export function locateModel(settings: TransformersModelSettings): { quantized: boolean } | { missing: string } {
  const root = join(resolve(settings.modelDir), settings.model);
  for (const file of ['config.json', 'tokenizer.json']) {
    if (!existsSync(join(root, file))) return { missing: join(root, file) };
  }
  const quantizedFile = existsSync(join(root, 'onnx', 'model_quantized.onnx'));
  const fullFile = existsSync(join(root, 'onnx', 'model.onnx'));
  if (settings.quantized && quantizedFile) return { quantized: true };
  if (fullFile) return { quantized: false };
  if (quantizedFile) return { quantized: true };
  return { missing: join(root, 'onnx', 'model.onnx') };
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

/**
 * Sentence embeddings with @xenova/transformers (ONNX runtime): mean pooling over the last hidden
 * state, L2-normalised. The model is read only from the local model directory; nothing is
 * downloaded at run time. E5 models get the "query: " prefix they were trained with for
 * symmetric similarity (both CVs and job ads are embedded the same way).
 */
export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly id: string,
    readonly dimension: number,
    readonly description: string,
    private readonly extract: FeatureExtractor,
    private readonly prefix: string,
    private readonly batchSize: number,
  ) {}

  static async load(settings: TransformersModelSettings): Promise<TransformersEmbedder> {
    const located = locateModel(settings);
    if ('missing' in located) {
      throw new KohtaantoError(
        'model_unavailable',
        `embedding model '${settings.model}' not found: ${located.missing} is missing. ` +
          `Set KOHTAANTO_MODEL_DIR / KOHTAANTO_MODEL, or run 'npm run model:fetch' on a connected machine.`,
      );
    }
    const { env, pipeline } = await import('@xenova/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${resolve(settings.modelDir)}/`;
    const extract = (await pipeline('feature-extraction', settings.model, {
      quantized: located.quantized,
    })) as unknown as FeatureExtractor;
    const prefix = /e5/i.test(settings.model) ? 'query: ' : '';
    const probe = await extract([`${prefix}probe`], { pooling: 'mean', normalize: true });
    const dimension = probe.dims[probe.dims.length - 1]!;
    const variant = located.quantized ? 'int8' : 'fp32';
    return new TransformersEmbedder(
      `transformers:${settings.model}:${variant}`,
      dimension,
      `transformers.js model '${settings.model}' (${variant}, ${dimension} dimensions) from ${resolve(settings.modelDir)}`,
      extract,
      prefix,
      settings.batchSize,
    );
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map((t) => this.prefix + t);
      const result = await this.extract(batch, { pooling: 'mean', normalize: true });
      for (let j = 0; j < batch.length; j++) {
        out.push(result.data.slice(j * this.dimension, (j + 1) * this.dimension));
      }
    }
    return out;
  }
}
