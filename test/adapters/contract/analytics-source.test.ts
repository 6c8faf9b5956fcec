import { describe, expect, it } from 'vitest';
import { PostgresAnalyticsSource } from '../../../src/adapters/postgres/analytics-source.js';
import { SqliteAnalyticsSource } from '../../../src/adapters/sqlite/analytics-source.js';
import { ENGINES, type TestDatabase } from './engines.js';
import { storeRecord } from './records.js';

const today = () => new Date('2026-06-01T12:00:00.000Z');
const source = (db: TestDatabase) => (db.sqlite ? new SqliteAnalyticsSource(db.sqlite, today) : new PostgresAnalyticsSource(db.pool!, today));
const byKey = <T extends { occupation: string | null; uri?: string }>(rows: T[]) => [...rows].sort((a, b) => `${a.occupation}|${a.uri ?? ''}`.localeCompare(`${b.occupation}|${b.uri ?? ''}`));

async function fill(db: TestDatabase) {
  const vacancy = (occupation: string, positions: number, publishedAt: string, languages: string[], essential: string[], expiresAt?: string) => ({
    occupation, positions, publishedAt, languages, ...(expiresAt ? { expiresAt } : {}), normalized: { essential: essential.map((uri) => ({ uri })), optional: [{ uri: 'esco:driving' }] },
  });
  await storeRecord(db, 'vacancies', 'V1', '837', vacancy('7212', 2, '2026-05-01', ['fi'], ['esco:mig', 'esco:drawings']));
  await storeRecord(db, 'vacancies', 'V2', '837', vacancy('7212', 1, '2026-05-20', ['sv', 'fi'], ['esco:mig']));
  await storeRecord(db, 'vacancies', 'V3', '905', vacancy('2221', 3, '2026-04-01', ['sv'], ['esco:nursing']));
  await storeRecord(db, 'vacancies', 'V4', '837', vacancy('7212', 5, '2026-05-02', ['fi'], ['esco:mig'], '2026-05-30')); // expired
  await storeRecord(db, 'vacancies', 'V5', '837', vacancy('7212', 5, '2026-05-02', ['fi'], ['esco:mig']), 0); // closed
  const jobseeker = (occupation: string, unemployedSince: string, languages: string[], skills: string[]) => ({ occupation, unemployedSince, languages, normalized: { skills: skills.map((uri) => ({ uri })) } });
  await storeRecord(db, 'jobseekers', 'J1', '837', jobseeker('7212', '2024-01-01', ['fi'], ['esco:mig']));
  await storeRecord(db, 'jobseekers', 'J2', '837', jobseeker('7212', '2026-03-01', ['fi', 'en'], ['esco:mig', 'esco:drawings']));
  await storeRecord(db, 'jobseekers', 'J3', '905', jobseeker('2221', '2025-01-01', ['sv'], ['esco:nursing']));
  await storeRecord(db, 'jobseekers', 'J4', '837', jobseeker('7212', '2024-01-01', ['fi'], []), 0); // not active
}

describe.each(ENGINES)('analytics source on $name', (engine) => {
  const { current } = engine.use();

  it('counts open vacancies’ skills and positions by occupation, leaving out expired and closed ones', async () => {
    const db = current();
    await fill(db);
    const s = source(db);
    expect(byKey(await s.vacancySkills({}, 'essential'))).toEqual([
      { occupation: '2221', uri: 'esco:nursing', records: 1, positions: 3 },
      { occupation: '7212', uri: 'esco:drawings', records: 1, positions: 2 },
      { occupation: '7212', uri: 'esco:mig', records: 2, positions: 3 },
    ]);
    expect(byKey(await s.vacancySkills({ municipalities: ['837'], from: '2026-05-10' }, 'optional'))).toEqual([{ occupation: '7212', uri: 'esco:driving', records: 1, positions: 1 }]);
    expect(byKey(await s.vacancyOccupations({ language: 'sv' }))).toEqual([
      { occupation: '2221', records: 1, positions: 3, longTerm: 0 },
      { occupation: '7212', records: 1, positions: 1, longTerm: 0 },
    ]);
    expect(byKey(await s.vacancyOccupations({ openOn: '2026-05-15', to: '2026-05-10' }))).toEqual([
      { occupation: '2221', records: 1, positions: 3, longTerm: 0 },
      { occupation: '7212', records: 2, positions: 7, longTerm: 0 },
    ]);
    expect(await s.vacancyIds({ municipalities: ['837'] })).toEqual(['V1', 'V2']);
    expect(await s.vacancyIds({ municipalities: [] })).toEqual([]);
  });

  it('counts active jobseekers’ skills and occupations, the long-term unemployed among them', async () => {
    const db = current();
    await fill(db);
    const s = source(db);
    expect(byKey(await s.jobseekerSkills({ municipalities: ['837'] }))).toEqual([
      { occupation: '7212', uri: 'esco:drawings', records: 1, positions: 1 },
      { occupation: '7212', uri: 'esco:mig', records: 2, positions: 2 },
    ]);
    expect(byKey(await s.jobseekerOccupations({}, '2025-06-01'))).toEqual([
      { occupation: '2221', records: 1, positions: 1, longTerm: 1 },
      { occupation: '7212', records: 2, positions: 2, longTerm: 1 },
    ]);
    expect(await s.jobseekerIds({ language: 'fi' })).toEqual(['J1', 'J2']);
    expect(await s.jobseekerIds({}, '2025-06-01')).toEqual(['J1', 'J3']);
  });

  it('follows changes and removals of records (the facts are kept by the database)', async () => {
    const db = current();
    await fill(db);
    await db.run("UPDATE jobseekers SET matchable = 0 WHERE id = 'J1'");
    await db.run("DELETE FROM vacancies WHERE id = 'V2'");
    const s = source(db);
    expect(await s.jobseekerIds({})).toEqual(['J2', 'J3']);
    expect(await s.vacancyIds({})).toEqual(['V1', 'V3']);
  });
});
