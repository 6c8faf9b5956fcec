import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteTrainingStore } from '../../src/adapters/sqlite/training-store.js';
import { TrainingCatalogue } from '../../src/core/trainings.js';
import { trainingInput } from '../../src/core/trainings/schema.js';
import type { SkillNormalizer } from '../../src/core/taxonomy/normalizer.js';
import { TIG, curatedNormalizer } from '../helpers/taxonomy.js';

const HOT_WORK = 'urn:kohtaanto:skill:hotWork';
let normalizer: SkillNormalizer;
beforeAll(async () => {
  normalizer = await curatedNormalizer();
});

const course = (id: string, fields: Record<string, unknown> = {}) =>
  trainingInput.parse({ id, title: `Kurssi ${id}`, description: 'Kurssi.', provider: 'Tredu', municipality: 'Tampere', durationDays: 5, cost: 300, skills: ['TIG-hitsaus'], ...fields });

/** The training catalogue over the SQLite store (a file shared by two catalogues, as by two workers), on a clock the test moves. */
async function open(file = join(mkdtempSync(join(tmpdir(), 'kohtaanto-trainings-')), 'k.sqlite')) {
  let now = new Date('2026-12-06T10:00:00Z');
  const catalogue = await TrainingCatalogue.open(new SqliteTrainingStore(openDatabase(file)), normalizer, 3, () => now);
  return { catalogue, file, later: () => (now = new Date(now.getTime() + 3_600_000)) };
}

describe('TrainingCatalogue', () => {
  it('stores trainings with the skills they teach as concepts and the place as a code, and finds them by skill', async () => {
    const { catalogue } = await open();
    expect(await catalogue.putMany([course('T-1'), course('T-2', { skills: ['tulityökortti'] })])).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const t1 = catalogue.get('T-1');
    expect(t1).toMatchObject({ municipality: '837', region: '06', createdAt: '2026-12-06T10:00:00.000Z', updatedAt: '2026-12-06T10:00:00.000Z' });
    expect(t1.normalized.skills.map((s) => s.uri)).toEqual([TIG]);
    expect(catalogue.teaching(TIG).map((t) => t.id)).toEqual(['T-1']);
    expect(catalogue.teaching(HOT_WORK).map((t) => t.id)).toEqual(['T-2']);
    expect(catalogue.list().map((t) => t.id)).toEqual(['T-1', 'T-2']);
    expect(catalogue.count()).toBe(2);
  });

  it('leaves a training sent again unchanged as it is, and moves a changed one to the skills it now teaches, keeping its creation time', async () => {
    const { catalogue, later } = await open();
    await catalogue.putMany([course('T-1')]);
    later();
    expect(await catalogue.putMany([course('T-1', { municipality: '837' })])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(catalogue.get('T-1').updatedAt).toBe('2026-12-06T10:00:00.000Z');
    expect(await catalogue.put(course('T-1', { skills: ['tulityökortti'] }))).toMatchObject({ created: false, training: { createdAt: '2026-12-06T10:00:00.000Z', updatedAt: '2026-12-06T11:00:00.000Z' } });
    expect(catalogue.teaching(TIG)).toEqual([]);
    expect(catalogue.teaching(HOT_WORK).map((t) => t.id)).toEqual(['T-1']);
  });

  it('removes a training, answers not found for an unknown one, and refuses a batch over its limit', async () => {
    const { catalogue } = await open();
    await catalogue.putMany([course('T-1')]);
    await catalogue.remove('T-1');
    expect(catalogue.teaching(TIG)).toEqual([]);
    expect(() => catalogue.get('T-1')).toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(catalogue.remove('T-1')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(catalogue.putMany(['A', 'B', 'C', 'D'].map((id) => course(id)))).rejects.toMatchObject({ code: 'too_many_records' });
    expect(catalogue.count()).toBe(0);
  });

  it("reads the catalogue again when another process changed it, and not otherwise", async () => {
    const first = await open();
    const second = await open(first.file);
    await first.catalogue.putMany([course('T-1')]);
    expect(second.catalogue.count()).toBe(0);
    expect(await second.catalogue.sync()).toBe(true);
    expect(second.catalogue.teaching(TIG).map((t) => t.id)).toEqual(['T-1']);
    expect(await second.catalogue.sync()).toBe(false);
    expect(await first.catalogue.sync()).toBe(false);
    // A write of its own after another process's: the other's is still read at the next sync.
    await first.catalogue.putMany([course('T-2')]);
    await second.catalogue.putMany([course('T-3')]);
    expect(await second.catalogue.sync()).toBe(true);
    expect(second.catalogue.list().map((t) => t.id)).toEqual(['T-1', 'T-2', 'T-3']);
  });
});
