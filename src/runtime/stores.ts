import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type pg from 'pg';
import { PostgresAnalyticsSource } from '../adapters/postgres/analytics-source.js';
import { PostgresApiKeyStore } from '../adapters/postgres/api-keys.js';
import { PostgresAuditLog } from '../adapters/postgres/audit-log.js';
import { PostgresCandidateBudgetStore } from '../adapters/postgres/candidate-budget.js';
import { PostgresDecisionLog } from '../adapters/postgres/decision-log.js';
import { PostgresJobSearchStore } from '../adapters/postgres/job-search.js';
import { PostgresJobSuggestionStore } from '../adapters/postgres/job-suggestions.js';
import { migratePostgres } from '../adapters/postgres/migrate.js';
import { PostgresNotificationSource } from '../adapters/postgres/notifications.js';
import { PostgresOrganisationStore } from '../adapters/postgres/organisations.js';
import { PostgresOutcomeStore } from '../adapters/postgres/outcomes.js';
import { PostgresOverrideStore } from '../adapters/postgres/overrides.js';
import { PostgresOversightSource } from '../adapters/postgres/oversight-source.js';
import { PostgresPersonSessionStore } from '../adapters/postgres/person-sessions.js';
import { openPool } from '../adapters/postgres/pool.js';
import { PostgresReferralStore } from '../adapters/postgres/referrals.js';
import { openReplicated } from '../adapters/postgres/replicated-record-store.js';
import { PostgresSessionStore } from '../adapters/postgres/sessions.js';
import { postgresSettingFlag } from '../adapters/postgres/settings.js';
import { PostgresShareStore } from '../adapters/postgres/shares.js';
import { PostgresSignInMappingStore } from '../adapters/postgres/signin-mappings.js';
import { PostgresTrainingStore } from '../adapters/postgres/training-store.js';
import { PostgresTransferStore } from '../adapters/postgres/transfers.js';
import { PostgresVacancyOwnerStore } from '../adapters/postgres/vacancy-owners.js';
import { PostgresWhatWorksSource } from '../adapters/postgres/what-works-source.js';
import { SqliteAnalyticsSource } from '../adapters/sqlite/analytics-source.js';
import { ApiKeyStore } from '../adapters/sqlite/api-keys.js';
import { AuditLog } from '../adapters/sqlite/audit-log.js';
import { CandidateBudgetStore } from '../adapters/sqlite/candidate-budget.js';
import { openDatabase, type Db } from '../adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../adapters/sqlite/decision-log.js';
import { SqliteJobSearchStore } from '../adapters/sqlite/job-search.js';
import { SqliteJobSuggestionStore } from '../adapters/sqlite/job-suggestions.js';
import { SqliteNotificationSource } from '../adapters/sqlite/notifications.js';
import { OrganisationStore } from '../adapters/sqlite/organisations.js';
import { SqliteOutcomeStore } from '../adapters/sqlite/outcomes.js';
import { OverrideStore } from '../adapters/sqlite/overrides.js';
import { SqliteOversightSource } from '../adapters/sqlite/oversight-source.js';
import { PersonSessionStore } from '../adapters/sqlite/person-sessions.js';
import { SqliteRecordStore, type RecordTable } from '../adapters/sqlite/record-store.js';
import { SqliteReferralStore } from '../adapters/sqlite/referrals.js';
import { SessionStore } from '../adapters/sqlite/sessions.js';
import { settingFlag } from '../adapters/sqlite/settings.js';
import { ShareStore } from '../adapters/sqlite/shares.js';
import { SignInMappingStore } from '../adapters/sqlite/signin-mappings.js';
import { storageFigures } from '../adapters/sqlite/storage-figures.js';
import { keyedTombstones } from '../adapters/sqlite/tombstones.js';
import { SqliteTrainingStore } from '../adapters/sqlite/training-store.js';
import { SqliteTransferStore } from '../adapters/sqlite/transfers.js';
import { VacancyOwnerStore } from '../adapters/sqlite/vacancy-owners.js';
import { SqliteWhatWorksSource } from '../adapters/sqlite/what-works-source.js';
import type { Clock } from '../core/clock.js';
import type { SettingFlag } from '../core/ports.js';
import { databaseFile, openDataDir } from './data-dir.js';
import { lockDataDir } from './lock.js';
import type { EngineLog } from './log.js';
import { secureDataDir } from './permissions.js';
import { installationKey } from './secret.js';

