import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, openSync, readdirSync, readSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { call, removeDir, ROOT, sampleJobseeker, startService, tempDir, type RunningService } from '../helpers/service.js';

/**
 * Issue 34, item 1: backup while serving and writing, restore into a stopped data directory — the
 * CLI commands as an operator runs them (`npm run backup` / `npm run restore` run these files), on
 * the real service, SQLite file and index files.
 */
const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = (script: string, args: string[], dataDir: string) =>
  run(TSX, [join(ROOT, 'src', 'cli', script), ...args], { cwd: ROOT, env: { ...process.env, KOHTAANTO_DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const dirs: string[] = [];
const fresh = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
let services: RunningService[] = [];
afterAll(async () => {
  for (const s of services) await s.stop();
  for (const d of dirs) removeDir(d);
});

describe('backup and restore (issue 34)', () => {
  it('a backup taken under a write load holds every write acknowledged before it began, whole; the restored service serves them', async () => {
    // Three writers as fast as the machine lets them: far over the per-key rate limit on a fast machine.
    const service = await startService({ env: { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '1000000' } });
    services.push(service);
    dirs.push(service.dataDir);
    const counsellor = service.as('counsellor');
    const acknowledged = new Map<string, number>(); // id → when its 201 arrived
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const id = `W-${String(n++).padStart(5, '0')}`;
        const r = await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, { ...sampleJobseeker(id), summary: `Hitsaaja ${id}: MIG-hitsaus ja piirustusten lukeminen.` });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        acknowledged.set(id, Date.now());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const writers = [writer(), writer(), writer()];
    while (acknowledged.size < 30) await new Promise((r) => setTimeout(r, 50));
    const target = join(fresh('kohtaanto-backup-'), 'snapshot');
    const began = Date.now();
    const made = await cli('backup.ts', [target, '--indexes'], service.dataDir);
    expect(made.code, made.stderr).toBe(0);
    const during = [...acknowledged.values()].filter((t) => t > began).length;
    writing = false;
    await Promise.all(writers);
    const before = [...acknowledged].filter(([, t]) => t < began).map(([id]) => id);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(readdirSync(target).sort()).toEqual(expect.arrayContaining(['kohtaanto.secret', 'kohtaanto.sqlite', 'manifest.json']));

    const restoredDir = fresh('kohtaanto-restored-');
    const restored = await cli('restore.ts', [target], restoredDir);
    expect(restored.code, restored.stderr).toBe(0);
    const again = await startService({ dataDir: restoredDir, env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
    services.push(again);
    const admin = again.as('admin');
    for (const id of before) {
      const r = await call(admin, 'GET', `/v1/jobseekers/${id}`);
      expect(r.status, id).toBe(200);
      expect(r.body.summary).toBe(`Hitsaaja ${id}: MIG-hitsaus ja piirustusten lukeminen.`);
    }
    // What the snapshot holds is whole: every stored client is found by matching too (record, vector and index agree).
    const listed = await call(admin, 'GET', '/v1/jobseekers?limit=500');
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((j: { id: string }) => j.id) as string[];
    expect(ids).toEqual(expect.arrayContaining(before));
    for (const id of ids) expect(acknowledged.has(id) || !id.startsWith('W-'), id).toBe(true);
    const candidates = await call(admin, 'POST', '/v1/match', { text: 'hitsaaja MIG-hitsaus', target: 'jobseekers', k: 5 });
    expect(candidates.status).toBe(200);
    expect(candidates.body.hits.length).toBeGreaterThan(0);
    expect(during).toBeGreaterThanOrEqual(0); // writes went on while the backup ran (reported, not required: the machine decides)
  }, 240_000);

  it('refuses a damaged backup and a running service, and changes nothing then', async () => {
    const service = services[0]!;
    const target = join(fresh('kohtaanto-backup-'), 'snapshot');
    expect((await cli('backup.ts', [target], service.dataDir)).code).toBe(0);
    // A backup into a directory that is not empty is refused.
    const notEmpty = await cli('backup.ts', [target], service.dataDir);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/not empty/);

    const damaged = join(fresh('kohtaanto-damaged-'), 'snapshot');
    cpSync(target, damaged, { recursive: true });
    const file = join(damaged, 'kohtaanto.sqlite');
    const fd = openSync(file, 'r+');
    const at = Math.floor(statSync(file).size / 2);
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([byte[0]! ^ 0xff]), 0, 1, at);
    closeSync(fd);
    const into = fresh('kohtaanto-untouched-');
    writeFileSync(join(into, 'kohtaanto.sqlite'), 'the data that was here');
    const refused = await cli('restore.ts', [damaged], into);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/kohtaanto\.sqlite does not match its checksum/);
    expect(readdirSync(into)).toEqual(['kohtaanto.sqlite']);

    // A service running on the directory (another live process holds its lock).
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(into, 'kohtaanto.lock'), String(sleeper.pid));
      const busy = await cli('restore.ts', [target], into);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/in use by process/);
      expect(readdirSync(into).sort()).toEqual(['kohtaanto.lock', 'kohtaanto.sqlite']);
    } finally {
      sleeper.kill();
    }
    expect(existsSync(join(into, 'before-restore'))).toBe(false);
    const usage = await cli('restore.ts', [], into);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: npm run restore/);
  }, 240_000);
});
