import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteJobSuggestionStore } from '../../../src/adapters/sqlite/job-suggestions.js';
import type { Principal } from '../../../src/core/access.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import type { Guard } from '../../../src/core/guard.js';
import { JobSuggestions } from '../../../src/core/job-suggestions/service.js';
import { removeDir, tempDir } from '../../helpers/files.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

const counsellor: Principal = { keyId: 'k1', name: 'Kaisa', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };

/** The use cases on the real SQLite store (the guard and records answered in process). */
function open(today = '2026-12-06') {
  const dir = tempDir();
  dirs.push(dir);
  const db = openDatabase(join(dir, 'k.sqlite'));
  const store = new SqliteJobSuggestionStore(db);
  const service = new JobSuggestions({
    store,
    guard: { jobseeker: () => undefined, reaches: () => true, candidatesOf: () => undefined } as unknown as Guard,
    jobseeker: async () => ({}),
    vacancy: async (id) => ({ title: `title ${id}` }),
    ownerOf: async () => null,
    share: async () => undefined,
    candidate: async (_v, j) => ({ id: j, shared: false }),
    now: () => new Date(`${today}T10:00:00Z`),
  });
  return { db, store, service };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'stored',
    (e: KohtaantoError) => `${e.code}: ${e.message}`,
  );

describe('job suggestions in SQLite', () => {
  it('of two suggest calls at once for one client and vacancy, exactly one stores; the other is told which is open', async () => {
    const { db, store, service } = open();
    // Both calls read the client's suggestions before either inserts (the store answers at once):
    // only the check inside the store's insert can refuse the second.
    const both = await Promise.all([
      outcome(service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: false })),
      outcome(service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: false })),
    ]);
    const stored = await store.ofJobseeker('J1');
    expect(stored).toHaveLength(1);
    expect(both.sort()).toEqual([`conflict: vacancy 'V-1' is already suggested to this client (suggestion ${stored[0]!.id}, suggested)`, 'stored']);
    expect(db.prepare('SELECT count(*) AS n FROM job_suggestion_events').get()).toEqual({ n: 1 });
    // Another vacancy, or another client, is not held up.
    expect(await outcome(service.suggest(counsellor, 'J1', { vacancyId: 'V-2', consent: false }))).toBe('stored');
    expect(await outcome(service.suggest(counsellor, 'J2', { vacancyId: 'V-1', consent: false }))).toBe('stored');
    db.close();
  });

  it('a final or expired suggestion leaves room for a new one; an open one in a later state does not', async () => {
    const { db, store, service } = open();
    const first = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: false });
    await service.change(counsellor, first.id, { state: 'applied', version: 1 });
    expect(await outcome(store.add({ ...(await store.get(first.id))!, createdAt: '2026-12-06T11:00:00.000Z' }, { state: 'suggested', at: '2026-12-06T11:00:00.000Z', by: 'Kaisa', role: 'counsellor', reason: null }))).toBe(
      `conflict: vacancy 'V-1' is already suggested to this client (suggestion ${first.id}, applied)`,
    );
    await service.change(counsellor, first.id, { state: 'withdrawn', version: 2 });
    const second = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: false, deadline: '2026-12-10' });
    // On a day after its deadline the second, never acted on, has expired.
    const later = { ...(await store.get(second.id))!, state: 'suggested' as const, deadline: '2026-12-31', createdAt: '2026-12-11T09:00:00.000Z' };
    expect(await outcome(store.add(later, { state: 'suggested', at: later.createdAt, by: 'Kaisa', role: 'counsellor', reason: null }))).toBe('stored');
    expect((await store.ofJobseeker('J1')).map((s) => s.state)).toEqual(['suggested', 'suggested', 'withdrawn']);
    db.close();
  });
});
