import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteTransferStore } from '../../../src/adapters/sqlite/transfers.js';
import type { Principal } from '../../../src/core/access.js';
import type { StoredTransfer } from '../../../src/core/transfers/schema.js';
import { Transfers } from '../../../src/core/transfers/service.js';

/** Counsellors of three areas and an admin; clients by employment area (the record store's answer). */
const counsellor = (keyId: string, area: string): Principal => ({
  keyId,
  name: `counsellor ${keyId}`,
  role: 'counsellor',
  organisation: { id: `org-${area}`, kind: 'employment-area', area },
});
const tampere = counsellor('tre-1', 'tampere');
const tampere2 = counsellor('tre-2', 'tampere');
const helsinki = counsellor('hki-1', 'helsinki');
const oulu = counsellor('oulu-1', 'oulu');
const admin: Principal = { keyId: 'adm', name: 'admin', role: 'admin', organisation: { id: 'national', kind: 'national' } };
const REASON = 'Client moved to Tampere on 1 November';
const DAY = 86_400_000;

let clients: Map<string, string>;
let now: Date;
let uses: StoredTransfer[];
let transfers: Transfers;
let store: SqliteTransferStore;

beforeEach(() => {
  clients = new Map([['HKI-1', 'helsinki'], ['HKI-2', 'helsinki'], ['TRE-1', 'tampere']]);
  now = new Date('2025-11-03T08:00:00Z');
  uses = [];
  store = new SqliteTransferStore(openDatabase(':memory:'));
  transfers = new Transfers(
    { store, clientArea: (id) => clients.get(id), auditUse: (_p, t) => uses.push(t), now: () => now },
    { days: 14, requestDays: 7, requestsPerDay: 3, alertPerDay: 2, refusedIdsAlertPerDay: 1 },
  );
});

const code = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'ok';
};

