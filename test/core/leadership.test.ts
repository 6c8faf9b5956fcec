import { describe, expect, it } from 'vitest';
import { singleMachine } from '../../src/core/leadership.js';

describe('leadership on one machine (SQLite)', () => {
  it('lets the maintaining process lead from start to close, and never the others', async () => {
    const maintainer = singleMachine(true);
    const follower = singleMachine(false);
    const told: boolean[] = [];
    maintainer.onChange((l) => told.push(l));
    expect(maintainer.leading()).toBe(true);
    expect(follower.leading()).toBe(false);
    await maintainer.close();
    await follower.close();
    expect(maintainer.leading()).toBe(false);
    expect(told).toEqual([false]);
  });
});
