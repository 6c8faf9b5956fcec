import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/core/access.js';
import { unaudited } from '../../../src/core/audit-note.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import type { Guard } from '../../../src/core/guard.js';
import type { JobSuggestionEvent, JobSuggestionState, StoredJobSuggestion } from '../../../src/core/job-suggestions/schema.js';
import { JobSuggestions, type JobSuggestionStore } from '../../../src/core/job-suggestions/service.js';

/** In-memory double of the SQLite store (unit tests only; the real store is tested through HTTP). */
class MemoryStore implements JobSuggestionStore {
  readonly rows: StoredJobSuggestion[] = [];
  async add(s: Omit<StoredJobSuggestion, 'id' | 'version' | 'history'>, first: JobSuggestionEvent): Promise<StoredJobSuggestion> {
    const row = { ...s, id: this.rows.length + 1, version: 1, history: [first] };
    this.rows.push(row);
    return structuredClone(row);
  }
  async get(id: number) {
    const row = this.rows.find((r) => r.id === id);
    return row && structuredClone(row);
  }
  async ofJobseeker(id: string) {
    return this.rows.filter((r) => r.jobseekerId === id).map((r) => structuredClone(r));
  }
  async ofVacancy(id: string) {
    return this.rows.filter((r) => r.vacancyId === id).map((r) => structuredClone(r));
  }
  async change(id: number, version: number, state: JobSuggestionState, event: JobSuggestionEvent) {
    const row = this.rows.find((r) => r.id === id);
    if (!row || row.version !== version) return false;
    row.state = state;
    row.version++;
    row.history.push(event);
    return true;
  }
  async withdrawConsent(vacancyId: string, jobseekerId: string) {
    for (const r of this.rows) if (r.vacancyId === vacancyId && r.jobseekerId === jobseekerId && r.consent) (r.consent = false), r.version++;
  }
  async forgetJobseeker(id: string) {
    this.rows.splice(0, this.rows.length, ...this.rows.filter((r) => r.jobseekerId !== id));
  }
}

const counsellor: Principal = { keyId: 'k1', name: 'Kaisa', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const unit: Principal = { keyId: 'k2', name: 'Unit', role: 'employer-service', organisation: { id: 'unit-1', kind: 'employer-services' } };
const otherUnit: Principal = { ...unit, keyId: 'k3', organisation: { id: 'unit-2', kind: 'employer-services' } };

/** A guard double: the counsellor reaches the clients listed. */
const guard = (clients: string[]) =>
  ({
    jobseeker: (p: Principal, id: string) => {
      if (p.role === 'counsellor' && !clients.includes(id)) throw new KohtaantoError('not_found', `no jobseeker '${id}'`);
    },
    reaches: (p: Principal, id: string) => p.role !== 'counsellor' || clients.includes(id),
    candidatesOf: () => undefined,
  }) as unknown as Guard;

function setup(today = '2026-12-06', afterShare?: (store: MemoryStore, shared: string[]) => Promise<void>) {
  const store = new MemoryStore();
  const shared: string[] = [];
  const service = new JobSuggestions({
    store,
    guard: guard(['J1']),
    jobseeker: async (id) => {
      if (id !== 'J1') throw new KohtaantoError('not_found', id);
      return {};
    },
    vacancy: async (id) => ({ title: `title ${id}`, employer: 'Oy', expiresAt: '2026-12-20' }),
    ownerOf: async (id) => (id === 'V-NOBODY' ? null : 'unit-1'),
    share: async (_p, v, j) => {
      shared.push(`${v}/${j}`);
      await afterShare?.(store, shared);
    },
    candidate: async (v, j) => (shared.includes(`${v}/${j}`) ? { id: `cand-${v}-${j}`, shared: true, name: `Name ${j}` } : { id: `cand-${v}-${j}`, shared: false }),
    now: () => new Date(`${today}T10:00:00Z`),
  });
  return { store, shared, service };
}

const code = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (e) {
    return (e as KohtaantoError).code;
  }
  return 'ok';
};

