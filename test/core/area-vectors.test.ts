import { describe, expect, it } from 'vitest';
import { AreaVectors, type AreaSource } from '../../src/core/area-vectors.js';
import type { LocationFilter } from '../../src/core/ports.js';

/** A plain in-memory source of records (a unit-test double of the SQLite store). */
function memorySource() {
  const records = new Map<number, { municipality: string; region: string; vector: Float32Array }>();
  const reads = { labels: 0, vectors: 0 };
  const source: AreaSource = {
    matchableLabels: (filter: LocationFilter) => {
      reads.labels++;
      return [...records]
        .filter(([, r]) => (!filter.municipalities || filter.municipalities.includes(r.municipality)) && (!filter.regions || filter.regions.includes(r.region)))
        .map(([label]) => label);
    },
    vectorsOf: (labels) => {
      reads.vectors++;
      return new Map(labels.map((l) => [l, records.get(l)!.vector]));
    },
  };
  const write = (label: number, municipality: string, region: string) => {
    records.set(label, { municipality, region, vector: Float32Array.of(label, 1) });
  };
  return { source, write, reads };
}

describe('AreaVectors', () => {
  it('takes a record into an area that was packed while empty, also as the first area packed', () => {
    const { source, write } = memorySource();
    const areas = new AreaVectors(source, 100);
    const malax = { municipalities: ['475'] };
    expect(areas.searchIn(malax, Float32Array.of(1, 1), 5)).toEqual([]); // a municipality with no open vacancy yet
    write(7, '475', '15');
    areas.changed([{ after: { label: 7, municipality: '475', region: '15', vector: Float32Array.of(7, 1) } }]);
    expect(areas.searchIn(malax, Float32Array.of(7, 1), 5).map((h) => h.label)).toEqual([7]);
  });

  it('reads an area once and serves it from memory until the data changes', () => {
    const { source, write, reads } = memorySource();
    write(1, '091', '01');
    write(2, '837', '06');
    const areas = new AreaVectors(source, 100);
    const helsinki = { municipalities: ['091'] };
    expect(areas.vectorsIn(helsinki).labels).toEqual([1]);
    expect(areas.vectorsIn(helsinki).matrix).toEqual(Float32Array.of(1, 1));
    expect(areas.setIn(helsinki)).toEqual(new Set([1]));
    expect(reads).toEqual({ labels: 1, vectors: 1 });
    expect(areas.size).toBe(1);
  });

  it('patches cached areas with each change instead of reading them again', () => {
    const { source, write, reads } = memorySource();
    write(1, '091', '01');
    write(2, '837', '06');
    write(3, '837', '06');
    const areas = new AreaVectors(source, 100);
    const tampere = { municipalities: ['837'] };
    const pirkanmaa = { regions: ['06'] };
    areas.vectorsIn(tampere);
    areas.setIn(pirkanmaa);
    expect(reads).toEqual({ labels: 2, vectors: 1 });

    // A new record in Tampere.
    write(4, '837', '06');
    areas.changed([{ after: { label: 4, municipality: '837', region: '06', vector: Float32Array.of(4, 1) } }]);
    // Record 2 moves to Helsinki (Uusimaa).
    write(2, '091', '01');
    areas.changed([{ before: { label: 2, municipality: '837', region: '06' }, after: { label: 2, municipality: '091', region: '01', vector: Float32Array.of(2, 1) } }]);
    // Record 3 is closed (no longer matchable).
    write(3, '837', '06');
    areas.changed([{ before: { label: 3, municipality: '837', region: '06' } }]);

    const packed = areas.vectorsIn(tampere);
    expect([...packed.labels].sort()).toEqual([4]);
    expect(packed.matrix.slice(0, 2)).toEqual(Float32Array.of(4, 1));
    expect(areas.setIn(pirkanmaa)).toEqual(new Set([4]));
    expect(areas.labelsIn(pirkanmaa)).toEqual([4]);
    expect(areas.size).toBe(1);
    expect(reads).toEqual({ labels: 2, vectors: 1 });
  });

  it('grows a packed area past its first size and keeps rows and labels aligned', () => {
    const { source, write } = memorySource();
    write(1, '837', '06');
    const areas = new AreaVectors(source, 100);
    areas.vectorsIn({ regions: ['06'] });
    for (let label = 2; label <= 20; label++) {
      write(label, '837', '06');
      areas.changed([{ after: { label, municipality: '837', region: '06', vector: Float32Array.of(label, 1) } }]);
    }
    for (const label of [5, 1, 20]) {
      write(label, '091', '01'); // the test source keeps it; the cache is told it moved away
      areas.changed([{ before: { label, municipality: '837', region: '06' } }]);
    }
    const { labels, matrix } = areas.vectorsIn({ regions: ['06'] });
    expect(labels).toHaveLength(17);
    labels.forEach((label, row) => expect(matrix[row * 2]).toBe(label));
    expect(areas.size).toBe(17);
  });

  it('takes a record whose old place is not known (another worker wrote it) out of every area, and starts over after a large batch', () => {
    const { source, write, reads } = memorySource();
    write(1, '091', '01');
    write(2, '091', '01');
    const areas = new AreaVectors(source, 100);
    expect(areas.labelsIn({ regions: ['01'] })).toEqual([1, 2]);
    expect(areas.vectorsIn({ municipalities: ['091'] }).labels).toEqual([1, 2]);
    write(2, '049', '01');
    areas.changed([{ before: { label: 2 }, after: { label: 2, municipality: '049', region: '01', vector: Float32Array.of(2, 1) } }]);
    expect(areas.labelsIn({ municipalities: ['091'] })).toEqual([1]);
    expect([...areas.labelsIn({ regions: ['01'] })].sort()).toEqual([1, 2]);
    expect(reads.labels).toBe(2);
    areas.changed('everywhere');
    expect(areas.labelsIn({ municipalities: ['091'] })).toEqual([1]);
    expect(reads.labels).toBe(3);
  });

  it('keeps at most the budget of vectors, dropping the least recently used area', () => {
    const { source, write, reads } = memorySource();
    for (let label = 1; label <= 6; label++) write(label, ['091', '837', '564'][label % 3]!, '01');
    const areas = new AreaVectors(source, 4);
    areas.vectorsIn({ municipalities: ['091'] }); // 2 vectors
    areas.vectorsIn({ municipalities: ['837'] }); // 2 vectors
    areas.vectorsIn({ municipalities: ['091'] }); // used again: 837 is now the oldest
    areas.vectorsIn({ municipalities: ['564'] }); // evicts 837
    expect(areas.size).toBe(4);
    const before = reads.vectors;
    areas.vectorsIn({ municipalities: ['091'] });
    expect(reads.vectors).toBe(before);
    areas.vectorsIn({ municipalities: ['837'] });
    expect(reads.vectors).toBe(before + 1);
    // An area larger than the whole budget is served but not kept.
    expect(areas.vectorsIn({ regions: ['01'] }).labels).toHaveLength(6);
    expect(areas.size).toBeLessThanOrEqual(4);
  });
});
