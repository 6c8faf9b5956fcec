import { recordSearch } from '../../../src/core/record-search.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../../../src/adapters/memory/record-store.js';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../../src/adapters/sqlite/record-store.js';
import type { LocalRecordReads, RecordStore } from '../../../src/core/ports.js';
import { tempDir } from '../../helpers/files.js';

interface R {
  id: string;
  municipality: string;
  region: string;
  updatedAt: string;
  expiresAt?: string;
}
const record = (id: string, municipality = '091', region = '01', expiresAt?: string): R => ({ id, municipality, region, updatedAt: 'now', ...(expiresAt ? { expiresAt } : {}) });
const entry = (r: R, v = 1, matchable = true, embedder = 'e1') => ({ record: r, vector: Float32Array.from([v, 0, 0]), textHash: `h${v}`, embedder, derivedBy: 'd1', matchable });

/** One scenario through a RecordStore: everything a caller can observe, in order. */
async function scenario(store: RecordStore<R> & LocalRecordReads<R>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const g0 = (await store.generation());
  const [a, b] = (await store.saveAll([entry(record('a')), entry(record('b', '837', '06', '2026-01-01'))]));
  (await store.saveAll([entry(record('c', '837', '06'), 3, false), entry(record('d', '091', '01'), 4, true, 'e2')]));
  seen.push((await store.count()), (await store.get('a')), (await store.versionOf('a')), store.municipalityOf('b'));
  const [a2] = (await store.saveAll([entry(record('a', '837', '06'), 2)]));
  seen.push(a2!.label === a!.label, (await store.get('a')), (await store.versionOf('a')));
  seen.push(Array.from((await store.vectorOf('a', 'e1'))!.vector), (await store.vectorOf('a', 'e2')), store.labelAndVector('d', 'e1'));
  seen.push((await store.list({ limit: 10 })).map((r) => r.id), (await store.list({ limit: 10, municipality: '837' })).map((r) => r.id), (await store.list({ limit: 1, after: 'a' })).map((r) => r.id));
  seen.push((await store.list({ limit: 10, search: recordSearch('B') })).map((r) => r.id));
  seen.push(store.matchableLabels({}, 'e1'), store.matchableLabels({ municipalities: ['837'] }, 'e1'), store.matchableLabels({ regions: ['01'] }, 'e2'));
  seen.push([...store.matchableVectorsOf([a!.label, b!.label], 'e1').keys()], (await store.expiredIds('2026-06-01')), (await store.staleRecords('e1', 'd1', 10)).map((r) => r.id));
  const removed = (await store.removeAll(['b', 'missing']));
  seen.push(removed.labels.length === 1 && removed.labels[0] === b!.label, removed.removed, (await store.get('b')));
  const [e] = (await store.saveAll([entry(record('e'))]));
  seen.push(e!.label > b!.label, (await store.generation()) - g0);
  const changed = (await store.changedSince(g0 + 3))!;
  seen.push([...changed].sort((x, y) => x - y).length, (await store.changedSince((await store.generation()) + 1)));
  return seen;
}

describe('MemoryRecordStore (test double)', () => {
  it('answers a scenario exactly as the SQLite store does', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const sqlite = await scenario(new SqliteRecordStore<R>(db, 'vacancies'));
    db.close();
    const memory = await scenario(new MemoryRecordStore<R>());
    expect(JSON.parse(JSON.stringify(memory))).toEqual(JSON.parse(JSON.stringify(sqlite)));
  });
});
