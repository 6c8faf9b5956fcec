import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KohtaantoError } from '../../core/errors.js';
import type { Embedder, EmbeddingRole } from '../../core/ports.js';
import { readModelProfile, type ModelProfile } from './model-profile.js';

export interface TransformersModelSettings {
  /** Directory holding models in Hugging Face layout: <modelDir>/<model>/{config.json, tokenizer.json, onnx/}. */
  modelDir: string;
  /** Model name, a folder of modelDir: "kohtaanto-jobs-fi-sv-en" (shipped) or e.g. "Xenova/multilingual-e5-small". */
  model: string;
  /** Prefer onnx/model_quantized.onnx (int8) when present. */
  quantized: boolean;
  /** Texts per inference call. */
  batchSize: number;
}

const SETTINGS = 'KOHTAANTO_MODEL_DIR / KOHTAANTO_MODEL';

export const modelRoot = (settings: TransformersModelSettings) => join(resolve(settings.modelDir), settings.model);

/** Which ONNX file the model directory offers, or which file is missing. */
export function locateModel(settings: TransformersModelSettings): { quantized: boolean; onnx: string } | { missing: string } {
  const root = modelRoot(settings);
  for (const file of ['config.json', 'tokenizer.json']) {
    if (!existsSync(join(root, file))) return { missing: join(root, file) };
  }
  const quantizedFile = join(root, 'onnx', 'model_quantized.onnx');
  const fullFile = join(root, 'onnx', 'model.onnx');
  if (settings.quantized && existsSync(quantizedFile)) return { quantized: true, onnx: quantizedFile };
  if (existsSync(fullFile)) return { quantized: false, onnx: fullFile };
  if (existsSync(quantizedFile)) return { quantized: true, onnx: quantizedFile };
  return { missing: fullFile };
}

