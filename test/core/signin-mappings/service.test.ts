import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../../src/adapters/sqlite/organisations.js';
import { SignInMappingStore } from '../../../src/adapters/sqlite/signin-mappings.js';
import type { Role } from '../../../src/core/access.js';
import { invalidInput, problem } from '../../../src/core/errors.js';
import { SignInMappings } from '../../../src/core/signin-mappings/service.js';

/** Organisations and the roles their kind holds (a double for the organisation service). */
const ORGANISATIONS: Record<string, Role[]> = { 'ea-vaasa': ['counsellor', 'planner'], 'unit-vaasa': ['employer-service'] };

/** The use cases over the real SQLite stores (a file in a temporary directory); the kinds' roles checked by a double. */
async function setUp() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kohtaanto-mappings-')), 'k.sqlite'));
  const organisations = new OrganisationStore(db);
  await organisations.add({ id: 'ea-vaasa', name: 'Vaasan seudun työllisyysalue', kind: 'employment-area', area: 'vaasa' });
  await organisations.add({ id: 'unit-vaasa', name: 'Vaasan työnantajapalvelut', kind: 'employer-services' });
  const mappings = new SignInMappings({
    store: new SignInMappingStore(db, () => new Date('2026-12-07T08:00:00Z')),
    checkOrganisation: async (id, role, field) => {
      if (!ORGANISATIONS[id]) throw invalidInput([problem(field, 'no_organisation', { value: id })]);
      if (!ORGANISATIONS[id].includes(role)) throw invalidInput([problem(field, 'mapping_role_not_in_kind', { role, value: id, orgKind: 'employer-services', orgKinds: 'employment-area' })]);
    },
    providers: [{ id: 'entra', name: 'Vaasan kaupunki', claim: 'groups', roles: [{ value: 'g-counsellors', organisation: 'ea-vaasa', role: 'counsellor' }] }],
  });
  return mappings;
}

const failure = async (f: () => Promise<unknown>) =>
  f().then(
    () => 'ok',
    (e: { code: string; problems?: { field: string }[] }) => [e.code, ...(e.problems?.map((p) => p.field) ?? [])].join(' '),
  );

describe('SignInMappings', () => {
  it("stores the providers file's mappings once, then the admins' edits are what sign-in reads", async () => {
    const mappings = await setUp();
    await mappings.seed();
    await mappings.seed(); // a later start leaves them as they are
    expect(await mappings.forProvider('entra')).toEqual([{ value: 'g-counsellors', organisation: 'ea-vaasa', role: 'counsellor' }]);
    const added = await mappings.add({ provider: 'entra', value: 'g-employers', organisation: 'unit-vaasa', role: 'employer-service' });
    const [first] = (await mappings.list()).items;
    const changed = await mappings.change(first!.id, first!.version, { role: 'planner' });
    expect(changed.version).toBe(first!.version + 1);
    expect(await mappings.forProvider('entra')).toEqual([
      { value: 'g-counsellors', organisation: 'ea-vaasa', role: 'planner' },
      { value: 'g-employers', organisation: 'unit-vaasa', role: 'employer-service' },
    ]);
    await mappings.remove(added.id, added.version);
    expect((await mappings.list()).items.map((m) => m.value)).toEqual(['g-counsellors']);
    expect((await mappings.list()).providers).toEqual([{ id: 'entra', name: 'Vaasan kaupunki', claim: 'groups' }]);
  });

  it('refuses an unknown provider, an organisation whose kind lacks the role and a value mapped already, naming the field', async () => {
    const mappings = await setUp();
    await mappings.seed();
    expect(await failure(() => mappings.add({ provider: 'okta', value: 'x', organisation: 'ea-vaasa', role: 'counsellor' }))).toBe('invalid_input provider');
    expect(await failure(() => mappings.add({ provider: 'entra', value: 'x', organisation: 'unit-vaasa', role: 'counsellor' }))).toBe('invalid_input organisation');
    expect(await failure(() => mappings.add({ provider: 'entra', value: 'g-counsellors', organisation: 'ea-vaasa', role: 'planner' }))).toBe('invalid_input value');
    expect(await failure(() => mappings.add({ provider: 'entra', value: 'x', organisation: 'ea-nowhere', role: 'counsellor' }))).toBe('invalid_input organisation');
    expect((await mappings.list()).items).toHaveLength(1);
  });

  it('refuses a change or removal from a stale version, and of a mapping that is gone; two changes at once: one wins', async () => {
    const mappings = await setUp();
    await mappings.seed();
    const other = await mappings.add({ provider: 'entra', value: 'g-planners', organisation: 'ea-vaasa', role: 'planner' });
    const [m] = (await mappings.list()).items;
    const results = await Promise.all([failure(() => mappings.change(m!.id, m!.version, { value: 'g-a' })), failure(() => mappings.change(m!.id, m!.version, { value: 'g-b' }))]);
    expect(results.sort()).toEqual(['changed_meanwhile', 'ok']);
    expect(await failure(() => mappings.remove(m!.id, m!.version))).toBe('changed_meanwhile');
    // Renaming to a value the provider maps already.
    const current = (await mappings.list()).items[0]!;
    expect(await failure(() => mappings.change(current.id, current.version, { value: 'g-planners' }))).toBe('invalid_input value');
    await mappings.remove(other.id, other.version);
    expect(await failure(() => mappings.change(other.id, other.version, { role: 'counsellor' }))).toBe('not_found');
  });
});
