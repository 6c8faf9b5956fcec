import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, spawnService } from '../helpers/process.js';
import { CURATED_TEST_TAXONOMY, removeDir, sampleJobseeker, sampleVacancy, tempDir } from '../helpers/service.js';

/**
 * docs/operations/upgrade.md, *Rolling restart of the workers*: with two workers, each is ended in
 * turn with SIGTERM while clients keep matching and writing; the primary starts a successor in its
 * slot, and no request fails meanwhile.
 */
function fresh(url: string, key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${url}${path}`, { method, agent: false, headers: { authorization: `Bearer ${key}`, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    // An answer that never comes is a failure too (a connection handed to a worker as it closes).
    req.setTimeout(20_000, () => req.destroy(new Error('no answer in 20 s')));
    req.end(payload);
  });
}

/** The workers that said they are ready, in order: pid and role. */
const readyWorkers = (output: string[]) => [...output.join('').matchAll(/\(worker (\d+), (maintainer|follower)\)/g)].map((m) => ({ pid: Number(m[1]), role: m[2]! }));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(check: () => boolean, what: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rolling restart of the workers (docs/operations/upgrade.md)', () => {
  it('each worker ended with SIGTERM in turn is replaced; matches and writes meanwhile all succeed', async () => {
    const dataDir = tempDir();
    // The small curated taxonomy: four worker starts, each reading its taxonomy (ESCO: ~5 s of CPU each).
    const service = await spawnService({ ...CURATED_TEST_TAXONOMY, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_WORKERS: '2', KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '1000000' });
    const { child, url, output } = service;
    try {
      await until(() => readyWorkers(output).length === 2, 'both workers');
      const key = readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim();
      expect((await fresh(url, key, 'PUT', '/v1/jobseekers/ROLL-J', sampleJobseeker('ROLL-J'))).status).toBe(201);
      expect((await fresh(url, key, 'PUT', '/v1/vacancies/ROLL-V', sampleVacancy('ROLL-V'))).status).toBe(201);

      // Clients keep going through the restarts: a match and a write, each on a connection of its own.
      const t0 = Date.now();
      const statuses: (number | string)[] = [];
      const written: string[] = [];
      let going = true;
      const client = async (n: number) => {
        for (let i = 0; going; i++) {
          const id = `ROLL-${n}-${i}`;
          for (const [method, path, body] of [
            ['GET', '/v1/jobseekers/ROLL-J/matches?k=5', undefined],
            ['PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id)],
          ] as const) {
            const r = await fresh(url, key, method, path, body).catch((e: Error) => ({ status: `${method} ${path}: ${e.message}`, body: undefined }));
            statuses.push(r.status);
            if (r.status !== 200 && r.status !== 201) console.log(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)} at ${Date.now() - t0} ms`);
            if (method === 'PUT' && r.status === 201) written.push(id);
          }
        }
      };
      const clients = [client(1), client(2)];

      const note = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what} (${statuses.length} requests so far)`);
      for (const worker of readyWorkers(output).slice(0, 2)) {
        const before = readyWorkers(output).length;
        note(`SIGTERM to ${worker.role} ${worker.pid}`);
        process.kill(worker.pid, 'SIGTERM');
        await until(() => !alive(worker.pid), `worker ${worker.pid} to exit`);
        note(`${worker.pid} exited`);
        await until(() => readyWorkers(output).length > before, `a successor of the ${worker.role}`);
        note(`successor ready`);
        expect(readyWorkers(output).at(-1)!.role).toBe(worker.role);
        expect(output.join('')).toContain(`worker ${worker.pid} (${worker.role}) ended (exit 0): starting another`);
        await new Promise((r) => setTimeout(r, 500)); // the successor takes connections
      }
      going = false;
      await Promise.all(clients);
      note('clients done');

      const failed = statuses.filter((s) => s !== 200 && s !== 201);
      expect(failed, `${failed.length} of ${statuses.length} requests failed`).toEqual([]);
      expect(statuses.length).toBeGreaterThan(20);
      console.log(`rolling restart: ${statuses.length} requests during it, none failed`);
      // Every write acknowledged during the restarts is there, and matched from every worker.
      for (const id of written.slice(-5)) expect((await fresh(url, key, 'GET', `/v1/jobseekers/${id}`)).status).toBe(200);
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      removeDir(dataDir);
    }
  }, 300_000);
});