describe('Transfers', () => {
  it('admits the requesting area to that one client only after the client\'s area approves, until it expires', async () => {
    const asked = await transfers.request(tampere, 'HKI-1', { reason: REASON });
    expect(asked).toMatchObject({ status: 'pending', direction: 'outgoing', toArea: 'tampere' });
    expect(asked).not.toHaveProperty('fromArea'); // the requesting side is not told where the client is
    expect(await transfers.admits(tampere, 'HKI-1')).toBe(false);

    expect((await transfers.list(helsinki, { direction: 'incoming' })).map((t) => t.id)).toEqual([asked.id]);
    expect((await transfers.list(tampere, { direction: 'outgoing' })).map((t) => t.id)).toEqual([asked.id]);
    expect(await transfers.list(oulu, {})).toEqual([]);

    const approved = await transfers.approve(helsinki, asked.id);
    expect(approved.status).toBe('approved');
    expect(await transfers.admits(tampere, 'HKI-1')).toBe(true);
    expect(await transfers.admits(tampere2, 'HKI-1')).toBe(true); // the area, not the key
    expect(await transfers.admits(tampere, 'HKI-2')).toBe(false);
    expect(await transfers.admits(oulu, 'HKI-1')).toBe(false);
    expect(uses.map((t) => t.id)).toEqual([asked.id, asked.id]); // each access audited

    now = new Date(now.getTime() + 14 * DAY + 1);
    expect(await transfers.admits(tampere, 'HKI-1')).toBe(false);
    expect((await transfers.get(tampere, asked.id)).status).toBe('expired');
  });

  it('is decided by the client\'s area or an admin only: not by the requester, their area or a third area', async () => {
    const { id } = await transfers.request(tampere, 'HKI-1', { reason: REASON });
    expect(await code(() => transfers.approve(tampere, id))).toBe('forbidden');
    expect(await code(() => transfers.approve(tampere2, id))).toBe('forbidden');
    expect(await code(() => transfers.approve(oulu, id))).toBe('not_found');
    expect(await code(() => transfers.get(oulu, id))).toBe('not_found');
    expect(await code(() => transfers.approve(oulu, 9999))).toBe('not_found');
    expect(await code(() => transfers.refuse(helsinki, id, { reason: 'Client has not moved at all' }))).toBe('ok');
    expect(await transfers.get(tampere, id)).toMatchObject({ status: 'refused', refusal: 'Client has not moved at all' });
    expect(await code(() => transfers.approve(admin, id))).toBe('conflict');
    expect(await transfers.admits(tampere, 'HKI-1')).toBe(false);
  });

  it('is approved once; lapses when the client moved meanwhile; a pending request expires; withdrawn by the requester', async () => {
    const first = await transfers.request(tampere, 'HKI-1', { reason: REASON });
    expect(await code(() => transfers.request(tampere2, 'HKI-1', { reason: REASON }))).toBe('conflict'); // one open request per area
    await transfers.approve(helsinki, first.id);
    expect(await code(() => transfers.approve(helsinki, first.id))).toBe('conflict');
    expect(await code(() => transfers.approve(admin, first.id))).toBe('conflict');

    // Moved to Oulu meanwhile: the approved transfer no longer admits, a pending one cannot be approved.
    const second = await transfers.request(tampere, 'HKI-2', { reason: REASON });
    clients.set('HKI-1', 'oulu');
    clients.set('HKI-2', 'oulu');
    expect(await transfers.admits(tampere, 'HKI-1')).toBe(false);
    expect(await code(() => transfers.approve(helsinki, second.id))).toBe('conflict');

    clients.set('HKI-2', 'helsinki');
    now = new Date(now.getTime() + 7 * DAY + 1);
    expect(await code(() => transfers.approve(helsinki, second.id))).toBe('conflict'); // expired
    expect((await transfers.get(helsinki, second.id)).status).toBe('expired');

    const third = await transfers.request(tampere, 'HKI-2', { reason: REASON });
    expect(await code(() => transfers.withdraw(tampere2, third.id))).toBe('forbidden');
    expect(await code(() => transfers.withdraw(oulu, third.id))).toBe('not_found');
    expect((await transfers.withdraw(tampere, third.id)).status).toBe('withdrawn');
    expect(await code(() => transfers.approve(helsinki, third.id))).toBe('conflict');
    expect(await code(() => transfers.withdraw(tampere, third.id))).toBe('conflict');
  });

  it('of two requests at once for one client by one area, one is stored; of a key\'s requests at once, no more than its limit', async () => {
    // The count, the check for an open request and the insert are one store call (one transaction).
    const both = await Promise.all([code(() => transfers.request(tampere, 'HKI-1', { reason: REASON })), code(() => transfers.request(tampere2, 'HKI-1', { reason: REASON }))]);
    expect(both.sort()).toEqual(['conflict', 'ok']);
    expect(await store.ofJobseeker('HKI-1')).toHaveLength(1);
    const many = await Promise.all(['A', 'B', 'C', 'D'].map((id) => code(() => transfers.request(tampere, id, { reason: REASON }))));
    expect(many.sort()).toEqual(['ok', 'ok', 'rate_limited', 'rate_limited']); // with the one above: 3 a day
  });

  it('accepts a request for an id no one has exactly like one for another area\'s client', async () => {
    const known = await transfers.request(tampere, 'HKI-1', { reason: REASON });
    const unknown = await transfers.request(tampere, 'NOBODY', { reason: REASON });
    const shape = (t: typeof known) => ({ ...t, id: 0, jobseekerId: '' });
    expect(shape(unknown)).toEqual(shape(known));
    expect(await code(() => transfers.approve(admin, unknown.id))).toBe('conflict'); // nobody can approve it: it lapses
    expect(await code(() => transfers.request(tampere, 'TRE-1', { reason: REASON }))).toBe('invalid_input'); // already theirs
    expect(await code(() => transfers.request(admin, 'HKI-1', { reason: REASON }))).toBe('forbidden');
  });

  it('limits requests per key in 24 hours, counted in the store; alerts name busy requesters and approvals', async () => {
    for (const id of ['A', 'B', 'C']) await transfers.request(tampere, id, { reason: REASON });
    expect(await code(() => transfers.request(tampere, 'D', { reason: REASON }))).toBe('rate_limited');
    // A new service on the same store (a restart, another worker) counts the same requests.
    const again = new Transfers({ store, clientArea: (id) => clients.get(id), auditUse: () => undefined, now: () => now }, {
      days: 14,
      requestDays: 7,
      requestsPerDay: 3,
      alertPerDay: 2,
      refusedIdsAlertPerDay: 1,
    });
    expect(await code(() => again.request(tampere, 'D', { reason: REASON }))).toBe('rate_limited');
    expect(await code(() => again.request(tampere2, 'D', { reason: REASON }))).toBe('ok'); // per key
    now = new Date(now.getTime() + DAY + 1000);
    expect(await code(() => transfers.request(tampere, 'E', { reason: REASON }))).toBe('ok');

    const hki = await transfers.request(tampere2, 'HKI-1', { reason: REASON });
    await transfers.approve(helsinki, hki.id);
    const alerts = await transfers.alerts({ days: 30 });
    expect(alerts.approved).toEqual([expect.objectContaining({ transfer: hki.id, jobseekerId: 'HKI-1', approvedBy: 'hki-1', toArea: 'tampere' })]);
    expect(alerts.busyRequesters).toEqual([expect.objectContaining({ keyId: 'tre-1', requests: 3, day: '2025-11-03' })]);
  });

  it("counts ids refused as another area's with the key's transfer requests; once spent, refuses every unheld id alike; audits and alerts", async () => {
    const audit = { jobseekers: [] as string[] } as { jobseekers: string[]; detail?: unknown };
    await transfers.request(tampere, 'A', { reason: REASON });
    await transfers.refuseIds(tampere, ['HKI-1'], audit);
    expect(audit).toEqual({ jobseekers: ['HKI-1'], detail: { refusedIds: 1, counted: 1 } });
    expect(await code(() => transfers.refuseIds(tampere, []))).toBe('ok'); // one place left: an unused id is written
    // A batch of two refused ids with one place left: one counted, the write refused as spent (429).
    const spent = await transfers.refuseIds(tampere, ['HKI-1', 'HKI-2']).then(() => undefined, (e: unknown) => e as { code: string; retryAfterSeconds: number; messageId: string });
    expect(spent).toMatchObject({ code: 'rate_limited', messageId: 'other_areas_per_day' });
    expect(spent!.retryAfterSeconds).toBeGreaterThan(0);
    expect(await code(() => transfers.refuseIds(tampere, []))).toBe('rate_limited'); // an unused id now answers the same
    expect(await code(() => transfers.request(tampere, 'B', { reason: REASON }))).toBe('rate_limited');
    expect(await code(() => transfers.refuseIds(tampere2, ['HKI-1']))).toBe('ok'); // per key
    now = new Date(now.getTime() + DAY + 1000);
    expect(await code(() => transfers.refuseIds(tampere, []))).toBe('ok');
    expect((await transfers.alerts({ days: 30 })).refusedIds).toEqual([{ keyId: 'tre-1', name: tampere.name, day: '2025-11-03', refused: 2 }]);
  });

  it('forgets a client\'s transfers on erasure and lists them for their export', async () => {
    const { id } = await transfers.request(tampere, 'HKI-1', { reason: REASON });
    await transfers.request(tampere, 'HKI-2', { reason: REASON });
    expect(await transfers.ofJobseeker('HKI-1')).toEqual([expect.objectContaining({ id, status: 'pending', reason: REASON })]);
    await store.forgetJobseeker('HKI-1');
    expect(await transfers.ofJobseeker('HKI-1')).toEqual([]);
    expect(await code(() => transfers.get(tampere, id))).toBe('not_found');
    expect(await transfers.ofJobseeker('HKI-2')).toHaveLength(1);
  });
});
