import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../../src/adapters/sqlite/api-keys.js';
import { AuditLog } from '../../../src/adapters/sqlite/audit-log.js';
import { openDatabase, type Db } from '../../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../../src/adapters/sqlite/organisations.js';
import { SignInMappingStore } from '../../../src/adapters/sqlite/signin-mappings.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { VacancyOwnerStore } from '../../../src/adapters/sqlite/vacancy-owners.js';
import { AuditTrailSearch } from '../../../src/core/audit-trail/service.js';
import { auditSearch } from '../../../src/core/audit-trail/schema.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import { Organisations } from '../../../src/core/organisations.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';
import { SignInMappings } from '../../../src/core/signin-mappings/service.js';
import { tempDir } from '../../helpers/files.js';

/** The administration use cases on a real SQLite file, with a clock the test moves. */
function open() {
  const db = openDatabase(join(tempDir(), 'admin.sqlite'));
  const keyUseWrites = counting(db, /^UPDATE api_keys SET last_used_at/);
  let now = Date.parse('2026-12-01T08:00:00Z');
  const clock = () => new Date(now);
  const keys = new ApiKeyStore(db, clock);
  const organisations = new Organisations({
    organisations: new OrganisationStore(db, clock),
    keys,
    owners: new VacancyOwnerStore(db),
    vacancy: async () => undefined,
    areas: defaultEmploymentAreas(regions),
  });
  const providers = [{ id: 'tampere', name: 'Tampere', claim: 'groups', roles: [{ value: 'counsellors', organisation: 'tre', role: 'counsellor' as const }] }];
  const mappings = new SignInMappings({
    store: new SignInMappingStore(db, clock),
    checkOrganisation: async (id, role, field) => void (await organisations.holding(id, role, field, 'mapping')),
    providers,
  });
  const audit = new AuditLog(db, keyedTombstones(Buffer.alloc(32, 3)), () => {}, clock, 1);
  return { keyUseWrites, keys, organisations, mappings, providers, audit, trail: new AuditTrailSearch({ search: (q) => audit.search(q) }), later: (ms: number) => (now += ms) };
}

const refusal = async (f: () => unknown) => {
  try {
    await f();
  } catch (error) {
    if (error instanceof KohtaantoError) return { code: error.code, problems: error.problems.map((p) => p.field), sv: error.text('sv') };
    throw error;
  }
  throw new Error('not refused');
};

/** Counts the statements run that match `pattern` (the database's prepare wrapped). */
function counting(db: Db, pattern: RegExp) {
  const count = { n: 0 };
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const statement = prepare(sql);
    if (!pattern.test(sql)) return statement;
    const run = statement.run.bind(statement);
    return Object.assign(statement, { run: (...args: unknown[]) => (count.n++, run(...(args as []))) });
  };
  return count;
}

describe('organisations: rename and area, with versions', () => {
  it('renames and moves an employment-area organisation; a change of an old version is refused and stores nothing', async () => {
    const { organisations } = open();
    const added = await organisations.add({ id: 'tre', name: 'Tampere', kind: 'employment-area', area: 'Tampereen seudun työllisyysalue' });
    expect(added).toMatchObject({ version: 1, area: 'tampere' });
    const renamed = await organisations.change('tre', 1, { name: 'Tampereen seutu' });
    expect(renamed).toMatchObject({ name: 'Tampereen seutu', version: 2, area: 'tampere' });
    const stale = await refusal(() => organisations.change('tre', 1, { name: 'Another name' }));
    expect(stale.code).toBe('changed_meanwhile');
    expect(stale.sv).toContain('Någon annan ändrade tre');
    expect(await organisations.change('tre', 2, { area: 'helsinki' })).toMatchObject({ area: 'helsinki', name: 'Tampereen seutu', version: 3 });
    expect((await organisations.list()).find((o) => o.id === 'tre')).toMatchObject({ name: 'Tampereen seutu', area: 'helsinki', version: 3 });
  });

  it('checks the area against the kind, naming the field in the language asked for', async () => {
    const { organisations } = open();
    await organisations.add({ id: 'plan', name: 'Planning', kind: 'planning' });
    const notForKind = await refusal(() => organisations.change('plan', 1, { area: 'helsinki' }));
    expect(notForKind).toMatchObject({ code: 'invalid_input', problems: ['area'] });
    expect(notForKind.sv).toContain('area: bara organisationer för sysselsättningsområden har ett område');
    expect((await refusal(() => organisations.add({ id: 'x', name: 'x', kind: 'employment-area' }))).sv).toContain('area: en organisation för ett sysselsättningsområde behöver sitt område');
    expect((await refusal(() => organisations.change('nowhere', 1, { name: 'x' }))).code).toBe('not_found');
    expect((await organisations.list()).find((o) => o.id === 'plan')).toMatchObject({ version: 1 });
  });
});

