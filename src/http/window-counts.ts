/** Counts made in one worker process, sent to the others (the primary relays them); see src/runtime/workers.ts. */
export interface CountLink {
  send(window: number, deltas: [string, number][]): void;
  onReceive(handler: (window: number, deltas: [string, number][]) => void): void;
}

/** How often a worker sends what it counted: another worker sees a request at most this late. */
const SEND_EVERY_MS = 20;

/**
 * Requests per key in fixed windows aligned to the clock (minute 12:00:00–12:00:59 and so on),
 * counted over all the service's worker processes: each counts its own at once and sends them on
 * every 20 ms (through `link`), and adds what the others send. So a limit holds across workers
 * within what they receive in 20 ms. Without a link (one process) the counts are this process's.
 * Memory is bounded: past `maxKeys` keys in a window the counts start over.
 */
export class WindowCounts {
  private window = -1;
  private readonly counts = new Map<string, number>();
  private pending = new Map<string, number>();

  constructor(
    readonly windowMs: number,
    private readonly link?: CountLink,
    private readonly maxKeys = 100_000,
  ) {
    if (!link) return;
    link.onReceive((window, deltas) => {
      this.roll(Date.now());
      if (window !== this.window) return; // a window that has ended here
      for (const [key, n] of deltas) this.bump(key, n);
    });
    setInterval(() => this.send(), SEND_EVERY_MS).unref();
  }

  /** Counts one more for the key; returns the count in the current window, all workers together. */
  add(key: string, now = Date.now()): number {
    this.roll(now);
    if (this.link) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return this.bump(key, 1);
  }

  count(key: string, now = Date.now()): number {
    this.roll(now);
    return this.counts.get(key) ?? 0;
  }

  /** Milliseconds until the current window ends. */
  msLeft(now = Date.now()): number {
    return (Math.floor(now / this.windowMs) + 1) * this.windowMs - now;
  }

  private bump(key: string, n: number): number {
    if (this.counts.size >= this.maxKeys && !this.counts.has(key)) this.counts.clear();
    const count = (this.counts.get(key) ?? 0) + n;
    this.counts.set(key, count);
    return count;
  }

  private roll(now: number): void {
    const window = Math.floor(now / this.windowMs);
    if (window === this.window) return;
    this.send(); // what was counted in the window that ends still reaches the others (who drop it if they moved on)
    this.window = window;
    this.counts.clear();
  }

  private send(): void {
    if (!this.link || this.pending.size === 0) return;
    this.link.send(this.window, [...this.pending]);
    this.pending = new Map();
  }
}

/**
 * @fastify/rate-limit's store over WindowCounts, so that the per-key limit counts the requests of
 * every worker process (the plugin's own store counts one process's).
 */
export function windowStore(counts: WindowCounts) {
  type Reply = (error: Error | null, result: { current: number; ttl: number }) => void;
  return class WindowStore {
    incr(key: string, reply: Reply): void {
      reply(null, { current: counts.add(key), ttl: counts.msLeft() });
    }

    read(key: string, reply: Reply): void {
      reply(null, { current: counts.count(key), ttl: counts.msLeft() });
    }

    child(): WindowStore {
      return this;
    }
  };
}
