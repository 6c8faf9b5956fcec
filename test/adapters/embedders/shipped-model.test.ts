import { describe, expect, it } from 'vitest';
import { selectEmbedder } from '../../../src/adapters/embedders/select.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rememberWordPieces, TransformersEmbedder } from '../../../src/adapters/embedders/transformers.js';
import { loadConfig } from '../../../src/config.js';
import { SHIPPED_MODEL, SHIPPED_MODEL_DIR } from '../../helpers/files.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const settings = { modelDir: SHIPPED_MODEL_DIR, model: SHIPPED_MODEL, quantized: false, batchSize: 16 };

describe('the shipped model (models/kohtaanto-jobs-fi-sv-en) through the real loading code', async () => {
  const model = await TransformersEmbedder.load(settings);
  const similarity = async (a: string, b: string) => {
    const [x, y] = await model.embed([a, b]);
    return cosine(x!, y!);
  };

  it('is what a fresh configuration loads (KOHTAANTO_EMBEDDER=auto, default model directory)', async () => {
    const config = loadConfig({});
    expect(config.embedder).toBe('auto');
    expect(config.model.model).toBe(SHIPPED_MODEL);
    const chosen = await selectEmbedder(config.embedder, { ...config.model, modelDir: SHIPPED_MODEL_DIR }, { info: () => {}, warn: () => {} });
    expect(chosen.id).toBe(model.id);
    expect(model.id).toMatch(/^transformers:kohtaanto-jobs-fi-sv-en:fp32:[0-9a-f]{12}$/);
    expect(model.dimension).toBe(256);
  });

  it('splits words into the same pieces with its remembered word pieces as the library does alone (fixture ads and CVs, fi/sv/en)', async () => {
    const { AutoTokenizer, env } = await import('@xenova/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = `${SHIPPED_MODEL_DIR}/`;
    type Tok = (texts: string[], o: { padding: boolean; truncation: boolean }) => { input_ids: { data: BigInt64Array } };
    const plain = (await AutoTokenizer.from_pretrained(SHIPPED_MODEL)) as unknown as Tok;
    const remembering = (await AutoTokenizer.from_pretrained(SHIPPED_MODEL)) as unknown as Tok;
    rememberWordPieces(remembering);
    expect(Object.hasOwn((remembering as unknown as { model: object }).model, 'tokenize')).toBe(true); // installed on this Unigram model
    const texts = ['vacancies', 'jobseekers'].flatMap((kind) =>
      readFileSync(join(import.meta.dirname, `../../../fixtures/${kind}.ndjson`), 'utf8')
        .trim()
        .split('\n')
        .slice(0, 150)
        .map((line) => { const r = JSON.parse(line); return [r.title, r.description ?? r.summary ?? '', (r.skills ?? []).join(', ')].join('\n'); }),
    );
    // Twice: the second pass reads the remembered pieces.
    for (const pass of [1, 2]) {
      for (const text of texts) {
        const ids = (t: Tok) => [...t([text], { padding: false, truncation: true }).input_ids.data].join(' ');
        expect(ids(remembering), `pass ${pass}: ${text.slice(0, 60)}`).toBe(ids(plain));
      }
    }
    expect(texts.length).toBe(300);
  });

  it('puts hitsaaja nearer svetsare and welder than kokki', async () => {
    const [hitsaaja, svetsare, welder, kokki] = await model.embed(['hitsaaja', 'svetsare', 'welder', 'kokki']);
    expect(cosine(hitsaaja!, svetsare!)).toBeGreaterThan(cosine(hitsaaja!, kokki!) + 0.2);
    expect(cosine(hitsaaja!, welder!)).toBeGreaterThan(cosine(hitsaaja!, kokki!) + 0.2);
  });

  it('puts a Swedish CV sentence nearer the Finnish vacancy of the same job than of another job', async () => {
    const cv = 'Jag är legitimerad sjuksköterska och har arbetat fem år på en vårdavdelning med läkemedelsbehandling och patientvård.';
    const nurseVacancy = 'Haemme sairaanhoitajaa sisätautien vuodeosastolle. Työhön kuuluu lääkehoito ja potilaiden kokonaisvaltainen hoito.';
    const cookVacancy = 'Lounasravintola hakee kokkia keittiöön. Työhön kuuluu ruoanvalmistus, leivonta ja keittiön hygienia.';
    expect(await similarity(cv, nurseVacancy)).toBeGreaterThan(await similarity(cv, cookVacancy));
  });

  it('puts an English welding vacancy nearer a Finnish welder than a warehouse worker', async () => {
    const vacancy = 'Welder wanted for a shipyard in Rauma. MIG/MAG welding of steel structures, reading technical drawings.';
    const welder = 'Olen hitsaaja, kokemusta MIG- ja TIG-hitsauksesta sekä piirustusten lukemisesta.';
    const warehouse = 'Olen varastotyöntekijä, kokemusta keräilystä ja trukin ajamisesta.';
    expect(await similarity(vacancy, welder)).toBeGreaterThan(await similarity(vacancy, warehouse));
  });

  it('gives a text the same vector alone and in a padded batch, whatever its case and spacing', async () => {
    const texts = ['Trukinkuljettaja', 'Lagerarbetare med truckkort sökes till Vasa', 'Sairaanhoitaja'];
    const batch = await model.embed(texts);
    const [alone] = await model.embed(['  trukinkuljettaja ']);
    expect(cosine(alone!, batch[0]!)).toBeCloseTo(1, 5);
    for (const v of batch) expect(cosine(v, v)).toBeCloseTo(1, 5);
  });
});
