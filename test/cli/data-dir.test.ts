import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, spawnService } from '../helpers/process.js';
import { call, CURATED_TEST_TAXONOMY, removeDir, sampleJobseeker, tempDir } from '../helpers/service.js';

describe('the data directory and log of a running service', () => {
  it('holds files only its user can read, logs no key from a URL, admits one process, and is taken over after a crash', async () => {
    const dataDir = join(tempDir(), 'data'); // created by the service
    // The curated test taxonomy: the files and the lock are the same on any taxonomy (ESCO costs each start ~5 s of CPU).
    const env = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' };
    const first = await spawnService(env);
    try {
      expect(statSync(dataDir).mode & 0o077).toBe(0);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['kohtaanto.sqlite', 'kohtaanto.lock', 'vacancies.hnsw', 'initial-admin.key']));
      for (const file of files) expect([file, statSync(join(dataDir, file)).mode & 0o077]).toEqual([file, 0]);

      // A key passed in the query string is refused and never reaches the request log.
      const leaked = await fetch(`${first.url}/v1/regions?key=SECRET-IN-URL-123&lang=fi`);
      expect(leaked.status).toBe(401);
      await new Promise((done) => setTimeout(done, 200));
      expect(first.output.join('')).toContain('key=[redacted]');
      expect(first.output.join('')).not.toContain('SECRET-IN-URL-123');

      // A second process on the same directory refuses to start, naming the owner.
      const second = await spawnService(env).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(second).toMatch(new RegExp(`in use by process ${first.child.pid}`));
    } finally {
      first.child.kill('SIGKILL');
      await exitOf(first.child);
    }
    // The lock of a killed process is stale: the next start takes it over.
    const third = await spawnService(env);
    while (!third.output.join('').includes('Kohtaanto ready')) await new Promise((done) => setTimeout(done, 50)); // signal handlers are set
    third.child.kill('SIGTERM');
    expect(await exitOf(third.child)).toBe(0);
    expect(readdirSync(dataDir)).not.toContain('kohtaanto.lock'); // released on a clean stop
    removeDir(dataDir);
  }, 120_000);

  it('closes a data directory an earlier release left open (0755, files 0644) on start, -wal and -shm included', async () => {
    const dataDir = join(tempDir(), 'data');
    const env = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_WORKERS: '1' };
    const modes = () => Object.fromEntries(readdirSync(dataDir).map((f) => [f, (statSync(join(dataDir, f)).mode & 0o777).toString(8)]));
    const first = await spawnService(env);
    const key = readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim();
    expect((await call({ url: first.url, key }, 'PUT', '/v1/jobseekers/MODE-1', sampleJobseeker('MODE-1'))).status).toBe(201);
    first.child.kill('SIGKILL'); // leaves the -wal and -shm behind, as a crash of the earlier release would
    await exitOf(first.child);
    expect(existsSync(join(dataDir, 'kohtaanto.sqlite-wal'))).toBe(true);
    writeFileSync(join(dataDir, 'occupations.labels'), 'vectors of an earlier release'); // any other file in it
    chmodSync(dataDir, 0o755);
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
    expect(Object.values(modes())).toContain('644'); // the test can fail

    const second = await spawnService(env);
    try {
      expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      expect(Object.entries(modes()).filter(([, mode]) => mode !== '600')).toEqual([]);
      for (let i = 0; i < 5; i++) {
        expect((await call({ url: second.url, key }, 'PUT', `/v1/jobseekers/MODE-W${i}`, sampleJobseeker(`MODE-W${i}`))).status).toBe(201);
      }
      const after = modes();
      expect(after).toMatchObject({ 'kohtaanto.sqlite': '600', 'kohtaanto.sqlite-wal': '600', 'kohtaanto.sqlite-shm': '600' });
      expect(Object.entries(after).filter(([, mode]) => mode !== '600')).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await exitOf(second.child);
    }
    removeDir(dataDir);
  }, 120_000);
});
