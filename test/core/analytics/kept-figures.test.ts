import { describe, expect, it } from 'vitest';
import { KeptMatchedFigures } from '../../../src/core/analytics/kept-figures.js';
import type { MatchedFigures, MatchedFiguresQuery } from '../../../src/core/analytics/matched-figures.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';

const area = (id: string): AnalysisArea => ({ kind: 'employment-area', id, nameFi: id, nameSv: id, municipalities: [id] });
const TAMPERE = area('tampere');
const TURKU = area('turku');
const QUERY: MatchedFiguresQuery = { candidates: 3, today: '2026-12-07' };

/**
 * KeptMatchedFigures over a counter that answers from a version of "the records" (a number the test
 * moves), recording each count and whether it ran in the background (with a pause between rankings).
 */
function setUp(capacity = 10) {
  const state = { records: 1, fail: false, now: Date.parse('2026-12-07T08:00:00Z') };
  const counts: string[] = [];
  const counter = {
    count: async (a: AnalysisArea, q: MatchedFiguresQuery, pause?: () => Promise<void>): Promise<MatchedFigures> => {
      const records = state.records;
      counts.push(`${a.id}:${q.candidates}:${q.today}:${pause ? 'background' : 'request'}`);
      await pause?.();
      if (state.fail) throw new Error('the store is closed');
      return { vacancies: 10 * records, jobseekers: 20 * records, longTerm: 5, sampledVacancies: 10, suitableLocal: [{ count: records, people: 'p' }], sampledLongTerm: 5, stranded: 1 };
    },
  };
  const warnings: string[] = [];
  const kept = new KeptMatchedFigures(
    { counter, version: () => `v${state.records}`, now: () => new Date(state.now), pause: () => new Promise((r) => setImmediate(r)), warn: (m) => warnings.push(m) },
    { capacity, refreshMs: 10 * 60_000 },
  );
  return { kept, state, counts, warnings };
}