describe('sign-in mappings', () => {
  it('start from the providers file once: later starts leave the database as the admins left it', async () => {
    const { organisations, mappings, providers } = open();
    await organisations.add({ id: 'tre', name: 'Tampere', kind: 'employment-area', area: 'tampere' });
    await mappings.seed();
    expect(await mappings.forProvider('tampere')).toEqual([{ value: 'counsellors', organisation: 'tre', role: 'counsellor' }]);
    const [seeded] = (await mappings.list()).items;
    await mappings.remove(seeded!.id, seeded!.version);
    await mappings.seed([{ ...providers[0]!, roles: [{ value: 'other', organisation: 'tre', role: 'counsellor' }] }]);
    expect(await mappings.forProvider('tampere')).toEqual([]);
  });

  it('are checked (provider, organisation and role, duplicate value) and versioned', async () => {
    const { organisations, mappings } = open();
    await organisations.add({ id: 'tre', name: 'Tampere', kind: 'employment-area', area: 'tampere' });
    await organisations.add({ id: 'unit', name: 'Unit', kind: 'employer-services' });
    expect(await refusal(() => mappings.add({ provider: 'elsewhere', value: 'g', organisation: 'tre', role: 'counsellor' }))).toMatchObject({ problems: ['provider'] });
    const wrongKind = await refusal(() => mappings.add({ provider: 'tampere', value: 'g', organisation: 'unit', role: 'counsellor' }));
    expect(wrongKind).toMatchObject({ code: 'invalid_input', problems: ['organisation'] });
    expect(wrongKind.sv).toContain('rollen handläggare kan inte ges i organisationen unit');
    expect((await refusal(() => mappings.add({ provider: 'tampere', value: 'g', organisation: 'nowhere', role: 'counsellor' }))).problems).toEqual(['organisation']);
    const added = await mappings.add({ provider: 'tampere', value: 'g', organisation: 'tre', role: 'counsellor' });
    expect((await refusal(() => mappings.add({ provider: 'tampere', value: 'g', organisation: 'tre', role: 'planner' }))).problems).toEqual(['value']);
    const changed = await mappings.change(added.id, 1, { role: 'planner' });
    expect(changed).toMatchObject({ role: 'planner', version: 2 });
    expect((await refusal(() => mappings.change(added.id, 1, { role: 'counsellor' }))).code).toBe('changed_meanwhile');
    expect((await refusal(() => mappings.remove(added.id, 1))).code).toBe('changed_meanwhile');
    expect(await mappings.forProvider('tampere')).toEqual([{ value: 'g', organisation: 'tre', role: 'planner' }]);
    await mappings.remove(added.id, 2);
    expect(await mappings.forProvider('tampere')).toEqual([]);
  });
});

