/**
 * Which node runs the background jobs (expiry, retention, compaction of index files, label-vector
 * builds): one at a time, and another when it dies. An adapter decides it — on one machine the
 * maintaining process always leads (`singleMachine`), on PostgreSQL an advisory lock does
 * (src/adapters/postgres/leadership.ts).
 */
export interface Leadership {
  /** Whether this node runs the background jobs now. */
  leading(): boolean;
  /** Tells `listener` each time this node starts (true) or stops (false) leading; returns how to stop telling it. */
  onChange(listener: (leading: boolean) => void): () => void;
  /** Stops leading and trying to. */
  close(): Promise<void>;
}

/** One machine (SQLite): the maintaining process leads from its start to its end, the others never. */
export function singleMachine(leads: boolean): Leadership {
  let leading = leads;
  const listeners = new Set<(leading: boolean) => void>();
  return {
    leading: () => leading,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (!leading) return;
      leading = false;
      for (const listener of listeners) listener(false);
    },
  };
}
