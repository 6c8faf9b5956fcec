import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../../src/adapters/sqlite/database.js';
import { build, call, copyLabelVectors, removeDir, sampleJobseeker, sampleVacancy, tempDir, type Caller, type RunningService } from '../../helpers/service.js';

/**
 * Issue 34, item 4: a data directory of every earlier schema version, with data in it, opened by this
 * code. For each version v the database is made by migrations 1..v only and holds a row of every
 * table that exists at v, written with that version's columns; then the current service opens it
 * (migrations v+1.., stale records re-derived and re-embedded, the HNSW index rebuilt from SQLite) and
 * every row is still there and read through the HTTP API: the record, its matches and candidates, the
 * client's data export (shares, referrals, audit, decisions, overrides, transfers, suggestions, job
 * search, outcomes), keys, organisations, sessions, sign-in mappings. What a migration removes on
 * purpose is checked as such: keys in no organisation stop working (9), shares for no unit are removed
 * and named in the audit (15), per-hit decision rows become one ranking per decision (14).
 *
 * Hand-written rows can miss what old code really wrote: the last test opens a data directory
 * written by the 2026-11-24 release itself (releases/2026-11-24, made by releases/make-release-data.mjs
 * running that release's service).
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** "Now" for the upgraded services: keys, shares and sessions written below are valid then. */
const NOW = new Date('2026-12-06T20:00:00.000Z');
const clock = () => new Date(NOW);
const AT = '2026-11-20T10:00:00.000Z';
const ADMIN_ID = 'a0a0a0a0a0a0a0a0';
const ADMIN_SECRET = 'A'.repeat(43);
const COUNSELLOR_ID = 'c0c0c0c0c0c0c0c0';
const COUNSELLOR_SECRET = 'C'.repeat(43);
const SESSION_TOKEN = 'old-session-token';
const key = (id: string, secret: string) => `kht_${id}_${secret}`;

/** What the stored records' JSON held before (input fields, place, times): re-derived at start. */
const jobseeker = { ...sampleJobseeker('UP-J1'), municipality: '837', region: '06', createdAt: AT, updatedAt: AT, status: 'active' };
const vacancy = { ...sampleVacancy('UP-V1'), municipality: '837', region: '06', createdAt: AT, updatedAt: AT, status: 'open', positions: 1 };
const training = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'trainings.ndjson'), 'utf8').split('\n')[0]!);
const parts = { semantic: 0.7, essential: 1, optional: null, location: 1, occupation: 1 };
const record = (r: object) => ({ record: JSON.stringify(r), text_hash: 'old', embedder: 'old-model', vector: Buffer.alloc(16), updated_at: AT, derived_by: '' });

/**
 * One row per table and every column it ever had; a version's rows are these with only the columns
 * that version has (`label`, `id` and the like keep rows tied together across tables).
 */