describe('KeptMatchedFigures', () => {
  it('counts an area at its first request, then serves the same figures without counting while the records stay the same', async () => {
    const { kept, counts } = setUp();
    const first = await kept.of(TAMPERE, QUERY);
    const second = await kept.of(TAMPERE, QUERY);
    expect(first).toEqual({ figures: expect.objectContaining({ vacancies: 10, suitableLocal: [{ count: 1, people: 'p' }] }), counted: { at: '2026-12-07T08:00:00.000Z', current: true } });
    expect(second).toEqual(first);
    expect(counts).toEqual(['tampere:3:2026-12-07:request']);
  });

  it('keeps each area and query apart', async () => {
    const { kept, counts } = setUp();
    await kept.of(TAMPERE, QUERY);
    await kept.of(TURKU, QUERY);
    await kept.of(TAMPERE, { ...QUERY, candidates: 1 });
    await kept.of(TAMPERE, { ...QUERY, today: '2026-12-08' });
    expect(counts).toEqual(['tampere:3:2026-12-07:request', 'turku:3:2026-12-07:request', 'tampere:1:2026-12-07:request', 'tampere:3:2026-12-08:request']);
  });

  it('after the records change, serves the kept figures marked not current and counts them again in the background once they are 10 minutes old', async () => {
    const { kept, state, counts } = setUp();
    await kept.of(TAMPERE, QUERY);
    state.records = 2;
    state.now += 9 * 60_000;
    expect((await kept.of(TAMPERE, QUERY)).counted).toEqual({ at: '2026-12-07T08:00:00.000Z', current: false });
    expect(counts).toEqual(['tampere:3:2026-12-07:request']);
    state.now += 60_000;
    const stale = await kept.of(TAMPERE, QUERY);
    expect(stale.figures.vacancies).toBe(10);
    expect(stale.counted.current).toBe(false);
    expect(counts).toEqual(['tampere:3:2026-12-07:request', 'tampere:3:2026-12-07:background']);
    await new Promise((r) => setTimeout(r, 10));
    const fresh = await kept.of(TAMPERE, QUERY);
    expect(fresh.figures.vacancies).toBe(20);
    expect(fresh.counted).toEqual({ at: '2026-12-07T08:10:00.000Z', current: true });
    expect(counts).toHaveLength(2);
  });

  it('a request while the area is being counted waits for that count instead of counting twice', async () => {
    const { kept, counts } = setUp();
    kept.keep([TAMPERE], { candidates: 3 }, QUERY.today);
    const refreshing = kept.refresh(QUERY.today);
    const asked = await kept.of(TAMPERE, QUERY);
    expect(await refreshing).toBe(1);
    expect(asked.figures.vacancies).toBe(10);
    expect(counts).toEqual(['tampere:3:2026-12-07:background']);
  });

  it('refresh counts the areas kept from the start, then only those asked for since their records changed, and moves the kept ones to a new day', async () => {
    const { kept, state, counts } = setUp();
    kept.keep([TAMPERE, TURKU], { candidates: 3 }, QUERY.today);
    expect(kept.status()).toEqual({ kept: 2, current: 0 });
    expect(await kept.refresh(QUERY.today)).toBe(2);
    expect(kept.status()).toEqual({ kept: 2, current: 2 });
    expect(await kept.refresh(QUERY.today)).toBe(0);
    state.records = 3;
    expect(kept.status()).toEqual({ kept: 2, current: 0 });
    // No one asked for either since: neither is counted again.
    expect(await kept.refresh(QUERY.today)).toBe(0);
    expect((await kept.of(TURKU, QUERY)).counted.current).toBe(false);
    expect(await kept.refresh(QUERY.today)).toBe(1);
    expect(await kept.refresh('2026-12-08')).toBe(2);
    expect(counts).toEqual([
      'tampere:3:2026-12-07:background',
      'turku:3:2026-12-07:background',
      'turku:3:2026-12-07:background',
      'tampere:3:2026-12-08:background',
      'turku:3:2026-12-08:background',
    ]);
    // The day passed: what a request for the new day gets is the kept count.
    expect((await kept.of(TAMPERE, { ...QUERY, today: '2026-12-08' })).figures.vacancies).toBe(30);
    expect(counts).toHaveLength(5);
  });

  it('stops a refresh between two areas when told to', async () => {
    const { kept, counts } = setUp();
    kept.keep([TAMPERE, TURKU], { candidates: 3 }, QUERY.today);
    let going = true;
    const refreshed = kept.refresh(QUERY.today, () => {
      const now = going;
      going = false;
      return now;
    });
    expect(await refreshed).toBe(1);
    expect(counts).toEqual(['tampere:3:2026-12-07:background']);
  });

  it('past its capacity drops the least recently asked areas, never those kept from the start', async () => {
    const { kept, counts } = setUp(2);
    kept.keep([TAMPERE], { candidates: 3 }, QUERY.today);
    await kept.of(TURKU, QUERY);
    await kept.of(area('oulu'), QUERY);
    expect(kept.status().kept).toBe(2);
    await kept.of(TAMPERE, QUERY);
    await kept.of(TURKU, QUERY);
    expect(counts).toEqual(['turku:3:2026-12-07:request', 'oulu:3:2026-12-07:request', 'tampere:3:2026-12-07:request', 'turku:3:2026-12-07:request']);
  });

  it('a background count that fails is reported and leaves the kept figures as they were', async () => {
    const { kept, state, warnings } = setUp();
    await kept.of(TAMPERE, QUERY);
    state.records = 2;
    state.fail = true;
    await kept.of(TAMPERE, QUERY);
    expect(await kept.refresh(QUERY.today)).toBe(0);
    expect(warnings).toEqual(['mismatch figures of tampere: the store is closed']);
    const served = await kept.of(TAMPERE, QUERY);
    expect(served.figures.vacancies).toBe(10);
    expect(served.counted.current).toBe(false);
  });

  it('figures counted while the records changed are not current', async () => {
    const { kept, state } = setUp();
    const counting = kept.of(TAMPERE, QUERY);
    state.records = 2;
    expect((await counting).counted.current).toBe(false);
  });
});
