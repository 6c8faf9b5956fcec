import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../../src/adapters/embedders/lexical.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('LexicalEmbedder (the offline fallback)', () => {
  const embedder = new LexicalEmbedder();

  it('gives unit vectors of the configured dimension, the same for the same text', async () => {
    const [a, b] = await embedder.embed(['Hitsaaja Tampereelle', 'Hitsaaja Tampereelle']);
    expect(a).toHaveLength(384);
    expect(cosine(a!, a!)).toBeCloseTo(1, 5);
    expect(Array.from(a!)).toEqual(Array.from(b!));
  });

  it('keeps Finnish inflected forms closer than unrelated words', async () => {
    const [welding, weldingGenitive, welder, nursing] = await embedder.embed([
      'hitsaus',
      'hitsauksen',
      'hitsaaja',
      'sairaanhoito',
    ]);
    expect(cosine(welding!, weldingGenitive!)).toBeGreaterThan(cosine(welding!, nursing!));
    expect(cosine(welding!, welder!)).toBeGreaterThan(cosine(welding!, nursing!));
  });

  it('returns a defined unit vector for text without words', async () => {
    const [v] = await embedder.embed(['!!! ...']);
    expect(cosine(v!, v!)).toBeCloseTo(1, 5);
  });
});
