import { describe, expect, it } from 'vitest';
import { unaudited } from '../../src/core/audit-note.js';
import { notFound } from '../../src/core/errors.js';
import { Guard } from '../../src/core/guard.js';
import { PersonalData, type PersonalDataPorts } from '../../src/core/personal-data.js';
import type { AuditRecord } from '../../src/core/privacy/schema.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';
import { principals } from '../helpers/hits.js';

const { tampereCounsellor, helsinkiCounsellor, admin } = principals;

const entry = (id: number, jobseekers: string[], detail: unknown): AuditRecord => ({
  id,
  at: `2026-12-0${id}T09:00:00.000Z`,
  keyId: 'k-tre',
  role: 'counsellor',
  method: 'GET',
  route: '/v1/jobseekers/:id',
  status: 200,
  jobseekers,
  detail,
  address: '10.0.0.1',
});

/**
 * The GDPR access export and the audit trail, with the real Guard; every store is a test double
 * answering fixed rows (and recording what it was asked, so the test sees nothing is read for a
 * caller the guard refuses).
 */
function setUp() {
  const reads: string[] = [];
  const read = <T>(what: string, value: T) => (id: string) => (reads.push(`${what}:${id}`), value);
  const readAsync = <T>(what: string, value: T) => async (id: string) => (reads.push(`${what}:${id}`), value);
  const ports: PersonalDataPorts = {
    jobseeker: async (id) => {
      reads.push(`jobseeker:${id}`);
      if (id !== 'J-TRE') throw notFound('jobseeker', id);
      return { id, name: 'Tiina Tampere' };
    },
    shares: { ofJobseeker: readAsync('shares', [{ vacancyId: 'V-1', jobseekerId: 'J-TRE', owner: 'unit-a', keyId: 'k-tre', at: '2026-12-01T00:00:00Z', expiresAt: '2026-12-31T00:00:00Z' } as never]) },
    referrals: {
      exportOf: readAsync('referrals', [
        { trainingId: 'T-1', counsellor: 'Anna', reason: 'hitsaus', at: '2026-12-02T00:00:00Z', state: 'referred' as const, history: [] },
      ]),
    },
    outcomes: { exportOf: readAsync('outcomes', [{ event: 'employed-open' as const, date: '2026-12-03', source: 'register', importedAt: '2026-12-04T00:00:00Z', importedBy: 'Anna' }]) },
    audit: {
      forJobseeker: async (id, limit) => (reads.push(`audit:${id}:${limit}`), [entry(1, ['J-TRE', 'J-OTHER'], { scores: [0.9, 0.4] })]),
      recent: async (limit) => (reads.push(`recent:${limit}`), [entry(2, [], null)]),
      erasureOf: async (id) => (id === 'J-GONE' ? { erasedAt: '2026-12-05T00:00:00Z', keyId: 'k-x' } : undefined),
    },
    guard: new Guard(
      { jobseekerMunicipality: (id) => ({ 'J-TRE': '837', 'J-HKI': '091' })[id], vacancyOwner: async () => undefined, transferAdmits: async () => false, refuseIds: async () => undefined },
      defaultEmploymentAreas(regions),
    ),
    decisions: { ofJobseeker: read('decisions', { rankingsForThem: [], inRankings: [] } as never) },
    overrides: { ofJobseeker: readAsync('overrides', [{ jobseekerId: 'J-TRE', vacancyId: 'V-1', action: 'put-forward', reason: 'r', counsellor: 'Anna', at: 'x' } as never]) },
    transfers: { ofJobseeker: readAsync('transfers', []) },
    jobSuggestions: { exportOf: readAsync('jobSuggestions', []) },
    jobSearch: { exportOf: readAsync('jobSearch', { obligation: [], applications: [] } as never) },
  };
  return { data: new PersonalData(ports), reads };
}

describe('PersonalData.export', () => {
  it("gives a counsellor everything held on their area's client, without other people's ids or the units' keys", async () => {
    const { data } = setUp();
    const audit = unaudited();
    const exported = await data.export(tampereCounsellor, 'J-TRE', audit);
    expect(exported).toEqual({
      jobseeker: { id: 'J-TRE', name: 'Tiina Tampere' },
      sharedWithEmployerServices: [{ vacancyId: 'V-1', at: '2026-12-01T00:00:00Z', expiresAt: '2026-12-31T00:00:00Z' }],
      referrals: [{ trainingId: 'T-1', counsellor: 'Anna', reason: 'hitsaus', at: '2026-12-02T00:00:00Z', state: 'referred', history: [] }],
      // Who read the record when; not the other people of the same request, nor its detail.
      accessLog: [{ id: 1, at: '2026-12-01T09:00:00.000Z', keyId: 'k-tre', role: 'counsellor', method: 'GET', route: '/v1/jobseekers/:id', status: 200, address: '10.0.0.1' }],
      decisions: { rankingsForThem: [], inRankings: [] },
      counsellorOverrides: [{ vacancyId: 'V-1', action: 'put-forward', reason: 'r', counsellor: 'Anna', at: 'x' }],
      transfers: [],
      jobSuggestions: [],
      jobSearch: { obligation: [], applications: [] },
      outcomes: [{ event: 'employed-open', date: '2026-12-03', source: 'register', importedAt: '2026-12-04T00:00:00Z', importedBy: 'Anna' }],
    });
    expect(JSON.stringify(exported)).not.toContain('J-OTHER');
    expect(audit.jobseekers).toEqual(['J-TRE']);
  });

  it("answers another area's client and an unknown id alike, not found, reading nothing", async () => {
    const { data, reads } = setUp();
    const audit = unaudited();
    const code = async (id: string) => {
      try {
        await data.export(tampereCounsellor, id, audit);
      } catch (error) {
        return [(error as { code: string }).code, (error as Error).message.replaceAll(id, 'X')];
      }
    };
    expect(await code('J-HKI')).toEqual(await code('J-NOBODY'));
    expect((await code('J-HKI'))![0]).toBe('not_found');
    expect(reads).toEqual([]);
    expect(audit.jobseekers).toEqual([]);
    await expect(data.export(helsinkiCounsellor, 'J-TRE')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('gives an admin any client, and not found for an unknown one', async () => {
    const { data, reads } = setUp();
    expect((await data.export(admin, 'J-TRE')).jobseeker).toEqual({ id: 'J-TRE', name: 'Tiina Tampere' });
    expect(reads).toContain('audit:J-TRE:10000');
    await expect(data.export(admin, 'J-NOBODY')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('PersonalData.auditTrail', () => {
  it("answers one jobseeker's entries, with their erasure when erased, or the most recent entries", async () => {
    const { data, reads } = setUp();
    expect(await data.auditTrail({ limit: 5 })).toEqual({ entries: [entry(2, [], null)] });
    expect(await data.auditTrail({ jobseeker: 'J-TRE', limit: 3 })).toEqual({ entries: [entry(1, ['J-TRE', 'J-OTHER'], { scores: [0.9, 0.4] })] });
    expect((await data.auditTrail({ jobseeker: 'J-GONE', limit: 3 })).erasure).toEqual({ erasedAt: '2026-12-05T00:00:00Z', keyId: 'k-x' });
    expect(reads).toEqual(['recent:5', 'audit:J-TRE:3', 'audit:J-GONE:3']);
  });
});
