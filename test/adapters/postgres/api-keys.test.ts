import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { PostgresApiKeyStore } from '../../../src/adapters/postgres/api-keys.js';
import { openPool } from '../../../src/adapters/postgres/pool.js';
import { PostgresOrganisationStore } from '../../../src/adapters/postgres/organisations.js';
import { migratedDatabase } from '../../helpers/postgres.js';

/**
 * Two nodes on one database, each with its own pool and key store (as two `serve` processes):
 * a key verified is answered from memory for `recheckMs`, so a revocation on the other node is
 * seen within that time; on the node that revoked it, at once.
 */
describe('API keys on PostgreSQL, verified on two nodes', () => {
  const RECHECK_MS = 300;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let poolB: pg.Pool;
  let orgsA: PostgresOrganisationStore;
  let a: PostgresApiKeyStore;
  let b: PostgresApiKeyStore;

  beforeAll(async () => {
    db = await migratedDatabase();
    poolB = await openPool(`${db.url}?target_session_attrs=read-write`, { max: 2 });
    a = new PostgresApiKeyStore(db.pool, undefined, RECHECK_MS);
    b = new PostgresApiKeyStore(poolB, undefined, RECHECK_MS);
    orgsA = new PostgresOrganisationStore(db.pool, undefined, (id) => a.organisationChanged(id));
    await orgsA.add({ id: 'area-a', name: 'Area A', kind: 'employment-area', area: 'A1' });
  });
  afterAll(async () => {
    await poolB.end();
    await db.close();
  });

  /** Milliseconds until `b` stops verifying the key (polled every 20 ms, at most 5 s). */
  const untilRefusedOnB = async (key: string) => {
    const started = performance.now();
    while ((await b.verify(key)) !== undefined) {
      if (performance.now() - started > 5000) throw new Error('node B still verifies the key after 5 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - started;
  };

  it('a key revoked on node A is refused on A at once and on node B within recheckMs', async () => {
    const { id, key } = await a.create('counsellor', 'Anna', 'area-a');
    expect((await a.verify(key))?.keyId).toBe(id);
    expect((await b.verify(key))?.keyId).toBe(id);
    expect(await a.revoke(id)).toBe(true);
    expect(await a.verify(key)).toBeUndefined();
    // Within the recheck time and a margin for a loaded machine.
    expect(await untilRefusedOnB(key)).toBeLessThan(RECHECK_MS + 1000);
  });

  it('a key rotated on node A with no grace is refused on B within recheckMs; the successor verifies on both at once', async () => {
    const { id, key } = await a.create('counsellor', 'Ben', 'area-a');
    expect((await b.verify(key))?.keyId).toBe(id);
    const next = await a.rotate(id, 0);
    expect(next).toBeDefined();
    expect(await a.verify(key)).toBeUndefined();
    expect((await b.verify(next!.key))?.keyId).toBe(next!.id);
    expect(await untilRefusedOnB(key)).toBeLessThan(RECHECK_MS + 1000);
  });

  it("an organisation's area changed on node A is in its keys' principal on A at once", async () => {
    const { key } = await a.create('counsellor', 'Cia', 'area-a');
    expect((await a.verify(key))?.organisation).toEqual({ id: 'area-a', kind: 'employment-area', area: 'A1' });
    const organisation = await orgsA.get('area-a');
    expect(await orgsA.change('area-a', organisation!.version, { name: 'Area A', area: 'A2' })).toBe(true);
    expect((await a.verify(key))?.organisation).toEqual({ id: 'area-a', kind: 'employment-area', area: 'A2' });
  });
});
