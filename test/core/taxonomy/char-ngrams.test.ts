import { describe, expect, it } from 'vitest';
import { CharNgramIndex } from '../../../src/core/taxonomy/char-ngrams.js';
import type { Concept } from '../../../src/core/taxonomy/taxonomy.js';

/** The ranking as the class computed it before it selected the best labels first (Maps, every concept sorted), for reference. */
function fullWalk(concepts: Concept[]): (q: string, limit: number) => { uri: string; score: number }[] {
  const grams = (text: string) => {
    const out = new Map<string, number>();
    const folded = text.normalize('NFKC').toLocaleLowerCase('fi').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    for (const word of folded.split(' ')) {
      if (!word) continue;
      const marked = ` ${word} `;
      for (let i = 0; i + 3 <= marked.length; i++) out.set(marked.slice(i, i + 3), (out.get(marked.slice(i, i + 3)) ?? 0) + 1);
    }
    return out;
  };
  const labels: { concept: number; grams: Map<string, number> }[] = [];
  concepts.forEach((c, concept) => {
    const texts = new Set<string>();
    for (const set of Object.values(c.labels)) for (const t of [set.preferred, ...set.alt]) texts.add(t);
    for (const t of texts) if (grams(t).size > 0) labels.push({ concept, grams: grams(t) });
  });
  const postings = new Map<string, number[]>();
  labels.forEach((l, id) => l.grams.forEach((_, g) => (postings.get(g) ?? postings.set(g, []).get(g)!).push(id)));
  const n = Math.max(1, labels.length);
  const idf = new Map([...postings].map(([g, ids]) => [g, Math.log(1 + n / ids.length)]));
  const norms = labels.map((l) => {
    let sq = 0;
    for (const [g, tf] of l.grams) sq += (tf * idf.get(g)!) ** 2;
    return Math.sqrt(sq);
  });
  return (q, limit) => {
    const dots = new Map<number, number>();
    let qNorm = 0;
    for (const [g, tf] of grams(q)) {
      if (!idf.has(g)) continue;
      const wq = tf * idf.get(g)!;
      qNorm += wq * wq;
      for (const id of postings.get(g)!) dots.set(id, (dots.get(id) ?? 0) + wq * labels[id]!.grams.get(g)! * idf.get(g)!);
    }
    if (qNorm === 0 || limit <= 0) return [];
    qNorm = Math.sqrt(qNorm);
    // Concepts in the order the walk first meets one of their labels; equal scores keep that order.
    const best = new Map<number, number>();
    for (const [id, dot] of dots) {
      const c = labels[id]!.concept;
      best.set(c, Math.max(best.get(c) ?? 0, dot / (qNorm * norms[id]!)));
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([c, score]) => ({ uri: concepts[c]!.uri, score: Math.round(score * 10_000) / 10_000 }));
  };
}

/** A deterministic pseudo-random corpus of few letters: many shared trigrams, repeated labels (equal scores). */
function corpus(size: number, seed: number): Concept[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const syllables = ['ko', 'ne', 'in', 'g', 'hoi', 'ta', 'ja', 'män', 'ing', 'sk', 'ö', 'ter', 'a', 'co', 'n'];
  const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  const label = () => Array.from({ length: 1 + Math.floor(random() * 3) }, word).join(random() < 0.2 ? '-' : ' ');
  const repeated: string[] = [];
  return Array.from({ length: size }, (_, i) => {
    const text = () => (repeated.length > 0 && random() < 0.15 ? repeated[Math.floor(random() * repeated.length)]! : label());
    const preferred = text();
    if (random() < 0.3) repeated.push(preferred);
    return {
      uri: `c${i}`,
      labels: {
        fi: { preferred, alt: Array.from({ length: Math.floor(random() * 3) }, text) },
        ...(random() < 0.5 ? { en: { preferred: text(), alt: [] } } : {}),
      },
    };
  });
}

describe('CharNgramIndex: trigram TF-IDF over labels', () => {
  it('ranks the nearest label first whatever its inflection, and only concepts sharing a trigram', () => {
    const index = new CharNgramIndex([
      { uri: 'weld', labels: { fi: { preferred: 'hitsaaja', alt: [] }, en: { preferred: 'welder', alt: [] } } },
      { uri: 'nurse', labels: { fi: { preferred: 'sairaanhoitaja', alt: ['hoitaja'] } } },
      { uri: 'cook', labels: { fi: { preferred: 'kokki', alt: [] } } },
    ]);
    expect(index.search('hitsaajan', 5)[0]!.uri).toBe('weld');
    expect(index.search('sairaanhoitajana', 5).map((h) => h.uri)).toEqual(['nurse', 'weld']);
    expect(index.search('xyz', 5)).toEqual([]);
    expect(index.search('hitsaaja', 0)).toEqual([]);
  });

  it('gives the hits, scores and order of the plain ranking, equal scores included', () => {
    const concepts = corpus(3000, 7);
    const index = new CharNgramIndex(concepts);
    const reference = fullWalk(concepts);
    const queries = concepts.slice(0, 80).flatMap((c) => {
      const label = c.labels.fi!.preferred;
      return [label.slice(0, 3), label.slice(0, 6), label, `${label} ${c.labels.en?.preferred ?? 'hoitaja'}`];
    });
    let ties = 0;
    for (const q of queries) {
      const all = reference(q, Infinity);
      for (const limit of [1, 10, 50]) {
        const expected = all.slice(0, limit);
        expect(index.search(q, limit), `${q} (${limit})`).toEqual(expected);
        for (let i = 1; i < expected.length; i++) if (expected[i]!.score === expected[i - 1]!.score) ties++;
      }
    }
    expect(ties).toBeGreaterThan(100);
  });
});
