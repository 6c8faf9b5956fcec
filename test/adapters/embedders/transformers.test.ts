import { describe, expect, it } from 'vitest';
import { selectEmbedder } from '../../../src/adapters/embedders/select.js';
import { locateModel, TransformersEmbedder } from '../../../src/adapters/embedders/transformers.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import { TINY_MODEL, TINY_MODEL_DIR, tempDir } from '../../helpers/service.js';

const settings = { modelDir: TINY_MODEL_DIR, model: TINY_MODEL, quantized: true, batchSize: 4 };
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const silent = { info: () => {}, warn: () => {} };

describe('TransformersEmbedder on the generated tiny BERT model', () => {
  it('finds the model files in the model directory (no quantised file: fp32)', () => {
    expect(locateModel(settings)).toEqual({ quantized: false });
    expect(locateModel({ ...settings, model: 'nope/missing' })).toHaveProperty('missing');
  });

  it('loads through @xenova/transformers and returns normalised mean-pooled vectors', async () => {
    const embedder = await TransformersEmbedder.load(settings);
    expect(embedder.dimension).toBe(64);
    expect(embedder.id).toBe(`transformers:${TINY_MODEL}:fp32`);
    const texts = ['Hitsaaja Tampereelle', 'Svetsare sökes till Vasa', 'Nurse wanted in Oulu', 'kokki', 'siivooja'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(5);
    for (const v of vectors) {
      expect(v).toHaveLength(64);
      expect(cosine(v, v)).toBeCloseTo(1, 4);
    }
    // Batching (batch size 4, padding) does not change a text's vector.
    const [alone] = await embedder.embed([texts[4]!]);
    for (let i = 0; i < 64; i++) expect(alone![i]).toBeCloseTo(vectors[4]![i]!, 4);
    expect(cosine(vectors[0]!, vectors[1]!)).toBeLessThan(0.9999);
  });

  it('fails with a clear error naming the settings when the model is missing', async () => {
    const error = await TransformersEmbedder.load({ ...settings, modelDir: tempDir() }).catch((e) => e);
    expect(error).toBeInstanceOf(KohtaantoError);
    expect(error.code).toBe('model_unavailable');
    expect(error.message).toContain('KOHTAANTO_MODEL_DIR');
    expect(error.message).toContain('npm run model:fetch');
  });
});

describe('selectEmbedder', () => {
  it('uses the transformers model when its files are present (auto)', async () => {
    const embedder = await selectEmbedder('auto', settings, silent);
    expect(embedder.id).toContain('transformers:');
  });

  it('falls back to the lexical embedder with a warning naming the setting when no model is present', async () => {
    const warnings: string[] = [];
    const embedder = await selectEmbedder('auto', { ...settings, modelDir: tempDir() }, {
      info: () => {},
      warn: (m) => warnings.push(m),
    });
    expect(embedder.id).toMatch(/^lexical/);
    expect(warnings.join('\n')).toContain('KOHTAANTO_MODEL_DIR');
  });

  it('refuses to fall back when transformers is demanded', async () => {
    await expect(selectEmbedder('transformers', { ...settings, modelDir: tempDir() }, silent)).rejects.toThrow(
      /not found/,
    );
  });
});
