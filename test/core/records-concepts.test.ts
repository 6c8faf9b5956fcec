import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import type { ConceptIndex } from '../../src/core/concept-index.js';
import { vacancyKind } from '../../src/core/kinds.js';
import { conceptsOf } from '../../src/core/record-concepts.js';
import { RecordService } from '../../src/core/records.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';
import { systemClock } from '../../src/runtime/clock.js';
import { tempDir } from '../helpers/files.js';

const embedder = new LexicalEmbedder(64);
const TITLES = ['kokki', 'tarjoilija', 'hitsaaja', 'siivooja', 'myyjä', 'lähihoitaja', 'varastotyöntekijä'];
const PLACES = ['837', '091', '564', '398'];

/** What the taxonomy would derive, made up per title: an occupation with its ISCO group and two essential skills. */
const derive = {
  id: 'test-derivation',
  run: async (v: Vacancy) => {
    const n = TITLES.indexOf(v.title);
    return { normalized: { occupation: { uri: `occ:${n}`, isco: String(5000 + (n % 3)) }, essential: [{ uri: `skill:${n}` }, { uri: `skill:${(n + 1) % TITLES.length}` }], optional: [] } };
  },
};

/** One worker's RecordService of vacancies over a SQLite file (its own connection). */
function worker(file: string, conceptWaitMs?: number) {
  const db = openDatabase(file);
  const store = new SqliteRecordStore<any>(db, 'vacancies');
  const service = new RecordService(vacancyKind, store, new ExactIndex(), embedder, {
    maxBatch: 5000,
    now: systemClock,
    derive,
    ...(conceptWaitMs === undefined ? {} : { conceptWaitMs }),
  });
  return { db, store, service };
}

/** 2,600 vacancies (three chunks of the fill), one in ten remote, one in nine closed (not matchable). */
const vacancies = Array.from({ length: 2600 }, (_, i) =>
  vacancyInput.parse({
    id: `V${i}`,
    title: TITLES[i % TITLES.length],
    description: 'Työ alkaa heti.',
    skills: ['asiakaspalvelu'],
    municipality: PLACES[i % PLACES.length],
    remote: i % 10 === 0,
    ...(i % 9 === 0 ? { status: 'closed' } : {}),
  }),
);

const QUERIES = [
  { occupations: [{ uri: 'occ:2', isco: '5002' }], skills: ['skill:3'] },
  { occupations: [], skills: ['skill:5', 'skill:0'] },
  { occupations: [{ isco: '5001' }], skills: [] },
];
const searches = (index: ConceptIndex) => QUERIES.map((q) => index.search(q, 5000, { near: ['*', ...PLACES] }).map((h) => `${h.label}:${h.score}`));

/** The vacancies written through a RecordService into a data file, once for the file's tests. */
let original: Promise<string> | undefined;
const writeOriginal = async () => {
  const file = join(tempDir(), 'k.sqlite');
  const { db, service } = worker(file);
  await service.putMany(vacancies);
  db.close(); // the last connection: its write-ahead log is checkpointed into the file
  return file;
};
/** A data file holding the vacancies: a copy of the one written through a RecordService (each test changes its own). */
async function written(): Promise<string> {
  original ??= writeOriginal();
  const file = join(tempDir(), 'k.sqlite');
  copyFileSync(await original, file);
  return file;
}

