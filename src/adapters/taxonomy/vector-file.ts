import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { VectorCache } from '../../core/ports.js';

const KEY_BYTES = 64; // a sha256 in hex, then the floats

/**
 * A VectorCache in one file: the key, then the vectors as float32 in the machine's byte order. Written to a
 * temporary file and renamed, so a reader (another worker, a start after a crash) sees the old
 * file or the new one, never half of one; a file of another key or length is not read (and is
 * replaced on the next write).
 */
/** Whether `file` holds `length` floats under `key` (its size and key only: the vectors are not read). */
export function holds(file: string, key: string, length: number): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    if (fstatSync(fd).size !== KEY_BYTES + length * 4) return false;
    const head = Buffer.alloc(KEY_BYTES);
    readSync(fd, head, 0, KEY_BYTES, 0);
    return head.toString('latin1') === key;
  } finally {
    closeSync(fd);
  }
}

export function vectorFile(file: string): VectorCache {
  return {
    read(key, length) {
      let fd: number;
      try {
        fd = openSync(file, 'r');
      } catch {
        return undefined;
      }
      try {
        if (fstatSync(fd).size !== KEY_BYTES + length * 4) return undefined;
        const head = Buffer.alloc(KEY_BYTES);
        readSync(fd, head, 0, KEY_BYTES, 0);
        if (head.toString('latin1') !== key) return undefined;
        const vectors = new Float32Array(length);
        const bytes = Buffer.from(vectors.buffer);
        let at = 0;
        while (at < bytes.length) {
          const n = readSync(fd, bytes, at, bytes.length - at, KEY_BYTES + at);
          if (n === 0) return undefined;
          at += n;
        }
        return vectors;
      } finally {
        closeSync(fd);
      }
    },
    write(key, vectors) {
      if (key.length !== KEY_BYTES) throw new Error(`vector cache key must be ${KEY_BYTES} characters`);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength)]), { mode: 0o600 });
        renameSync(tmp, file);
      } catch {
        // A cache: a full disk or a read-only directory only costs the next start the embedding.
        rmSync(tmp, { force: true });
      }
    },
  };
}
