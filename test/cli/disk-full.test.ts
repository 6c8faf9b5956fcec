import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile } from '../../src/engine.js';
import { exitOf, spawnService, type ServiceProcess } from '../helpers/process.js';
import { call, ndjson, removeDir, sampleJobseeker, tempDir } from '../helpers/service.js';

/**
 * A full disk (issue 14, finding 7): the service runs on a 16 MiB tmpfs, mounted in a private
 * mount namespace (`unshare`, so neither root nor the host's mounts are needed). Where the kernel
 * allows no user namespaces the test is skipped, saying so.
 */
const root = tempDir('kohtaanto-diskfull-');
const mountPoint = join(root, 'data');
const seed = join(root, 'seed');
mkdirSync(mountPoint);
mkdirSync(seed);
const WRAP = ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', `mount -t tmpfs -o size=16m tmpfs "${mountPoint}" && cp -a "${seed}/." "${mountPoint}/" && exec "$@"`, 'sh'];
const probe = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs "${mountPoint}"`]);
const canMount = probe.status === 0;
if (!canMount) console.warn(`disk-full test skipped: cannot mount a tmpfs in a user namespace here (${probe.stderr?.toString().trim() || probe.error?.message})`);

let service: ServiceProcess | undefined;
afterAll(async () => {
  if (service) {
    service.child.kill('SIGTERM');
    await exitOf(service.child);
  }
  removeDir(root);
});

describe('a full data disk', () => {
  it.skipIf(!canMount)('answers 507 to writes, reports degraded health, loses nothing acknowledged, and recovers when space is freed', async () => {
    writeFileSync(join(seed, 'ballast'), Buffer.alloc(6 * 2 ** 20)); // what the operator frees later: room for the erasure's journal and an index flush however full the disk was
    const db = openDatabase(databaseFile(seed));
    const { key } = await new ApiKeyStore(db).create('admin', 'disk full test', 'national');
    db.close();
    service = await spawnService(
      { KOHTAANTO_DATA_DIR: mountPoint, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_MIN_FREE_MB: '1', KOHTAANTO_INDEX_FLUSH_SECONDS: '1' },
      WRAP,
    );
    const admin = { url: service.url, key };
    expect((await call(service.url, 'GET', '/health')).body.status).toBe('ok');

    const acknowledged: string[] = [];
    let full: { status: number; body: { error: string; message: string } } | undefined;
    for (let batch = 0; batch < 400 && !full; batch++) {
      const records = Array.from({ length: 50 }, (_, i) =>
        sampleJobseeker(`B${batch}-${i}`, { summary: `Hitsaaja ${batch}-${i}. ${'Kokemusta hitsauksesta ja levytöistä. '.repeat(40)}` }),
      );
      const response = await call(admin, 'POST', '/v1/jobseekers/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' }).catch((error: Error) => {
        throw new Error(`${error.message}; the service said:\n${service!.output.join('').slice(-3000)}`);
      });
      if (response.status === 200) acknowledged.push(...records.map((r) => r.id));
      else full = response;
    }
    expect(full, 'the disk never filled').toBeDefined();
    expect(full!.status).toBe(507);
    expect(full!.body).toMatchObject({ error: 'storage_full', message: expect.stringMatching(/disk is full/) });
    expect(acknowledged.length).toBeGreaterThan(0);

    const health = await call(service.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.problems.join(' ')).toMatch(/free/);

    // Nothing acknowledged was lost, and the refused batch left nothing behind.
    const stored = await call(admin, 'GET', '/v1/admin/health');
    expect(stored.body.jobseekers.stored).toBe(acknowledged.length);
    for (const id of [acknowledged[0]!, acknowledged.at(-1)!]) expect((await call(admin, 'GET', `/v1/jobseekers/${id}`)).status).toBe(200);

    // The operator frees space (seen through the process's own mount namespace): writes work again,
    // the waiting audit entries are written, health is ok; the service never went down.
    rmSync(`/proc/${service.child.pid}/root${mountPoint}/ballast`);
    const after = await call(admin, 'PUT', '/v1/jobseekers/AFTER', sampleJobseeker('AFTER'));
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    const erased = await call(admin, 'POST', '/v1/jobseekers/bulk-delete', { ids: acknowledged.slice(0, 100) });
    expect(erased.body).toEqual({ removed: 100, notFound: [] });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the audit retry
    expect((await call(service.url, 'GET', '/health')).body.status).toBe('ok');
    const trail = await call(admin, 'GET', '/v1/audit?limit=1000');
    expect(trail.body.entries.filter((e: { status: number }) => e.status === 507).length).toBeGreaterThan(0); // refusals were audited too
  });
});
