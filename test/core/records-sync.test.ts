import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { HnswVectorIndex } from '../../src/adapters/hnsw/hnsw-index.js';
import { DEFAULT_HNSW } from '../../src/config.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import { SqliteTrainingStore } from '../../src/adapters/sqlite/training-store.js';
import { vacancyKind } from '../../src/core/kinds.js';
import { RecordService } from '../../src/core/records.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';
import { tempDir } from '../helpers/files.js';
import { systemClock } from '../../src/runtime/clock.js';

const embedder = new LexicalEmbedder(64);

/** One worker process's view: its own SQLite connection, HNSW index and caches over the shared file. */
function worker(file: string) {
  const db = openDatabase(file);
  const store = new SqliteRecordStore<any>(db, 'vacancies');
  const index = HnswVectorIndex.create(embedder.dimension, DEFAULT_HNSW);
  const service = new RecordService(vacancyKind, store, index, embedder, { maxBatch: 100, areaCacheVectors: 1000, recordCacheBytes: 1 << 20, now: systemClock });
  return { db, store, index, service };
}

const vacancy = (id: string, title: string, municipality: string): Vacancy =>
  vacancyInput.parse({ id, title, description: `${title}: työ ${municipality}`, skills: ['asiakaspalvelu'], municipality });

describe('RecordService.sync: worker processes on one SQLite file follow each other through the change log', () => {
  it('applies the other worker\'s creates, moves and deletes to its index, caches and areas', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const a = worker(file);
    const b = worker(file);
    const labelOf = (id: string) => a.store.labelAndVector(id, embedder.id)!.label;

    await a.service.create(vacancy('V1', 'kokki', '837'));
    await a.service.create(vacancy('V2', 'tarjoilija', '837'));
    expect((await b.service.sync())).toBe(2);
    expect(b.index.size).toBe(2);
    expect((await b.service.sync())).toBe(0); // nothing new
    const tampere = { municipalities: ['837'] };
    expect(b.service.areas.vectorsIn(tampere).labels.length).toBe(2); // cached from here on
    expect(b.service.cache.byLabels([labelOf('V1')]).get(labelOf('V1'))!.title).toBe('kokki');

    // V1 moves to Helsinki under a new title; V2 is deleted.
    await a.service.put(vacancy('V1', 'pizzakokki', '091'));
    (await a.service.remove('V2'));
    expect((await b.service.sync())).toBe(2);
    expect(b.service.cache.byLabels([labelOf('V1')]).get(labelOf('V1'))!.title).toBe('pizzakokki');
    expect(b.service.areas.labelsIn(tampere)).toEqual([]);
    expect(b.service.areas.labelsIn({ municipalities: ['091'] })).toEqual([labelOf('V1')]);
    expect(b.index.size).toBe(1);
    const [query] = await embedder.embed(['pizzakokki']);
    expect(b.index.search(query!, 1)[0]!.label).toBe(labelOf('V1'));

    // A write of its own needs no catching up afterwards; the other worker catches up on it.
    await b.service.create(vacancy('V3', 'siivooja', '837'));
    expect((await b.service.sync())).toBe(0);
    expect(b.service.reflects).toBe((await b.store.generation()));
    expect((await a.service.sync())).toBe(1);
    expect(a.index.size).toBe(2);

    // A worker whose position the log no longer reaches must open its index again.
    await a.service.create(vacancy('V4', 'vartija', '837'));
    a.store.pruneChanges((await a.store.generation()));
    expect((await b.service.sync())).toBeUndefined();
    a.db.close();
    b.db.close();
  });

  it("runs one process's writes of a kind one after another: concurrent moves leave the index, caches and areas as the store has it", async () => {
    const a = worker(join(tempDir(), 'k.sqlite'));
    await a.service.putMany([vacancy('V1', 'kokki', '837'), vacancy('V2', 'kokki', '837')]);
    const tampere = { municipalities: ['837'] };
    const helsinki = { municipalities: ['091'] };
    expect(a.service.areas.vectorsIn(tampere).labels).toHaveLength(2); // cached: patched by each write from here on
    const generation = await a.store.generation();
    // Twenty writes at once, each moving V1 or V2 between the two places and retitling it (and one deletion):
    // each reads what is stored, writes and patches the caches without another write of the process between.
    const moves = Array.from({ length: 20 }, (_, i) => a.service.put(vacancy(i % 2 ? 'V1' : 'V2', `kokki ${i}`, i % 4 < 2 ? '091' : '837')));
    await Promise.all([...moves, a.service.removeMany(['V2'])]);
    expect(await a.store.generation()).toBe(generation + 21); // one generation per write: none merged, none lost
    const stored = await a.store.list({ limit: 10 });
    const placed = (m: string) => stored.filter((v) => v.municipality === m).map((v) => a.store.labelAndVector(v.id, embedder.id)!.label).sort();
    expect(a.service.areas.labelsIn(tampere).sort()).toEqual(placed('837'));
    expect(a.service.areas.labelsIn(helsinki).sort()).toEqual(placed('091'));
    expect(a.index.size).toBe(stored.length);
    for (const v of stored) expect((await a.service.withVector(v.id)).record.title).toBe(v.title);
    expect(await a.service.sync()).toBe(0); // its own writes need no catching up
    a.db.close();
  });

  it('keeps the change log for a while after an index file covers it, then forgets it', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const a = worker(file);
    await a.service.create(vacancy('V1', 'kokki', '837'));
    const generation = (await a.store.generation());
    a.store.pruneChanges(generation, Math.floor(Date.now() / 1000) - 600); // logged just now: kept
    expect((await a.store.changedSince(generation - 1))).toHaveLength(1);
    a.store.pruneChanges(generation, Math.floor(Date.now() / 1000) + 1);
    expect((await a.store.changedSince(generation - 1))).toBeUndefined();
    a.db.close();
  });

  it('answers a record asked for again by id from its caches, and never with one written since', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const a = worker(file);
    const b = worker(file);
    let reads = 0;
    const read = b.store.labelAndVector.bind(b.store);
    b.store.labelAndVector = (id: string, embedderId: string) => (reads++, read(id, embedderId));
    const labelOf = (id: string) => a.store.labelAndVector(id, embedder.id)!.label;

    await a.service.create(vacancy('V1', 'kokki', '837'));
    (await b.service.sync());
    expect((await b.service.withVector('V1')).record.title).toBe('kokki');
    const again = await b.service.withVector('V1');
    expect(reads).toBe(1); // the second time: the record cache and the index
    expect(again.vector).toEqual(b.index.vectorOf(labelOf('V1')));
    expect(b.service.municipalityOf('V1')).toBe('837');

    // Changed by the other worker: the new record and vector once the change log is read.
    await a.service.put(vacancy('V1', 'pizzakokki', '091'));
    (await b.service.sync());
    const changed = await b.service.withVector('V1');
    expect(changed.record.title).toBe('pizzakokki');
    expect(b.service.municipalityOf('V1')).toBe('091');
    const [expected] = await embedder.embed([vacancyKind.documentText(changed.record)]);
    expect(changed.vector[0]).toBeCloseTo(expected![0]!, 6);

    // Deleted and created again under a new label: the remembered label is no longer trusted.
    (await a.service.remove('V1'));
    await a.service.create(vacancy('V2', 'siivooja', '837'));
    await a.service.create(vacancy('V1', 'kokki', '853'));
    (await b.service.sync());
    const recreated = await b.service.withVector('V1');
    expect(recreated.label).toBe(labelOf('V1'));
    expect(recreated.record.municipality).toBe('853');

    // Deleted (an erasure): no worker keeps the id in memory, whether it deleted it or read the change log.
    const remembers = (w: { service: unknown }, id: string) => (w.service as { labelsById: Map<string, number> }).labelsById.has(id);
    await a.service.withVector('V1');
    expect([remembers(a, 'V1'), remembers(b, 'V1')]).toEqual([true, true]);
    (await a.service.remove('V1'));
    (await b.service.sync());
    expect([remembers(a, 'V1'), remembers(b, 'V1')]).toEqual([false, false]);
    await expect(b.service.withVector('V1')).rejects.toThrow(/V1/);
    expect(b.service.municipalityOf('V1')).toBeUndefined();
    a.db.close();
    b.db.close();
  });

  it('gives the training catalogue a generation that every write moves on', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const trainings = new SqliteTrainingStore(db);
    const start = await trainings.generation();
    const training = { id: 'T1', normalized: { skills: [] }, updatedAt: 'now' } as never;
    await trainings.saveAll([training], 'd1');
    expect(await trainings.generation()).toBe(start + 1);
    expect(await trainings.remove('T1')).toBe(true);
    expect(await trainings.remove('T1')).toBe(false);
    expect(await trainings.generation()).toBe(start + 2);
    db.close();
  });
});
