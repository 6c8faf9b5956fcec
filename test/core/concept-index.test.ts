import { describe, expect, it } from 'vitest';
import { ConceptIndex, conceptKeys, REMOTE } from '../../src/core/concept-index.js';

describe('ConceptIndex', () => {
  const index = new ConceptIndex();
  index.set(1, conceptKeys([{ uri: 'o:nurse', isco: '2221' }], ['s:care', 's:medication']));
  index.set(2, conceptKeys([{ uri: 'o:nurse-spec', isco: '2221' }], ['s:care']));
  index.set(3, conceptKeys([{ uri: 'o:welder', isco: '7212' }], ['s:welding']));
  index.set(4, conceptKeys([], ['s:care', 'text:kiva']));

  it('ranks records by shared occupation, ISCO unit group and share of their skills the query has', () => {
    const hits = index.search({ occupations: [{ uri: 'o:nurse', isco: '2221' }], skills: ['s:care'] }, 10);
    expect(hits.map((h) => h.label)).toEqual([1, 2, 4]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search({ occupations: [], skills: ['s:welding'] }, 10).map((h) => h.label)).toEqual([3]);
  });

  it('keeps to a location filter, ignores plain-text skills, and follows writes', () => {
    expect(index.search({ occupations: [{ isco: '2221' }], skills: [] }, 10, { allowed: new Set([2, 3]) }).map((h) => h.label)).toEqual([2]);
    expect(index.search({ occupations: [], skills: ['text:kiva'] }, 10)).toEqual([]);
    index.set(3, conceptKeys([{ uri: 'o:nurse', isco: '2221' }], []));
    expect(index.search({ occupations: [{ uri: 'o:welder' }], skills: [] }, 10)).toEqual([]);
    index.remove(1);
    expect(index.search({ occupations: [{ uri: 'o:nurse' }], skills: [] }, 10).map((h) => h.label)).toEqual([3]);
    expect(index.size).toBe(3);
  });

  it('walks each concept nearest first, bringing about `limit` records per concept, remote work first', () => {
    const places = new ConceptIndex();
    // Welders in Helsinki (091), Espoo (049), Tampere (837), Oulu (564) and one remote.
    const at = { 1: '564', 2: '837', 3: '049', 4: '091', 5: '091', 6: REMOTE } as const;
    for (const [label, place] of Object.entries(at)) places.set(Number(label), conceptKeys([{ uri: 'o:welder' }], []), place);
    const near = [REMOTE, '091', '049', '837', '564'];
    expect(places.search({ occupations: [{ uri: 'o:welder' }], skills: [] }, 3, { near }).map((h) => h.label)).toEqual([6, 4, 5]);
    expect(places.search({ occupations: [{ uri: 'o:welder' }], skills: [] }, 6, { near }).map((h) => h.label)).toEqual([6, 4, 5, 3, 2, 1]);
    // Without an order every record is walked (ties by the order met).
    expect(places.search({ occupations: [{ uri: 'o:welder' }], skills: [] }, 10)).toHaveLength(6);
    places.remove(6);
    expect(places.search({ occupations: [{ uri: 'o:welder' }], skills: [] }, 2, { near }).map((h) => h.label)).toEqual([4, 5]);
  });

  it('walks a concept held in few of many places in the same nearest-first order', () => {
    const places = new ConceptIndex();
    const near = [REMOTE, ...Array.from({ length: 40 }, (_, i) => String(100 + i))];
    // A rare skill in three places far apart in `near` (the sparse walk), a common occupation everywhere (the dense one).
    places.set(1, conceptKeys([], ['s:rare']), near[30]);
    places.set(2, conceptKeys([], ['s:rare']), near[5]);
    places.set(3, conceptKeys([], ['s:rare']), near[39]);
    near.slice(1).forEach((place, i) => places.set(10 + i, conceptKeys([{ uri: 'o:cook' }], []), place));
    expect(places.search({ occupations: [], skills: ['s:rare'] }, 1, { near }).map((h) => h.label)).toEqual([2]);
    expect(places.search({ occupations: [], skills: ['s:rare'] }, 3, { near }).map((h) => h.label)).toEqual([2, 1, 3]);
    // A place not in `near` (outside a filter) is never walked.
    expect(places.search({ occupations: [], skills: ['s:rare'] }, 3, { near: near.slice(0, 31) }).map((h) => h.label)).toEqual([2, 1]);
    expect(places.search({ occupations: [{ uri: 'o:cook' }], skills: [] }, 2, { near: [...near].reverse() }).map((h) => h.label)).toEqual([49, 48]);
  });

  it('keeps the best `limit` with ties in the order met when thousands of records tie (a query without a place)', () => {
    const many = new ConceptIndex();
    const skills = ['s:a', 's:b', 's:c', 's:d'];
    // A seeded spread: most records share the occupation alone (one big tie), some also share skills.
    const filed = new Map<number, string[]>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let label = 1; label <= 3000; label++) {
      const held = skills.filter(() => next() < 0.15);
      const keys = conceptKeys(next() < 0.9 ? [{ uri: 'o:cook', isco: '5120' }] : [{ isco: '5120' }], [...held, ...(next() < 0.5 ? ['s:other'] : [])]);
      many.set(label, keys);
      filed.set(label, keys);
    }
    // The order records are met: concept by concept as the query names them, each in the order filed.
    const met = new Map<number, number>();
    for (const key of ['o:o:cook', 'i:5120', 's:s:a', 's:s:c']) {
      for (const [label, keys] of filed) if (keys.includes(key as never) && !met.has(label)) met.set(label, met.size);
    }
    const query = { occupations: [{ uri: 'o:cook', isco: '5120' }], skills: ['s:a', 's:c'] };
    // Brute force: every record's score, best first, ties in the order met.
    const all = many.search(query, 3000);
    const expected = [...all].sort((x, y) => y.score - x.score || met.get(x.label)! - met.get(y.label)!);
    expect(all).toEqual(expected);
    expect(all.length).toBe(met.size);
    for (const limit of [1, 10, 50, 100, 749]) expect(many.search(query, limit)).toEqual(expected.slice(0, limit));
  });
  it('a search without a place follows every write: the same answers as an index that never searched before', () => {
    // `index` searches between writes (its packed postings are made, then must be dropped); each
    // reference replays the same writes into a new index and searches only then.
    const index = new ConceptIndex();
    const writes: (() => void)[] = [];
    const write = (op: (i: ConceptIndex) => void) => (op(index), writes.push(() => op(reference)));
    let reference = new ConceptIndex();
    const skills = ['s:a', 's:b', 's:c'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const query = { occupations: [{ uri: 'o:cook', isco: '5120' }], skills: ['s:a', 's:b'] };
    const places = ['091', '049', REMOTE];
    const same = () => {
      reference = new ConceptIndex();
      for (const replay of writes) replay();
      for (const limit of [1, 20, 400]) expect(index.search(query, limit)).toEqual(reference.search(query, limit));
      const allowed = new Set([3, 5, 7, 9, 11]);
      expect(index.search(query, 400, { allowed })).toEqual(reference.search(query, 400, { allowed }));
    };
    for (let step = 0; step < 3000; step++) {
      const label = 1 + Math.floor(next() * 400);
      if (next() < 0.15) write((i) => i.remove(label));
      else {
        const keys = conceptKeys(next() < 0.7 ? [{ uri: 'o:cook', isco: '5120' }] : [{ isco: '5120' }], skills.filter(() => next() < 0.3));
        const place = places[Math.floor(next() * places.length)]!;
        write((i) => i.set(label, keys, place));
      }
      if (step % 37 === 0) index.search(query, 20);
    }
    same();
    // Only removals since the last search, then records moved to other concepts only.
    for (let label = 1; label <= 400; label += 9) write((i) => i.remove(label));
    same();
    for (let label = 2; label <= 400; label += 7) write((i) => i.set(label, conceptKeys([{ isco: '7212' }], ['s:c'])));
    same();
    // New records only (nothing of theirs to remove first).
    for (let label = 401; label <= 420; label++) write((i) => i.set(label, conceptKeys([{ uri: 'o:cook' }], ['s:b']), '091'));
    same();
  });
  it('without a place, records sharing only skills join the best `limit` exactly when they score above it (brute force)', () => {
    const index = new ConceptIndex();
    const filed = new Map<number, string[]>();
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const skills = ['s:a', 's:b', 's:c', 's:d', 's:e'];
    for (let label = 1; label <= 3000; label++) {
      const kind = next();
      // A fifth share the occupation (and its group), a fifth the group only, the rest skills only (some all of them held).
      const occupations = kind < 0.2 ? [{ uri: 'o:cook', isco: '5120' }] : kind < 0.4 ? [{ isco: '5120' }] : [];
      const held = skills.filter(() => next() < 0.1);
      const keys = conceptKeys(occupations, held.length > 0 || occupations.length > 0 ? held : ['s:f']);
      index.set(label, keys);
      filed.set(label, keys);
    }
    const query = { occupations: [{ uri: 'o:cook', isco: '5120' }], skills: ['s:a', 's:b', 's:c'] };
    const order = ['o:o:cook', 'i:5120', 's:s:a', 's:s:b', 's:s:c'];
    const met = new Map<number, number>();
    const score = new Map<number, number>();
    for (const key of order) {
      for (const [label, keys] of filed) {
        if (!keys.includes(key as never)) continue;
        if (!met.has(label)) met.set(label, met.size);
        const own = keys.filter((k) => k.startsWith('s:')).length;
        score.set(label, (score.get(label) ?? 0) + (key.startsWith('o:') ? 2 : key.startsWith('i:') ? 1 : 2 / Math.max(1, own)));
      }
    }
    const expected = [...met.keys()].sort((a, b) => score.get(b)! - score.get(a)! || met.get(a)! - met.get(b)!);
    for (const limit of [1, 10, 50, 300, 599, 600, 601, 1000, 3000]) {
      const hits = index.search(query, limit);
      expect(hits.map((h) => h.label)).toEqual(expected.slice(0, limit));
      hits.forEach((h) => expect(h.score).toBeCloseTo(score.get(h.label)!, 9));
    }
  });
});
