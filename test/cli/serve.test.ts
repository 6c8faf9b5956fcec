import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, spawnService } from '../helpers/process.js';
import { call, removeDir, tempDir } from '../helpers/service.js';

describe("npm start (README's first command: build, then node dist/cli/serve.js; dist is built by test/global-setup.ts)", () => {
  it('starts on the embedded default, serves matches for a fixture jobseeker and shuts down cleanly', async () => {
    const dataDir = tempDir();
    const { child, url, output } = await spawnService({ KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_MODEL_DIR: join(dataDir, 'no-models') });
    try {
      const log = output.join('');
      expect(log).toContain('lexical fallback');
      expect(log).toContain('KOHTAANTO_MODEL_DIR');
      // First start: an admin key in a file only the owner can read, never in the log.
      const keyFile = join(dataDir, 'initial-admin.key');
      expect(statSync(keyFile).mode & 0o077).toBe(0);
      const key = readFileSync(keyFile, 'utf8').trim();
      expect(log).not.toContain(key);
      expect((await call(url, 'GET', '/v1/jobseekers/JS-000001/matches?k=5')).status).toBe(401);
      const matches = await call({ url, key }, 'GET', '/v1/jobseekers/JS-000001/matches?k=5');
      expect(matches.status).toBe(200);
      expect(matches.body.hits).toHaveLength(5);
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(join(dataDir, 'kohtaanto.sqlite'))).toBe(true);
      expect(existsSync(join(dataDir, 'vacancies.hnsw'))).toBe(true);
    } finally {
      child.kill('SIGKILL');
      removeDir(dataDir);
    }
  }, 240_000); // a first start on ESCO seeds 4,800 records and builds its label vectors (~1-2 min on 2 busy cores)
});
