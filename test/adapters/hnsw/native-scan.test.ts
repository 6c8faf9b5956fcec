import { describe, expect, it } from 'vitest';
import { nativeScan } from '../../../src/adapters/hnsw/native-scan.js';
import { AreaVectors } from '../../../src/core/area-vectors.js';
import { exactTopKPacked } from '../../../src/core/exact-search.js';
import type { LocationFilter } from '../../../src/core/ports.js';

const DIM = 32;
const unit = (seed: number) => {
  const v = Float32Array.from({ length: DIM }, (_, j) => Math.sin(seed * 1.7 + j * 0.9) + Math.cos(seed * 0.3 * j));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('nativeScan (hnswlib brute force) as an area exact scan', () => {
  it('ranks exactly as the JavaScript scan of the same rows, and follows adds and removes', () => {
    const labels = Array.from({ length: 300 }, (_, i) => i + 1);
    const matrix = new Float32Array(labels.length * DIM);
    labels.forEach((l, i) => matrix.set(unit(l), i * DIM));
    const scan = nativeScan({ labels, matrix, dimension: DIM });
    for (const q of [unit(1000), unit(2000), unit(7)]) {
      const expected = exactTopKPacked(q, { labels, matrix, dimension: DIM }, 20);
      const got = scan.search(q, 20);
      expect(got.map((h) => h.label)).toEqual(expected.map((h) => h.label));
      got.forEach((h, i) => expect(h.similarity).toBeCloseTo(expected[i]!.similarity, 5));
    }
    scan.remove(7);
    expect(scan.search(unit(7), 5).map((h) => h.label)).not.toContain(7);
    expect(scan.add(5000, unit(5000))).toBe(true);
    expect(scan.search(unit(5000), 1)[0]!.label).toBe(5000);
    // Full at 1.1× + 64: the caller rebuilds.
    let added = 0;
    while (scan.add(6000 + added, unit(6000 + added))) added++;
    expect(added).toBeGreaterThan(0);
    expect(scan.search(unit(1), 1000)).toHaveLength(299 + added + 1);
  });

  it('serves an area cache whose records change, exactly as without it', () => {
    const records = new Map<number, { municipality: string; vector: Float32Array }>();
    let generation = 0;
    const source = {
      generation: () => generation,
      matchableLabels: (f: LocationFilter) => [...records].filter(([, r]) => f.municipalities!.includes(r.municipality)).map(([l]) => l),
      vectorsOf: (labels: number[]) => new Map(labels.map((l) => [l, records.get(l)!.vector])),
    };
    for (let l = 1; l <= 200; l++) records.set(l, { municipality: l % 2 ? '091' : '837', vector: unit(l) });
    const native = new AreaVectors(source, 10_000, nativeScan);
    const plain = new AreaVectors(source, 10_000);
    const helsinki = { municipalities: ['091'] };
    const same = () => {
      for (const q of [unit(11), unit(999)]) expect(native.searchIn(helsinki, q, 10)).toEqual(plain.searchIn(helsinki, q, 10).map((h) => ({ ...h, similarity: expect.closeTo(h.similarity, 5) })));
    };
    same();
    // A new Helsinki record, one moved to Tampere, one deleted: each cache is told, as RecordService does.
    records.set(201, { municipality: '091', vector: unit(11.01) });
    records.set(11, { municipality: '837', vector: unit(11) });
    records.delete(13);
    generation++;
    const changes = [
      { after: { label: 201, municipality: '091', region: '01', vector: unit(11.01) } },
      { before: { label: 11, municipality: '091', region: '01' }, after: { label: 11, municipality: '837', region: '06', vector: unit(11) } },
      { before: { label: 13, municipality: '091', region: '01' } },
    ];
    native.changed(changes);
    plain.changed(changes);
    same();
    expect(native.searchIn(helsinki, unit(11.01), 1)[0]!.label).toBe(201);
    expect(native.searchIn(helsinki, unit(11), 100).map((h) => h.label)).not.toContain(11);
  });

  it('keeps an area once, in its native scan: no packed copy beside it, the budget counted on the scans, a full scan read again', () => {
    const records = new Map<number, { municipality: string; vector: Float32Array }>();
    let reads = 0;
    const source = {
      matchableLabels: (f: LocationFilter) => [...records].filter(([, r]) => f.municipalities!.includes(r.municipality)).map(([l]) => l),
      vectorsOf: (labels: number[]) => {
        reads++;
        return new Map(labels.map((l) => [l, records.get(l)!.vector]));
      },
    };
    for (let l = 1; l <= 100; l++) records.set(l, { municipality: l <= 60 ? '091' : '837', vector: unit(l) });
    const areas = new AreaVectors(source, 100, nativeScan);
    const helsinki = { municipalities: ['091'] };
    const tampere = { municipalities: ['837'] };
    expect(areas.searchIn(helsinki, unit(5), 1)[0]!.label).toBe(5);
    expect(areas.searchIn(tampere, unit(70), 1)[0]!.label).toBe(70);
    expect(areas.size).toBe(100);
    expect(reads).toBe(2);
    // Served from the scans: nothing read again, and no packed rows kept (asking for them reads them).
    areas.searchIn(helsinki, unit(6), 1);
    areas.searchIn(tampere, unit(71), 1);
    expect(reads).toBe(2);
    areas.vectorsIn(helsinki);
    expect(reads).toBe(3);
    // A new Helsinki record goes over the budget only when the scans are next rebuilt; the full scan
    // (room for 1.1× + 64) is dropped and read again when next searched.
    for (let l = 101; l <= 200; l++) {
      records.set(l, { municipality: '091', vector: unit(l) });
      areas.changed([{ after: { label: l, municipality: '091', region: '01', vector: unit(l) } }]);
    }
    expect(areas.size).toBe(40); // Helsinki's scan was full and dropped: Tampere's 40 are held
    expect(areas.searchIn(helsinki, unit(150), 1)[0]!.label).toBe(150);
    expect(reads).toBe(4);
    // Helsinki's 160 are more than the whole budget: served, not kept.
    expect(areas.size).toBe(40);
  });

  it('answers each query vector with its own results when queries alternate (the copy for hnswlib follows the vector)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => unit(i));
    const scan = nativeScan({ labels: rows.map((_, i) => i + 1), matrix: Float32Array.from(rows.flatMap((r) => [...r])), dimension: rows[0]!.length });
    const [a, b] = [unit(3), unit(40)];
    const first = scan.search(a, 3);
    expect(scan.search(b, 3)[0]!.label).toBe(41);
    expect(scan.search(a, 3)).toEqual(first);
    expect(first[0]!.label).toBe(4);
  });
});
