import { describe, expect, it } from 'vitest';
import { LastRead } from '../../../src/adapters/postgres/last-read.js';
import { databaseUnavailable, notFound } from '../../../src/core/errors.js';

const unreachable = () => Promise.reject(databaseUnavailable(5, new Error('connect ECONNREFUSED')));

describe('what a node last read, answered while no primary is reachable', () => {
  it('answers the last value read when the database is unreachable, and reads afresh whenever it answers', async () => {
    const last = new LastRead<string, number>(10);
    expect(await last.read('a', async () => 1)).toBe(1);
    expect(await last.read('a', unreachable)).toBe(1);
    expect(await last.read('a', async () => 2)).toBe(2);
    expect(await last.read('a', unreachable)).toBe(2);
  });

  it('refuses (the 503 as it came) what it never read, what is no longer good, and what was read as nothing', async () => {
    const last = new LastRead<string, { until: number }>(10);
    await expect(last.read('never', unreachable)).rejects.toMatchObject({ code: 'database_unavailable', retryAfterSeconds: 5 });
    await last.read('expired', async () => ({ until: 1 }));
    await expect(last.read('expired', unreachable, (v) => v.until > 2)).rejects.toMatchObject({ code: 'database_unavailable' });
    await last.read('gone', async () => ({ until: 9 }));
    expect(await last.read('gone', async () => undefined)).toBeUndefined();
    await expect(last.read('gone', unreachable)).rejects.toMatchObject({ code: 'database_unavailable' });
  });

  it('passes any other error on, even for a value it holds', async () => {
    const last = new LastRead<string, number>(10);
    await last.read('a', async () => 1);
    await expect(last.read('a', () => Promise.reject(notFound('vacancy', 'a')))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps at most its bound, forgetting the least recently read first; forgets by key or by value', async () => {
    const last = new LastRead<string, number>(2);
    await last.read('a', async () => 1);
    await last.read('b', async () => 2);
    await last.read('a', async () => 1); // read again: now the most recent
    await last.read('c', async () => 3); // 'b' goes
    await expect(last.read('b', unreachable)).rejects.toMatchObject({ code: 'database_unavailable' });
    expect(await last.read('a', unreachable)).toBe(1);
    last.forget('a');
    await expect(last.read('a', unreachable)).rejects.toMatchObject({ code: 'database_unavailable' });
    last.forgetWhere((v) => v === 3);
    await expect(last.read('c', unreachable)).rejects.toMatchObject({ code: 'database_unavailable' });
  });

  it('with freshForMs, answers from memory until that long has passed since the read, then reads afresh; never what is no longer good', async () => {
    let now = 0;
    const last = new LastRead<string, { until: number }>(10, 1000, () => now);
    let reads = 0;
    const read = (until: number) => async () => (reads++, { until });
    expect(await last.read('a', read(5))).toEqual({ until: 5 });
    now = 999;
    expect(await last.read('a', read(6))).toEqual({ until: 5 });
    expect(reads).toBe(1);
    now = 1000;
    expect(await last.read('a', read(6))).toEqual({ until: 6 });
    expect(reads).toBe(2);
    // Within the time, but no longer good (a key expired): read afresh.
    expect(await last.read('a', read(7), (v) => v.until > 6)).toEqual({ until: 7 });
    expect(reads).toBe(3);
    last.forget('a');
    expect(await last.read('a', read(8))).toEqual({ until: 8 });
    expect(reads).toBe(4);
  });
});
