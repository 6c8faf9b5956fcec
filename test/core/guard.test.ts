import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { Guard } from '../../src/core/guard.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';

/** In-memory stores (test doubles): two clients, two vacancies. */
const clients = new Map([['TRE', '837'], ['HKI', '091']]);
const owners = new Map<string, string | null>([['MINE', 'unit-a'], ['IMPORTED', null]]);
const guard = new Guard(
  { jobseekerMunicipality: (id) => clients.get(id), vacancyOwner: (id) => (owners.has(id) ? { owner: owners.get(id)! } : undefined) },
  defaultEmploymentAreas(regions),
);
const counsellor: Principal = { keyId: 'k1', name: 'c', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const unitA: Principal = { keyId: 'k2', name: 'a', role: 'employer-service', organisation: { id: 'unit-a', kind: 'employer-services' } };
const unitB: Principal = { ...unitA, keyId: 'k3', organisation: { id: 'unit-b', kind: 'employer-services' } };
const admin: Principal = { keyId: 'k4', name: 'x', role: 'admin', organisation: { id: 'national', kind: 'national' } };

describe('Guard', () => {
  it("lets a counsellor act on their area's clients only, or on another's with a transfer reason", () => {
    expect(() => guard.jobseeker(counsellor, 'TRE')).not.toThrow();
    expect(() => guard.jobseeker(counsellor, 'HKI')).toThrow(/another employment area than Tampereen seudun työllisyysalue/);
    expect(() => guard.jobseeker(counsellor, 'HKI', 'too short')).toThrow();
    expect(() => guard.jobseeker(counsellor, 'HKI', 'moved to Tampere in November')).not.toThrow();
    expect(() => guard.jobseeker(counsellor, 'UNKNOWN')).not.toThrow(); // the service answers not found
    expect(() => guard.jobseeker(admin, 'HKI')).not.toThrow();
    expect(guard.jobseekerMunicipalities(counsellor)!.has('837')).toBe(true);
    expect(guard.jobseekerMunicipalities(counsellor)!.has('091')).toBe(false);
    expect(guard.jobseekerMunicipalities(admin)).toBeUndefined();
  });

  it('refuses registering a client who lives elsewhere, by code or name', () => {
    expect(() => guard.jobseekerWrites(counsellor, [{ id: 'NEW', municipality: 'Kangasala' }])).not.toThrow();
    expect(() => guard.jobseekerWrites(counsellor, [{ id: 'NEW', municipality: 'Helsingfors' }])).toThrow(/would live outside/);
  });

  it('lets only the owning unit (and admins) change a vacancy, and see its candidates', () => {
    expect(() => guard.vacancyWrites(unitA, ['MINE', 'NEW'])).not.toThrow();
    expect(() => guard.vacancyWrites(unitB, ['MINE'])).toThrow(/another unit/);
    expect(() => guard.vacancyWrites(unitA, ['IMPORTED'])).toThrow(/belongs to no unit/);
    expect(() => guard.vacancyWrites(admin, ['MINE', 'IMPORTED'])).not.toThrow();
    expect(() => guard.candidatesOf(unitB, 'MINE')).toThrow(/its candidates are for that unit/);
    expect(() => guard.candidatesOf(unitB, 'IMPORTED')).not.toThrow();
    expect(guard.ownerFor(unitA)).toBe('unit-a');
    expect(guard.ownerFor(admin)).toBeNull();
  });
});
