import { describe, expect, it } from 'vitest';
import { PostgresTrainingStore } from '../../../src/adapters/postgres/training-store.js';
import { PostgresTransferStore } from '../../../src/adapters/postgres/transfers.js';
import { SqliteTrainingStore } from '../../../src/adapters/sqlite/training-store.js';
import { SqliteTransferStore } from '../../../src/adapters/sqlite/transfers.js';
import type { StoredTraining } from '../../../src/core/trainings/schema.js';
import type { StoredTransfer } from '../../../src/core/transfers/schema.js';
import { ENGINES, type TestDatabase } from './engines.js';

const transfersOf = (db: TestDatabase) => (db.sqlite ? new SqliteTransferStore(db.sqlite) : new PostgresTransferStore(db.pool!));
const trainingsOf = (db: TestDatabase) => (db.sqlite ? new SqliteTrainingStore(db.sqlite) : new PostgresTrainingStore(db.pool!));

const request = (jobseekerId: string, toArea = 'A2', requesterKey = 'k1', requestedAt = '2026-06-01T09:00:00.000Z'): Omit<StoredTransfer, 'id'> => ({
  jobseekerId,
  fromArea: 'A1',
  toArea,
  requesterKey,
  requesterName: 'Anna',
  reason: 'muutto',
  status: 'pending',
  requestedAt,
  expiresAt: '2026-06-08T09:00:00.000Z',
  decidedKey: null,
  decidedAt: null,
  refusal: null,
  withdrawnAt: null,
});
const limit = { since: '2026-05-31T09:00:00.000Z', max: 3 };
const training = (id: string, title = id) => ({ id, title, updatedAt: '2026-06-01T09:00:00.000Z' }) as unknown as StoredTraining;