const ROWS: Record<string, Record<string, unknown>[]> = {
  jobseekers: [{ label: 1, id: 'UP-J1', municipality: '837', region: '06', matchable: 1, ...record(jobseeker) }],
  vacancies: [{ label: 1, id: 'UP-V1', municipality: '837', region: '06', matchable: 1, ...record(vacancy) }],
  settings: [{ name: 'compaction-due', value: '0' }],
  organisations: [
    { id: 'up-area', name: 'Tampereen seutu', kind: 'employment-area', area: 'tampere', created_at: AT, version: 1, updated_at: null },
    { id: 'up-unit', name: 'Yrityspalvelut', kind: 'employer-services', area: null, created_at: AT, version: 1, updated_at: null },
  ],
  api_keys: [
    { id: ADMIN_ID, name: 'Old admin', role: 'admin', secret_sha256: sha256(ADMIN_SECRET), created_at: AT, revoked_at: null, organisation_id: 'national', expires_at: '2027-06-01T00:00:00.000Z', owner: null, last_used_at: null },
    { id: COUNSELLOR_ID, name: 'Anna Virtanen', role: 'counsellor', secret_sha256: sha256(COUNSELLOR_SECRET), created_at: AT, revoked_at: null, organisation_id: 'up-area', expires_at: '2027-06-01T00:00:00.000Z', owner: null, last_used_at: null },
  ],
  audit: [{ id: 1, at: AT, key_id: COUNSELLOR_ID, role: 'counsellor', method: 'GET', route: '/v1/jobseekers/:id', status: 200, detail: null, address: '10.0.0.7', person: null, organisation: 'up-area' }],
  audit_subjects: [{ audit_id: 1, position: 0, jobseeker_id: 'UP-J1' }],
  shares: [{ vacancy_id: 'UP-V1', jobseeker_id: 'UP-J1', key_id: COUNSELLOR_ID, at: AT, owner: 'up-unit', expires_at: '2027-01-01T00:00:00.000Z' }],
  erasures: [{ subject_sha256: 'e'.repeat(64), erased_at: AT, key_id: ADMIN_ID }],
  trainings: [{ id: training.id, record: JSON.stringify({ ...training, createdAt: AT, updatedAt: AT }), derived_by: '', updated_at: AT }],
  referrals: [{ id: 1, jobseeker_id: 'UP-J1', training_id: training.id, key_id: COUNSELLOR_ID, counsellor: 'Anna Virtanen', reason: 'hygieniapassi puuttuu', at: AT, state: 'referred', version: 1 }],
  referral_events: [{ id: 1, referral_id: 1, state: 'referred', happened_on: '2026-11-20', at: AT, actor: 'Anna Virtanen', role: 'counsellor', note: null }],
  vacancy_owners: [{ vacancy_id: 'UP-V1', organisation_id: 'up-unit' }],
  sessions: [{ token_sha256: sha256(SESSION_TOKEN), key_id: ADMIN_ID, csrf: 'csrf-old', created_at: '2026-12-06T19:30:00.000Z', last_seen: '2026-12-06T19:50:00.000Z', expires_at: '2026-12-07T05:30:00.000Z' }],
  decision_contexts: [{ id: 'ctx-old', model: 'old-model', taxonomy: 'taxonomy:old', settings: '{}' }],
  decisions: [
    { id: 1, at: AT, direction: 'vacancies', subject: 'UP-J1', area: '837', key_id: COUNSELLOR_ID, context_id: 'ctx-old', ranked: JSON.stringify([['UP-V1', 0.81, parts]]) },
    { id: 2, at: AT, direction: 'candidates', subject: 'UP-V1', area: '837', key_id: ADMIN_ID, context_id: 'ctx-old', ranked: JSON.stringify([['UP-J1', 0.79, parts]]) },
  ],
  decision_items: [
    { decision_id: 1, position: 1, item: 'UP-V1', score: 0.81, parts: JSON.stringify(parts) },
    { decision_id: 2, position: 1, item: 'UP-J1', score: 0.79, parts: JSON.stringify(parts) },
  ],
  decision_appearances: [{ decision_id: 2, position: 1, item: 'UP-J1' }],
  overrides: [{ jobseeker_id: 'UP-J1', vacancy_id: 'UP-V1', action: 'put-forward', reason: 'asiakas on jo haastattelussa', key_id: COUNSELLOR_ID, at: AT }],
  candidate_views: [{ organisation: 'up-unit', day: '2026-11-20', subject: 'UP-J1' }],
  adhoc_searches: [{ key_id: ADMIN_ID, at: Date.parse(AT) }],
  transfers: [
    { id: 1, jobseeker_id: 'UP-J1', from_area: 'tampere', to_area: 'helsinki', requester_key: COUNSELLOR_ID, requester_name: 'Anna Virtanen', reason: 'muuttaa Helsinkiin', status: 'refused', requested_at: AT, expires_at: '2026-12-20T10:00:00.000Z', decided_key: ADMIN_ID, decided_at: AT, refusal: 'ei muuttoa', withdrawn_at: null },
  ],
  job_suggestions: [
    { id: 1, jobseeker_id: 'UP-J1', vacancy_id: 'UP-V1', unit: 'up-unit', state: 'applied', deadline: '2026-12-31', consent: 1, note: 'hae pian', created_at: AT, created_key: COUNSELLOR_ID, created_name: 'Anna Virtanen', version: 2, shown_rank: 1, rank_recorded: 1 },
  ],
  job_suggestion_events: [
    { id: 1, suggestion_id: 1, state: 'suggested', at: AT, actor: 'Anna Virtanen', role: 'counsellor', reason: null },
    { id: 2, suggestion_id: 1, state: 'applied', at: AT, actor: 'Anna Virtanen', role: 'counsellor', reason: null },
  ],
  obligation_changes: [{ id: 1, jobseeker_id: 'UP-J1', per_month: 2, reason: 'osa-aikatyö', at: AT, actor: 'Anna Virtanen' }],
  reported_applications: [{ id: 1, jobseeker_id: 'UP-J1', applied_on: '2026-11-18', employer: 'Konepaja Teräs Oy', title: 'hitsaaja', vacancy_id: 'UP-V1', at: AT, actor: 'Anna Virtanen' }],
  person_sessions: [
    { token_sha256: sha256('person-token'), provider: 'test-idp', subject: 'sub-1', name: 'Pekka', role: 'counsellor', organisation_id: 'up-area', csrf: 'c', created_at: AT, last_seen: AT, expires_at: '2026-11-20T20:00:00.000Z', checked_at: AT, refresh_token: null, id_token: 'x' },
  ],
  signin_mappings: [{ id: 1, provider: 'test-idp', value: 'tampere-counsellors', organisation_id: 'up-area', role: 'counsellor', version: 1, created_at: AT, updated_at: AT }],
  signin_mappings_seeded: [{ provider: 'test-idp', at: AT }],
  outcomes: [{ id: 1, jobseeker_id: 'UP-J1', event: 'employed-open', happened_on: '2026-11-30', source: 'register', imported_at: AT, actor: 'import' }],
};

