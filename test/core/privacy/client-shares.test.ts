import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { ShareStore } from '../../../src/adapters/sqlite/shares.js';
import { unaudited } from '../../../src/core/audit-note.js';
import { notFound } from '../../../src/core/errors.js';
import { Guard } from '../../../src/core/guard.js';
import { ClientSharesList } from '../../../src/core/privacy/client-shares.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';
import { principals } from '../../helpers/hits.js';

const { tampereCounsellor, helsinkiCounsellor, unitA, planner, admin } = principals;
/** Clients: one in Tampere (837), one in Helsinki (091). */
const CLIENTS: Record<string, string> = { 'J-TRE': '837', 'J-HKI': '091' };

/**
 * The list over the real SQLite share store (a file in a temporary directory) and the real Guard;
 * vacancy owners, titles and unit names are maps (test doubles for the record and organisation services).
 */
function setUp() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kohtaanto-client-shares-')), 'k.sqlite'));
  const shares = new ShareStore(db);
  const owners: Record<string, string | null> = { 'V-1': 'unit-a', 'V-2': 'unit-a', 'V-3': 'unit-b' };
  const titles: Record<string, string> = { 'V-1': 'sairaanhoitaja', 'V-2': 'lähihoitaja', 'V-3': 'kokki' };
  let now = new Date('2026-12-06T10:00:00Z');
  const guard = new Guard(
    { jobseekerMunicipality: (id) => CLIENTS[id], vacancyOwner: async (id) => (id in owners ? { owner: owners[id]! } : undefined), transferAdmits: async () => false, refuseIds: async () => undefined },
    defaultEmploymentAreas(regions),
  );
  const list = new ClientSharesList({
    shares,
    ownerOf: async (id) => owners[id] ?? null,
    vacancyTitle: async (id) => titles[id],
    unitName: async (id) => ({ 'unit-a': 'Pirkanmaan työnantajapalvelut' })[id],
    jobseeker: async (id) => {
      if (!(id in CLIENTS)) throw notFound('jobseeker', id);
      return { id };
    },
    guard,
    now: () => now,
  });
  const share = (vacancyId: string, owner: string, at: string, expiresAt: string, sharedBy?: string) =>
    shares.add({ vacancyId, jobseekerId: 'J-TRE', owner, keyId: 'k-tre', at, expiresAt, ...(sharedBy ? { sharedBy } : {}) });
  return { list, owners, share, at: (iso: string) => (now = new Date(iso)) };
}

const codeOf = async (f: () => Promise<unknown>) => f().then(() => 'ok', (e: { code: string }) => e.code);

describe('ClientSharesList', () => {
  it("lists the client's current shares with the vacancy's title, the unit's name and who shared, for the counsellor of their area", async () => {
    const { list, share } = setUp();
    await share('V-1', 'unit-a', '2026-12-01T09:00:00.000Z', '2026-12-31T09:00:00.000Z', 'Anna');
    await share('V-3', 'unit-b', '2026-12-02T09:00:00.000Z', '2027-01-01T09:00:00.000Z');
    const audit = unaudited();
    const { items } = await list.of(tampereCounsellor, 'J-TRE', audit);
    expect(items).toEqual([
      { vacancyId: 'V-1', vacancyTitle: 'sairaanhoitaja', unit: { id: 'unit-a', name: 'Pirkanmaan työnantajapalvelut' }, sharedAt: '2026-12-01T09:00:00.000Z', sharedBy: 'Anna', expiresAt: '2026-12-31T09:00:00.000Z' },
      // A unit without a stored name is shown by its id; a share from before names were kept, by no one.
      { vacancyId: 'V-3', vacancyTitle: 'kokki', unit: { id: 'unit-b', name: 'unit-b' }, sharedAt: '2026-12-02T09:00:00.000Z', sharedBy: null, expiresAt: '2027-01-01T09:00:00.000Z' },
    ]);
    expect(audit.jobseekers).toEqual(['J-TRE']);
    expect((await list.of(admin, 'J-TRE')).items).toHaveLength(2);
  });

  it('leaves out shares that expired or whose vacancy moved to another unit (or to none) since', async () => {
    const { list, share, owners, at } = setUp();
    await share('V-1', 'unit-a', '2026-12-01T09:00:00.000Z', '2026-12-10T09:00:00.000Z');
    await share('V-2', 'unit-a', '2026-12-01T09:00:00.000Z', '2026-12-31T09:00:00.000Z');
    await share('V-3', 'unit-b', '2026-12-01T09:00:00.000Z', '2026-12-31T09:00:00.000Z');
    owners['V-3'] = 'unit-a';
    expect((await list.of(tampereCounsellor, 'J-TRE')).items.map((i) => i.vacancyId)).toEqual(['V-1', 'V-2']);
    owners['V-2'] = null;
    at('2026-12-10T09:00:00.000Z'); // V-1's share ends at this instant
    expect((await list.of(tampereCounsellor, 'J-TRE')).items).toEqual([]);
  });

  it("answers another area's client and an unknown id alike, refuses employer units and planners, and audits every read", async () => {
    const { list, share } = setUp();
    await share('V-1', 'unit-a', '2026-12-01T09:00:00.000Z', '2026-12-31T09:00:00.000Z');
    const other = await codeOf(() => list.of(helsinkiCounsellor, 'J-TRE'));
    const unknown = await codeOf(() => list.of(helsinkiCounsellor, 'J-NOBODY'));
    expect(other).toBe(unknown);
    expect(await codeOf(() => list.of(tampereCounsellor, 'J-NOBODY'))).toBe('not_found');
    // The unit the client is shared with learns nothing here either.
    expect(await codeOf(() => list.of(unitA, 'J-TRE'))).not.toBe('ok');
    expect(await codeOf(() => list.of(planner, 'J-TRE'))).not.toBe('ok');
    const audit = unaudited();
    await codeOf(() => list.of(helsinkiCounsellor, 'J-TRE', audit));
    expect(audit.jobseekers).toEqual(['J-TRE']);
  });
});
