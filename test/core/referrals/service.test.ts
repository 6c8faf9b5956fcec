import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/core/access.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import type { Guard } from '../../../src/core/guard.js';
import type { Referral, ReferralEvent } from '../../../src/core/referrals/schema.js';
import { Referrals, type ReferralStore } from '../../../src/core/referrals/service.js';
import { NEXT_REFERRAL_STATES, REFERRAL_STATES, SETTABLE_REFERRAL_STATES, type ReferralState } from '../../../src/core/referrals/states.js';

/** In-memory double of the SQLite store (the real one: test/adapters/sqlite/referrals.test.ts, and through HTTP). */
class MemoryStore implements ReferralStore {
  readonly rows: Referral[] = [];
  async add(r: Omit<Referral, 'id' | 'at' | 'state' | 'version' | 'history'>, first: Omit<ReferralEvent, 'state'>): Promise<Referral> {
    const row: Referral = { ...r, id: this.rows.length + 1, at: first.at, state: 'referred', version: 1, history: [{ ...first, state: 'referred' }] };
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
  async change(id: number, version: number, event: ReferralEvent) {
    const row = this.rows.find((r) => r.id === id);
    if (!row || row.version !== version) return false;
    row.state = event.state;
    row.version++;
    row.history.push(event);
    return true;
  }
}

const counsellor: Principal = { keyId: 'k1', name: 'Kaisa', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const guard = { jobseeker: () => undefined, reaches: (_p: Principal, id: string) => id === 'J1' } as unknown as Guard;
let now = new Date('2026-05-04T10:00:00Z');

async function referralIn(state: ReferralState) {
  const store = new MemoryStore();
  const referrals = new Referrals({ store, guard, jobseeker: async () => ({}), training: () => ({}), now: () => now });
  const made = await referrals.refer(counsellor, { jobseekerId: 'J1', trainingId: 'T1' });
  // The shortest walk to `state` through the table.
  const path: Record<ReferralState, ReferralState[]> = {
    referred: [], accepted: ['accepted'], started: ['accepted', 'started'], completed: ['accepted', 'started', 'completed'],
    interrupted: ['accepted', 'started', 'interrupted'], declined: ['declined'], cancelled: ['cancelled'],
  };
  let version = 1;
  for (const step of path[state]) await referrals.change(counsellor, made.id, { state: step as never, version: version++, note: 'x' });
  return { referrals, id: made.id, version };
}

describe('referral states', () => {
  it('allows exactly the moves of the table, from every state to every settable state', async () => {
    for (const from of REFERRAL_STATES) {
      for (const to of SETTABLE_REFERRAL_STATES) {
        const { referrals, id, version } = await referralIn(from);
        let answer: string;
        try {
          answer = (await referrals.change(counsellor, id, { state: to, version, note: 'syy' })).state;
        } catch (error) {
          answer = (error as KohtaantoError).code;
        }
        expect([from, to, answer]).toEqual([from, to, NEXT_REFERRAL_STATES[from].includes(to) ? to : 'conflict']);
      }
    }
  });

  it('dates a change by the day it happened, not before the one before it nor after today', async () => {
    now = new Date('2026-05-04T10:00:00Z');
    const { referrals, id } = await referralIn('referred');
    now = new Date('2026-05-20T10:00:00Z');
    await expect(referrals.change(counsellor, id, { state: 'accepted', version: 1, on: '2026-05-03' })).rejects.toThrow(KohtaantoError);
    await expect(referrals.change(counsellor, id, { state: 'accepted', version: 1, on: '2026-05-21' })).rejects.toThrow(KohtaantoError);
    const accepted = await referrals.change(counsellor, id, { state: 'accepted', version: 1, on: '2026-05-06' });
    expect(accepted.history.map((e) => `${e.state}@${e.on}`)).toEqual(['referred@2026-05-04', 'accepted@2026-05-06']);
    await expect(referrals.change(counsellor, id, { state: 'started', version: 2, on: '2026-05-05' })).rejects.toThrow(KohtaantoError);
  });
});