/** The node's copy of the records when PostgreSQL is the database of record (beside the index files; never the SQLite database of record). */
export const postgresCopyFile = (dataDir: string) => join(dataDir, 'postgres-copy.sqlite');

export interface StoreSettings {
  dataDir: string;
  database?: string;
  auditGroupMs?: number;
}

/**
 * Every store of record of one process, on the engine the configuration chooses: the SQLite file
 * of the data directory, or PostgreSQL (`database`) with the node's copy of the records in its
 * data directory (src/adapters/postgres/replicated-record-store.ts). Only this module and compose
 * know which: the use cases get the same ports either way. `close` writes what waits and closes
 * the connections.
 */
export type Stores = Awaited<ReturnType<typeof openStores>>;

export async function openStores(settings: StoreSettings, role: 'single' | 'maintainer' | 'follower', clock: Clock, log: EngineLog) {
  return settings.database === undefined ? sqliteStores(settings, role, clock, log) : postgresStores(settings, settings.database, clock, log);
}

function sqliteStores(settings: StoreSettings, role: 'single' | 'maintainer' | 'follower', clock: Clock, log: EngineLog) {
  const dataDir = openDataDir(settings.dataDir, role === 'single', role !== 'follower', log);
  const { db } = dataDir;
  const secret = installationKey(settings.dataDir);
  const tombstones = keyedTombstones(secret);
  const decisionLog = new SqliteDecisionLog(db, log.warn, settings.auditGroupMs);
  return {
    engine: 'sqlite' as const,
    /** The installation secret (tombstones, candidate pseudonyms) and the tombstones it keys. */
    secret,
    tombstones,
    /** The SQLite file this process reads and writes (the database of record here). */
    db,
    records: async <R extends { id: string; municipality: string; region: string; updatedAt: string }>(table: RecordTable) => new SqliteRecordStore<R>(db, table),
    trainings: new SqliteTrainingStore(db),
    referrals: new SqliteReferralStore(db, tombstones),
    shares: new ShareStore(db),
    owners: new VacancyOwnerStore(db),
    audit: new AuditLog(db, tombstones, log.warn, clock, settings.auditGroupMs),
    decisionLog,
    keys: new ApiKeyStore(db, clock),
    organisations: new OrganisationStore(db, clock),
    transfers: new SqliteTransferStore(db),
    analytics: new SqliteAnalyticsSource(db, clock),
    whatWorks: new SqliteWhatWorksSource(db, () => decisionLog.flush()),
    overrides: new OverrideStore(db),
    oversight: new SqliteOversightSource(db),
    budget: new CandidateBudgetStore(db),
    jobSuggestions: new SqliteJobSuggestionStore(db, () => decisionLog.flush()),
    notifications: new SqliteNotificationSource(db),
    jobSearch: new SqliteJobSearchStore(db),
    outcomes: new SqliteOutcomeStore(db),
    signInMappings: new SignInMappingStore(db, clock),
    sessions: new SessionStore(db),
    personSessions: new PersonSessionStore(db),
    /** An erasure waits for the index files' compaction (the maintaining process does it; see maintenance.ts). */
    compactionDue: settingFlag(db, 'compaction-due'),
    /** Erased rows leave the write-ahead log too. */
    checkpoint: () => void db.pragma('wal_checkpoint(TRUNCATE)'),
    /** The SQLite file whose free pages retention gives back. */
    vacuumed: db,
    storage: role === 'follower' ? undefined : storageFigures(db, databaseFile(settings.dataDir)),
    followChanges: undefined,
    close: (): void | Promise<void> => dataDir.close(),
  };
}

