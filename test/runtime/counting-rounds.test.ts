import { describe, expect, it } from 'vitest';
import { countingRounds } from '../../src/runtime/counting-rounds.js';

describe('countingRounds', () => {
  it('runs one round at a time: a call during a round joins it; the next call starts another', async () => {
    let rounds = 0;
    let release!: () => void;
    const reported: number[] = [];
    const counting = countingRounds(
      async () => {
        rounds++;
        await new Promise<void>((resolve) => (release = resolve));
        return 3;
      },
      (n) => reported.push(n),
    );
    const first = counting.refresh();
    const joined = counting.refresh();
    expect(joined).toBe(first);
    release();
    expect(await first).toBe(3);
    expect(rounds).toBe(1);
    const second = counting.refresh();
    expect(second).not.toBe(first);
    release();
    expect(await second).toBe(3);
    expect([rounds, reported]).toEqual([2, [3, 3]]);
  });

  it('reports no round that counted nothing, and after stop counts nothing and tells the round under way to stop', async () => {
    const reported: number[] = [];
    let goOnSeen: (() => boolean) | undefined;
    let release!: () => void;
    const counting = countingRounds(
      async (goOn) => {
        goOnSeen = goOn;
        await new Promise<void>((resolve) => (release = resolve));
        return goOn() ? 1 : 0;
      },
      (n) => reported.push(n),
    );
    const under = counting.refresh();
    expect(goOnSeen!()).toBe(true);
    counting.stop();
    expect(counting.stopped).toBe(true);
    expect(goOnSeen!()).toBe(false);
    release();
    expect(await under).toBe(0);
    expect(await counting.refresh()).toBe(0);
    expect(reported).toEqual([]);
  });
});
