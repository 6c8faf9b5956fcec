import { describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../src/adapters/hnsw/hnsw-index.js';
import { DEFAULT_HNSW } from '../../src/config.js';
import { KohtaantoError } from '../../src/core/errors.js';
import { IndexUnderConstruction, type BuildSource } from '../../src/runtime/index-build.js';

const DIMENSION = 8;
const vectorOf = (label: number) => {
  const v = Float32Array.from({ length: DIMENSION }, (_, i) => ((Math.sin(label * 12.9898 + i * 78.233) * 43758.5453) % 1) - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

/** A store of matchable vectors (a unit-test double of SQLite) that may change while the build runs. */
function store(labels: number[]) {
  const live = new Map(labels.map((l) => [l, vectorOf(l)]));
  const source: BuildSource = {
    matchableLabels: () => [...live.keys()],
    matchableVectorsOf: (ls) => new Map(ls.filter((l) => live.has(l)).map((l) => [l, live.get(l)!])),
  };
  return { live, source };
}

describe('IndexUnderConstruction: an index rebuilt in the background', () => {
  it('refuses searches with a retry estimate until complete, keeps writes made meanwhile, then searches all', async () => {
    const { live, source } = store(Array.from({ length: 1000 }, (_, i) => i + 1));
    const index = new IndexUnderConstruction(HnswVectorIndex.create(DIMENSION, DEFAULT_HNSW), 'vacancies');
    const built = index.build(source);
    let refusal: unknown;
    try {
      index.search(vectorOf(5), 3);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(KohtaantoError);
    expect((refusal as KohtaantoError).code).toBe('index_unavailable');
    expect((refusal as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(() => index.similarities(vectorOf(5), [5])).toThrow(/being rebuilt/);
    expect(index.building).toBeDefined();

    // Meanwhile: a record is written (new vector), one deleted (no longer matchable), one added.
    await new Promise((r) => setImmediate(r));
    index.upsert(999, vectorOf(5000));
    live.set(999, vectorOf(5000));
    live.delete(998);
    if (index.has(998)) index.remove(998);
    live.set(2000, vectorOf(2000));
    index.upsert(2000, vectorOf(2000));

    expect(await built).toBe(1000); // 999 stored + the new one
    expect(index.building).toBeUndefined();
    expect(index.search(vectorOf(5000), 1)[0]!.label).toBe(999); // the write made meanwhile stayed
    expect(index.has(998)).toBe(false);
    expect(index.search(vectorOf(123), 1)[0]).toEqual({ label: 123, similarity: expect.closeTo(1, 5) });
  });

  it('keeps refusing when the build fails (the database closed under it)', async () => {
    const index = new IndexUnderConstruction(HnswVectorIndex.create(DIMENSION, DEFAULT_HNSW), 'jobseekers');
    const failing: BuildSource = {
      matchableLabels: () => [1, 2, 3],
      matchableVectorsOf: () => {
        throw new Error('The database connection is not open');
      },
    };
    await expect(index.build(failing)).rejects.toThrow(/not open/);
    expect(() => index.search(vectorOf(1), 1)).toThrow(/jobseekers index is being rebuilt/);
  });
});