async function postgresStores(settings: StoreSettings, url: string, clock: Clock, log: EngineLog) {
  // The node's own files (index files, the copy of the records): one process per data directory.
  secureDataDir(settings.dataDir);
  const held = lockDataDir(settings.dataDir);
  const secret = installationKey(settings.dataDir);
  const tombstones = keyedTombstones(secret);
  let pool: pg.Pool | undefined;
  let copy: Db | undefined;
  try {
    pool = await openPool(url, { warn: log.warn });
    await migratePostgres(pool, (line) => log.info(line));
    await checkSameSecret(pool, secret);
    copy = openDatabase(postgresCopyFile(settings.dataDir), (line) => log.info(`node copy: ${line}`));
  } catch (error) {
    copy?.close();
    await pool?.end();
    held.release();
    throw error;
  }
  const db = pool;
  const local = copy;
  const decisionLog = new PostgresDecisionLog(db, log.warn, settings.auditGroupMs);
  const audit = new PostgresAuditLog(db, tombstones, log.warn, clock, settings.auditGroupMs);
  const keys = new PostgresApiKeyStore(db, clock);
  return {
    engine: 'postgres' as const,
    secret,
    tombstones,
    /** The node's copy of the records (a SQLite file), read by matching. */
    db: local,
    records: <R extends { id: string; municipality: string; region: string; updatedAt: string }>(table: RecordTable) => openReplicated<R>(db, local, table),
    trainings: new PostgresTrainingStore(db),
    referrals: new PostgresReferralStore(db, tombstones),
    shares: new PostgresShareStore(db),
    owners: new PostgresVacancyOwnerStore(db),
    audit,
    decisionLog,
    keys,
    organisations: new PostgresOrganisationStore(db, clock, (id) => keys.organisationChanged(id)),
    transfers: new PostgresTransferStore(db),
    analytics: new PostgresAnalyticsSource(db, clock),
    whatWorks: new PostgresWhatWorksSource(db, () => decisionLog.flush()),
    overrides: new PostgresOverrideStore(db),
    oversight: new PostgresOversightSource(db),
    budget: new PostgresCandidateBudgetStore(db),
    jobSuggestions: new PostgresJobSuggestionStore(db, () => decisionLog.flush()),
    notifications: new PostgresNotificationSource(db),
    jobSearch: new PostgresJobSearchStore(db),
    outcomes: new PostgresOutcomeStore(db),
    signInMappings: new PostgresSignInMappingStore(db, clock),
    sessions: new PostgresSessionStore(db),
    personSessions: new PostgresPersonSessionStore(db),
    /**
     * Each node compacts its own index files: an erasure on any node asks every node (the erasure
     * count, see erasuresToCompact), one on this node asks it at once.
     */
    compactionDue: erasuresToCompact(db, local),
    /** Erased rows leave the node copy's write-ahead log too. */
    checkpoint: () => void local.pragma('wal_checkpoint(TRUNCATE)'),
    vacuumed: undefined,
    storage: undefined,
    followChanges: { pool: db, url },
    async close(): Promise<void> {
      try {
        await audit.flush().catch((error: Error) => log.warn(`closing: the audit trail could not be written (${error.message}); lost: ${audit.problem() ?? ''}`));
        await decisionLog.close().catch((error: Error) => log.warn(`closing: the decision log could not be written (${error.message})`));
      } finally {
        local.close();
        await db.end();
        held.release();
      }
    },
  };
}

/**
 * Whether this node's index files await a compaction: an erasure on this node set the local flag,
 * or some node erased someone since this node last compacted (the audit trail's erasure count in
 * PostgreSQL's settings, see PostgresAuditLog). `clear` remembers the count read before compacting.
 */
function erasuresToCompact(pool: pg.Pool, local: Db): SettingFlag {
  const own = settingFlag(local, 'compaction-due');
  const read = local.prepare<[string], string>('SELECT value FROM settings WHERE name = ?').pluck();
  const write = local.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  let lastRead: number | undefined;
  return {
    async isSet() {
      const { rows } = await pool.query<{ value: string }>(`SELECT value FROM settings WHERE name = 'erasure-mark'`);
      lastRead = rows[0] ? Number(rows[0].value) : 0;
      return (await own.isSet()) || lastRead > Number(read.get('erasures-compacted') ?? 0);
    },
    set: () => own.set(),
    async clear() {
      if (lastRead !== undefined) write.run('erasures-compacted', String(lastRead));
      await own.clear();
    },
  };
}

/**
 * Every node must hold the same installation secret (`kohtaanto.secret`): it keys the tombstones
 * of erased clients and the candidates' pseudonyms, which every node writes and reads. The first
 * node stores a keyed check of it in PostgreSQL; a node with another secret refuses to start.
 */
async function checkSameSecret(pool: pg.Pool, secret: Buffer): Promise<void> {
  const check = createHmac('sha256', secret).update('kohtaanto: the installation secret of this database').digest('hex');
  await pool.query(`INSERT INTO settings (name, value) VALUES ('secret-check', $1) ON CONFLICT (name) DO NOTHING`, [check]);
  const { rows } = await pool.query<{ value: string }>(`SELECT value FROM settings WHERE name = 'secret-check'`);
  if (rows[0]!.value !== check) {
    throw new Error(
      "this node's kohtaanto.secret differs from the one the other nodes on this database use: copy the first node's data directory file kohtaanto.secret to this node (it keys erased clients' tombstones and candidates' pseudonyms)",
    );
  }
}
