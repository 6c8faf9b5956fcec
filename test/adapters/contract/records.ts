import type { TestDatabase } from './engines.js';

/** Stores a record row directly (the record stores are not on PostgreSQL yet): the analytics triggers derive its facts in both engines. */
export async function storeRecord(db: TestDatabase, kind: 'jobseekers' | 'vacancies', id: string, municipality: string, record: object, matchable = 1): Promise<void> {
  await db.run(
    `INSERT INTO ${kind} (id, municipality, region, matchable, record, text_hash, embedder, vector, updated_at) VALUES ($1, $2, 'r', $3, $4, 'h', 'e', $5, '2026-01-01T00:00:00.000Z')`,
    [id, municipality, matchable, JSON.stringify(record), Buffer.from([0, 0, 128, 63])],
  );
}
