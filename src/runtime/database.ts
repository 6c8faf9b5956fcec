/**
 * Which engine holds the data of record: the SQLite file of the data directory (the embedded
 * default), or PostgreSQL when `KOHTAANTO_DATABASE` is set (issue 35). Every store of record must
 * then be on PostgreSQL: a service keeping some in PostgreSQL and others in one node's SQLite file
 * would lose those on the node's machine and show each node different data, so it does not start.
 */

/**
 * The service's stores of record and whether each has its PostgreSQL adapter (src/adapters/postgres/),
 * tested by the same contract suite as SQLite's (test/adapters/contract/); the last entry is
 * compose itself, which wires the PostgreSQL adapters once every store has one.
 */
export const STORES_ON_POSTGRES = {
  'jobseekers and vacancies (records, vectors, change log)': true,
  'referrals': true,
  'decision log': true,
  'overrides': true,
  'job suggestions': true,
  'job search': true,
  'notifications': true,
  'outcomes': true,
  'sign-in mappings': true,
  'analytics, oversight and what-works sources': true,
  'audit log and erasures': true,
  'API keys': true,
  'organisations': true,
  'sessions': true,
  'signed-in people\'s sessions': true,
  'shares': true,
  'vacancy owners': true,
  'candidate budget and ad-hoc searches': true,
  'transfers': true,
  'trainings': true,
  'settings': true,
  'the service\'s wiring on PostgreSQL (src/runtime/compose.ts)': false,
} as const satisfies Record<string, boolean>;

/** The stores still without their PostgreSQL adapter. */
export function storesNotOnPostgres(stores: Record<string, boolean> = STORES_ON_POSTGRES): string[] {
  return Object.entries(stores).flatMap(([name, on]) => (on ? [] : [name]));
}

/**
 * Refuses to start on PostgreSQL while any store of record would stay in SQLite, naming them;
 * without `database` (SQLite) there is nothing to check.
 */
export function checkDatabase(database: string | undefined, stores: Record<string, boolean> = STORES_ON_POSTGRES): void {
  if (database === undefined) return;
  const missing = storesNotOnPostgres(stores);
  if (missing.length === 0) return;
  throw new Error(
    `KOHTAANTO_DATABASE is set, but these stores are not on PostgreSQL yet: ${missing.join(', ')}. ` +
      'Kohtaanto does not keep some data in PostgreSQL and the rest in this node\'s SQLite file: unset KOHTAANTO_DATABASE to run on SQLite (see docs/operations/postgresql.md)',
  );
}
