import { describe, expect, it } from 'vitest';
import { PostgresOversightSource } from '../../../src/adapters/postgres/oversight-source.js';
import { SqliteOversightSource } from '../../../src/adapters/sqlite/oversight-source.js';
import { ENGINES, type TestDatabase } from './engines.js';
import { storeRecord } from './records.js';

const source = (db: TestDatabase) => (db.sqlite ? new SqliteOversightSource(db.sqlite) : new PostgresOversightSource(db.pool!));

async function fill(db: TestDatabase) {
  await storeRecord(db, 'jobseekers', 'J1', '837', { birthYear: 1970, gender: 'f', motherTongue: 'fi', unemployedSince: '2024-01-01' });
  await storeRecord(db, 'jobseekers', 'J2', '905', { birthYear: 1999, motherTongue: 'sv', gender: null });
  await storeRecord(db, 'jobseekers', 'J3', '837', { birthYear: 1985 }, 0);
  await storeRecord(db, 'vacancies', 'V2', '837', {});
  await storeRecord(db, 'vacancies', 'V1', '905', {});
  await storeRecord(db, 'vacancies', 'V3', '837', {}, 0);
}

describe.each(ENGINES)('oversight source on $name', (engine) => {
  const { current } = engine.use();

  it("reads jobseekers' group facts by id, numbers as numbers, absent facts left out", async () => {
    const db = current();
    await fill(db);
    const facts = await source(db).factsOf(['J1', 'J2', 'nobody']);
    expect([...facts.entries()].sort()).toEqual([
      ['J1', { municipality: '837', birthYear: 1970, gender: 'f', motherTongue: 'fi', unemployedSince: '2024-01-01' }],
      ['J2', { municipality: '905', birthYear: 1999, motherTongue: 'sv' }],
    ]);
  });

  it('reads the active jobseekers and open vacancies of an area (all when none named)', async () => {
    const db = current();
    await fill(db);
    const s = source(db);
    expect([...(await s.eligible(undefined))].map((f) => f.birthYear)).toEqual([1970, 1999]);
    expect([...(await s.eligible(['905']))]).toEqual([{ municipality: '905', birthYear: 1999, motherTongue: 'sv' }]);
    expect(await s.openVacancies(undefined)).toEqual(['V1', 'V2']);
    expect(await s.openVacancies(['837'])).toEqual(['V2']);
  });
});
