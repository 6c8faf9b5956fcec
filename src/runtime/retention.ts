import { pragmaNumber, type Db } from '../adapters/sqlite/database.js';
import { writeUnlessLocked } from '../adapters/sqlite/write-lock.js';
import type { Clock } from '../core/clock.js';
import type { Decisions } from '../core/oversight/decisions.js';
import type { EngineLog } from './log.js';

export interface RetentionSettings {
  /** Audit entries older than this many days are removed. */
  auditRetentionDays: number;
  /** Rows removed per transaction (each batch a short write; the event loop runs between batches). */
  retentionBatch: number;
  /** How often a round runs (minutes); also once at start. */
  retentionIntervalMinutes: number;
}

/** Pages given back to the disk per incremental-vacuum step (4 MB at SQLite's 4 KB pages). */
const VACUUM_PAGES = 1024;
const DAY = 86_400_000;

/** The logs retention prunes: the audit trail (returns false when another process held the write lock) and the decision records. */
export interface RetainedLogs {
  audit: { pruneBefore(at: string, limit: number): Promise<number | false> };
  decisions: Pick<Decisions, 'prune' | 'retentionDays'>;
}

/**
 * Removes audit entries and decision records past their retention period, in the process that
 * maintains the data directory: a round at start and then every `retentionIntervalMinutes`, each a
 * series of batches of `retentionBatch` rows, every batch its own short transaction and the event
 * loop free between them (requests are answered in between; a batch is a few milliseconds). Then,
 * when the file was created with `auto_vacuum = INCREMENTAL` (new data directories; an older one
 * after `npm run vacuum`), the free pages are given back to the disk in steps the same way, and the
 * write-ahead log is checkpointed. Only one round runs at a time; `stop` ends the timer and a round
 * under way after its current batch.
 */
export function startRetention(file: Db | undefined, logs: RetainedLogs, settings: RetentionSettings, now: Clock, log: EngineLog) {
  const pruned = { audit: 0, decisions: 0 };
  // On PostgreSQL (no SQLite file of record) the server's autovacuum reuses the space: nothing to give back here.
  const db = file;
  const incremental = db !== undefined && pragmaNumber(db, 'auto_vacuum') === 2;
  let stopped = false;
  let running: Promise<void> | undefined;
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

  /** Batches until one comes back short (or locked); how many rows in all. */
  const drain = async (batch: () => number | false | Promise<number | false>) => {
    let total = 0;
    for (;;) {
      if (stopped) return total;
      const removed = await batch();
      if (removed === false) return total; // another process writes: the next round goes on
      total += removed;
      if (removed < settings.retentionBatch) return total;
      await pause();
    }
  };

  const round = async () => {
    const auditBefore = new Date(now().getTime() - settings.auditRetentionDays * DAY).toISOString();
    const audit = await drain(() => logs.audit.pruneBefore(auditBefore, settings.retentionBatch));
    const decisions = await drain(() => logs.decisions.prune(settings.retentionBatch));
    pruned.audit += audit;
    pruned.decisions += decisions;
    if (audit > 0) log.info(`audit trail: ${audit} entries older than ${settings.auditRetentionDays} days removed`);
    if (decisions > 0) log.info(`decision log: ${decisions} decisions older than ${logs.decisions.retentionDays} days removed`);
    if (incremental && !stopped) {
      let given = 0;
      while (!stopped && pragmaNumber(db!, 'freelist_count') > 0) {
        const before = pragmaNumber(db!, 'freelist_count');
        // Not waiting for another process's write lock either (a worker sleeping for it answers nothing).
        if (!writeUnlessLocked(db!, () => db!.pragma(`incremental_vacuum(${VACUUM_PAGES})`))) break;
        const after = pragmaNumber(db!, 'freelist_count');
        given += before - after;
        if (after >= before) break; // another process's reader holds them: the next round
        await pause();
      }
      if (given > 0) log.info(`database: ${given} free pages given back to the disk`);
    }
    // Moves the log's pages into the file without waiting for readers (never blocks a request).
    if (!stopped && audit + decisions > 0) db?.pragma('wal_checkpoint(PASSIVE)');
  };

  const run = () => {
    if (running || stopped) return running;
    running = round()
      .catch((error: Error) => log.warn(`retention: removing old entries failed: ${error.message}`))
      .finally(() => (running = undefined));
    return running;
  };
  void run();
  const timer = setInterval(() => void run(), settings.retentionIntervalMinutes * 60_000);
  timer.unref();
  return {
    /** Rows removed since start, by log. */
    pruned: () => ({ ...pruned }),
    /** Runs a round now (or waits for the one under way). */
    run: () => run() ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