describe.each(ENGINES)('transfers and trainings on $name', (engine) => {
  const { current } = engine.use();

  it("adds a request unless the key made its day's limit or the client already has one pending for the area", async () => {
    const store = transfersOf(current());
    const first = await store.addRequest(request('J1'), limit);
    expect(first).toEqual({ added: { ...request('J1'), id: expect.any(Number) } });
    expect(await store.addRequest(request('J1'), limit)).toEqual({ pending: (first as { added: StoredTransfer }).added });
    await store.addRequest(request('J2'), limit);
    await store.addRequest(request('J3', 'A2', 'k1', '2026-06-01T10:00:00.000Z'), limit);
    expect(await store.addRequest(request('J4'), limit)).toEqual({ busy: { oldest: '2026-06-01T09:00:00.000Z' } });
    // Two at once for one client and area: one request, the other finds it pending.
    const both = await Promise.all([store.addRequest(request('J5', 'A3', 'k2'), limit), store.addRequest(request('J5', 'A3', 'k3'), limit)]);
    expect(both.map((r) => Object.keys(r)[0]).sort()).toEqual(['added', 'pending']);
  });

  it("counts refused ids with the key's requests against one limit, what fits of a batch; two at once take the last place once; lists the refusing keys", async () => {
    const store = transfersOf(current());
    const anna = { keyId: 'k1', name: 'Anna' };
    await store.addRequest(request('J1'), limit); // 1 of 3
    expect(await store.refuseIds(anna, '2026-06-01T10:00:00.000Z', 1, limit)).toEqual({ admitted: true, counted: 1, oldest: '2026-06-01T09:00:00.000Z' });
    expect(await store.refuseIds(anna, '2026-06-01T10:30:00.000Z', 0, limit)).toMatchObject({ admitted: true, counted: 0 }); // may still write new ids
    // A batch of 2 refused ids with one place left: the one that fits is counted, the batch is not admitted.
    expect(await store.refuseIds(anna, '2026-06-01T11:00:00.000Z', 2, limit)).toEqual({ admitted: false, counted: 1, oldest: '2026-06-01T09:00:00.000Z' });
    expect(await store.refuseIds(anna, '2026-06-01T11:30:00.000Z', 0, limit)).toEqual({ admitted: false, counted: 0, oldest: '2026-06-01T09:00:00.000Z' });
    expect(await store.addRequest(request('J2', 'A2', 'k1', '2026-06-01T12:00:00.000Z'), limit)).toEqual({ busy: { oldest: '2026-06-01T09:00:00.000Z' } });
    // Another key has its own limit; of two refused ids at once with one place left, one is counted.
    const bert = { keyId: 'k2', name: 'Bert' };
    await store.refuseIds(bert, '2026-06-01T09:00:00.000Z', 2, limit);
    const both = await Promise.all([store.refuseIds(bert, '2026-06-01T09:10:00.000Z', 1, limit), store.refuseIds(bert, '2026-06-01T09:10:00.000Z', 1, limit)]);
    expect(both.map((r) => r.counted).sort()).toEqual([0, 1]);
    // Counted after `since` only: a day later the limit is free again.
    expect(await store.refuseIds(anna, '2026-06-02T12:00:00.000Z', 1, { since: '2026-06-01T12:00:00.000Z', max: 3 })).toMatchObject({ admitted: true, counted: 1 });
    expect(await store.refusingKeys('2026-05-01', 1)).toEqual([
      { keyId: 'k1', name: 'Anna', day: '2026-06-01', refused: 2 },
      { keyId: 'k2', name: 'Bert', day: '2026-06-01', refused: 3 },
    ].sort((a, b) => b.refused - a.refused));
    expect(await store.refusingKeys('2026-06-01T23:00:00.000Z', 0)).toEqual([{ keyId: 'k1', name: 'Anna', day: '2026-06-02', refused: 1 }]);
    expect(await current().rows('SELECT * FROM refused_ids WHERE key_id = $1', ['k1'])).toEqual([
      { key_id: 'k1', key_name: 'Anna', at: '2026-06-01T10:00:00.000Z' },
      { key_id: 'k1', key_name: 'Anna', at: '2026-06-01T11:00:00.000Z' },
      { key_id: 'k1', key_name: 'Anna', at: '2026-06-02T12:00:00.000Z' },
    ]);
  });

  it('decides a request only from the status read, and finds the approved one while it runs', async () => {
    const store = transfersOf(current());
    const { added } = (await store.addRequest(request('J1'), limit)) as { added: StoredTransfer };
    const decision = { status: 'approved' as const, decidedKey: 'k9', decidedAt: '2026-06-01T12:00:00.000Z', expiresAt: '2026-07-01T00:00:00.000Z' };
    const results = await Promise.all([store.update(added.id, 'pending', decision), store.update(added.id, 'pending', { status: 'refused', refusal: 'ei' })]);
    expect(results.sort()).toEqual([false, true]);
    const stored = (await store.get(added.id))!;
    expect(await store.active('J1', 'A2', '2026-06-15')).toEqual(stored.status === 'approved' ? stored : undefined);
    expect(await store.update(added.id, 'pending', { status: 'withdrawn' })).toBe(false);
    expect(await store.update(added.id, stored.status, {})).toBe(false);
  });

  it('lists by area newest first, the approved since a time, the busiest requesters, and forgets a client', async () => {
    const store = transfersOf(current());
    for (const [j, to] of [['J1', 'A2'], ['J2', 'A3'], ['J3', 'A2']] as const) await store.addRequest({ ...request(j, to), fromArea: j === 'J2' ? 'A2' : 'A1' }, { ...limit, max: 10 });
    const ids = (list: StoredTransfer[]) => list.map((t) => t.jobseekerId);
    expect(ids(await store.list({}))).toEqual(['J3', 'J2', 'J1']);
    expect(ids(await store.list({ to: 'A2' }))).toEqual(['J3', 'J1']);
    expect(ids(await store.list({ from: 'A2' }))).toEqual(['J2']);
    expect(ids(await store.list({ either: 'A2' }))).toEqual(['J3', 'J2', 'J1']);
    const [t3] = await store.list({ to: 'A2' });
    await store.update(t3!.id, 'pending', { status: 'approved', decidedKey: 'k9', decidedAt: '2026-06-02T00:00:00.000Z' });
    expect(ids(await store.approvedSince('2026-06-01T00:00:00.000Z'))).toEqual(['J3']);
    expect(await store.approvedSince('2026-06-03T00:00:00.000Z')).toEqual([]);
    expect(await store.busyRequesters('2026-05-01', 2)).toEqual([{ keyId: 'k1', name: 'Anna', day: '2026-06-01', requests: 3 }]);
    expect(await store.busyRequesters('2026-05-01', 3)).toEqual([]);
    await store.forgetJobseeker('J1');
    expect(await store.ofJobseeker('J1')).toEqual([]);
    expect(ids(await store.ofJobseeker('J3'))).toEqual(['J3']);
  });

  it('keeps the training catalogue: saved and replaced, read, removed, each change a new generation, the stale ones found', async () => {
    const store = trainingsOf(current());
    const g0 = await store.generation();
    await store.saveAll([training('T2'), training('T1')], 'd1');
    await store.saveAll([training('T1', 'Hitsaus')], 'd2');
    await store.saveAll([], 'd2'); // nothing: no change
    expect(await store.generation()).toBe(g0 + 2);
    expect(await store.get('T1')).toEqual(training('T1', 'Hitsaus'));
    expect((await store.all()).map((t) => t.id)).toEqual(['T1', 'T2']);
    expect((await store.stale('d2')).map((t) => t.id)).toEqual(['T2']);
    expect(await store.remove('T2')).toBe(true);
    expect(await store.remove('T2')).toBe(false);
    expect([await store.get('T2'), await store.generation()]).toEqual([undefined, g0 + 3]);
  });
});
