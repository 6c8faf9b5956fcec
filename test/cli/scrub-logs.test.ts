import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile } from '../../src/engine.js';
import { exitOf, spawnService } from '../helpers/process.js';
import { call, CURATED_TEST_TAXONOMY, removeDir, ROOT, sampleJobseeker, tempDir } from '../helpers/service.js';

/** The service on the curated test taxonomy: the request log is the same on any taxonomy (ESCO costs each start ~5 s of CPU). */
const ENV = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' };

describe('npm run logs:scrub', () => {
  it('removes an erased person from a request log the service wrote, keeping everyone else', async () => {
    const dataDir = tempDir();
    const db = openDatabase(databaseFile(dataDir));
    const { key } = await new ApiKeyStore(db).create('admin', 'log scrub test', 'national');
    db.close();
    const service = await spawnService({ ...ENV, KOHTAANTO_DATA_DIR: dataDir });
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

  it('keeps no search words (a client\'s name or e-mail) in the request log, and removes them from logs written before', async () => {
    const dataDir = tempDir();
    const db = openDatabase(databaseFile(dataDir));
    const { key } = await new ApiKeyStore(db).create('admin', 'search words test', 'national');
    db.close();
    const service = await spawnService({ ...ENV, KOHTAANTO_DATA_DIR: dataDir });
    const admin = { url: service.url, key };
    expect((await call(admin, 'PUT', '/v1/jobseekers/GONE-5520', sampleJobseeker('GONE-5520', { name: 'Aino Mäkinen' }))).status).toBe(201);
    expect((await call(admin, 'GET', '/v1/jobseekers?q=M%C3%A4kinen&limit=5')).body.items).toHaveLength(1);
    expect((await call(admin, 'GET', `/v1/jobseekers?limit=1&q=${encodeURIComponent('aino.makinen@example.fi')}`)).status).toBe(200);
    expect((await call(admin, 'GET', '/v1/jobseekers?q=Mäkinen&limit=5')).status).toBe(200); // sent as the client wrote it
    expect((await call(admin, 'GET', '/v1/jobseekers?M%C3%A4kinen')).status).toBe(400); // a name as a parameter name
    expect((await call(admin, 'GET', '/v1/taxonomy/skills?q=hitsaus')).status).toBe(200);
    expect((await call(admin, 'DELETE', '/v1/jobseekers/GONE-5520')).status).toBe(204);
    await new Promise((done) => setTimeout(done, 200));
    service.child.kill('SIGTERM');
    await exitOf(service.child);
    const written = service.output.join('');
    expect(written).toContain('q=[redacted]');
    expect(written).toContain('limit=5'); // numbers and codes stay
    for (const trace of ['Mäkinen', 'M%C3%A4kinen', 'M\\u00e4kinen', 'makinen', 'hitsaus']) expect(written, trace).not.toContain(trace);

    // A log from before: the URLs in its lines name the person in search words and a list cursor.
    const log = join(dataDir, 'old.log');
    const line = (url: string) => JSON.stringify({ level: 30, time: 1, reqId: 'req-1', req: { method: 'GET', url, remoteAddress: '127.0.0.1' }, msg: 'incoming request' });
    writeFileSync(
      log,
      [
        line('/v1/jobseekers?q=M%C3%A4kinen&limit=5'),
        line('/v1/jobseekers?limit=5&q=Mäkinen'),
        line('/v1/jobseekers?q=aino.makinen%40example.fi'),
        line('/v1/jobseekers?limit=2&after=GONE-5520'),
        line('/v1/jobseekers?limit=2&after=KEPT-1'),
        '{"level":50,"msg":"Reply was already sent, did you forget to \\"return reply\\" in the \\"/v1/jobseekers?q=Mäkinen\\" (GET) route?"}',
      ].join('\n') + '\n',
      { mode: 0o600 },
    );
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'scrub-logs.js'), log], {
      env: { ...process.env, KOHTAANTO_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const scrubbed = readFileSync(log, 'utf8');
    for (const trace of ['Mäkinen', 'M%C3%A4kinen', 'makinen', 'GONE-5520']) expect(scrubbed, trace).not.toContain(trace);
    expect(scrubbed).toContain('/v1/jobseekers?q=[redacted]&limit=5');
    expect(scrubbed).toMatch(/after=erased:[0-9a-f]{16}/);
    expect(scrubbed).toContain('after=KEPT-1');
    expect(scrubbed.trim().split('\n').every((l) => JSON.parse(l))).toBe(true);
    removeDir(dataDir);
  });
});
