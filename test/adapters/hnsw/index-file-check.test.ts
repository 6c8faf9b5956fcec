import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../../src/adapters/hnsw/hnsw-index.js';
import { checkIndexFilesInThread, sha256InThread, sha256Of } from '../../../src/adapters/hnsw/index-file-check.js';
import { saveIndexFile } from '../../../src/adapters/hnsw/index-file.js';
import { ROOT, tempDir } from '../../helpers/files.js';

/**
 * The built module run as a thread, as the service runs it (dist/ is built before the whole suite,
 * test/global-setup.ts); from the TypeScript sources the same work runs in the process.
 */
const BUILT = join(ROOT, 'dist', 'adapters', 'hnsw', 'index-file-check.js');
const settings = { m: 8, efConstruction: 50, ef: 32 };

function saved(points = 200) {
  const file = join(tempDir(), 'vacancies.hnsw');
  const index = HnswVectorIndex.create(16, settings);
  for (let i = 1; i <= points; i++) index.upsert(i, Float32Array.from({ length: 16 }, (_, j) => Math.sin(i * 0.7 + j * 1.3)));
  saveIndexFile(file, index, 'test-embedder', 5);
  const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { sha256: string };
  return { file, sha256: meta.sha256, dimension: 16, settings };
}

describe.each([
  ['in the process', undefined],
  ['in a thread (the built module)', pathToFileURL(BUILT)],
])('checking index files %s', (_, module) => {
  it.skipIf(module !== undefined && !existsSync(BUILT))('finds a sound file sound, and a wrong checksum or a forged structure with its checksum not', async () => {
    const sound = saved();
    const corrupt = saved();
    const bytes = readFileSync(corrupt.file);
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(corrupt.file, bytes);
    const forged = saved();
    const crafted = readFileSync(forged.file);
    crafted.writeUInt32LE(5000, 52); // the entry point outside the graph
    writeFileSync(forged.file, crafted);
    const missing = { ...saved(), file: join(tempDir(), 'none.hnsw') };
    const problems = await checkIndexFilesInThread(
      [sound, corrupt, { ...forged, sha256: createHash('sha256').update(crafted).digest('hex') }, missing],
      module,
    );
    expect(problems[0]).toBeUndefined();
    expect(problems[1]).toBe('index file corrupt (checksum mismatch)');
    expect(problems[2]).toMatch(/^index file malformed \(entry point/);
    expect(problems[3]).toMatch(/^index file unreadable \(.*ENOENT/);
  });

  it.skipIf(module !== undefined && !existsSync(BUILT))('computes the checksum the metadata holds', async () => {
    const { file, sha256 } = saved(500);
    expect(await sha256InThread(file, module)).toBe(sha256);
    expect(sha256Of(file)).toBe(sha256);
  });
});
