import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../../src/adapters/embedders/lexical.js';
import type { Embedder, VectorCache } from '../../../src/core/ports.js';
import { LabelVectors } from '../../../src/core/taxonomy/label-vectors.js';
import type { Concept } from '../../../src/core/taxonomy/taxonomy.js';

/** Test double: counts the texts it is asked to embed, embedding them lexically. */
class CountingEmbedder implements Embedder {
  texts = 0;
  private readonly inner = new LexicalEmbedder();
  constructor(readonly id = 'counting') {}
  get dimension() {
    return this.inner.dimension;
  }
  get description() {
    return 'counting test double';
  }
  embed(texts: string[]) {
    this.texts += texts.length;
    return this.inner.embed(texts);
  }
}

/** Test double: a VectorCache in a Map. */
const memoryCache = (): VectorCache & { entries: Map<string, Float32Array> } => {
  const entries = new Map<string, Float32Array>();
  return { entries, read: (key, length) => (entries.get(key)?.length === length ? entries.get(key) : undefined), write: (key, v) => void entries.set(key, v) };
};

const concept = (uri: string, fi: string, en: string, alt: string[] = []): Concept =>
  ({ uri, labels: { fi: { preferred: fi, alt: [] }, en: { preferred: en, alt } } }) as unknown as Concept;

const concepts = [concept('s1', 'hitsaus', 'welding', ['MIG welding']), concept('s2', 'kirjanpito', 'bookkeeping')];

describe('LabelVectors with a vector cache', () => {
  it('embeds the labels once and reads the same vectors from the cache after', async () => {
    const cache = memoryCache();
    const embedder = new CountingEmbedder();
    const first = await LabelVectors.build(embedder, concepts, { alt: true, cache });
    expect(embedder.texts).toBe(5);
    const second = await LabelVectors.build(embedder, concepts, { alt: true, cache });
    expect(embedder.texts).toBe(5);
    const [query] = await embedder.embed(['hitsaaja']);
    expect(second.nearest(query!, 2)).toEqual(first.nearest(query!, 2));
  });

  it('embeds again when the labels or the model differ', async () => {
    const cache = memoryCache();
    await LabelVectors.build(new CountingEmbedder(), concepts, { alt: true, cache });
    const other = new CountingEmbedder('another-model');
    await LabelVectors.build(other, concepts, { alt: true, cache });
    expect(other.texts).toBe(5);
    const fewer = new CountingEmbedder();
    await LabelVectors.build(fewer, concepts, { alt: false, cache }); // without the alternative label
    expect(fewer.texts).toBe(4);
    expect(cache.entries.size).toBe(3);
  });
});
