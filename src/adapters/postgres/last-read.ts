import { DEFAULT_POSTGRES } from '../../config.js';
import { KohtaantoError } from '../../core/errors.js';

/** Whether an error is the catalogue's `database_unavailable`: no primary reachable (see primary.ts). */
export const databaseUnreachable = (error: unknown) => error instanceof KohtaantoError && error.code === 'database_unavailable';

/**
 * What this node last read of something small that every match needs (an API key's principal, a
 * client's overrides), answered from memory while no primary is reachable (issue 35: reads and
 * matches are served from memory during a failover; writes are refused). Read from PostgreSQL
 * whenever it answers; the value kept is only ever the last one read here, and nothing can be
 * written meanwhile. What another node changed after this node's last read is not seen until
 * the primary is back: the price of answering at all. At most `max` values are kept, the least
 * recently read forgotten first; a value read as `undefined` is not kept (and forgets the key).
 */
export class LastRead<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(private readonly max: number = DEFAULT_POSTGRES.lastReadsKept) {}

  async read(key: K, fresh: () => Promise<V | undefined>, stillGood: (value: V) => boolean = () => true): Promise<V | undefined> {
    let value: V | undefined;
    try {
      value = await fresh();
    } catch (error) {
      const kept = this.kept.get(key);
      if (databaseUnreachable(error) && kept !== undefined && stillGood(kept)) return kept;
      throw error;
    }
    this.kept.delete(key);
    if (value === undefined) return undefined;
    this.kept.set(key, value);
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value as K);
    return value;
  }

  /** Forgets what was read under `key`, or under every key whose value `which` picks. */
  forget(key: K): void;
  forget(which: (value: V) => boolean): void;
  forget(keyOrWhich: K | ((value: V) => boolean)): void {
    if (typeof keyOrWhich !== 'function') return void this.kept.delete(keyOrWhich);
    const which = keyOrWhich as (value: V) => boolean;
    for (const [key, value] of this.kept) if (which(value)) this.kept.delete(key);
  }
}
