import { followChanges } from '../adapters/postgres/change-feed.js';
import { primaryOf } from '../adapters/postgres/pool.js';
import type { EngineLog } from './log.js';

/** One record kind of this node: its store (on PostgreSQL, with the node's copy) and the service over its indexes. */
interface FollowedKind {
  service: { sync(): Promise<number | undefined> };
  /** The kind's store: one with a node copy (ReplicatedRecordStore) is caught up first. */
  store: object;
}

/** A store with a node copy (ReplicatedRecordStore): the generation its copy reflects, and a way to catch the copy up. */
const reflectsCopy = (store: object): store is { reflects(): number } => 'reflects' in store && typeof store.reflects === 'function';
const catchesUp = (store: object): store is { catchUp(again: number[]): Promise<void> } => 'catchUp' in store && typeof store.catchUp === 'function';

/**
 * On PostgreSQL, what the other nodes write reaches this node (issue 35, item 3): the change feed
 * (LISTEN/NOTIFY, and the generations read every few seconds in case a notification was missed)
 * wakes it; each record kind's copy then reads what changed since its generation, and the kind's
 * service puts it into the indexes and caches (RecordService.sync, as for another worker's writes);
 * the training catalogue reads itself again when its generation moved.
 */
export function followNodes(url: string, kinds: { jobseekers: FollowedKind; vacancies: FollowedKind }, trainings: { sync(): Promise<unknown> }, log: EngineLog) {
  const followed: Record<string, FollowedKind> = { jobseekers: kinds.jobseekers, vacancies: kinds.vacancies };
  const from: Record<string, number> = { trainings: 0 };
  for (const [name, kind] of Object.entries(followed)) from[name] = (reflectsCopy(kind.store) ? kind.store.reflects() : undefined) ?? 0;
  return followChanges(primaryOf(url), {
    from,
    warn: log.warn,
    async onChanges({ kind, labels }) {
      if (kind === 'trainings') return void (await trainings.sync());
      const { store, service } = followed[kind]!;
      // The copy reads what its own generation says changed, and the labels the feed tells (again, after a failover).
      if (catchesUp(store)) await store.catchUp(labels ?? []);
      if ((await service.sync()) === undefined) log.warn(`${kind}: this node's indexes fell behind its copy's change log; restart the node`);
    },
  });
}
