import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, spawnService, type ServiceProcess } from '../helpers/process.js';
import { CURATED_TEST_TAXONOMY, removeDir, tempDir } from '../helpers/service.js';

/** One request on a connection of its own, so that node:cluster hands each to the next worker. */
function fresh(url: string, path: string, key?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent: false, headers: key ? { authorization: `Bearer ${key}` } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

const followers = (service: ServiceProcess) => [...service.output.join('').matchAll(/worker (\d+), follower\)/g)].map((m) => Number(m[1]));

async function until(check: () => boolean, what: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every line of one series (name and labels up to the value) in a scrape. */
const lines = (text: string, name: string) => text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
const valueOf = (line: string) => Number(line.slice(line.lastIndexOf(' ') + 1));

describe('GET /metrics with KOHTAANTO_WORKERS=2', () => {
  it('shows every worker\'s series in each scrape, whichever worker answers it, labelled by worker', async () => {
    const dataDir = tempDir();
    // No fixtures, the lexical embedder and the curated test taxonomy: every series is there on any data,
    // and each worker starts in a second or two instead of reading ESCO and loading the model.
    const env = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical' };
    const service = await spawnService({ ...env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_WORKERS: '2', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      await until(() => followers(service).length === 1, 'the second worker');
      const key = readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim();
      for (let i = 0; i < 10; i++) expect((await fresh(service.url, '/v1/regions', key)).status).toBe(200);
      // Four scrapes: node:cluster hands them to both workers in turn; each shows both.
      for (let i = 0; i < 4; i++) {
        const scraped = await fresh(service.url, '/metrics');
        expect(scraped.status).toBe(200);
        const text = scraped.text;
        for (const worker of ['0', '1']) {
          for (const series of ['process_resident_memory_bytes', 'kohtaanto_audit_backlog', 'kohtaanto_decision_backlog', 'kohtaanto_embedder_seconds_total']) {
            expect(lines(text, series).filter((l) => l.includes(`worker="${worker}"`)), `${series} of worker ${worker}`).toHaveLength(1);
          }
          expect(lines(text, 'kohtaanto_index_vectors').filter((l) => l.includes(`worker="${worker}"`))).toHaveLength(2);
          expect(lines(text, 'kohtaanto_changelog_lag').filter((l) => l.includes(`worker="${worker}"`))).toHaveLength(2);
        }
        // The data directory's figures once, from the maintaining worker.
        expect(lines(text, 'kohtaanto_sqlite_bytes').map((l) => l.slice(0, l.lastIndexOf(' ')))).toEqual([
          'kohtaanto_sqlite_bytes{file="database",worker="0"}',
          'kohtaanto_sqlite_bytes{file="wal",worker="0"}',
        ]);
        expect(lines(text, 'kohtaanto_sessions')).toHaveLength(2);
        // Every /v1/regions request counted once, in the worker that answered it: both answered some.
        const regions = lines(text, 'kohtaanto_http_request_duration_seconds_count').filter((l) => l.includes('route="/v1/regions"'));
        expect(regions).toHaveLength(2);
        expect(regions.map(valueOf).reduce((a, b) => a + b, 0)).toBe(10);
        // One HELP and TYPE per family (a valid exposition: the workers' families merged, not repeated).
        expect(text.match(/^# TYPE kohtaanto_index_vectors /gm)).toHaveLength(1);
      }
    } finally {
      service.child.kill('SIGTERM');
      await exitOf(service.child);
      removeDir(dataDir);
    }
  }, 240_000);
});
