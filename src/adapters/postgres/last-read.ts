import { DEFAULT_POSTGRES } from '../../config.js';
import { KohtaantoError } from '../../core/errors.js';

/** Whether an error is the catalogue's `database_unavailable`: no primary reachable (see primary.ts). */
export const databaseUnreachable = (error: unknown) => error instanceof KohtaantoError && error.code === 'database_unavailable';

/**
 * What this node last read of something small that every match needs (an API key's principal, a
 * client's overrides), answered from memory while no primary is reachable (issue 35: reads and
 * matches are served from memory during a failover; writes are refused). Read from PostgreSQL
 * whenever it answers — or, with `freshForMs`, only once that long has passed since the last read
 * (the value is then up to `freshForMs` old: what another node changed meanwhile is seen after it);
 * the value kept is only ever the last one read here, and nothing can be written meanwhile. What
 * another node changed after this node's last read is not seen until the primary is back: the
 * price of answering at all. At most `max` values are kept, the least recently read forgotten
 * first; a value read as `undefined` is not kept (and forgets the key).
 */
export class LastRead<K, V> {
  private readonly kept = new Map<K, { value: V; readAt: number }>();

  constructor(
    private readonly max: number = DEFAULT_POSTGRES.lastReadsKept,
    private readonly freshForMs = 0,
    /** Milliseconds on a clock that only moves forward (the freshness is not the service's business time). */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  async read(key: K, fresh: () => Promise<V | undefined>, stillGood: (value: V) => boolean = () => true): Promise<V | undefined> {
    const kept = this.kept.get(key);
    if (kept && this.freshForMs > 0 && this.clock() - kept.readAt < this.freshForMs && stillGood(kept.value)) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept.value;
    }
    const readAt = this.clock();
    let value: V | undefined;
    try {
      value = await fresh();
    } catch (error) {
      const last = this.kept.get(key);
      if (databaseUnreachable(error) && last !== undefined && stillGood(last.value)) return last.value;
      throw error;
    }
    this.kept.delete(key);
    if (value === undefined) return undefined;
    this.kept.set(key, { value, readAt });
    const oldest = this.kept.keys().next();
    if (this.kept.size > this.max && !oldest.done) this.kept.delete(oldest.value);
    return value;
  }

  /** Forgets what was read under `key`. */
  forget(key: K): void {
    this.kept.delete(key);
  }

  /** Forgets what was read under every key whose value `which` picks. */
  forgetWhere(which: (value: V) => boolean): void {
    for (const [key, { value }] of this.kept) if (which(value)) this.kept.delete(key);
  }
}