/** The tables of the database and their columns. */
function tablesOf(db: Database.Database): Map<string, string[]> {
  const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as unknown as string[];
  return new Map(names.map((t) => [t, db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]]));
}

/** A data directory at schema `version`, holding ROWS as that version's tables take them. */
function dataDirAt(version: number): { dir: string; tables: Map<string, string[]> } {
  const dir = tempDir('kohtaanto-upgrade-');
  const db = new Database(join(dir, 'kohtaanto.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, () => undefined, version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  const tables = tablesOf(db);
  db.transaction(() => {
    for (const [table, rows] of Object.entries(ROWS)) {
      const columns = tables.get(table);
      if (!columns) continue;
      for (const row of rows) {
        const present = Object.keys(row).filter((c) => columns.includes(c));
        db.prepare(`INSERT OR REPLACE INTO ${table} (${present.join(', ')}) VALUES (${present.map(() => '?').join(', ')})`).run(...present.map((c) => row[c]));
      }
    }
  })();
  db.close();
  copyLabelVectors(dir); // the taxonomy's label vectors of the run's seeded directory, as a data directory of any version has them
  return { dir, tables };
}

const dirs: string[] = [];
const services: RunningService[] = [];
afterAll(async () => {
  for (const s of services) await s.stop();
  for (const d of dirs) removeDir(d);
});

async function open(dir: string): Promise<RunningService> {
  const service = await build({ dataDir: dir, env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock });
  services.push(service);
  return service;
}

describe('a data directory of every earlier schema version opens with this code, nothing lost (issue 34)', () => {
  const versions = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);
  it.each(versions)('schema version %i', async (version) => {
    const { dir, tables } = dataDirAt(version);
    dirs.push(dir);
    const has = (table: string) => tables.has(table);
    const service = await open(dir);
    const admin: Caller = { url: '', app: service.app, key: has('api_keys') ? key(ADMIN_ID, ADMIN_SECRET) : service.keys.admin };
    const counsellor: Caller = { url: '', app: service.app, key: key(COUNSELLOR_ID, COUNSELLOR_SECRET) };
    const db = new Database(join(dir, 'kohtaanto.sqlite'), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // Every row written at that version is still in its table (or, for the rows a migration reshapes, where it went).
      for (const [table] of tables) {
        const written = (ROWS[table] ?? []).length;
        if (written === 0 || table === 'decision_items' || table === 'shares') continue;
        const left = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        expect(left, table).toBeGreaterThanOrEqual(written);
      }
      if (has('decision_items')) expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'decision_items'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }

    // The records: read, re-derived and embedded by this code, matched both ways (the index rebuilt from SQLite).
    const j = await call(admin, 'GET', '/v1/jobseekers/UP-J1');
    expect(j.status, JSON.stringify(j.body)).toBe(200);
    expect(j.body).toMatchObject({ id: 'UP-J1', summary: jobseeker.summary, createdAt: AT });
    expect(j.body.normalized, 'derived again').toBeDefined();
    const v = await call(admin, 'GET', '/v1/vacancies/UP-V1');
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ id: 'UP-V1', employer: vacancy.employer });
    const matches = await call(admin, 'GET', '/v1/jobseekers/UP-J1/matches?k=5');
    expect(matches.status, JSON.stringify(matches.body)).toBe(200);
    expect(matches.body.hits.map((h: { id: string }) => h.id)).toContain('UP-V1');
    const candidates = await call(admin, 'GET', '/v1/vacancies/UP-V1/candidates?k=5');
    expect(candidates.status, JSON.stringify(candidates.body)).toBe(200);
    expect(candidates.body.hits.length).toBeGreaterThan(0);

    // Keys: an admin key keeps working; another role's key from before organisations (9) has none and stops.
    expect((await call(counsellor, 'GET', '/v1/jobseekers/UP-J1')).status).toBe(has('organisations') ? 200 : 401);

    // Everything held on the client, through the export.
    const exported = await call(admin, 'GET', '/v1/jobseekers/UP-J1/export');
    expect(exported.status, JSON.stringify(exported.body) + service.logs.filter((l) => l.level === 'warn').map((l) => l.message).join('\n')).toBe(200);
    const e = exported.body;
    if (has('audit')) expect(e.accessLog.map((a: { at: string; route: string }) => [a.at, a.route])).toContainEqual([AT, '/v1/jobseekers/:id']);
    if (has('referrals')) {
      expect(e.referrals).toHaveLength(1);
      expect(e.referrals[0]).toMatchObject({ trainingId: training.id, reason: 'hygieniapassi puuttuu', state: 'referred' });
      expect(e.referrals[0].history.length).toBeGreaterThanOrEqual(1);
      expect((await call(admin, 'GET', `/v1/trainings/${training.id}`)).status).toBe(200);
    }
    if (has('shares')) {
      if (tables.get('shares')!.includes('owner')) expect(e.sharedWithEmployerServices).toEqual([{ vacancyId: 'UP-V1', at: AT, expiresAt: '2027-01-01T00:00:00.000Z' }]);
      else {
        // Made before vacancies had owners: bound to no unit, removed by migration 15 and named in the audit.
        expect(e.sharedWithEmployerServices).toEqual([]);
        expect(e.accessLog.map((a: { route: string }) => a.route)).toContain('migration 15: ownerless shares removed');
      }
    }
    if (has('decisions')) {
      expect(JSON.stringify(e.decisions)).toContain('UP-V1');
      expect(e.counsellorOverrides).toEqual([expect.objectContaining({ vacancyId: 'UP-V1', action: 'put-forward' })]);
    }
    if (has('transfers')) expect(e.transfers).toEqual([expect.objectContaining({ status: 'refused', reason: 'muuttaa Helsinkiin' })]);
    if (has('job_suggestions')) expect(e.jobSuggestions).toEqual([expect.objectContaining({ vacancyId: 'UP-V1', state: 'applied' })]);
    if (has('obligation_changes')) expect(JSON.stringify(e.jobSearch)).toContain('Konepaja Teräs Oy');
    if (has('outcomes')) expect(e.outcomes).toEqual([expect.objectContaining({ event: 'employed-open', date: '2026-11-30' })]);

    if (has('organisations')) {
      const orgs = await call(admin, 'GET', '/v1/admin/organisations');
      expect(orgs.body.items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(['national', 'up-area', 'up-unit']));
    }
    if (has('sessions')) {
      const session = await call({ url: '', app: service.app }, 'GET', '/v1/session', undefined, { cookie: `kohtaanto_session=${SESSION_TOKEN}` });
      expect(session.status, JSON.stringify(session.body)).toBe(200);
    }
    if (has('signin_mappings')) {
      const mappings = await call(admin, 'GET', '/v1/admin/signin-mappings');
      expect(JSON.stringify(mappings.body)).toContain('tampere-counsellors');
    }
  }, 180_000);
});

