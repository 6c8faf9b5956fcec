import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../src/adapters/sqlite/organisations.js';
import { ShareStore } from '../../src/adapters/sqlite/shares.js';
import { VacancyOwnerStore } from '../../src/adapters/sqlite/vacancy-owners.js';
import { notFound } from '../../src/core/errors.js';
import { Organisations } from '../../src/core/organisations.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';

/** What an admin manages, over the real SQLite stores (in memory); the vacancies are a set (a test double). */
async function setUp() {
  const db = openDatabase(':memory:');
  const clock = () => new Date('2026-12-06T10:00:00Z');
  const keys = new ApiKeyStore(db, clock);
  const owners = new VacancyOwnerStore(db);
  const shares = new ShareStore(db);
  const organisations = new Organisations({
    organisations: new OrganisationStore(db, clock),
    keys,
    owners,
    vacancy: async (id) => {
      if (id !== 'V-1') throw notFound('vacancy', id);
      return { id };
    },
    areas: defaultEmploymentAreas(regions),
  });
  await organisations.add({ id: 'tre', name: 'Tampereen seudun työllisyysalue', kind: 'employment-area', area: 'Tampereen seudun työllisyysalue' });
  await organisations.add({ id: 'unit-a', name: 'Yrityspalvelut A', kind: 'employer-services' });
  await organisations.add({ id: 'unit-b', name: 'Yrityspalvelut B', kind: 'employer-services' });
  return { organisations, keys, owners, shares };
}

/** The code and field of a refusal. */
const refusal = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (error) {
    const e = error as { code: string; problems: { field: string }[] };
    return `${e.code}${e.problems[0] ? `:${e.problems[0].field}` : ''}`;
  }
};

describe('Organisations', () => {
  it('adds organisations, an employment area by its id or name, and refuses a taken id', async () => {
    const { organisations } = await setUp();
    expect((await organisations.list()).map((o) => [o.id, o.kind, o.area ?? null])).toEqual([
      ['national', 'national', null],
      ['tre', 'employment-area', 'tampere'],
      ['unit-a', 'employer-services', null],
      ['unit-b', 'employer-services', null],
    ]);
    expect(await refusal(() => organisations.add({ id: 'tre', name: 'Again', kind: 'employment-area', area: 'tampere' }))).toBe('already_exists');
  });

  it('needs a known area for an employment area, and none for other kinds', async () => {
    const { organisations } = await setUp();
    expect(await refusal(() => organisations.add({ id: 'x', name: 'X', kind: 'employment-area' }))).toBe('invalid_input:area');
    expect(await refusal(() => organisations.add({ id: 'x', name: 'X', kind: 'employment-area', area: 'atlantis' }))).toBe('invalid_input:area');
    expect(await refusal(() => organisations.add({ id: 'x', name: 'X', kind: 'planning', area: 'tampere' }))).toBe('invalid_input:area');
    expect(await organisations.list()).toHaveLength(4);
  });

  it("issues a key only to an organisation of the role's kind", async () => {
    const { organisations } = await setUp();
    const key = await organisations.issueKey({ role: 'counsellor', name: 'Anna', organisation: 'tre', expiresInDays: 30 });
    expect(key.key).toMatch(/^kht_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.expiresAt).toBe('2027-01-05T10:00:00.000Z');
    expect(await refusal(() => organisations.issueKey({ role: 'counsellor', name: 'A', organisation: 'unit-a', expiresInDays: 30 }))).toBe('invalid_input:organisation');
    expect(await refusal(() => organisations.issueKey({ role: 'admin', name: 'A', organisation: 'tre', expiresInDays: 30 }))).toBe('invalid_input:organisation');
    expect(await refusal(() => organisations.issueKey({ role: 'planner', name: 'A', organisation: 'nowhere', expiresInDays: 30 }))).toBe('invalid_input:organisation');
    expect((await organisations.issueKey({ role: 'planner', name: 'Pia', organisation: 'tre', expiresInDays: 30 })).id).toMatch(/^[0-9a-f]{16}$/);
    // (Listed by creation time, then id: both were made at the same instant here, so sorted by name.)
    expect((await organisations.keys()).map((k) => [k.name, k.role, k.organisation]).sort()).toEqual([
      ['Anna', 'counsellor', 'tre'],
      ['Pia', 'planner', 'tre'],
    ]);
  });

  it('rotates and revokes usable keys, and answers not found otherwise', async () => {
    const { organisations } = await setUp();
    const { id } = await organisations.issueKey({ role: 'counsellor', name: 'Anna', organisation: 'tre', expiresInDays: 30 });
    const rotated = await organisations.rotateKey(id, 7, 365);
    expect(rotated.oldExpiresAt).toBe('2026-12-13T10:00:00.000Z');
    await organisations.revokeKey(rotated.id);
    expect(await refusal(() => organisations.revokeKey(rotated.id))).toBe('not_found');
    expect(await refusal(() => organisations.rotateKey(rotated.id, 7, 365))).toBe('not_found');
    expect(await refusal(() => organisations.rotateKey('0000000000000000', 7, 365))).toBe('not_found');
  });

  it("hands a vacancy to another unit or to none, ending the old owner's shares; refuses an unknown vacancy or a unit that is none", async () => {
    const { organisations, owners, shares } = await setUp();
    expect(await organisations.setVacancyOwner('V-1', 'unit-a')).toEqual({ vacancyId: 'V-1', owner: 'unit-a' });
    await shares.add({ vacancyId: 'V-1', jobseekerId: 'J-1', owner: 'unit-a', keyId: 'k', at: '2026-12-06T00:00:00Z', expiresAt: '2027-01-05T00:00:00Z' });
    // The same owner again: the shares stay.
    await organisations.setVacancyOwner('V-1', 'unit-a');
    expect(await shares.ofJobseeker('J-1')).toHaveLength(1);
    await organisations.setVacancyOwner('V-1', 'unit-b');
    expect(await owners.ownerOf('V-1')).toBe('unit-b');
    expect(await shares.ofJobseeker('J-1')).toEqual([]);
    expect(await organisations.setVacancyOwner('V-1', null)).toEqual({ vacancyId: 'V-1', owner: null });
    expect(await owners.ownerOf('V-1')).toBeNull();
    expect(await refusal(() => organisations.setVacancyOwner('V-1', 'tre'))).toBe('invalid_input:organisation');
    expect(await refusal(() => organisations.setVacancyOwner('V-1', 'nowhere'))).toBe('invalid_input:organisation');
    expect(await refusal(() => organisations.setVacancyOwner('V-404', 'unit-a'))).toBe('not_found');
  });
});
