import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../src/adapters/sqlite/organisations.js';
import { VacancyOwnerStore } from '../../src/adapters/sqlite/vacancy-owners.js';
import { Guard } from '../../src/core/guard.js';
import { jobseekerAccess, vacancyAccess } from '../../src/core/record-access.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';
import { principals } from '../helpers/hits.js';

const { tampereCounsellor, helsinkiCounsellor, unitA, unitB, admin } = principals;

/** Outcome of a call: 'ok' or the error's code. */
const outcome = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

/**
 * The organisation boundary of the record routes: the real Guard and vacancy owners in a
 * SQLite file; which records exist is a map (a test double for the record stores).
 */
function setUp() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kohtaanto-record-access-')), 'k.sqlite'));
  const organisations = new OrganisationStore(db, () => new Date('2026-12-06T10:00:00Z'));
  for (const id of ['unit-a', 'unit-b']) organisations.add({ id, name: id, kind: 'employer-services' });
  const owners = new VacancyOwnerStore(db);
  const clients = new Map([['J-TRE', '837'], ['J-HKI', '091']]);
  const vacancies = new Set(['V-A', 'V-IMPORTED']);
  void owners.set('V-A', 'unit-a');
  const guard = new Guard(
    {
      jobseekerMunicipality: (id) => clients.get(id),
      vacancyOwner: async (id) => (vacancies.has(id) ? { owner: await owners.ownerOf(id) } : undefined),
      transferAdmits: async () => false, refuseIds: async () => undefined,
    },
    defaultEmploymentAreas(regions),
  );
  return { owners, vacancies, jobseekers: jobseekerAccess(guard), vacancy: vacancyAccess(guard, owners) };
}

describe('jobseekerAccess', () => {
  it("lets a counsellor read, write and remove their area's clients only; an admin everyone", async () => {
    const { jobseekers } = setUp();
    expect(await outcome(() => jobseekers.read(tampereCounsellor, 'J-TRE'))).toBe('ok');
    expect(await outcome(() => jobseekers.read(tampereCounsellor, 'J-HKI'))).toBe('not_found');
    expect(await outcome(() => jobseekers.read(admin, 'J-HKI'))).toBe('ok');
    expect(await outcome(() => jobseekers.write(tampereCounsellor, [{ id: 'J-NEW', municipality: 'Tampere' }]))).toBe('ok');
    expect(await outcome(() => jobseekers.write(tampereCounsellor, [{ id: 'J-NEW', municipality: '091' }]))).toBe('forbidden');
    expect(await outcome(() => jobseekers.write(tampereCounsellor, [{ id: 'J-HKI', municipality: '091' }]))).toBe('forbidden');
    expect(await outcome(() => jobseekers.remove(tampereCounsellor, ['J-TRE', 'J-HKI']))).toBe('not_found');
    expect(await outcome(() => jobseekers.remove(helsinkiCounsellor, ['J-HKI']))).toBe('ok');
  });

  it('lists within the area only, leaves out of a bulk deletion what the caller does not reach, and has no owners', async () => {
    const { jobseekers } = setUp();
    const within = jobseekers.listWithin(tampereCounsellor)!;
    expect(within.has('837')).toBe(true);
    expect(within.has('091')).toBe(false);
    expect(jobseekers.listWithin(admin)).toBeUndefined();
    expect(await jobseekers.removable(tampereCounsellor, ['J-TRE', 'J-HKI', 'J-NONE'])).toEqual(['J-TRE']);
    expect(await jobseekers.removable(admin, ['J-TRE', 'J-HKI', 'J-NONE'])).toEqual(['J-TRE', 'J-HKI']);
    expect(jobseekers.within(tampereCounsellor)).toBeUndefined();
    let field: string | undefined;
    try {
      await jobseekers.owned(tampereCounsellor);
    } catch (error) {
      field = (error as { code: string; problems: { field: string }[] }).code + ':' + (error as { problems: { field: string }[] }).problems[0]!.field;
    }
    expect(field).toBe('invalid_input:owner');
  });
});

describe('vacancyAccess', () => {
  it('lets anyone with the role read and list vacancies, and only the owning unit (or an admin) change them', async () => {
    const { vacancy } = setUp();
    expect(await outcome(() => vacancy.read(unitB, 'V-A'))).toBe('ok');
    expect(vacancy.listWithin(unitB)).toBeUndefined();
    expect(await outcome(() => vacancy.write(unitA, [{ id: 'V-A', municipality: '837' }]))).toBe('ok');
    expect(await outcome(() => vacancy.write(unitB, [{ id: 'V-A', municipality: '837' }]))).toBe('forbidden');
    expect(await outcome(() => vacancy.write(unitA, [{ id: 'V-IMPORTED', municipality: '837' }]))).toBe('forbidden');
    expect(await outcome(() => vacancy.write(admin, [{ id: 'V-IMPORTED', municipality: '837' }]))).toBe('ok');
    expect(await outcome(() => vacancy.remove(unitB, ['V-A']))).toBe('forbidden');
    expect(await outcome(() => vacancy.removable(unitB, ['V-A']))).toBe('forbidden');
    expect(await vacancy.removable(unitA, ['V-A', 'V-NEW'])).toEqual(['V-A', 'V-NEW']);
  });

  it("claims a new vacancy for the creating unit inside the write, refuses another unit's, and claims nothing for an admin", async () => {
    const { vacancy } = setUp();
    // What the write's transaction found stored: V-B owned by unit-b, V-IMPORTED by none; a new id is absent.
    const found = (ids: string[]) => new Map(ids.map((id) => [id, { version: 1, owner: id === 'V-B' ? 'unit-b' : null }] as const));
    expect(vacancy.within(unitB)!.claimFor).toBe('unit-b');
    expect(await outcome(async () => vacancy.within(unitB)!.check!(found(['V-B'])))).toBe('ok');
    expect(await outcome(async () => vacancy.within(unitB)!.check!(new Map()))).toBe('ok'); // new: it will own it
    expect(await outcome(async () => vacancy.within(unitA)!.check!(found(['V-B'])))).toBe('forbidden');
    expect(await outcome(async () => vacancy.within(unitA)!.check!(found(['V-IMPORTED'])))).toBe('forbidden');
    expect(vacancy.within(admin)!.claimFor).toBeUndefined();
    expect(await outcome(async () => vacancy.within(admin)!.check!(found(['V-B', 'V-IMPORTED'])))).toBe('ok');
    expect(await vacancy.owned(unitA)).toEqual(['V-A']);
  });
});
