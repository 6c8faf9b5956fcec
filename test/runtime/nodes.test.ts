import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { jobseekerInput } from '../../src/core/jobseekers/schema.js';
import { vacancyInput } from '../../src/core/vacancies/schema.js';
import { compose, type Services } from '../../src/runtime/compose.js';
import { freshDatabase } from '../helpers/postgres.js';
import { removeDir, sampleJobseeker, sampleVacancy, tempDir } from '../helpers/service.js';

const quiet = { info: () => undefined, warn: () => undefined };

/** Two service nodes (two compositions, each with its own data directory) on one PostgreSQL database. */
describe('service nodes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const nodes: { services: Services; dataDir: string }[] = [];
  const node = async (secretFrom?: string) => {
    const dataDir = tempDir();
    if (secretFrom) copyFileSync(join(secretFrom, 'kohtaanto.secret'), join(dataDir, 'kohtaanto.secret'));
    const config = loadConfig({ KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_DATABASE: database.url, KOHTAANTO_EMBEDDER: 'lexical', KOHTAANTO_SEED_FIXTURES: 'false' });
    const services = await compose(config, quiet);
    await services.ready;
    nodes.push({ services, dataDir });
    return services;
  };
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    for (const n of nodes) {
      await n.services.close();
      removeDir(n.dataDir);
    }
    await database.drop();
  });

  it('matches on one node a vacancy another node wrote, within one second, after matching warmed its caches', async () => {
    const a = await node();
    const b = await node(nodes[0]!.dataDir);
    await a.jobseekers.create(jobseekerInput.parse(sampleJobseeker('J1')));
    await a.vacancies.create(vacancyInput.parse(sampleVacancy('V0')));
    const matched = async () => (await a.matcher.vacanciesForJobseeker('J1', { k: 5, lang: 'fi' })).map((h) => h.id).sort();
    expect(await matched()).toEqual(['V0']); // caches and indexes warm on node a
    // Another employer's vacancy (the same text would be a repeat of V0, linked to it and not matched on its own).
    await b.vacancies.create(vacancyInput.parse(sampleVacancy('V1', { employer: 'Hitsaamo Oy', description: 'Hitsaamo hakee MIG-hitsaajaa pienten sarjojen tuotantoon Tampereelle.' })));
    const started = Date.now();
    let seen: string[] = [];
    while (Date.now() - started < 1000 && !seen.includes('V1')) {
      seen = await matched();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toEqual(['V0', 'V1']);
    expect(Date.now() - started).toBeLessThan(1000);
    // A removal on node a leaves node b's matches too.
    await a.vacancies.remove('V0');
    const removedAt = Date.now();
    let onB: string[] = ['V0'];
    while (Date.now() - removedAt < 1000 && onB.includes('V0')) {
      onB = (await b.matcher.vacanciesForJobseeker('J1', { k: 5, lang: 'fi' })).map((h) => h.id);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(onB).toEqual(['V1']);
  });

  it('runs the jobs on the data of record (expiry, retention) on one node at a time, on the other once it stops', async () => {
    const [a, b] = [nodes[0]!.services, nodes[1]!.services];
    const until = async (done: () => boolean) => {
      const started = Date.now();
      while (!done() && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
    };
    await until(() => a.leads() || b.leads());
    expect([a.leads(), b.leads()].filter(Boolean)).toHaveLength(1);
    const [leader, other] = a.leads() ? [a, b] : [b, a];
    await leader.close();
    await until(() => other.leads());
    expect(other.leads()).toBe(true);
  });
});