describe('a data directory written by an earlier release opens with this code (issue 34)', () => {
  it('2026-11-24 (schema 14): records, keys, session, share, referral, override, decisions and audit are read back; the index is rebuilt, then kept', async () => {
    const release = join(import.meta.dirname, 'releases', '2026-11-24');
    const dir = tempDir('kohtaanto-release-');
    dirs.push(dir);
    copyLabelVectors(dir);
    const db = new Database(join(dir, 'kohtaanto.sqlite'));
    db.exec(readFileSync(join(release, 'kohtaanto.sql'), 'utf8'));
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    db.close();
    writeFileSync(join(dir, 'kohtaanto.secret'), readFileSync(join(release, 'kohtaanto.secret')), { mode: 0o600 });
    const keys = JSON.parse(readFileSync(join(release, 'keys.json'), 'utf8')) as Record<string, string>;

    const service = await open(dir);
        const as = (role: string): Caller => ({ url: '', app: service.app, key: keys[role] });
    // Every key of that release works in its role, the revoked one does not.
    const j = await call(as('counsellor'), 'GET', '/v1/jobseekers/OLD-J1');
    expect(j.status, JSON.stringify(j.body)).toBe(200);
    expect((await call(as('admin'), 'GET', '/v1/admin/keys')).body.items.find((k: { id: string }) => k.id === keys.revoked).revokedAt).toBeTruthy();
    const listed = await call(as('counsellor'), 'GET', '/v1/jobseekers?limit=100');
    expect(listed.body.items.map((r: { id: string }) => r.id).sort()).toEqual(Array.from({ length: 11 }, (_, i) => `OLD-J${i + 1}`).sort());
    expect((await call(as('counsellor'), 'GET', '/v1/jobseekers/OLD-J12')).status).toBe(404); // erased then, still erased
    const vacancies = await call(as('employer-service'), 'GET', '/v1/vacancies?limit=100');
    expect(vacancies.body.items).toHaveLength(12); // the unit still owns them
    // Matching answers both ways, from the rebuilt index (which clients find hits depends on the ranking's rules of the day: some do).
    const hitsOf = async (app: RunningService['app'], role: string, path: string) => {
      const r = await call({ url: '', app, key: keys[role] }, 'GET', path);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.hits.length as number;
    };
    const clients = Array.from({ length: 11 }, (_, i) => `/v1/jobseekers/OLD-J${i + 1}/matches?k=5`);
    const vacancyPaths = Array.from({ length: 12 }, (_, i) => `/v1/vacancies/OLD-V${i + 1}/candidates?k=5`);
    const matched = async (app: RunningService['app']) => {
      let found = 0;
      for (const path of clients) found += await hitsOf(app, 'counsellor', path);
      return found;
    };
    expect(await matched(service.app)).toBeGreaterThan(0);
    let candidates = 0;
    for (const path of vacancyPaths) candidates += await hitsOf(service.app, 'employer-service', path);
    expect(candidates).toBeGreaterThan(0);
    const analytics = await call(as('planner'), 'GET', '/v1/analytics/mismatch?area=tampere');
    expect(analytics.status, JSON.stringify(analytics.body)).toBe(200);
    const session = await call({ url: '', app: service.app }, 'GET', '/v1/session', undefined, { cookie: keys.cookie! });
    expect(session.status, JSON.stringify(session.body)).toBe(200);

    const e = (await call(as('admin'), 'GET', '/v1/jobseekers/OLD-J1/export')).body;
    expect(e.sharedWithEmployerServices).toHaveLength(1);
    expect(e.referrals).toEqual([expect.objectContaining({ reason: 'puuttuva pätevyys', state: 'referred' })]);
    expect(e.counsellorOverrides).toEqual([expect.objectContaining({ vacancyId: 'OLD-V2', action: 'set-aside' })]);
    expect(JSON.stringify(e.decisions)).toContain('OLD-V');
    expect(e.accessLog.length).toBeGreaterThanOrEqual(3);

    // Closed and opened again: the index files written after the upgrade are kept, not rebuilt.
    await service.stop();
    const again = await open(dir);
    const lines = again.logs.map((l) => l.message).join('\n');
    expect(lines).toMatch(/jobseekers index loaded from/);
    expect(lines).toMatch(/vacancies index loaded from/);
    expect(await matched(again.app)).toBeGreaterThan(0);
  }, 180_000);
});

