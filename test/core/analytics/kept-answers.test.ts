import { describe, expect, it } from 'vitest';
import { KeptAnswers } from '../../../src/core/analytics/kept-answers.js';

/**
 * KeptAnswers over a count that answers from a version of "the records" (a number the test moves),
 * recording each count and whether the answer had gone out before it (in the background).
 */
function setUp(capacity = 10) {
  const state = { records: 1, fail: false, now: Date.parse('2026-12-07T08:00:00Z'), counting: 'request' as 'request' | 'background' };
  const counts: string[] = [];
  const count = (question: string) => async () => {
    counts.push(`${question}:${state.records}:${state.counting}`);
    if (state.fail) throw new Error('the store is closed');
    return { question, records: state.records };
  };
  const warnings: string[] = [];
  const kept = new KeptAnswers<{ question: string; records: number }>(
    {
      version: async () => `v${state.records}`,
      now: () => new Date(state.now),
      later: async () => {
        state.counting = 'background';
        await new Promise((r) => setImmediate(r));
      },
      warn: (m) => warnings.push(m),
    },
    { capacity, refreshMs: 10 * 60_000 },
  );
  const ask = async (question: string) => {
    state.counting = 'request';
    return kept.of(question, count(question));
  };
  /** Lets a count in the background run to its end. */
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return { kept, state, counts, warnings, ask, settle };
}

describe('KeptAnswers', () => {
  it('counts a question when first asked, then answers the same without counting while the records stay the same', async () => {
    const { ask, counts } = setUp();
    const first = await ask('tampere');
    expect(first).toEqual({ answer: { question: 'tampere', records: 1 }, counted: { at: '2026-12-07T08:00:00.000Z', current: true } });
    expect(await ask('tampere')).toEqual(first);
    await ask('turku');
    expect(counts).toEqual(['tampere:1:request', 'turku:1:request']);
  });

  it('after the records change, answers as counted (not current) and counts again in the background once the answer is refreshMs old', async () => {
    const { ask, state, counts, settle } = setUp();
    await ask('tampere');
    state.records = 2;
    state.now += 9 * 60_000;
    expect(await ask('tampere')).toEqual({ answer: { question: 'tampere', records: 1 }, counted: { at: '2026-12-07T08:00:00.000Z', current: false } });
    await settle();
    expect(counts).toEqual(['tampere:1:request']);
    state.now += 60_000;
    expect((await ask('tampere')).counted.current).toBe(false);
    await settle();
    expect(counts).toEqual(['tampere:1:request', 'tampere:2:background']);
    expect(await ask('tampere')).toEqual({ answer: { question: 'tampere', records: 2 }, counted: { at: '2026-12-07T08:10:00.000Z', current: true } });
  });

  it('refresh counts again the questions asked since their records changed, not those no one asked since, nor current ones', async () => {
    const { kept, ask, state, counts } = setUp();
    await ask('tampere');
    await ask('turku');
    await ask('oulu');
    state.records = 2;
    await ask('tampere');
    await ask('oulu');
    counts.length = 0;
    expect(await kept.refresh()).toBe(2);
    expect(counts).toEqual(['tampere:2:background', 'oulu:2:background']);
    expect(await kept.refresh()).toBe(0);
    expect(await kept.status()).toEqual({ kept: 3, current: 2 });
  });

  it('a count in the background that fails keeps the answer as it was and warns', async () => {
    const { kept, ask, state, warnings } = setUp();
    await ask('tampere');
    state.records = 2;
    await ask('tampere');
    state.fail = true;
    expect(await kept.refresh()).toBe(0);
    expect(warnings).toEqual(['kept answer tampere: the store is closed']);
    expect((await ask('tampere')).answer).toEqual({ question: 'tampere', records: 1 });
  });

  it('an answer counted while the records changed is not current, and is counted again when asked after refreshMs', async () => {
    const { state, settle } = setUp();
    const kept = new KeptAnswers<number>(
      { version: async () => `v${state.records}`, now: () => new Date(state.now), later: async () => undefined, warn: () => undefined },
      { capacity: 10, refreshMs: 0 },
    );
    const answer = await kept.of('tampere', async () => {
      state.records++;
      return state.records;
    });
    expect(answer.counted.current).toBe(false);
    await settle();
    expect((await kept.of('tampere', async () => -1)).answer).toBe(2);
  });

  it('keeps at most `capacity` questions, dropping the least recently asked', async () => {
    const { ask, counts, kept } = setUp(2);
    await ask('a');
    await ask('b');
    await ask('a');
    await ask('c');
    expect(await kept.status()).toEqual({ kept: 2, current: 2 });
    await ask('a');
    await ask('b');
    expect(counts).toEqual(['a:1:request', 'b:1:request', 'c:1:request', 'b:1:request']);
  });

  it('a second request finding a count under way waits for it (one count per question at a time)', async () => {
    const { kept } = setUp();
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { question: 'x', records: 1 };
    };
    const [a, b] = await Promise.all([kept.of('x', slow), kept.of('x', slow)]);
    expect(runs).toBe(1);
    expect(a.answer).toBe(b.answer);
  });
});
