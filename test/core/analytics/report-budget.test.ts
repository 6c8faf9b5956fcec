import { describe, expect, it } from 'vitest';
import { CandidateBudgetStore } from '../../../src/adapters/sqlite/candidate-budget.js';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { ReportBudget } from '../../../src/core/analytics/report-budget.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import { principals } from '../../helpers/hits.js';

const KEY = Buffer.alloc(32, 3);
const { planner, admin } = principals;

/** A budget of `perDay` over a real SQLite store, on a clock the test moves. */
function budget(perDay: number) {
  const store = new CandidateBudgetStore(openDatabase(':memory:'));
  let now = new Date('2026-12-07T22:00:00Z');
  const b = new ReportBudget({ count: (c, d, q, l) => store.views(c, d, q, l), now: () => now }, KEY, { perDay });
  return { b, store, at: (iso: string) => (now = new Date(iso)) };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as KohtaantoError & { retryAfterSeconds: number };
  }
  return undefined;
};

describe('the daily budget of noisy reports', () => {
  it('counts distinct questions, not requests: the same parameters (in any order, any format, language or number of rows) are one', async () => {
    const { b } = budget(2);
    expect(await b.admit(planner, 'skills', { area: 'tampere', limit: 10, lang: 'fi' })).toEqual({ used: 1 });
    expect(await b.admit(planner, 'skills', { lang: 'sv', format: 'csv', area: 'tampere', limit: 2000 })).toEqual({ used: 1 });
    expect(await b.admit(planner, 'occupations', { area: 'tampere' })).toEqual({ used: 2 });
    const refused = await refusal(b.admit(planner, 'skills', { municipality: '837' }));
    expect(refused).toBeInstanceOf(KohtaantoError);
    expect(refused!.code).toBe('rate_limited');
    expect(refused!.text('fi')).toMatch(/2 erilaista tilastoraporttia/);
    expect(refused!.text('sv')).toMatch(/2 olika statistikrapporter/);
    expect(refused!.text('en')).toMatch(/2 different statistical reports/);
    // Until midnight UTC: two hours.
    expect(refused!.retryAfterSeconds).toBe(7200);
    // Asked before: still answered.
    expect(await b.admit(planner, 'occupations', { area: 'tampere' })).toEqual({ used: 2 });
  });

  it('starts again the next day (UTC), is per key, and does not limit admins', async () => {
    const { b, at } = budget(1);
    await b.admit(planner, 'mismatch', { area: 'tampere' });
    expect(await refusal(b.admit(planner, 'mismatch', { area: 'oulu' }))).toBeDefined();
    expect(await b.admit({ ...planner, keyId: 'another' }, 'mismatch', { area: 'oulu' })).toEqual({ used: 1 });
    for (let i = 0; i < 5; i++) await b.admit(admin, 'mismatch', { area: `a${i}` });
    at('2026-12-08T00:00:01Z');
    expect(await b.admit(planner, 'mismatch', { area: 'oulu' })).toEqual({ used: 1 });
  });

  it('keeps a keyed hash of each question, never the question', async () => {
    const { b, store } = budget(5);
    await b.admit(planner, 'exposure', { municipality: 'Tampere', sample: 20 });
    const db = (store as unknown as { db: { prepare(sql: string): { all(): unknown[] } } }).db;
    const rows = JSON.stringify(db.prepare('SELECT * FROM candidate_views').all());
    expect(rows).toContain('noisy-reports:k-p');
    expect(rows).not.toMatch(/Tampere|sample|exposure/);
  });
});