describe('a data directory at schema 24 loses the free text of clients erased before 298210f (privacy)', () => {
  it("opens with the reasons and refusals gone from the erased client's audit entries, other clients' entries untouched", async () => {
    const { dir } = dataDirAt(24);
    dirs.push(dir);
    const erased = 'erased:0123456789abcdef'; // the tombstone the erasure of that release left in the subjects
    const entries = [
      { id: 10, route: '/v1/jobseekers/:id/job-search/obligation', method: 'PUT', detail: { perMonth: 2, reason: 'Selkävaiva, vähän sopivia töitä' }, subjects: [erased] },
      { id: 11, route: '/v1/transfers/:id/refuse', method: 'POST', detail: { transfer: 3, reason: 'muuttaa Ouluun', refused: 'Asiakas hoidossa täällä' }, subjects: [erased] },
      { id: 12, route: '/v1/jobseekers/:id/job-search/obligation', method: 'PUT', detail: { perMonth: 3, reason: 'osa-aikatyö' }, subjects: ['UP-J1'] },
      { id: 13, route: '/v1/match', method: 'POST', detail: { k: 5 }, subjects: [erased, 'UP-J1'] },
      { id: 14, route: '/v1/jobseekers/:id', method: 'GET', detail: null, subjects: [erased] },
    ];
    const db = new Database(join(dir, 'kohtaanto.sqlite'));
    for (const e of entries) {
      db.prepare("INSERT INTO audit (id, at, key_id, role, method, route, status, detail, organisation) VALUES (?, ?, ?, 'counsellor', ?, ?, 200, ?, 'up-area')")
        .run(e.id, AT, COUNSELLOR_ID, e.method, e.route, e.detail === null ? null : JSON.stringify(e.detail));
      e.subjects.forEach((s, position) => db.prepare('INSERT INTO audit_subjects (audit_id, position, jobseeker_id) VALUES (?, ?, ?)').run(e.id, position, s));
    }
    db.close();

    const service = await open(dir);
    const after = new Database(join(dir, 'kohtaanto.sqlite'), { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const details = after.prepare<[], { id: number; detail: string | null }>('SELECT id, detail FROM audit WHERE id >= 10 ORDER BY id').all();
      expect(details.map((r) => [r.id, r.detail === null ? null : JSON.parse(r.detail)])).toEqual([
        [10, { perMonth: 2 }],
        [11, { transfer: 3 }],
        [12, { perMonth: 3, reason: 'osa-aikatyö' }], // a kept client's reason stays
        [13, { k: 5 }],
        [14, null],
      ]);
      const file = JSON.stringify(after.prepare('SELECT detail FROM audit').all());
      expect(file).not.toContain('Selkävaiva');
      expect(file).not.toContain('hoidossa');
      expect(file).not.toContain('Ouluun');
    } finally {
      after.close();
    }
    // The kept client's trail reads as before.
    const admin: Caller = { url: '', app: service.app, key: key(ADMIN_ID, ADMIN_SECRET) };
    const exported = await call(admin, 'GET', '/v1/jobseekers/UP-J1/export');
    expect(exported.status).toBe(200);
    expect(exported.body.accessLog.map((a: { route: string }) => a.route)).toEqual(expect.arrayContaining(['/v1/jobseekers/:id/job-search/obligation', '/v1/match']));
  }, 180_000);
});

describe("a data directory at schema 27 gets each record's concepts in a column of their own (step 28, issue 31)", () => {
  it('opens at once and keeps the concepts a write keeps for every record in the background (none left without), with the same matches and candidates', async () => {
    const first = await build({ clock }); // the fixtures, written by this code: each record's concepts kept by its write
    services.push(first);
    dirs.push(first.dataDir);
    const admin = first.as('admin');
    const asked = ['/v1/jobseekers/JS-000001/matches?k=10', '/v1/jobseekers/JS-000007/matches?k=10', '/v1/vacancies/V-000003/candidates?k=10'];
    const ranked = async (caller: Caller) =>
      Promise.all(asked.map(async (path) => (await call(caller, 'GET', path)).body.hits.map((h: { id: string; score: number }) => `${h.id} ${h.score}`)));
    const before = await ranked(admin);
    expect(before.every((hits) => hits.length === 10)).toBe(true);
    await first.stop();

    const file = join(first.dataDir, 'kohtaanto.sqlite');
    const read = (db: Database.Database, table: string) => db.prepare<[], { label: number; concepts: string | null }>(`SELECT label, concepts FROM ${table} ORDER BY label`).all();
    const db = new Database(file);
    const written = { jobseekers: read(db, 'jobseekers'), vacancies: read(db, 'vacancies') };
    expect(written.jobseekers.length).toBeGreaterThan(2000);
    expect([...written.jobseekers, ...written.vacancies].filter((r) => r.concepts === null)).toEqual([]);
    // The file as schema 27 left it: no concepts column (nor step 31's index of the rows without).
    for (const table of ['jobseekers', 'vacancies']) db.exec(`DROP INDEX IF EXISTS ${table}_without_concepts; ALTER TABLE ${table} DROP COLUMN concepts`);
    db.pragma('user_version = 27');
    db.close();

    // Opened as serve.ts opens it: the background work (re-derivation, then the concepts) starts once it listens.
    const upgraded = await build({ dataDir: first.dataDir, env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock, waitForIndexes: false });
    services.push(upgraded);
    await upgraded.engine.ready;
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The step only adds the column: the start is not held by working out every stored record's concepts
    // (675 s at 400,000 records under load when it did).
    expect([...read(after, 'jobseekers'), ...read(after, 'vacancies')].filter((r) => r.concepts !== null)).toEqual([]);
    // Served meanwhile from the records themselves: the same matches and candidates.
    expect(await ranked(upgraded.as('admin'))).toEqual(before);
    await upgraded.engine.rederivation.start();
    expect({ jobseekers: read(after, 'jobseekers'), vacancies: read(after, 'vacancies') }).toEqual(written);
    after.close();
    expect(upgraded.logs.some((line) => /kept the concepts of \d+ jobseekers beside them/.test(line.message))).toBe(true);
    expect(await ranked(upgraded.as('admin'))).toEqual(before);
  });
});
