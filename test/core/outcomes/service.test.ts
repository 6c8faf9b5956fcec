import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/core/access.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import type { Guard } from '../../../src/core/guard.js';
import type { StoredOutcome } from '../../../src/core/outcomes/schema.js';
import { Outcomes, type OutcomeStore } from '../../../src/core/outcomes/service.js';

/** In-memory double of the SQLite store (the real one is tested through HTTP). */
class MemoryStore implements OutcomeStore {
  readonly rows: StoredOutcome[] = [];
  private key = (o: Pick<StoredOutcome, 'jobseekerId' | 'event' | 'date'>) => `${o.jobseekerId}|${o.event}|${o.date}`;
  async addMany(outcomes: StoredOutcome[]) {
    let n = 0;
    for (const o of outcomes) if (!this.rows.some((r) => this.key(r) === this.key(o))) (this.rows.push(o), n++);
    return n;
  }
  async countStored(outcomes: Pick<StoredOutcome, 'jobseekerId' | 'event' | 'date'>[]) {
    return outcomes.filter((o) => this.rows.some((r) => this.key(r) === this.key(o))).length;
  }
  async ofJobseeker(id: string) {
    return this.rows.filter((r) => r.jobseekerId === id);
  }
  async forgetJobseeker(id: string) {
    this.rows.splice(0, this.rows.length, ...this.rows.filter((r) => r.jobseekerId !== id));
  }
}

const counsellor: Principal = { keyId: 'k1', name: 'Kaisa', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const guard = { jobseeker: () => undefined, reaches: (_p: Principal, id: string) => id.startsWith('TRE-') } as unknown as Guard;
const make = () => {
  const store = new MemoryStore();
  return { store, outcomes: new Outcomes({ store, guard, jobseeker: async () => ({}), now: () => new Date('2026-12-01T00:00:00Z') }, 100) };
};

describe('outcomes from registers', () => {
  it('stores an event once: the same line twice in a file, or the file again, changes nothing', async () => {
    const { store, outcomes } = make();
    const file = [
      { jobseekerId: 'TRE-1', event: 'training' as const, date: '2026-03-01' },
      { jobseekerId: 'TRE-1', event: 'training' as const, date: '2026-03-01', source: 'again' },
      { jobseekerId: 'TRE-1', event: 'employed-open' as const, date: '2026-09-01' },
    ];
    expect(await outcomes.import(counsellor, file, { dryRun: true })).toEqual({ created: 2, updated: 0, unchanged: 1 });
    expect(store.rows).toEqual([]);
    expect(await outcomes.import(counsellor, file, { dryRun: false })).toEqual({ created: 2, updated: 0, unchanged: 1 });
    expect(await outcomes.import(counsellor, file, { dryRun: false })).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(store.rows.map((r) => `${r.date}:${r.event}:${r.source}:${r.importedBy}`)).toEqual(['2026-03-01:training:null:Kaisa', '2026-09-01:employed-open:null:Kaisa']);
  });

  it('refuses the whole batch when a client is not the caller’s, naming the line in the file, and stores nothing', async () => {
    const { store, outcomes } = make();
    const file = [
      { jobseekerId: 'TRE-1', event: 'training' as const, date: '2026-03-01' },
      { jobseekerId: 'HKI-1', event: 'training' as const, date: '2026-03-01' },
    ];
    let error: KohtaantoError | undefined;
    try {
      await outcomes.import(counsellor, file, { dryRun: false, lines: [2, 5] });
    } catch (e) {
      error = e as KohtaantoError;
    }
    expect(error?.code).toBe('invalid_input');
    expect(error?.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['5:jobseekerId']);
    expect(store.rows).toEqual([]);
  });
});
