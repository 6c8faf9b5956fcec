import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../../src/adapters/sqlite/api-keys.js';
import { openDatabase, type Db } from '../../../src/adapters/sqlite/database.js';

/** The database with every statement's runs recorded (SQL and arguments): what verify reads. */
function recording(db: Db) {
  const runs: { sql: string; args: unknown[]; result: unknown }[] = [];
  const traced = new Proxy(db, {
    get(target, property) {
      if (property !== 'prepare') return Reflect.get(target, property, target);
      return (sql: string) => {
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(s, name) {
            const value = Reflect.get(s, name, s);
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              const result = value.apply(s, args);
              runs.push({ sql, args, result });
              return result;
            };
          },
        });
      };
    },
  });
  return { db: traced as Db, runs };
}

describe('ApiKeyStore.verify: unknown key ids take the path of known ones', () => {
  it('reads another key\'s row for an unknown id, with the same statement as a known id with a wrong secret', async () => {
    const { db, runs } = recording(openDatabase(':memory:'));
    const keys = new ApiKeyStore(db);
    const made = await Promise.all(Array.from({ length: 5 }, (_, i) => keys.create('admin', `key ${i}`, 'national')));
    const { id, key } = made[0]!;
    const wrongSecret = `kht_${id}_${'A'.repeat(43)}`;
    expect((await keys.verify(key))?.keyId).toBe(id);
    expect(await keys.verify(wrongSecret)).toBeUndefined();

    const trace = async (presented: string) => {
      runs.length = 0;
      expect(await keys.verify(presented)).toBeUndefined();
      return runs.map((r) => ({ sql: r.sql, readARow: r.result !== undefined }));
    };
    const known = await trace(wrongSecret);
    expect(known).toHaveLength(1);
    // Below, between and above the existing ids: each reads a real key's row (then compares hashes).
    for (const unknownId of ['0'.repeat(16), 'f'.repeat(16), `${id.slice(0, 15)}${id.endsWith('0') ? '1' : '0'}`]) {
      if (made.some((m) => m.id === unknownId)) continue;
      expect(await trace(`kht_${unknownId}_${'A'.repeat(43)}`), unknownId).toEqual(known);
    }
    // The row read in place does not open under the unknown id, even with its own secret.
    const secret = key.slice(`kht_${id}_`.length);
    expect(await keys.verify(`kht_${'0'.repeat(16)}_${secret}`)).toBeUndefined();
    expect(await keys.verify(`kht_${'f'.repeat(16)}_${secret}`)).toBeUndefined();
  });

  it('refuses everything while no key exists', async () => {
    const keys = new ApiKeyStore(openDatabase(':memory:'));
    expect(await keys.verify(`kht_${'0'.repeat(16)}_${'A'.repeat(43)}`)).toBeUndefined();
    const { key } = await keys.create('admin', 'first', 'national');
    expect((await keys.verify(key))?.name).toBe('first');
  });
});
