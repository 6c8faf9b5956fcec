import type { SettingFlag } from '../core/ports.js';
import type { EngineLog } from './log.js';
import { codeOf, messageOf } from '../core/thrown.js';

/** Where a compaction asked for is remembered (see Stores.compactionDue), and how erased rows leave the local write-ahead log. */
export interface CompactionRecord {
  due: SettingFlag;
  checkpoint(): void;
}

/** How often vacancies past their expiry date are closed (they are never returned in between either). */
const EXPIRY_SWEEP_MS = 60 * 60 * 1000;

export interface MaintainedIndexes {
  jobseekers: { flush(): Promise<void>; flushNow(): void; compact(): number };
  vacancies: { flush(): Promise<void>; flushNow(): void; compact(): number };
}

export interface MaintenanceSettings {
  indexFlushSeconds: number;
  compactSeconds: number;
}

/**
 * The background work of a running service: index files written every `indexFlushSeconds` when
 * changed, indexes compacted when an erasure asked for it (at most every `compactSeconds`, and
 * then the write-ahead log truncated so erased rows leave it too), expired vacancies closed hourly.
 * A compaction asked for is remembered in SQLite: if the process dies first (SIGKILL, power loss),
 * the next start compacts before it serves, so an erased vector never outlives a crash in the index
 * file. `stop` ends the timers and does what is due.
 */
export async function startMaintenance(record: CompactionRecord, indexes: MaintainedIndexes, closeExpired: () => Promise<number>, settings: MaintenanceSettings, log: EngineLog) {
  const { due } = record;
  let compactionDue = false;
  let lastCompaction = Date.now();
  /** Compacts both indexes (and truncates the write-ahead log); the flag is cleared after. */
  const compactNow = () => {
    const dropped = { jobseekers: indexes.jobseekers.compact(), vacancies: indexes.vacancies.compact() };
    compactionDue = false;
    lastCompaction = Date.now();
    record.checkpoint();
    return dropped;
  };
  const compact = async () => {
    const dropped = compactNow();
    await due.clear();
    return dropped;
  };
  if (await due.isSet()) {
    const dropped = await compact();
    log.info(`compacted at start (an erasure awaited it): ${dropped.jobseekers + dropped.vacancies} deleted points dropped`);
  }
  const flush = async () => {
    // An erasure in another worker process asks through the flag in SQLite.
    if ((compactionDue || (await due.isSet())) && Date.now() - lastCompaction >= settings.compactSeconds * 1000) await compact();
    await indexes.jobseekers.flush();
    await indexes.vacancies.flush();
  };
  const sweep = () =>
    closeExpired().then(
      (closed) => closed > 0 && log.info(`closed ${closed} expired vacancies`),
      (e: Error) => log.warn(`closing expired vacancies failed: ${e.message}`),
    );
  // What the indexes caught up on at start is written once the service listens (src/cli/serve.ts), with the
  // checksum in the thread pool; until then the change log keeps it (it is pruned only after a write).
  /** In the background a failed write (a full disk) is reported, not fatal: the store has the data and the file catches up later. */
  let lastFailure: string | undefined;
  const flushInBackground = async () => {
    try {
      await flush();
      lastFailure = undefined;
    } catch (error) {
      // What /health (a public route) says names no paths; the log has the whole message.
      lastFailure = `writing index files failed (${codeOf(error) ?? 'error'}); the store has every change`;
      log.warn(`writing index files failed: ${messageOf(error)}`);
    }
  };
  const flushTimer = setInterval(() => void flushInBackground(), settings.indexFlushSeconds * 1000);
  flushTimer.unref();
  const expiryTimer = setInterval(() => void sweep(), EXPIRY_SWEEP_MS);
  expiryTimer.unref();
  return {
    flush,
    compact,
    /** Why the last background write of the index files failed, while it has not succeeded since. */
    failure: () => lastFailure,
    scheduleCompaction: async () => {
      compactionDue = true;
      await due.set();
    },
    /** At close (synchronous): what is due is done; a flag left set only makes the next start compact again, which finds nothing to drop. */
    stop() {
      clearInterval(flushTimer);
      clearInterval(expiryTimer);
      if (compactionDue) {
        compactNow();
        due.clear().catch(() => undefined);
      }
      indexes.jobseekers.flushNow();
      indexes.vacancies.flushNow();
    },
  };
}

/**
 * A worker that does not maintain the index files (KOHTAANTO_WORKERS > 1): a compaction asked for
 * here is left to the maintaining worker through the flag in SQLite (done at its next index write,
 * within KOHTAANTO_INDEX_FLUSH_SECONDS); there is nothing to flush or stop.
 */
export function followerMaintenance(due: SettingFlag) {
  return {
    flush: async () => undefined,
    compact: async () => {
      await due.set();
      return { jobseekers: 0, vacancies: 0 };
    },
    failure: (): string | undefined => undefined,
    scheduleCompaction: () => due.set(),
    stop: () => undefined,
  };
}

/**
 * Catches up on what the service's other worker processes wrote (records, trainings): called
 * before each request and every second when KOHTAANTO_WORKERS > 1. Throws when this process is
 * too far behind to catch up from the change log (it must be restarted).
 */
export function followOtherWorkers(kinds: { sync(): Promise<number | undefined>; kind: { name: string } }[], trainings: { sync(): Promise<unknown> }) {
  return async (): Promise<void> => {
    for (const service of kinds) {
      if ((await service.sync()) === undefined) throw new Error(`${service.kind.name}: this process fell behind the change log; restart it`);
    }
    await trainings.sync();
  };
}
