import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile } from '../../src/engine.js';
import { exitOf, spawnService } from '../helpers/process.js';
import { call, removeDir, ROOT, sampleJobseeker, tempDir } from '../helpers/service.js';

describe('npm run logs:scrub', () => {
  it('removes an erased person from a request log the service wrote, keeping everyone else', async () => {
    const dataDir = tempDir();
    const db = openDatabase(databaseFile(dataDir));
    const { key } = new ApiKeyStore(db).create('admin', 'log scrub test', 'national');
    db.close();
    const service = await spawnService({ KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' });
    const admin = { url: service.url, key };
    for (const id of ['GONE-7731', 'KEPT-4410']) {
      expect((await call(admin, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);
      await call(admin, 'GET', `/v1/jobseekers/${id}/matches?k=3`);
    }
    await call(admin, 'GET', '/v1/audit?jobseeker=GONE-7731');
    expect((await call(admin, 'DELETE', '/v1/jobseekers/GONE-7731')).status).toBe(204);
    service.child.kill('SIGTERM');
    await exitOf(service.child);

    const log = join(dataDir, 'service.log');
    writeFileSync(log, service.output.join(''));
    expect(readFileSync(log, 'utf8')).toContain('GONE-7731'); // the test can fail
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'scrub-logs.js'), log], {
      env: { ...process.env, KOHTAANTO_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/[1-9]\d* mentions of erased people replaced/);
    const scrubbed = readFileSync(log, 'utf8');
    expect(scrubbed).not.toContain('GONE-7731');
    expect(scrubbed).toMatch(/\/v1\/jobseekers\/erased:[0-9a-f]{16}/);
    expect(scrubbed).toContain('/v1/jobseekers/KEPT-4410/matches');
    expect(scrubbed.split('\n').filter((l) => l.startsWith('{')).every((l) => JSON.parse(l))).toBe(true); // still one JSON object per line
    expect(statSync(log).mode & 0o077).toBe(0);
    removeDir(dataDir);
  });
});
