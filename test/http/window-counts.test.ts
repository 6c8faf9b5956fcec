import { describe, expect, it } from 'vitest';
import { WindowCounts, windowStore, type CountLink } from '../../src/http/window-counts.js';

/** A labelled test double of the primary's relay: what one worker sends, every other receives. */
function relay(workers: number): CountLink[] {
  const handlers: ((window: number, deltas: [string, number][]) => void)[][] = Array.from({ length: workers }, () => []);
  return handlers.map((own, i) => ({
    send: (window, deltas) => handlers.forEach((h, j) => j !== i && h.forEach((handler) => handler(window, deltas))),
    onReceive: (handler) => own.push(handler),
  }));
}

const settle = () => new Promise((r) => setTimeout(r, 60));
/** Waits out the last half second of a minute, so that a test's counts fall in one window. */
const freshWindow = async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 500) await new Promise((r) => setTimeout(r, left + 10));
};

describe('WindowCounts: per-key counts in clock-aligned windows, shared between worker processes', () => {
  it('counts one process alone, and starts again when the window turns', () => {
    const counts = new WindowCounts(60_000);
    const t = Date.UTC(2026, 10, 24, 12, 0, 10);
    expect(counts.add('k', t)).toBe(1);
    expect(counts.add('k', t + 1000)).toBe(2);
    expect(counts.count('other', t)).toBe(0);
    expect(counts.msLeft(t)).toBe(50_000);
    expect(counts.count('k', t + 50_000)).toBe(0); // 12:01:00: a new window
  });

  it('adds what the other workers counted, within the 20 ms they exchange counts in', async () => {
    await freshWindow();
    const [a, b] = relay(2).map((link) => new WindowCounts(60_000, link));
    for (let i = 0; i < 5; i++) a!.add('key-1');
    b!.add('key-1');
    await settle();
    expect(a!.count('key-1')).toBe(6);
    expect(b!.count('key-1')).toBe(6);
    expect(b!.add('key-1')).toBe(7);
  });

  it('drives @fastify/rate-limit: the count over all workers and the time left in the window', async () => {
    await freshWindow();
    const [a, b] = relay(2).map((link) => new WindowCounts(60_000, link));
    const Store = windowStore(a!);
    const store = new Store();
    b!.add('api-key');
    b!.add('api-key');
    await settle();
    const result = await new Promise<{ current: number; ttl: number }>((resolve) => store.incr('api-key', (_e, r) => resolve(r)));
    expect(result.current).toBe(3);
    expect(result.ttl).toBeGreaterThan(0);
    expect(result.ttl).toBeLessThanOrEqual(60_000);
  });
});
