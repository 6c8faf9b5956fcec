import { describe, expect, it } from 'vitest';
import { parsedBytes, RecordCache, type RecordSource } from '../../src/core/record-cache.js';

/** A plain in-memory source (a unit-test double of the SQLite store) that counts its reads. */
function memorySource() {
  const rows = new Map<number, { v: number }>();
  const reads: number[][] = [];
  const source: RecordSource<{ v: number }> = {
    getByLabels: (labels) => {
      reads.push(labels);
      return labels.filter((l) => rows.has(l)).map((label) => ({ label, record: rows.get(label)!, bytes: 100 }));
    },
  };
  const write = (label: number, v: number) => {
    rows.set(label, { v });
  };
  return { source, write, reads, remove: (label: number) => rows.delete(label) };
}

describe('RecordCache', () => {
  it('reads each record once, then serves it from memory', () => {
    const { source, write, reads } = memorySource();
    write(1, 10);
    write(2, 20);
    const cache = new RecordCache(source, 10 * parsedBytes(100));
    expect([...cache.byLabels([1, 2, 3])]).toEqual([[1, { v: 10 }], [2, { v: 20 }]]);
    expect(cache.byLabels([2, 1]).get(1)).toEqual({ v: 10 });
    expect(reads).toEqual([[1, 2, 3]]);
  });

  it('drops the records it is told were written, and everything when cleared', () => {
    const { source, write, reads, remove } = memorySource();
    write(1, 10);
    write(2, 20);
    const cache = new RecordCache(source, 10 * parsedBytes(100));
    cache.byLabels([1, 2]);
    write(1, 11);
    cache.changed([1]);
    expect(cache.byLabels([1, 2]).get(1)).toEqual({ v: 11 });
    expect(reads.at(-1)).toEqual([1]); // 2 stayed cached
    remove(2);
    cache.changed([2]);
    expect(cache.byLabels([2]).has(2)).toBe(false);
    write(1, 12);
    expect(cache.byLabels([1]).get(1)).toEqual({ v: 11 }); // not told yet
    cache.clear();
    expect(cache.byLabels([1]).get(1)).toEqual({ v: 12 });
  });

  it('keeps at most its capacity in bytes, least recently used out first', () => {
    const { source, write, reads } = memorySource();
    for (let l = 1; l <= 4; l++) write(l, l);
    const cache = new RecordCache(source, 2 * parsedBytes(100));
    cache.byLabels([1]);
    cache.byLabels([2]);
    cache.byLabels([1]);
    cache.byLabels([3]); // evicts 2
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(2 * parsedBytes(100));
    const before = reads.length;
    cache.byLabels([1, 3]);
    expect(reads.length).toBe(before);
    cache.byLabels([2]);
    expect(reads.length).toBe(before + 1);
  });
});
