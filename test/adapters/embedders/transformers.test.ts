import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectEmbedder } from '../../../src/adapters/embedders/select.js';
import { locateModel, TransformersEmbedder } from '../../../src/adapters/embedders/transformers.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import { TINY_MODEL, TINY_MODEL_DIR, tempDir } from '../../helpers/files.js';

const settings = { modelDir: TINY_MODEL_DIR, model: TINY_MODEL, quantized: true, batchSize: 4 };
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const silent = { info: () => {}, warn: () => {} };

describe('TransformersEmbedder on the generated tiny BERT model', () => {
  it('finds the model files in the model directory (no quantised file: fp32)', () => {
    expect(locateModel(settings)).toMatchObject({ quantized: false });
    expect(locateModel({ ...settings, model: 'nope/missing' })).toHaveProperty('missing');
  });

  it('loads through @xenova/transformers and returns normalised mean-pooled vectors', async () => {
    const embedder = await TransformersEmbedder.load(settings);
    expect(embedder.dimension).toBe(64);
    expect(embedder.id).toMatch(new RegExp(`^transformers:${TINY_MODEL}:fp32:[0-9a-f]{12}$`));
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
    expect(error.message).toContain('config.json');
  });

  it('fails naming the setting and the file when the ONNX file is corrupt', async () => {
    const dir = copyOfTinyModel();
    writeFileSync(join(dir, TINY_MODEL, 'onnx', 'model.onnx'), 'not an onnx file');
    const error = await TransformersEmbedder.load({ ...settings, modelDir: dir }).catch((e) => e);
    expect(error).toBeInstanceOf(KohtaantoError);
    expect(error.message).toContain('KOHTAANTO_MODEL_DIR');
    expect(error.message).toContain(join(dir, TINY_MODEL, 'onnx', 'model.onnx'));
  });

  it("names the model's content in its id: changed weights make another id", async () => {
    const dir = copyOfTinyModel();
    const before = await TransformersEmbedder.load({ ...settings, modelDir: dir });
    const file = join(dir, TINY_MODEL, 'config.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"_note"', '"_changed": true, "_note"'));
    const after = await TransformersEmbedder.load({ ...settings, modelDir: dir });
    expect(after.id).not.toBe(before.id);
    expect(after.contentHash).toMatch(/^[0-9a-f]{12}$/);
  });

  it("applies the prefixes declared in the model's profile to queries and documents", async () => {
    const dir = copyOfTinyModel();
    const file = join(dir, TINY_MODEL, 'config.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...config, kohtaanto: { profile: { queryPrefix: 'query: ', documentPrefix: 'passage: ' } } }));
    const prefixed = await TransformersEmbedder.load({ ...settings, modelDir: dir });
    const plain = await TransformersEmbedder.load(settings);
    const [query] = await prefixed.embed(['hitsaaja'], 'query');
    const [document] = await prefixed.embed(['hitsaaja'], 'document');
    const [explicit] = await plain.embed(['query: hitsaaja', 'passage: hitsaaja']);
    expect(cosine(query!, explicit!)).toBeCloseTo(1, 5);
    expect(cosine(query!, document!)).toBeLessThan(0.9999);
  });

  it('refuses an invalid profile with the file named', async () => {
    const dir = copyOfTinyModel();
    const file = join(dir, TINY_MODEL, 'config.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), kohtaanto: { profile: { pooling: 'max' } } }));
    await expect(TransformersEmbedder.load({ ...settings, modelDir: dir })).rejects.toThrow(/config\.json.*pooling/);
  });
});

/** A writable copy of the tiny model's directory. */
function copyOfTinyModel(): string {
  const dir = tempDir();
  cpSync(join(TINY_MODEL_DIR, TINY_MODEL), join(dir, TINY_MODEL), { recursive: true });
  return dir;
}

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

  it('falls back (auto) when the model files are corrupt, saying why', async () => {
    const dir = copyOfTinyModel();
    writeFileSync(join(dir, TINY_MODEL, 'tokenizer.json'), '{ broken');
    const warnings: string[] = [];
    const embedder = await selectEmbedder('auto', { ...settings, modelDir: dir }, { info: () => {}, warn: (m) => warnings.push(m) });
    expect(embedder.id).toMatch(/^lexical/);
    expect(warnings.join('\n')).toMatch(/KOHTAANTO_EMBEDDER=auto.*cannot be loaded/);
    await expect(selectEmbedder('transformers', { ...settings, modelDir: dir }, silent)).rejects.toThrow(/tokenizer\.json/);
  });

  it('refuses to fall back when transformers is demanded', async () => {
    await expect(selectEmbedder('transformers', { ...settings, modelDir: tempDir() }, silent)).rejects.toThrow(
      /not found/,
    );
  });
});
