import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { Guard } from '../../src/core/guard.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';

/** In-memory stores (test doubles): two clients, two vacancies. */
const clients = new Map([['TRE', '837'], ['HKI', '091'], ['HKI-2', '091']]);
/** HKI is reached by the Tampere area under an approved transfer (the transfer service answers). */
const transferred = new Set(['tampere:HKI']);
/** What the guard told the limit of ids another area holds (key: ids refused). */
const told: string[] = [];
const owners = new Map<string, string | null>([['MINE', 'unit-a'], ['IMPORTED', null]]);
const guard = new Guard(
  {
    jobseekerMunicipality: (id) => clients.get(id),
    vacancyOwner: async (id) => (owners.has(id) ? { owner: owners.get(id)! } : undefined),
    transferAdmits: async (p, id) => transferred.has(`${p.organisation.area}:${id}`),
    refuseIds: async (p, refused) => {
      told.push(`${p.keyId}: ${refused.join(',')}`);
    },
  },
  defaultEmploymentAreas(regions),
);
const counsellor: Principal = { keyId: 'k1', name: 'c', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const unitA: Principal = { keyId: 'k2', name: 'a', role: 'employer-service', organisation: { id: 'unit-a', kind: 'employer-services' } };
const unitB: Principal = { ...unitA, keyId: 'k3', organisation: { id: 'unit-b', kind: 'employer-services' } };
const admin: Principal = { keyId: 'k4', name: 'x', role: 'admin', organisation: { id: 'national', kind: 'national' } };

describe('Guard', () => {
  it("lets a counsellor act on their area's clients only, or on another's during an approved transfer", async () => {
    await expect(guard.jobseeker(counsellor, 'TRE')).resolves.toBeUndefined();
    await expect(guard.jobseeker(counsellor, 'HKI')).resolves.toBeUndefined(); // approved transfer
    const refusal = async (id: string) => {
      try {
        await guard.jobseeker(counsellor, id);
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message.replaceAll(id, 'X') };
      }
      return undefined;
    };
    // Another area's client and an id no one has: one answer, not found.
    expect(await refusal('HKI-2')).toEqual({ code: 'not_found', message: expect.stringMatching(/^no jobseeker 'X' in your employment area/) });
    expect(await refusal('UNKNOWN')).toEqual(await refusal('HKI-2'));
    await expect(guard.jobseeker(admin, 'HKI-2')).resolves.toBeUndefined();
    await expect(guard.jobseeker(admin, 'UNKNOWN')).resolves.toBeUndefined(); // the service answers not found
    expect(guard.jobseekerMunicipalities(counsellor)!.has('837')).toBe(true);
    expect(guard.jobseekerMunicipalities(counsellor)!.has('091')).toBe(false);
    expect(guard.jobseekerMunicipalities(admin)).toBeUndefined();
  });

  it('refuses registering a client who lives elsewhere, by code or name', async () => {
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'NEW', municipality: 'Kangasala' }])).resolves.toBeUndefined();
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'NEW', municipality: 'Helsingfors' }])).rejects.toThrow(/would live outside/);
    // Under a transfer the home moves into the caller's area, or stays in its own, never to a third.
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'HKI', municipality: 'Tampere' }])).resolves.toBeUndefined();
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'HKI', municipality: 'Helsingfors' }])).resolves.toBeUndefined();
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'HKI', municipality: 'Oulu' }])).rejects.toThrow(/moves only into/);
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'HKI-2', municipality: 'Tampere' }])).rejects.toThrow(/no jobseeker 'HKI-2'/);
  });

  it("tells the limit every id another area's client holds in a write (each counted), and every write of an id the area does not hold", async () => {
    told.length = 0;
    const batch = [{ id: 'HKI-2', municipality: 'Tampere' }, { id: 'NEW', municipality: 'Tampere' }, { id: 'HKI-2', municipality: 'Nokia' }, { id: 'TRE', municipality: 'Tampere' }];
    await expect(guard.jobseekerWrites(counsellor, batch)).rejects.toThrow(/no jobseeker 'HKI-2'/);
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'NEW', municipality: 'Tampere' }])).resolves.toBeUndefined();
    await expect(guard.jobseekerWrites(counsellor, [{ id: 'TRE', municipality: 'Tampere' }, { id: 'HKI', municipality: 'Tampere' }])).resolves.toBeUndefined(); // own and transferred: nothing told
    await expect(guard.jobseekerWrites(admin, [{ id: 'HKI-2', municipality: 'Tampere' }, { id: 'NEW', municipality: 'Oulu' }])).resolves.toBeUndefined();
    expect(told).toEqual(['k1: HKI-2,HKI-2', 'k1: ']);
  });

  it('lets only the owning unit (and admins) change a vacancy, and see its candidates', async () => {
    await expect(guard.vacancyWrites(unitA, ['MINE', 'NEW'])).resolves.toBeUndefined();
    await expect(guard.vacancyWrites(unitB, ['MINE'])).rejects.toThrow(/another unit/);
    await expect(guard.vacancyWrites(unitA, ['IMPORTED'])).rejects.toThrow(/belongs to no unit/);
    await expect(guard.vacancyWrites(admin, ['MINE', 'IMPORTED'])).resolves.toBeUndefined();
    await expect(guard.candidatesOf(unitB, 'MINE')).rejects.toThrow(/its candidates are for that unit/);
    await expect(guard.candidatesOf(unitB, 'IMPORTED')).resolves.toBeUndefined();
    expect(guard.ownerFor(unitA)).toBe('unit-a');
    expect(guard.ownerFor(admin)).toBeNull();
  });
});