/** sha256 over the files that decide the vectors (weights, tokenizer, configuration), first 12 hex digits. */
function contentHash(root: string, onnx: string): string {
  const hash = createHash('sha256');
  for (const file of [onnx, join(root, 'tokenizer.json'), join(root, 'tokenizer_config.json'), join(root, 'config.json')]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

interface Tensor<Data extends Float32Array | BigInt64Array> {
  data: Data;
  dims: number[];
}
/** The tokenizer's outputs (input_ids, attention_mask, token_type_ids) are int64 tensors. */
type TokenTensor = Tensor<BigInt64Array>;
/** The model's outputs (last_hidden_state, sentence_embedding, …) are float32 tensors. */
type ModelTensor = Tensor<Float32Array>;
type Tokenizer = (texts: string[], options: { padding: boolean; truncation: boolean }) => Record<string, TokenTensor> & { attention_mask: TokenTensor };
type Model = (inputs: Record<string, TokenTensor>) => Promise<Record<string, ModelTensor>>;

/** One vector per text from the model's outputs, as the profile says (transformers.js's own pooling is ~20× slower). */
function pool(outputs: Record<string, ModelTensor>, mask: TokenTensor, profile: ModelProfile): Float32Array[] {
  const [batch = 0, length = 0] = mask.dims;
  const out: Float32Array[] = [];
  if (profile.pooling === 'model') {
    const pooled = outputs.sentence_embedding;
    if (!pooled) throw new Error("the profile says pooling 'model' but the model has no sentence_embedding output");
    const d = pooled.dims[1]!;
    for (let b = 0; b < batch; b++) out.push(pooled.data.slice(b * d, (b + 1) * d));
  } else {
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (!hidden) throw new Error('the model has no last_hidden_state output');
    const d = hidden.dims[2]!;
    const data = hidden.data;
    const m = mask.data;
    for (let b = 0; b < batch; b++) {
      const v = new Float32Array(d);
      let count = 0;
      for (let t = 0; t < (profile.pooling === 'cls' ? 1 : length); t++) {
        if (m[b * length + t] === 0n) continue;
        count++;
        const offset = (b * length + t) * d;
        for (let i = 0; i < d; i++) v[i]! += data[offset + i]!;
      }
      if (count > 0) for (let i = 0; i < d; i++) v[i]! /= count;
      out.push(v);
    }
  }
  if (profile.normalize) {
    for (const v of out) {
      let norm = 0;
      for (const x of v) norm += x * x;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = 0; i < v.length; i++) v[i]! *= inv;
    }
  }
  return out;
}

/** Words whose pieces are remembered (a job ad's vocabulary repeats; emptied when full). */
const WORD_PIECES_KEPT = 100_000;

interface UnigramModel {
  tokenize: (word: string) => string[];
}

/** transformers.js's Unigram tokenizer model (its class name is the only mark it has; a callable, so a function object). */
function isUnigram(model: unknown): model is UnigramModel {
  return (typeof model === 'function' || (typeof model === 'object' && model !== null)) && 'tokenize' in model && typeof model.tokenize === 'function' && model.constructor.name === 'Unigram';
}

/**
 * transformers.js's Unigram tokenizer (SentencePiece, the shipped model's) splits every word anew:
 * a lattice over each prefix at each position of the word, which took more CPU than the model itself
 * for a job ad. A word's pieces depend on the word alone, so they are remembered: the same ids as
 * without (test/adapters/embedders/shipped-model.test.ts compares them on real ads).
 */
export function rememberWordPieces(tokenizer: unknown): void {
  const model = (typeof tokenizer === 'function' || (typeof tokenizer === 'object' && tokenizer !== null)) && 'model' in tokenizer ? tokenizer.model : undefined;
  if (!isUnigram(model)) return;
  const split = model.tokenize.bind(model);
  const known = new Map<string, string[]>();
  model.tokenize = (word: string) => {
    let pieces = known.get(word);
    if (pieces === undefined) {
      if (known.size >= WORD_PIECES_KEPT) known.clear();
      known.set(word, (pieces = split(word)));
    }
    return pieces;
  };
}

/**
 * Sentence embeddings with @xenova/transformers (ONNX runtime), read only from the local model
 * directory — nothing is downloaded at run time. Prefixes, pooling and normalisation come from the
 * model's profile. The id names the model and the hash of its files, so stored vectors of any other
 * model (or another version of this one) are recognised as stale and re-embedded.
 */
export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly id: string,
    readonly dimension: number,
    readonly description: string,
    readonly contentHash: string,
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
    private readonly profile: ModelProfile,
    private readonly batchSize: number,
  ) {}

  static async load(settings: TransformersModelSettings): Promise<TransformersEmbedder> {
    const located = locateModel(settings);
    if ('missing' in located) {
      throw new KohtaantoError(
        'model_unavailable',
        `embedding model '${settings.model}' not found: ${located.missing} is missing (${SETTINGS}). ` +
          `The shipped model is models/kohtaanto-jobs-fi-sv-en; a published one can be fetched with 'npm run model:fetch' on a connected machine.`,
      );
    }
    const root = modelRoot(settings);
    let profile: ModelProfile;
    let tokenizer: Tokenizer;
    let model: Model;
    try {
      profile = readModelProfile(root, settings.model);
      const { env, AutoTokenizer, AutoModel } = await import('@xenova/transformers');
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      env.localModelPath = `${resolve(settings.modelDir)}/`;
      tokenizer = await AutoTokenizer.from_pretrained(settings.model);
      rememberWordPieces(tokenizer);
      model = await AutoModel.from_pretrained(settings.model, { quantized: located.quantized });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new KohtaantoError(
        'model_unavailable',
        `embedding model '${settings.model}' in ${root} cannot be loaded (${SETTINGS}; files ${located.onnx}, ${join(root, 'tokenizer.json')}, ${join(root, 'config.json')}): ${reason}`,
      );
    }
    const dimension = (await TransformersEmbedder.run(tokenizer, model, profile, [`${profile.queryPrefix}probe`]))[0]!.length;
    const variant = located.quantized ? 'int8' : 'fp32';
    const hash = contentHash(root, located.onnx);
    return new TransformersEmbedder(
      `transformers:${settings.model}:${variant}:${hash}`,
      dimension,
      `model '${settings.model}' (${variant}, ${dimension} dimensions, content ${hash}) from ${root}`,
      hash,
      tokenizer,
      model,
      profile,
      settings.batchSize,
    );
  }

  async embed(texts: string[], role: EmbeddingRole = 'document'): Promise<Float32Array[]> {
    const prefix = role === 'query' ? this.profile.queryPrefix : this.profile.documentPrefix;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map((t) => prefix + t);
      out.push(...(await TransformersEmbedder.run(this.tokenizer, this.model, this.profile, batch)));
    }
    return out;
  }

  private static async run(tokenizer: Tokenizer, model: Model, profile: ModelProfile, texts: string[]): Promise<Float32Array[]> {
    const inputs = tokenizer(texts, { padding: true, truncation: true });
    return pool(await model(inputs), inputs.attention_mask, profile);
  }
}
