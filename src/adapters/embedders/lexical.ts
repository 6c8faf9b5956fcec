import type { Embedder } from '../../core/ports.js';

/** 32-bit FNV-1a over a string's UTF-16 code units. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The offline fallback: character n-gram feature hashing. Each word (lower-cased, NFKC) adds its
 * 3-, 4- and 5-grams with boundary marks ("#hitsaus#") and itself, hashed with a sign into a fixed
 * number of dimensions; counts are dampened (1 + log tf) and the vector is L2-normalised.
 * Inflected forms share most n-grams ("hitsaus", "hitsauksen"), but it knows no meaning and no
 * translation: a Swedish CV will not find a Finnish vacancy through it (the skill concepts of the
 * taxonomy still connect them). Use a real model for semantic similarity across languages.
 */
export class LexicalEmbedder implements Embedder {
  readonly id: string;
  readonly description: string;

  constructor(readonly dimension = 384) {
    this.id = `lexical-ngram-v1-${dimension}`;
    this.description = `lexical fallback (character n-gram hashing, ${dimension} dimensions)`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): Float32Array {
    const counts = new Map<number, number>();
    const add = (feature: string) => {
      const h = fnv1a(feature);
      const signed = h & 1 ? h >>> 1 : -((h >>> 1) + 1);
      counts.set(signed, (counts.get(signed) ?? 0) + 1);
    };
    const words = text.normalize('NFKC').toLocaleLowerCase('fi').match(/[\p{L}\p{N}+#]+/gu) ?? [];
    for (const word of words) {
      add(`w:${word}`);
      const marked = `#${word}#`;
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= marked.length; i++) add(marked.slice(i, i + n));
      }
    }
    const vector = new Float32Array(this.dimension);
    for (const [signed, tf] of counts) {
      const bucket = Math.abs(signed) % this.dimension;
      vector[bucket]! += (signed >= 0 ? 1 : -1) * (1 + Math.log(tf));
    }
    let norm = 0;
    for (const x of vector) norm += x * x;
    if (norm === 0) {
      vector[0] = 1; // no words at all: a fixed unit vector rather than an undefined direction
      return vector;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.length; i++) vector[i]! *= inv;
    return vector;
  }
}