describe("a key's last use", () => {
  it('is written with the audit groups at most once a minute per key, never by verifying the key', async () => {
    const { keyUseWrites: updates, keys, audit, later } = open();
    const issued = await keys.create('admin', 'integration', 'national', 30, 'Outi Owner');
    for (let i = 0; i < 1000; i++) {
      expect((await keys.verify(issued.key))?.keyId).toBe(issued.id);
      audit.record({ keyId: issued.id, role: 'admin', method: 'GET', route: '/v1/jobseekers', status: 200, jobseekers: [] });
      if (i % 100 === 0) audit.flush();
      later(30); // 1000 requests in 30 s
    }
    audit.flush();
    expect(updates.n).toBe(1);
    expect((await keys.list())[0]).toMatchObject({ owner: 'Outi Owner', lastUsedAt: '2026-12-01T08:00:00.000Z' });
    later(60_000);
    audit.record({ keyId: issued.id, role: 'admin', method: 'GET', route: '/v1/jobseekers', status: 200, jobseekers: [] });
    audit.record({ keyId: issued.id, method: 'GET', route: '/v1/jobseekers', status: 401, jobseekers: [] }); // refused: not a use
    audit.flush();
    expect(updates.n).toBe(2);
    expect((await keys.list())[0]!.lastUsedAt).toBe('2026-12-01T08:01:30.000Z');
  });
});

describe('the audit trail for admins', () => {
  it('pages newest first and filters by person, organisation, route, client and period', async () => {
    const { audit, trail, later, keys } = open();
    const key = await keys.create('counsellor', 'Kaisa Keyholder', 'national', 30);
    const q = (query: Record<string, string>) => auditSearch.parse(query);
    for (let i = 0; i < 25; i++) {
      audit.record({ keyId: key.id, role: 'counsellor', organisation: 'tre', method: 'GET', route: '/v1/jobseekers/:id', status: 200, jobseekers: [`J${i % 5}`] });
      later(3_600_000); // one an hour: 08:00 on the 1st to 08:00 on the 2nd
    }
    audit.record({ keyId: 'person:tampere:aino', person: 'Aino Alanen', role: 'admin', organisation: 'national', method: 'GET', route: '/v1/admin/keys', status: 200, jobseekers: [] });
    const first = await trail.page(q({ limit: '10' }));
    expect(first.entries).toHaveLength(10);
    expect(first.entries[0]).toMatchObject({ person: 'Aino Alanen', organisation: 'national' });
    const second = await trail.page(q({ limit: '10', before: String(first.next) }));
    const third = await trail.page(q({ limit: '10', before: String(second.next) }));
    expect(third.entries).toHaveLength(6);
    expect(third.next).toBeUndefined();
    expect(new Set([...first.entries, ...second.entries, ...third.entries].map((e) => e.id)).size).toBe(26);
    expect((await trail.page(q({ person: 'aino' }))).entries.map((e) => e.route)).toEqual(['/v1/admin/keys']);
    expect((await trail.page(q({ person: 'keyholder' }))).entries).toHaveLength(25);
    expect((await trail.page(q({ person: key.id }))).entries).toHaveLength(25);
    expect((await trail.page(q({ organisation: 'tre' }))).entries).toHaveLength(25);
    expect((await trail.page(q({ route: '/v1/admin' }))).entries).toHaveLength(1);
    expect((await trail.page(q({ route: '%' }))).entries).toHaveLength(0); // a LIKE wildcard is a character like others
    expect((await trail.page(q({ client: 'J3' }))).entries.every((e) => e.jobseekers.includes('J3'))).toBe(true);
    expect((await trail.page(q({ client: 'J3' }))).entries).toHaveLength(5);
    expect((await trail.page(q({ from: '2026-12-02', to: '2026-12-02' }))).entries).toHaveLength(10); // 00:00 … 08:00 on the 2nd and the person's
    expect((await trail.page(q({ to: '2026-12-01' }))).entries).toHaveLength(16); // 08:00 … 23:00
    expect(await refusal(() => trail.page(q({ from: '2026-12-02', to: '2026-12-01' })))).toMatchObject({ problems: ['to'] });
  });
});
