import { existsSync, readFileSync, statSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile, indexFile } from '../../src/engine.js';
import { exitOf, spawnService } from '../helpers/process.js';
import { call, CURATED_TEST_TAXONOMY, removeDir, sampleJobseeker, tempDir } from '../helpers/service.js';

const labelsInFile = (file: string, dimension: number) => {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  index.readIndexSync(file);
  return index.getIdsList();
};

describe('erasure survives a crash', () => {
  it('compacts at the next start when the process died before the pending compaction', async () => {
    const dataDir = tempDir();
    const db = openDatabase(databaseFile(dataDir));
    const { key } = await new ApiKeyStore(db).create('admin', 'erasure crash test', 'national');
    db.close();
    // The curated test taxonomy: the index file is the same on any taxonomy (ESCO costs each start ~5 s of CPU).
    const env = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_INDEX_FLUSH_SECONDS: '1' };
    const first = await spawnService(env);
    const caller = { url: first.url, key };
    for (const id of ['KEEP-ME', 'ERASE-ME']) expect((await call(caller, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBeLessThan(300);
    const health = (await call(caller, 'GET', '/health')).body;
    const dimension = health.embedder.dimension as number;
    expect((await call(caller, 'DELETE', '/v1/jobseekers/ERASE-ME')).status).toBe(204);
    // Flushed (KOHTAANTO_INDEX_FLUSH_SECONDS: 1) after the erasure: the file holds the point, marked deleted.
    const file = indexFile(dataDir, 'jobseekers');
    const erasedAt = Date.now();
    while (!(existsSync(file) && statSync(file).mtimeMs > erasedAt && labelsInFile(file, dimension).length === 2)) {
      if (Date.now() - erasedAt > 30_000) throw new Error('the index file was not flushed after the erasure');
      await new Promise((done) => setTimeout(done, 100));
    }
    first.child.kill('SIGKILL'); // before the compaction (KOHTAANTO_COMPACT_SECONDS: an hour)
    await exitOf(first.child);

    const second = await spawnService(env);
    try {
      expect(second.output.join('')).toMatch(/compacted at start \(an erasure awaited it\): 1 deleted points dropped/);
      expect(labelsInFile(file, dimension)).toHaveLength(1);
      expect(readFileSync(file).length).toBeGreaterThan(0);
    } finally {
      second.child.kill('SIGKILL');
      await exitOf(second.child);
      removeDir(dataDir);
    }
  }, 120_000);
});