/** Counts the records a store reads by label (each one parsed). */
function countingReads(store: SqliteRecordStore<any>) {
  const read = { records: 0 };
  const getByLabels = store.getByLabels.bind(store);
  store.getByLabels = (labels: number[]) => {
    read.records += labels.length;
    return getByLabels(labels);
  };
  return read;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("a record's concepts, kept beside it (schema step 28)", () => {
  it('are stored by every write as the record gives them, and a worker fills its concept index from them without reading a record', async () => {
    const file = await written();
    const { db, store, service } = worker(file);
    const rows = db.prepare<[], { label: number; record: string }>('SELECT label, record FROM vacancies').all();
    const kept = new Map(store.conceptsByLabels(rows.map((r) => r.label)).map((k) => [k.label, k.concepts]));
    for (const row of rows) expect(kept.get(row.label)).toEqual(conceptsOf(vacancyKind, JSON.parse(row.record)));
    expect(kept.get(rows.find((r) => JSON.parse(r.record).remote)!.label)!.place).toBe('*');

    const read = countingReads(store);
    await service.fillConcepts();
    expect(read.records).toBe(0);
    // The same index as one filled from the records themselves (another worker whose rows lack the column).
    const other = worker(file);
    other.db.prepare('UPDATE vacancies SET concepts = NULL').run();
    const readOther = countingReads(other.store);
    await other.service.fillConcepts();
    expect(readOther.records).toBe(service.concepts.size);
    expect(service.concepts.size).toBe(vacancies.filter((v) => v.status !== 'closed').length);
    expect(searches(service.concepts)).toEqual(searches(other.service.concepts));
    expect(searches(service.concepts)[0]!.length).toBeGreaterThan(100);
  });

  it("are written again with the record: a changed occupation is filed under the new one when the next worker fills its index", async () => {
    const file = await written();
    const a = worker(file);
    const changed = vacancies.find((v) => v.title === 'kokki' && v.status !== 'closed')!;
    await a.service.put({ ...changed, title: 'hitsaaja' });
    const b = worker(file);
    await b.service.fillConcepts();
    const label = b.store.labelAndVector(changed.id, embedder.id)!.label;
    const welders = b.service.concepts.search({ occupations: [{ uri: `occ:${TITLES.indexOf('hitsaaja')}` }], skills: [] }, 5000).map((h) => h.label);
    const cooks = b.service.concepts.search({ occupations: [{ uri: 'occ:0' }], skills: [] }, 5000).map((h) => h.label);
    expect(welders).toContain(label);
    expect(cooks).not.toContain(label);
  });
});

describe('a match meeting a concept index still being filled (conceptsReady)', () => {
  /** A background fill whose pauses between chunks end only when released. */
  function gatedFill(service: RecordService<Vacancy>) {
    const waiting: (() => void)[] = [];
    let pauses = 0;
    const filling = service.fillConcepts(() => {
      pauses++;
      return new Promise<void>((resolve) => waiting.push(resolve));
    });
    return { filling, pauses: () => pauses, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
  }

  it('waits for the fill under way, never reading the rest in its own turn, and then has every record', async () => {
    const file = await written();
    const { store, service } = worker(file, 10_000);
    const read = countingReads(store);
    const gate = gatedFill(service);
    expect(gate.pauses()).toBe(1); // one chunk of three read, then the fill pauses
    let ready = false;
    const waiting = service.conceptsReady().then(() => (ready = true));
    for (let i = 0; i < 20; i++) await nextTurn();
    expect(ready).toBe(false);
    expect(service.conceptsFilled).toBe(false);
    expect(gate.pauses()).toBe(1); // the waiting request read nothing of the rest
    while (!ready) {
      gate.release();
      await nextTurn();
    }
    await waiting;
    await gate.filling;
    expect(gate.pauses()).toBe(2);
    expect(service.conceptsFilled).toBe(true);
    expect(service.concepts.size).toBe(vacancies.filter((v) => v.status !== 'closed').length);
    expect(read.records).toBe(0);
  });

  it('answers 503 with how far the fill is when it is not done in time, and is ready once it is', async () => {
    const file = await written();
    const { service } = worker(file, 30);
    const gate = gatedFill(service);
    const error = await service.conceptsReady().then(
      () => undefined,
      (e: { code?: string; message: string; retryAfterSeconds?: number }) => e,
    );
    expect(error).toMatchObject({ code: 'index_unavailable', retryAfterSeconds: 2 });
    expect(error!.message).toMatch(/^the vacancy concept index is being filled from the database \(4\d % of 2311 records\)/);
    while (!service.conceptsFilled) {
      gate.release();
      await nextTurn();
    }
    await expect(service.conceptsReady()).resolves.toBeUndefined();
  });

  it('with no fill under way, fills the index in turns itself (a worker that started none)', async () => {
    const file = await written();
    const { service } = worker(file, 10_000);
    let turns = 0;
    let ready = false;
    const waiting = service.conceptsReady().then(() => (ready = true));
    while (!ready) {
      await nextTurn();
      turns++;
    }
    await waiting;
    expect(turns).toBeGreaterThanOrEqual(2); // three chunks, the event loop free between them
    expect(service.concepts.size).toBe(vacancies.filter((v) => v.status !== 'closed').length);
  });
});
