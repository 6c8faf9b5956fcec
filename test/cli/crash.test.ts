import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { databaseFile } from '../../src/engine.js';
import { prng } from '../../fixtures/generate.js';
import { exitOf, spawnService, type ServiceProcess } from '../helpers/process.js';
import { call, CURATED_TEST_TAXONOMY, ndjson, removeDir, sampleVacancy, tempDir } from '../helpers/service.js';

const BATCH = 400;
const ROUNDS = 4;

const batch = (round: number, n: number) =>
  Array.from({ length: BATCH }, (_, i) =>
    sampleVacancy(`C${round}-${n}-${i}`, { municipality: i % 3 ? '091' : '837', title: `hitsaaja ${round}.${n}.${i}` }),
  );

async function storedIds(caller: { url: string; key: string }): Promise<Set<string>> {
  const ids = new Set<string>();
  let after = '';
  for (;;) {
    const page = await call(caller, 'GET', `/v1/vacancies?limit=500${after ? `&after=${after}` : ''}`);
    for (const v of page.body.items as { id: string }[]) ids.add(v.id);
    if (!page.body.next) return ids;
    after = page.body.next;
  }
}

describe('crash safety: SIGKILL in the middle of bulk imports', () => {
  it('keeps every acknowledged batch, shows no half-written batch, and the index agrees with SQLite', async () => {
    const dataDir = tempDir();
    const db = openDatabase(databaseFile(dataDir));
    const { key } = await new ApiKeyStore(db).create('admin', 'crash test', 'national');
    db.close();
    // The curated test taxonomy: what a crash may cost is SQLite's and the index's, not the taxonomy's (a start
    // on ESCO reads it for ~5 s of CPU, and a bulk import normalises ~105 records/s on it).
    const env = { ...CURATED_TEST_TAXONOMY, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_WORKERS: '1' }; // one process: what a crash may cost is SQLite's (workers.test.ts kills a worker)
    const rng = prng(42);
    const acknowledged: string[][] = [];
    const inFlight: string[][] = [];
    let service: ServiceProcess | undefined;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        service = await spawnService(env);
        const caller = { url: service.url, key };
        if (round > 0) {
          // The index file is behind SQLite: loaded and caught up from the change log, not rebuilt.
          expect(service.output.join('')).toMatch(/vacancies index loaded from .* and caught up on \d+ changed records/);
        }
        // A few batches that are answered, then one that the kill interrupts at a random moment.
        const answered = 2 + Math.floor(rng.next() * 3);
        for (let n = 0; n < answered; n++) {
          const records = batch(round, n);
          const response = await call(caller, 'POST', '/v1/vacancies/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' });
          expect(response.status).toBe(200);
          acknowledged.push(records.map((r) => r.id));
        }
        const last = batch(round, answered);
        inFlight.push(last.map((r) => r.id));
        const pending = call(caller, 'POST', '/v1/vacancies/bulk', ndjson(last), { 'content-type': 'application/x-ndjson' }).catch(
          () => undefined,
        );
        // Kill points from early in the request (parsing, embedding) to after the commit.
        await new Promise((resolve) => setTimeout(resolve, [5, 40, 120, 400][round]));
        const exited = exitOf(service.child);
        service.child.kill('SIGKILL');
        await exited;
        await pending;
      }

      service = await spawnService(env);
      const caller = { url: service.url, key };
      const ids = await storedIds(caller);
      for (const ids_ of acknowledged) for (const id of ids_) expect(ids.has(id), id).toBe(true);
      const outcomes = inFlight.map((ids_) => ids_.filter((id) => ids.has(id)).length);
      for (const present of outcomes) expect([0, BATCH], 'a batch is all there or not at all').toContain(present);
      console.info(
        `crash test: ${ROUNDS} kills, ${acknowledged.length} acknowledged batches kept, interrupted batches ` +
          `committed/lost: ${outcomes.filter((n) => n === BATCH).length}/${outcomes.filter((n) => n === 0).length}`,
      );
      const health = (await call(caller, 'GET', '/v1/admin/health')).body;
      expect(health.vacancies.indexed).toBe(health.vacancies.stored);
      expect(health.vacancies.stored).toBe(ids.size);
      // The index answers with stored records only, and finds them.
      const hits = (await call(caller, 'POST', '/v1/match', { text: 'hitsaaja MIG-hitsaus', k: 200, filter: { municipality: '837' } }))
        .body.hits as { id: string; municipality: string }[];
      expect(hits.length).toBe(Math.min(200, [...ids].filter((id) => Number(id.split('-')[2]) % 3 === 0).length));
      for (const hit of hits) expect(ids.has(hit.id)).toBe(true);
    } finally {
      service?.child.kill('SIGKILL');
      removeDir(dataDir);
    }
  });
});
