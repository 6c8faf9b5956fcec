import type pg from 'pg';
import { SCHEMA_STEPS } from '../schema-steps.js';
import { BASELINE_SQL, BASELINE_VERSION } from './baseline.js';
import { inTransaction } from './pool.js';

/** The schema version this code writes: the baseline's plus the shared steps after it. */
export const POSTGRES_SCHEMA_VERSION = BASELINE_VERSION + SCHEMA_STEPS.length;

/** Any number, the same on every node: the advisory lock that lets one node at a time migrate. */
const MIGRATION_LOCK = 35_0023;

/**
 * Brings the database's schema up to date in one transaction: an empty database gets the baseline
 * (schema 23) and then each shared step it lacks. Nodes starting at once wait for each other (an
 * advisory lock); a database newer than this code is refused, as SQLite's is.
 */
export async function migratePostgres(pool: pg.Pool, log: (line: string) => void = () => undefined): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version bigint NOT NULL, applied_at text NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
    let version = rows[0]?.version ?? 0;
    if (version > POSTGRES_SCHEMA_VERSION) {
      throw new Error(`database schema version ${version} is newer than this Kohtaanto (${POSTGRES_SCHEMA_VERSION})`);
    }
    const applied = async (v: number) => {
      await client.query("INSERT INTO schema_version (version, applied_at) VALUES ($1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))", [v]);
      version = v;
    };
    if (version < BASELINE_VERSION) {
      await client.query(BASELINE_SQL);
      await applied(BASELINE_VERSION);
      log(`database: PostgreSQL schema created (version ${BASELINE_VERSION})`);
    }
    for (const step of SCHEMA_STEPS) {
      if (step.version <= version) continue;
      if (typeof step.postgres === 'string') await client.query(step.postgres);
      else await step.postgres(client, log);
      await applied(step.version);
      log(`database: schema step ${step.version} applied (${step.why})`);
    }
    return version;
  });
}
