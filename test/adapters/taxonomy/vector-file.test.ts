import { readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holds, vectorFile } from '../../../src/adapters/taxonomy/vector-file.js';
import { removeDir, tempDir } from '../../helpers/files.js';

const KEY = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
let dir: string;
afterEach(() => removeDir(dir));

describe('vectorFile', () => {
  it('reads back what it wrote, only under the same key and length', () => {
    dir = tempDir();
    const file = join(dir, 'skills.labels');
    const cache = vectorFile(file);
    expect(cache.read(KEY, 3)).toBeUndefined(); // no file yet
    cache.write(KEY, Float32Array.from([0.5, -1, 2]));
    expect(Array.from(cache.read(KEY, 3)!)).toEqual([0.5, -1, 2]);
    expect(cache.read(OTHER, 3)).toBeUndefined();
    expect(cache.read(KEY, 4)).toBeUndefined();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    cache.write(OTHER, Float32Array.from([1]));
    expect(cache.read(KEY, 3)).toBeUndefined();
    expect(Array.from(cache.read(OTHER, 1)!)).toEqual([1]);
    expect(readdirSync(dir)).toEqual(['skills.labels']); // no temporary file left
  });

  it('tells whether a file holds vectors of a key and length without reading them', () => {
    dir = tempDir();
    const file = join(dir, 'skills.labels');
    expect(holds(file, KEY, 3)).toBe(false); // no file
    vectorFile(file).write(KEY, Float32Array.from([0.5, -1, 2]));
    expect(holds(file, KEY, 3)).toBe(true);
    expect(holds(file, OTHER, 3)).toBe(false);
    expect(holds(file, KEY, 2)).toBe(false);
    truncateSync(file, 64 + 8);
    expect(holds(file, KEY, 3)).toBe(false);
  });

  it('ignores a truncated or foreign file', () => {
    dir = tempDir();
    const file = join(dir, 'skills.labels');
    const cache = vectorFile(file);
    cache.write(KEY, new Float32Array(1000).fill(0.25));
    truncateSync(file, 2000);
    expect(cache.read(KEY, 1000)).toBeUndefined();
    writeFileSync(file, 'not a vector file');
    expect(cache.read(KEY, 1000)).toBeUndefined();
  });

  it('leaves nothing behind when it cannot write (a cache costs only the next start)', () => {
    dir = tempDir();
    const cache = vectorFile(join(dir, 'missing-dir', 'skills.labels'));
    expect(() => cache.write(KEY, Float32Array.from([1]))).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
