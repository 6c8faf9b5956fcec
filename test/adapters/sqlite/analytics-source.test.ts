import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteAnalyticsSource } from '../../../src/adapters/sqlite/analytics-source.js';
import { migrate, openDatabase, type Db } from '../../../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../../../src/adapters/sqlite/record-store.js';
import { tempDir } from '../../helpers/files.js';

interface V {
  id: string;
  municipality: string;
  region: string;
  updatedAt: string;
  occupation: string;
  positions: number;
  publishedAt: string;
  languages: string[];
  normalized: { essential: { uri: string }[]; optional: { uri: string }[] };
}
const vacancy = (id: string, municipality: string, essential: string[], optional: string[] = [], more: Partial<V> = {}): V => ({
  id,
  municipality,
  region: '01',
  updatedAt: 'now',
  occupation: '7212',
  positions: 2,
  publishedAt: '2026-10-01',
  languages: ['fi'],
  normalized: { essential: essential.map((uri) => ({ uri })), optional: optional.map((uri) => ({ uri })) },
  ...more,
});
const save = (store: SqliteRecordStore<V>, v: V, matchable = true) =>
  store.saveAll([{ record: v, vector: Float32Array.of(1, 0), textHash: v.id, embedder: 'e', derivedBy: 'd', matchable }]);
const facts = (db: Db) => db.prepare('SELECT * FROM analytics_skills ORDER BY label, uri').all();

describe('analytics facts in SQLite', () => {
  it('follow every insert, replace, close and delete through the triggers', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<V>(db, 'vacancies');
    const source = new SqliteAnalyticsSource(db);
    save(store, vacancy('a', '091', ['weld', 'read'], ['forklift']));
    save(store, vacancy('b', '091', ['weld'], [], { languages: ['sv', 'fi'], publishedAt: '2026-09-01' }));
    save(store, vacancy('c', '837', ['weld']));
    const count = async (filter = {}) => Object.fromEntries((await source.vacancySkills(filter, 'essential')).map((r) => [r.uri, r.records]));
    expect(await count()).toEqual({ weld: 3, read: 1 });
    expect(await count({ municipalities: ['091'] })).toEqual({ weld: 2, read: 1 });
    expect(await count({ language: 'sv' })).toEqual({ weld: 1 });
    expect(await count({ from: '2026-09-15' })).toEqual({ weld: 2, read: 1 });
    expect(await source.vacancySkills({}, 'optional')).toEqual([{ occupation: '7212', uri: 'forklift', records: 1, positions: 2 }]);

    save(store, vacancy('a', '837', ['drive'])); // replaced and moved
    save(store, vacancy('b', '091', ['weld']), false); // closed
    store.removeAll(['c']);
    expect(await count()).toEqual({ drive: 1 });
    expect(await count({ municipalities: ['091'] })).toEqual({});
    expect(await source.vacancyOccupations({})).toEqual([{ occupation: '7212', records: 1, positions: 2, longTerm: 0 }]);
    expect(await source.vacancyIds({})).toEqual(['a']);
  });

  it('are copied in from the records when an older database is migrated', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const store = new SqliteRecordStore<V>(db, 'vacancies');
    save(store, vacancy('a', '091', ['weld', 'read'], ['forklift']));
    save(store, vacancy('b', '837', ['weld']));
    const before = facts(db);
    expect(before).toHaveLength(4);
    // Back to schema 4, as a database written before the facts existed.
    db.exec(`DROP TABLE analytics_records; DROP TABLE analytics_skills; DROP TABLE changes;
      ${['jobseekers', 'vacancies'].flatMap((t) => ['insert', 'update', 'delete'].map((e) => `DROP TRIGGER ${t}_facts_${e};`)).join(' ')}
      ALTER TABLE audit DROP COLUMN address;
      DROP TABLE sessions; DROP TABLE vacancy_owners; DROP TABLE api_keys; DROP TABLE organisations;
      CREATE TABLE api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, secret_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL, revoked_at TEXT);
      ALTER TABLE shares DROP COLUMN owner; ALTER TABLE shares DROP COLUMN expires_at; DROP INDEX vacancies_link_key;
      DROP TABLE decision_appearances; DROP TABLE decisions; DROP TABLE decision_contexts; DROP TABLE overrides;`);
    db.pragma('user_version = 4');
    migrate(db);
    expect(facts(db)).toEqual(before);
  });
});
