import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { matchesSearch, type RecordSearch } from '../../core/record-search.js';
import { SCHEMA_STEPS } from '../schema-steps.js';
import { analyticsFacts } from './analytics-facts.js';
import { BUSY_TIMEOUT_MS } from './write-lock.js';

export type Db = Database.Database;

/** A pragma whose value is a number (page_count, user_version, auto_vacuum, freelist_count, page_size). */
export function pragmaNumber(db: Db, name: string): number {
  const value = db.pragma(name, { simple: true });
  if (typeof value !== 'number') throw new Error(`pragma ${name} is not a number (${String(value)})`);
  return value;
}

/**
 * A migration: SQL, or a step that also reads what it changes and says so in the start-up log
 * (`log`), e.g. rows it removes.
 */
type Migration = string | ((db: Db, log: (line: string) => void) => void);

/** Versioned schema migrations; a database records the last one applied in PRAGMA user_version. */
const MIGRATIONS: Migration[] = [
  // 1: jobseekers and vacancies share one table shape; `label` is the key shared with the HNSW index.
  ['jobseekers', 'vacancies']
    .map(
      (table) => `
      CREATE TABLE ${table} (
        label        INTEGER PRIMARY KEY AUTOINCREMENT,
        id           TEXT NOT NULL UNIQUE,
        municipality TEXT NOT NULL,
        region       TEXT NOT NULL,
        matchable    INTEGER NOT NULL,
        record       TEXT NOT NULL,
        text_hash    TEXT NOT NULL,
        embedder     TEXT NOT NULL,
        vector       BLOB NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX ${table}_municipality ON ${table} (municipality, matchable, embedder);
      CREATE INDEX ${table}_region ON ${table} (region, matchable, embedder);
      CREATE INDEX ${table}_embedder ON ${table} (embedder);`,
    )
    .join('\n') +
    `
    CREATE TABLE generations (kind TEXT PRIMARY KEY, generation INTEGER NOT NULL);
    INSERT INTO generations VALUES ('jobseekers', 0), ('vacancies', 0);`,
  // 2: access control, audit, disclosure of candidates to employer services, erasure tombstones.
  `
    CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE api_keys (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      role       TEXT NOT NULL CHECK (role IN ('counsellor', 'employer-service', 'planner', 'admin')),
      secret_sha256 TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE TABLE audit (
      id        INTEGER PRIMARY KEY AUTOINCREMENT,
      at        TEXT NOT NULL,
      key_id    TEXT,
      role      TEXT,
      method    TEXT NOT NULL,
      route     TEXT NOT NULL,
      status    INTEGER NOT NULL,
      detail    TEXT
    );
    CREATE INDEX audit_at ON audit (at);
    -- Which jobseekers a request read or returned; detail JSON refers to them by position only.
    CREATE TABLE audit_subjects (
      audit_id     INTEGER NOT NULL REFERENCES audit (id),
      position     INTEGER NOT NULL,
      jobseeker_id TEXT NOT NULL,
      PRIMARY KEY (audit_id, position)
    );
    CREATE INDEX audit_subjects_jobseeker ON audit_subjects (jobseeker_id);
    CREATE TABLE shares (
      vacancy_id   TEXT NOT NULL,
      jobseeker_id TEXT NOT NULL,
      key_id       TEXT NOT NULL,
      at           TEXT NOT NULL,
      PRIMARY KEY (vacancy_id, jobseeker_id)
    );
    CREATE INDEX shares_jobseeker ON shares (jobseeker_id);
    CREATE TABLE erasures (
      subject_sha256 TEXT PRIMARY KEY,
      erased_at      TEXT NOT NULL,
      key_id         TEXT
    );`,
  // 3: what derived a record's computed fields (skills as taxonomy concepts), to redo them on change.
  `
    ALTER TABLE jobseekers ADD COLUMN derived_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE vacancies ADD COLUMN derived_by TEXT NOT NULL DEFAULT '';
    CREATE INDEX jobseekers_derived_by ON jobseekers (derived_by);
    CREATE INDEX vacancies_derived_by ON vacancies (derived_by);`,
  // 4: the training catalogue and referrals of jobseekers to trainings.
  `
    CREATE TABLE trainings (
      id         TEXT PRIMARY KEY,
      record     TEXT NOT NULL,
      derived_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE referrals (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      jobseeker_id TEXT NOT NULL,
      training_id  TEXT NOT NULL,
      key_id       TEXT NOT NULL,
      counsellor   TEXT NOT NULL,
      reason       TEXT,
      at           TEXT NOT NULL
    );
    CREATE INDEX referrals_jobseeker ON referrals (jobseeker_id);
    CREATE INDEX referrals_training ON referrals (training_id);`,
  // 5: analytics facts of every record (place, occupation, dates, languages, skill concepts) in
  // plain indexed columns, kept up to date by triggers, so that planners' aggregates do not parse
  // the records' JSON on every query. Existing records are copied in once.
  `
    CREATE TABLE analytics_records (
      kind             TEXT NOT NULL,
      label            INTEGER NOT NULL,
      municipality     TEXT NOT NULL,
      active           INTEGER NOT NULL,
      occupation       TEXT,
      positions        INTEGER NOT NULL,
      published        TEXT,
      unemployed_since TEXT,
      languages        TEXT NOT NULL,
      PRIMARY KEY (kind, label)
    ) WITHOUT ROWID;
    CREATE INDEX analytics_records_area ON analytics_records (kind, active, municipality);
    CREATE TABLE analytics_skills (
      kind       TEXT NOT NULL,
      label      INTEGER NOT NULL,
      uri        TEXT NOT NULL,
      importance TEXT NOT NULL,
      PRIMARY KEY (kind, label, uri)
    ) WITHOUT ROWID;` + (['jobseekers', 'vacancies'] as const).map((kind) => analyticsFacts(kind, 5)).join('\n'),
  // 6: vacancies' expiry date among the analytics facts (expired vacancies are not demand), and the
  // occupation inferred from the title where none was entered (so that analytics count it).
  `ALTER TABLE analytics_records ADD COLUMN expires TEXT;` +
    (['jobseekers', 'vacancies'] as const)
      .map(
        (kind) => `
    DROP TRIGGER ${kind}_facts_insert;
    DROP TRIGGER ${kind}_facts_update;
    DROP TRIGGER ${kind}_facts_delete;
    DELETE FROM analytics_skills WHERE kind = '${kind}';
    DELETE FROM analytics_records WHERE kind = '${kind}';
    ${analyticsFacts(kind, 6)}`,
      )
      .join('\n'),
  // 7: the change log: which records each generation wrote or deleted, so that an index file behind
  // the store (written before a crash) catches up on just those records instead of being rebuilt.
  `
    CREATE TABLE changes (
      kind       TEXT NOT NULL,
      generation INTEGER NOT NULL,
      label      INTEGER NOT NULL,
      PRIMARY KEY (kind, generation, label)
    ) WITHOUT ROWID;`,
  // 8: the address each audited request came from (refused ones included).
  `ALTER TABLE audit ADD COLUMN address TEXT;`,
  // 9: organisations. Every key belongs to one (keys issued before have none and stop working,
  // except admin keys, which join the national organisation); keys expire; vacancies belong to the
  // unit that created them (earlier ones to none: admins manage them); a share binds the owning unit and expires.
  `
    CREATE TABLE organisations (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('employment-area', 'employer-services', 'planning', 'national')),
      area       TEXT,
      created_at TEXT NOT NULL
    );
    INSERT INTO organisations VALUES ('national', 'National administration', 'national', NULL, strftime('%Y-%m-%dT%H:%M:%fZ'));
    ALTER TABLE api_keys ADD COLUMN organisation_id TEXT REFERENCES organisations (id);
    ALTER TABLE api_keys ADD COLUMN expires_at TEXT;
    UPDATE api_keys SET organisation_id = 'national' WHERE role = 'admin';
    CREATE TABLE vacancy_owners (
      vacancy_id      TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations (id)
    );
    CREATE INDEX vacancy_owners_organisation ON vacancy_owners (organisation_id);
    -- Shares made before: bound to no unit (vacancies made before have no owner), expire in 30 days.
    ALTER TABLE shares ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE shares ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
    UPDATE shares SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+30 days');
    -- Pseudonyms are keyed per vacancy with kohtaanto.secret (outside the database) now.
    DELETE FROM settings WHERE name = 'pseudonym-key';`,
  // 10: web app sessions: a key exchanged once for a session cookie (only its hash is stored).
  `
    CREATE TABLE sessions (
      token_sha256 TEXT PRIMARY KEY,
      key_id       TEXT NOT NULL REFERENCES api_keys (id),
      csrf         TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      last_seen    TEXT NOT NULL,
      expires_at   TEXT NOT NULL
    );
    CREATE INDEX sessions_key ON sessions (key_id);`,
  // 11: near-duplicate vacancies are found by employer and municipality (see core/duplicates.ts).
  `CREATE INDEX vacancies_link_key ON vacancies (record ->> '$.normalized.linkKey');`,
  // 12: decision records (and counsellors' overrides): each ranking served, what produced it (model, taxonomy, settings; stored
  // once per combination) and its ranked ids with score parts (see core/oversight/decisions.ts).
  `
    CREATE TABLE decision_contexts (
      id       TEXT PRIMARY KEY,
      model    TEXT NOT NULL,
      taxonomy TEXT NOT NULL,
      settings TEXT NOT NULL
    );
    CREATE TABLE decisions (
      id         INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      direction  TEXT NOT NULL CHECK (direction IN ('vacancies', 'candidates', 'text-vacancies', 'text-candidates')),
      subject    TEXT,
      area       TEXT,
      key_id     TEXT,
      context_id TEXT NOT NULL REFERENCES decision_contexts (id)
    );
    CREATE INDEX decisions_at ON decisions (at);
    CREATE INDEX decisions_subject ON decisions (subject, direction);
    CREATE TABLE decision_items (
      decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
      position    INTEGER NOT NULL,
      item        TEXT NOT NULL,
      score       REAL NOT NULL,
      parts       TEXT NOT NULL,
      PRIMARY KEY (decision_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX decision_items_item ON decision_items (item);
    -- A counsellor's override of a client's suggestions, with the reason.
    CREATE TABLE overrides (
      jobseeker_id TEXT NOT NULL,
      vacancy_id   TEXT NOT NULL,
      action       TEXT NOT NULL CHECK (action IN ('set-aside', 'put-forward')),
      reason       TEXT NOT NULL,
      key_id       TEXT,
      at           TEXT NOT NULL,
      PRIMARY KEY (jobseeker_id, vacancy_id)
    );`,
  // 13: several worker processes on one file (KOHTAANTO_WORKERS): each follows the change log, which
  // is kept a while after an index file covers it (when each change was logged), and the training
  // catalogue has a generation of its own.
  `
    ALTER TABLE changes ADD COLUMN logged_at INTEGER NOT NULL DEFAULT 0;
    INSERT OR IGNORE INTO generations VALUES ('trainings', 0);`,
  // 14: a decision's ranking in one JSON column (one row per ranking served instead of one per
  // hit: the decision log cost a fifth of a match's CPU); the rankings that list jobseekers
  // (candidates) also index who appears where, for their export and erasure.
  `
    ALTER TABLE decisions ADD COLUMN ranked TEXT NOT NULL DEFAULT '[]';
    UPDATE decisions SET ranked = (
      SELECT json_group_array(json_array(item, score, json(parts))) FROM (SELECT item, score, parts FROM decision_items i WHERE i.decision_id = decisions.id ORDER BY position)
    ) WHERE id IN (SELECT decision_id FROM decision_items);
    CREATE TABLE decision_appearances (
      decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
      position    INTEGER NOT NULL,
      item        TEXT NOT NULL,
      PRIMARY KEY (decision_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX decision_appearances_item ON decision_appearances (item);
    INSERT INTO decision_appearances (decision_id, position, item)
      SELECT i.decision_id, i.position, i.item FROM decision_items i JOIN decisions d ON d.id = i.decision_id
      WHERE d.direction IN ('candidates', 'text-candidates');
    DROP TABLE decision_items;`,
  // 15: shares only ever for a vacancy's owning unit (a share made for a vacancy no unit owned was
  // stored for owner '' and reached every unit): such shares are removed, listed in the log and in
  // one audit entry naming the clients; candidate lists count against a per-organisation budget of
  // distinct candidates a day, and ad-hoc searches for jobseekers per key, in the database so that
  // every worker process shares them and a restart forgets nothing.
  (db, log) => {
    const ownerless = db
      .prepare<[], { vacancy_id: string; jobseeker_id: string; key_id: string; at: string }>(
        "SELECT vacancy_id, jobseeker_id, key_id, at FROM shares WHERE owner = '' ORDER BY at",
      )
      .all();
    if (ownerless.length > 0) {
      for (const s of ownerless) {
        log(`migration 15: removed a share made on ${s.at.slice(0, 10)} by key ${s.key_id} for vacancy '${s.vacancy_id}', which no unit owns`);
      }
      log(`migration 15: removed ${ownerless.length} share(s) for vacancies no unit owns; the clients are named in the audit trail (route "migration 15")`);
      const entry = db
        .prepare<[string, string], { id: number }>(
          "INSERT INTO audit (at, key_id, role, method, route, status, detail) VALUES (?, NULL, NULL, 'MIGRATE', 'migration 15: ownerless shares removed', 200, ?) RETURNING id",
        )
        .get(new Date().toISOString(), JSON.stringify({ vacancies: ownerless.map((s) => s.vacancy_id) }))!;
      const subject = db.prepare<[number, number, string]>('INSERT INTO audit_subjects (audit_id, position, jobseeker_id) VALUES (?, ?, ?)');
      ownerless.forEach((s, i) => subject.run(entry.id, i, s.jobseeker_id));
      db.exec("DELETE FROM shares WHERE owner = ''");
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS candidate_views (
        organisation TEXT NOT NULL,
        day          TEXT NOT NULL,
        subject      TEXT NOT NULL,
        PRIMARY KEY (organisation, day, subject)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS candidate_views_day ON candidate_views (day);
      CREATE TABLE IF NOT EXISTS adhoc_searches (
        key_id TEXT NOT NULL,
        at     INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS adhoc_searches_key ON adhoc_searches (key_id, at);`);
  },
  // 16: transfers of clients between employment areas, a workflow (see core/transfers/service.ts):
  // asked with a reason, approved or refused by the client's area, expiring; erased with the client.
  `
    CREATE TABLE IF NOT EXISTS transfers (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      jobseeker_id   TEXT NOT NULL,
      from_area      TEXT,
      to_area        TEXT NOT NULL,
      requester_key  TEXT NOT NULL,
      requester_name TEXT NOT NULL,
      reason         TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
      requested_at   TEXT NOT NULL,
      expires_at     TEXT NOT NULL,
      decided_key    TEXT,
      decided_at     TEXT,
      refusal        TEXT,
      withdrawn_at   TEXT
    );
    CREATE INDEX IF NOT EXISTS transfers_jobseeker ON transfers (jobseeker_id, to_area, status);
    CREATE INDEX IF NOT EXISTS transfers_requester ON transfers (requester_key, requested_at);
    CREATE INDEX IF NOT EXISTS transfers_requested ON transfers (requested_at);
    CREATE INDEX IF NOT EXISTS transfers_from ON transfers (from_area);
    CREATE INDEX IF NOT EXISTS transfers_to ON transfers (to_area);
    CREATE INDEX IF NOT EXISTS transfers_decided ON transfers (decided_at);`,
  // 17: job suggestions (see core/job-suggestions/service.ts): a vacancy suggested to a client, with
  // a deadline and the client's consent to be shared, and every change of its state; erased with the client.
  `
    CREATE TABLE IF NOT EXISTS job_suggestions (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      jobseeker_id  TEXT NOT NULL,
      vacancy_id    TEXT NOT NULL,
      unit          TEXT,
      state         TEXT NOT NULL,
      deadline      TEXT NOT NULL,
      consent       INTEGER NOT NULL,
      note          TEXT,
      created_at    TEXT NOT NULL,
      created_key   TEXT NOT NULL,
      created_name  TEXT NOT NULL,
      version       INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX IF NOT EXISTS job_suggestions_jobseeker ON job_suggestions (jobseeker_id);
    CREATE INDEX IF NOT EXISTS job_suggestions_vacancy ON job_suggestions (vacancy_id);
    CREATE TABLE IF NOT EXISTS job_suggestion_events (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      suggestion_id INTEGER NOT NULL REFERENCES job_suggestions (id) ON DELETE CASCADE,
      state         TEXT NOT NULL,
      at            TEXT NOT NULL,
      actor         TEXT NOT NULL,
      role          TEXT NOT NULL,
      reason        TEXT
    );
    CREATE INDEX IF NOT EXISTS job_suggestion_events_suggestion ON job_suggestion_events (suggestion_id);`,
  // 18: the job-search obligation (see core/job-search/service.ts): changes of a client's applications
  // per month, with the reason, and the applications a client reports; erased with the client.
  `
    CREATE TABLE IF NOT EXISTS obligation_changes (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      jobseeker_id  TEXT NOT NULL,
      per_month     INTEGER NOT NULL,
      reason        TEXT NOT NULL,
      at            TEXT NOT NULL,
      actor         TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS obligation_changes_jobseeker ON obligation_changes (jobseeker_id);
    CREATE TABLE IF NOT EXISTS reported_applications (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      jobseeker_id  TEXT NOT NULL,
      applied_on    TEXT NOT NULL,
      employer      TEXT NOT NULL,
      title         TEXT NOT NULL,
      vacancy_id    TEXT,
      at            TEXT NOT NULL,
      actor         TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS reported_applications_jobseeker ON reported_applications (jobseeker_id, applied_on);`,
  // 19: sign-in with an identity provider (OpenID Connect; see core/signin/): a person's session names
  // the provider and subject, the organisation and role their claims mapped to, and when the claims
  // were last checked; only the cookie token's hash is stored (the provider's tokens are kept to
  // check the claims again and to end the provider's session).
  (db) => {
    db.exec(`
    CREATE TABLE IF NOT EXISTS person_sessions (
      token_sha256    TEXT PRIMARY KEY,
      provider        TEXT NOT NULL,
      subject         TEXT NOT NULL,
      name            TEXT NOT NULL,
      role            TEXT NOT NULL,
      organisation_id TEXT NOT NULL REFERENCES organisations (id),
      csrf            TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      last_seen       TEXT NOT NULL,
      expires_at      TEXT NOT NULL,
      checked_at      TEXT NOT NULL,
      refresh_token   TEXT,
      id_token        TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS person_sessions_subject ON person_sessions (provider, subject);`);
    // A signed-in person's entries name them (key_id holds person:<provider>:<subject>); like every
    // migration this one may meet a schema it already made (the tests of older databases rerun them).
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit')").all().map((c) => c.name);
    if (!columns.includes('person')) db.exec('ALTER TABLE audit ADD COLUMN person TEXT;');
  },
  // 20: administration in the app. Organisations carry a version (If-Match); keys an owner and
  // their last use (written at most once a minute per key, with the audit's groups); each audit
  // entry the caller's organisation (older entries: their key's); claim-to-role mappings of the
  // identity providers in the database (seeded once per provider from the providers file). No index
  // on the audit's organisation or key: two more B-trees per audit row cost stored-profile matches
  // ~10 % with two workers (1,157–1,333 against 1,415 req/s without them, same run); the admins'
  // filters read the trail newest first, a period narrowing it by `audit_at`.
  (db) => {
    const columns = (table: string) => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name);
    const add = (table: string, column: string, type: string) => {
      if (!columns(table).includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type};`);
    };
    add('organisations', 'version', 'INTEGER NOT NULL DEFAULT 1');
    add('organisations', 'updated_at', 'TEXT');
    add('api_keys', 'owner', 'TEXT');
    add('api_keys', 'last_used_at', 'TEXT');
    add('audit', 'organisation', 'TEXT');
    db.exec(`
    UPDATE audit SET organisation = (SELECT organisation_id FROM api_keys WHERE api_keys.id = audit.key_id) WHERE organisation IS NULL AND key_id IS NOT NULL;
    CREATE TABLE IF NOT EXISTS signin_mappings (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      provider        TEXT NOT NULL,
      value           TEXT NOT NULL,
      organisation_id TEXT NOT NULL REFERENCES organisations (id),
      role            TEXT NOT NULL CHECK (role IN ('counsellor', 'employer-service', 'planner', 'admin')),
      version         INTEGER NOT NULL DEFAULT 1,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      UNIQUE (provider, value)
    );
    CREATE TABLE IF NOT EXISTS signin_mappings_seeded (provider TEXT PRIMARY KEY, at TEXT NOT NULL);`);
  },
  // 21 (issue 33, 3): training referrals get a state, a version and a history of dated changes (see
  // core/referrals/service.ts); a referral made before is `referred`, its history that one step.
  // Outcomes from registers (4): dated labour-market events per client (core/outcomes/), one per
  // client, event and day. Both erased with the client. Self-contained: may run after others' steps.
  (db) => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('referrals')").all().map((c) => c.name);
    if (!columns.includes('state')) db.exec('ALTER TABLE referrals ADD COLUMN state TEXT;');
    if (!columns.includes('version')) db.exec('ALTER TABLE referrals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;');
    db.exec(`
    CREATE TABLE IF NOT EXISTS referral_events (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      referral_id  INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
      state        TEXT NOT NULL,
      happened_on  TEXT NOT NULL,
      at           TEXT NOT NULL,
      actor        TEXT NOT NULL,
      role         TEXT NOT NULL,
      note         TEXT
    );
    CREATE INDEX IF NOT EXISTS referral_events_referral ON referral_events (referral_id);
    INSERT INTO referral_events (referral_id, state, happened_on, at, actor, role, note)
      SELECT id, 'referred', substr(at, 1, 10), at, counsellor, 'counsellor', NULL FROM referrals
      WHERE state IS NULL AND jobseeker_id NOT LIKE 'erased:%';
    UPDATE referrals SET state = 'referred' WHERE state IS NULL AND jobseeker_id NOT LIKE 'erased:%';
    CREATE TABLE IF NOT EXISTS outcomes (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      jobseeker_id  TEXT NOT NULL,
      event         TEXT NOT NULL,
      happened_on   TEXT NOT NULL,
      source        TEXT,
      imported_at   TEXT NOT NULL,
      actor         TEXT NOT NULL,
      UNIQUE (jobseeker_id, event, happened_on)
    );`);
  },
  // 22 (issue 33, what works): the rank at which the engine showed a suggested vacancy is kept with the
  // suggestion when it is made (decision records may be pruned before the report reads them);
  // `rank_recorded` 0 for suggestions made before, whose rank is read from the decision records.
  (db) => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('job_suggestions')").all().map((c) => c.name);
    if (!columns.includes('shown_rank')) db.exec('ALTER TABLE job_suggestions ADD COLUMN shown_rank INTEGER;');
    if (!columns.includes('rank_recorded')) db.exec('ALTER TABLE job_suggestions ADD COLUMN rank_recorded INTEGER NOT NULL DEFAULT 0;');
  },
  // 23 (issue 33, 8): in-app notifications are read from the suggestions and shares (erased with the
  // client); stored is only up to when each reader (key or person) has read them. Partial indexes
  // for the three reads: employer units' state changes by time, open suggestions by deadline, shares by time.
  `
    CREATE TABLE IF NOT EXISTS notifications_seen (reader TEXT PRIMARY KEY, seen_until TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS job_suggestion_events_by_units ON job_suggestion_events (at) WHERE role = 'employer-service';
    CREATE INDEX IF NOT EXISTS job_suggestions_open_deadline ON job_suggestions (deadline) WHERE state = 'suggested';
    CREATE INDEX IF NOT EXISTS shares_at ON shares (at);`,
  // 24 and after: the steps both engines take (src/adapters/schema-steps.ts).
  ...SCHEMA_STEPS.map((step) => step.sqlite),
];

/** The schema version this code writes (PRAGMA user_version). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Bytes the write-ahead log keeps after a checkpoint (64 MB): bigger only between checkpoints. */
const WAL_SIZE_LIMIT = 64 * 2 ** 20;

/** Opens (creating if needed) the SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(file: string, log: (line: string) => void = () => undefined): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // A new file gives freed pages back to the disk in steps (src/runtime/retention.ts); an existing one
  // keeps its mode until `npm run vacuum` (SQLite changes it only before the first table or by a VACUUM).
  if (pragmaNumber(db, 'page_count') === 0) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  // After a checkpoint the write-ahead log is cut back to this instead of keeping its largest size.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  // Its user's only, also when created outside the service (its umask): SQLite gives a new -wal and -shm the file's mode.
  if (file !== ':memory:') for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('secure_delete = ON'); // erased personal data is overwritten, not left in free pages
  // A record a search finds (core/record-search.ts); the search comes as JSON, parsed once per query.
  let parsed: { json: string; search: RecordSearch } | undefined;
  db.function('record_search', { deterministic: true }, (json: unknown, id: unknown, name: unknown, title: unknown, employer: unknown, occupations: unknown) => {
    if (typeof json !== 'string' || typeof id !== 'string') return 0;
    if (parsed?.json !== json) parsed = { json, search: JSON.parse(json) as RecordSearch };
    const uris = typeof occupations === 'string' ? (JSON.parse(occupations) as ({ uri?: string } | null)[]).flatMap((o) => (o?.uri ? [o.uri] : [])) : [];
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return matchesSearch(parsed.search, { id, name: text(name), title: text(title), employer: text(employer), occupations: uris }) ? 1 : 0;
  });
  migrate(db, log);
  return db;
}

/**
 * Applies the migrations after the database's version, up to `to` (this code's version unless a
 * test builds the schema of an earlier release: test/adapters/sqlite/upgrade.test.ts).
 */
export function migrate(db: Db, log: (line: string) => void = () => undefined, to = MIGRATIONS.length): void {
  const current = pragmaNumber(db, 'user_version');
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this Kohtaanto (${MIGRATIONS.length})`);
  }
  for (let version = current; version < Math.min(to, MIGRATIONS.length); version++) {
    db.transaction(() => {
      const migration = MIGRATIONS[version]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db, log);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
