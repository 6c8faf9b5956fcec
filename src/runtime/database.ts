/**
 * Which engine holds the data of record: the SQLite file of the data directory (the embedded
 * default), or PostgreSQL when `KOHTAANTO_DATABASE` is set (issue 35; src/runtime/stores.ts opens
 * every store on it). The commands that work on the SQLite file itself (backup, restore, vacuum)
 * have no meaning on PostgreSQL: they refuse, saying what to do instead, rather than act on a file
 * that holds no data of record.
 */
export function sqliteOnly(database: string | undefined, command: string, instead: string): void {
  if (database === undefined) return;
  throw new Error(`${command} works on the SQLite file, but KOHTAANTO_DATABASE names PostgreSQL as the database of record: ${instead} (see docs/operations/postgresql.md)`);
}

/** How many processes serve on this node: on PostgreSQL one (add nodes for more; each keeps its own copy and index files). */
export function processesPerNode(config: { database?: string; workers: number }): number {
  return config.database === undefined ? config.workers : 1;
}
