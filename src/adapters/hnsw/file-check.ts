import type { HnswSettings } from './hnsw-index.js';

/** Bytes of hnswlib's index header (HierarchicalNSW::saveIndex): 6 size_t, int, uint, 3 size_t, double, size_t. */
const HEADER_BYTES = 96;
/** Deepest level a graph of any size this service builds reaches (mult = 1/ln(M): ~log_M(n)). */
const MAX_LEVEL = 32;

/**
 * Why an hnswlib index file is not one this service could have written, or undefined when its
 * structure is sound: header fields consistent with the dimension and settings, every neighbour id
 * inside the graph, every link list inside the file, nothing after it. hnswlib trusts its files (a
 * crafted one whose checksum matches crashed the process with SIGSEGV on the first search); this
 * runs before the native library reads a byte.
 */
export function checkHnswFile(bytes: Buffer, dimension: number, settings: Pick<HnswSettings, 'm' | 'efConstruction'>): string | undefined {
  if (bytes.length < HEADER_BYTES) return 'shorter than its header';
  const size = (at: number) => {
    const v = bytes.readBigUInt64LE(at);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
  };
  const offsetLevel0 = size(0);
  const maxElements = size(8);
  const count = size(16);
  const perElement = size(24);
  const labelOffset = size(32);
  const offsetData = size(40);
  const maxLevel = bytes.readInt32LE(48);
  const entryPoint = bytes.readUInt32LE(52);
  const maxM = size(56);
  const maxM0 = size(64);
  const m = size(72);
  const mult = bytes.readDoubleLE(80);
  const efConstruction = size(88);

  if (m !== settings.m || maxM !== m || maxM0 !== 2 * m) return `graph degree ${m}/${maxM}/${maxM0}, expected ${settings.m}`;
  if (efConstruction !== settings.efConstruction) return `efConstruction ${efConstruction}, expected ${settings.efConstruction}`;
  const links0 = maxM0 * 4 + 4;
  if (offsetLevel0 !== 0 || offsetData !== links0 || labelOffset !== links0 + dimension * 4 || perElement !== links0 + dimension * 4 + 8) {
    return 'element layout does not match the dimension';
  }
  if (count > maxElements || maxElements > Math.max(1 << 20, 4 * count)) return `${count} elements of capacity ${maxElements}`;
  if (!Number.isFinite(mult) || mult <= 0 || mult > 1) return 'level multiplier out of range';
  if (maxLevel < (count === 0 ? -1 : 0) || maxLevel > MAX_LEVEL) return `top level ${maxLevel}`;
  if (count > 0 && entryPoint >= count) return `entry point ${entryPoint} outside ${count} elements`;
  if (bytes.length < HEADER_BYTES + count * perElement) return 'shorter than its elements';

  // Level 0: each element's neighbour list (count in the low 16 bits, then maxM0 ids).
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * perElement;
    const n = bytes.readUInt32LE(at) & 0xffff;
    if (n > maxM0) return `element ${i} has ${n} neighbours at level 0`;
    for (let j = 0; j < n; j++) if (bytes.readUInt32LE(at + 4 + 4 * j) >= count) return `element ${i} links outside the graph`;
  }
  // Upper levels: per element, a byte length then that many levels of (count, maxM ids).
  const linksPerLevel = maxM * 4 + 4;
  let at = HEADER_BYTES + count * perElement;
  for (let i = 0; i < count; i++) {
    if (at + 4 > bytes.length) return 'link lists cut short';
    const length = bytes.readUInt32LE(at);
    at += 4;
    if (length % linksPerLevel !== 0 || length / linksPerLevel > maxLevel) return `element ${i} has a malformed link list`;
    if (at + length > bytes.length) return 'link lists cut short';
    for (let level = 0; level < length / linksPerLevel; level++) {
      const start = at + level * linksPerLevel;
      const n = bytes.readUInt32LE(start) & 0xffff;
      if (n > maxM) return `element ${i} has ${n} neighbours at level ${level + 1}`;
      for (let j = 0; j < n; j++) if (bytes.readUInt32LE(start + 4 + 4 * j) >= count) return `element ${i} links outside the graph`;
    }
    at += length;
  }
  if (at !== bytes.length) return 'bytes after the last link list';
  return undefined;
}

/** The least size of a file holding `points` elements: header, level-0 records, a link-list length each. */
export function minimumHnswFileBytes(points: number, dimension: number, m: number): number {
  const perElement = 2 * m * 4 + 4 + dimension * 4 + 8;
  return HEADER_BYTES + points * (perElement + 4);
}