describe('JobSuggestions (use cases in process, store double)', () => {
  it('the deadline defaults to the vacancy closing when that is near, consent shares, a suggestion without a unit is not shared', async () => {
    const { service, shared } = setup();
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    expect(s.deadline).toBe('2026-12-20');
    expect(shared).toEqual(['V-1/J1']);
    await service.suggest(counsellor, 'J1', { vacancyId: 'V-NOBODY', consent: true });
    expect(shared).toEqual(['V-1/J1']);
  });

  it('follows the states in order; the unit sets only its own; nothing follows a final state; a stale version loses', async () => {
    const { service } = setup();
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    expect(await code(() => service.change(unit, s.id, { state: 'applied', version: 1 }))).toBe('invalid_input');
    expect(await code(() => service.change(counsellor, s.id, { state: 'offer', version: 1 }))).toBe('conflict'); // suggested → offer skips a step
    expect((await service.change(counsellor, s.id, { state: 'applied', version: 1 })).state).toBe('applied');
    expect(await code(() => service.change(unit, s.id, { state: 'interview', version: 1 }))).toBe('version_mismatch');
    expect((await service.change(unit, s.id, { state: 'interview', version: 2 })).history.map((e) => e.state)).toEqual(['suggested', 'applied', 'interview']);
    expect(await code(() => service.change(otherUnit, s.id, { state: 'hired', version: 3 }))).toBe('not_found');
    expect((await service.change(unit, s.id, { state: 'hired', version: 3 })).state).toBe('hired');
    expect(await code(() => service.change(counsellor, s.id, { state: 'withdrawn', version: 4 }))).toBe('conflict');
    // Hired: the same vacancy may be suggested again (the earlier one is over).
    expect((await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: false })).state).toBe('suggested');
  });

  it('after the deadline an untouched suggestion is expired and can be suggested again; without consent the unit sees nothing', async () => {
    const early = setup('2026-12-01');
    const s = await early.service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: false, deadline: '2026-12-03' });
    expect(await early.service.ofVacancy(unit, 'V-1')).toEqual([]);
    const later = new JobSuggestions({
      store: early.store,
      guard: guard(['J1']),
      jobseeker: async () => ({}),
      vacancy: async (id) => ({ title: id }),
      ownerOf: async () => 'unit-1',
      share: async () => undefined,
      candidate: async (v, j) => ({ id: `cand-${v}-${j}`, shared: false }),
      now: () => new Date('2026-12-06T10:00:00Z'),
    });
    expect((await later.ofJobseeker(counsellor, 'J1'))[0]!.state).toBe('expired');
    expect(await code(() => later.change(counsellor, s.id, { state: 'applied', version: 1 }))).toBe('conflict');
    expect((await later.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true })).state).toBe('suggested');
  });

  it('the unit no longer follows a suggestion once the client withdrew consent (Sharing.unshare tells the store)', async () => {
    const { service, shared, store } = setup();
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    expect((await service.ofVacancy(unit, 'V-1')).map((v) => v.id)).toEqual([s.id]);
    shared.splice(shared.indexOf('V-1/J1'), 1);
    await store.withdrawConsent('V-1', 'J1');
    expect(await service.ofVacancy(unit, 'V-1')).toEqual([]);
    expect(await code(() => service.change(unit, s.id, { state: 'interview', version: 2 }))).toBe('not_found');
    expect((await service.ofVacancy(counsellor, 'V-1')).map((v) => v.id)).toEqual([s.id]);
    expect((await service.change(counsellor, s.id, { state: 'applied', version: 2 })).state).toBe('applied');
  });

  it('keeps no consent the client withdrew while the suggestion was being made (the share ended between sharing and storing)', async () => {
    // Twice at once: a colleague ends the share (DELETE …/shares/J1: the share goes, then Sharing.unshare tells the
    // store, which has no suggestion yet) after this suggestion shared the client and before it was stored.
    const { service, store } = setup('2026-12-06', async (withdrawing, shared) => {
      shared.splice(shared.indexOf('V-1/J1'), 1);
      await withdrawing.withdrawConsent('V-1', 'J1');
    });
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    expect(s.consent).toBe(false);
    expect(await service.ofVacancy(unit, 'V-1')).toEqual([]);
    expect(store.rows.map((r) => r.consent)).toEqual([false]);
    expect((await service.ofVacancy(counsellor, 'V-1')).map((v) => v.id)).toEqual([s.id]);
  });

  it('refuses a deadline in the past or too far, a decline without a reason, another area\'s client', async () => {
    const { service } = setup();
    expect(await code(() => service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true, deadline: '2026-12-05' }))).toBe('invalid_input');
    expect(await code(() => service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true, deadline: '2027-06-01' }))).toBe('invalid_input');
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    expect(await code(() => service.change(counsellor, s.id, { state: 'declined', version: 1 }))).toBe('invalid_input');
    expect(await code(() => service.suggest(counsellor, 'J9', { vacancyId: 'V-1', consent: true }))).toBe('not_found');
  });

  it("the unit knows the client by the list's pseudonym, by name only while shared; the audit names the client", async () => {
    const { service, shared } = setup();
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    const audit = unaudited();
    const [seen] = await service.ofVacancy(unit, 'V-1', audit);
    expect(seen).toMatchObject({ id: s.id, jobseekerId: 'cand-V-1-J1', shared: true, name: 'Name J1' });
    expect(audit.jobseekers).toEqual(['J1']);
    expect((await service.ofJobseeker(counsellor, 'J1'))[0]).toMatchObject({ jobseekerId: 'J1' });
    expect((await service.ofJobseeker(counsellor, 'J1'))[0]!.name).toBeUndefined();
    shared.length = 0; // the share ended
    const changed = await service.change(unit, s.id, { state: 'interview', version: 1 });
    expect(changed).toMatchObject({ jobseekerId: 'cand-V-1-J1', shared: false });
    expect(changed.name).toBeUndefined();
    expect(JSON.stringify(await service.ofVacancy(unit, 'V-1'))).not.toContain('"J1"');
  });
  it("the unit never reads the counsellor's reasons for the client's own steps (a decline's reason may tell of health), only its own", async () => {
    const { service } = setup();
    const s = await service.suggest(counsellor, 'J1', { vacancyId: 'V-1', consent: true });
    await service.change(unit, s.id, { state: 'interview', reason: 'Hyvä hakemus', version: 1 });
    await service.change(counsellor, s.id, { state: 'declined', reason: 'Selkävaiva, ei voi nostaa', version: 2 });
    const [seen] = await service.ofVacancy(unit, 'V-1');
    expect(seen!.history.map((e) => [e.state, e.reason])).toEqual([
      ['suggested', null],
      ['interview', 'Hyvä hakemus'],
      ['declined', null],
    ]);
    expect(JSON.stringify(seen)).not.toContain('Selkävaiva');
    // The counsellor (and the client's export) keep the reason.
    expect((await service.ofJobseeker(counsellor, 'J1'))[0]!.history.at(-1)).toMatchObject({ state: 'declined', reason: 'Selkävaiva, ei voi nostaa' });
  });
});
