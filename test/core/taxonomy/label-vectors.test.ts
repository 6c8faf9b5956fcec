import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../../src/adapters/embedders/lexical.js';
import { nativeScan } from '../../../src/adapters/hnsw/native-scan.js';
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

describe('LabelVectors with a native scan', () => {
  // Many concepts with many labels each, so that the best label rows often belong to few concepts
  // (the scan must read more rows to find as many concepts as asked for).
  const trades = ['welding', 'bookkeeping', 'nursing', 'cooking', 'cleaning', 'driving', 'teaching', 'plumbing', 'selling', 'painting'];
  const many = trades.flatMap((trade, t) =>
    Array.from({ length: 30 }, (_, i) =>
      concept(`c${t}-${i}`, `${trade} ${i}`, `${trade} work ${i}`, Array.from({ length: 12 }, (_, j) => `${trade} task ${i} ${j}`)),
    ),
  );

  it('finds the same nearest concepts as the loop, in the same order, with and without a threshold', async () => {
    const embedder = new LexicalEmbedder();
    const loop = await LabelVectors.build(embedder, many, { alt: true });
    const scanned = await LabelVectors.build(embedder, many, { alt: true, scan: nativeScan });
    const queries = await embedder.embed(['welding task 3', 'nursing', 'a cook in a kitchen', 'plumbing work 12', 'zzz']);
    for (const query of queries) {
      for (const [limit, min] of [[1, -1], [5, -1], [40, -1], [200, -1], [many.length, 0.3], [10, 0.5]] as const) {
        const expected = loop.nearest(query!, limit, min);
        const got = scanned.nearest(query!, limit, min);
        expect(got.map((n) => n.uri)).toEqual(expected.map((n) => n.uri));
        got.forEach((n, i) => expect(n.similarity).toBeCloseTo(expected[i]!.similarity, 5));
      }
    }
  });
});
