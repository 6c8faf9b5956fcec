import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CandidateBudgetStore } from '../../src/adapters/sqlite/candidate-budget.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { ShareStore } from '../../src/adapters/sqlite/shares.js';
import type { Principal } from '../../src/core/access.js';
import { unaudited } from '../../src/core/audit-note.js';
import { notFound } from '../../src/core/errors.js';
import { Guard } from '../../src/core/guard.js';
import type { MatchHit } from '../../src/core/matches/schema.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';
import { Sharing, type SharingSettings } from '../../src/core/sharing.js';
import { hit, principals } from '../helpers/hits.js';

const { tampereCounsellor, helsinkiCounsellor, unitA, unitB, admin } = principals;
const SETTINGS: SharingSettings = { shareDays: 30, adHocSearchesPerHour: 2, adHocMaxK: 20, candidatesPerDay: 3 };

/** Clients: two in Tampere (837), two in Helsinki (091). */
const CLIENTS: Record<string, { municipality: string; name: string; contact?: { email?: string } }> = {
  'J-TRE-1': { municipality: '837', name: 'Tiina Tampere', contact: { email: 'tiina@example.fi' } },
  'J-TRE-2': { municipality: '837', name: 'Teemu Tampere' },
  'J-HKI-1': { municipality: '091', name: 'Helmi Helsinki' },
  'J-HKI-2': { municipality: '091', name: 'Heikki Helsinki' },
};
/** Vacancies and the unit owning each (null: imported, no unit). */
const OWNERS: Record<string, string | null> = { 'V-A': 'unit-a', 'V-A2': 'unit-a', 'V-IMPORTED': null };

/**
 * Sharing over the real SQLite share and budget stores (a file in a temporary directory) and the real
 * Guard; the records and vacancy owners are maps (test doubles for the record services). The clock
 * is a variable the test moves.
 */
function setUp(settings = SETTINGS) {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kohtaanto-sharing-')), 'k.sqlite'));
  const shares = new ShareStore(db);
  let now = new Date('2026-12-06T10:00:00Z');
  /** Withdrawals of consent told on (to the job suggestions). */
  const withdrawn: string[] = [];
  const guard = new Guard(
    {
      jobseekerMunicipality: (id) => CLIENTS[id]?.municipality,
      vacancyOwner: async (id) => (id in OWNERS ? { owner: OWNERS[id]! } : undefined),
      transferAdmits: async () => false, refuseIds: async () => undefined,
    },
    defaultEmploymentAreas(regions),
  );
  const sharing = new Sharing(
    {
      shares,
      owners: { ownerOf: async (id) => OWNERS[id] ?? null },
      budget: new CandidateBudgetStore(db),
      vacancy: async (id) => {
        if (!(id in OWNERS)) throw notFound('vacancy', id);
        return { id };
      },
      jobseeker: async (id) => {
        const client = CLIENTS[id];
        if (!client) throw notFound('jobseeker', id);
        return client;
      },
      guard,
      pseudonymKey: Buffer.alloc(32, 7),
      consentWithdrawn: async (vacancyId, jobseekerId) => void withdrawn.push(`${vacancyId}/${jobseekerId}`),
      now: () => now,
    },
    settings,
  );
  return {
    sharing,
    shares,
    withdrawn,
    at: (iso: string) => {
      now = new Date(iso);
    },
  };
}

const candidates = (...ids: string[]): MatchHit[] => ids.map((id) => hit(id, { municipality: CLIENTS[id]!.municipality }));
const codeOf = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (error) {
    const e = error as { code: string; retryAfterSeconds?: number; problems?: { field: string }[] };
    return [e.code, e.retryAfterSeconds ?? null, e.problems?.map((p) => p.field) ?? []];
  }
};

describe('Sharing.share', () => {
  it("lets a counsellor share their area's client with the unit owning the vacancy, for shareDays", async () => {
    const { sharing, shares } = setUp();
    const audit = unaudited();
    const share = await sharing.share(tampereCounsellor, 'V-A', 'J-TRE-1', audit);
    expect(share).toEqual({
      vacancyId: 'V-A',
      jobseekerId: 'J-TRE-1',
      owner: 'unit-a',
      keyId: 'k-tre',
      sharedBy: 'Anna',
      at: '2026-12-06T10:00:00.000Z',
      expiresAt: '2027-01-05T10:00:00.000Z',
    });
    expect(audit.jobseekers).toEqual(['J-TRE-1']);
    expect([...(await shares.activeFor('V-A', 'unit-a', '2027-01-05T09:59:59.999Z'))]).toEqual(['J-TRE-1']);
    expect([...(await shares.activeFor('V-A', 'unit-a', '2027-01-05T10:00:00.000Z'))]).toEqual([]);
  });

  it("refuses another area's client and an unknown id with one answer, an unknown vacancy, and a vacancy no unit owns", async () => {
    const { sharing, shares } = setUp();
    const other = () => sharing.share(tampereCounsellor, 'V-A', 'J-HKI-1');
    const unknown = () => sharing.share(tampereCounsellor, 'V-A', 'NOBODY');
    expect(await codeOf(other)).toEqual(['not_found', null, []]);
    expect(await codeOf(unknown)).toEqual(['not_found', null, []]);
    const message = async (f: () => unknown, id: string) => {
      try {
        await f();
      } catch (error) {
        return (error as Error).message.replaceAll(id, 'X');
      }
    };
    expect(await message(other, 'J-HKI-1')).toBe(await message(unknown, 'NOBODY'));
    expect(await codeOf(() => sharing.share(tampereCounsellor, 'V-NONE', 'J-TRE-1'))).toEqual(['not_found', null, []]);
    await expect(sharing.share(tampereCounsellor, 'V-IMPORTED', 'J-TRE-1')).rejects.toThrow(/belongs to no employer-services unit/);
    expect([...(await shares.activeFor('V-A', 'unit-a', '2026-12-06T10:00:00Z'))]).toEqual([]);
    // An admin reaches every client but an unknown one.
    expect((await sharing.share(admin, 'V-A', 'J-HKI-1')).keyId).toBe('k-x');
    expect(await codeOf(() => sharing.share(admin, 'V-A', 'NOBODY'))).toEqual(['not_found', null, []]);
  });
});

describe('Sharing.unshare', () => {
  it('ends the share and tells the job suggestions that rest on the consent; another area and an unknown id get one answer and end nothing', async () => {
    const { sharing, shares, withdrawn } = setUp();
    await sharing.share(tampereCounsellor, 'V-A', 'J-TRE-1');
    expect(await codeOf(() => sharing.unshare(helsinkiCounsellor, 'V-A', 'J-TRE-1'))).toEqual(['not_found', null, []]);
    expect(withdrawn).toEqual([]);
    await sharing.unshare(tampereCounsellor, 'V-A', 'J-TRE-1');
    expect(withdrawn).toEqual(['V-A/J-TRE-1']);
    expect([...(await shares.activeFor('V-A', 'unit-a', '2026-12-06T10:00:00Z'))]).toEqual([]);
    // No share left (expired and removed, or never made): the consent a suggestion recorded ends all the same.
    expect((await codeOf(() => sharing.unshare(tampereCounsellor, 'V-A', 'J-TRE-1')))[0]).toBe('not_found');
    expect(withdrawn).toEqual(['V-A/J-TRE-1', 'V-A/J-TRE-1']);
  });
});

describe('Sharing.candidatesOf', () => {
  it('shows the owning unit its shared candidates with name and contact, everyone else by pseudonym', async () => {
    const { sharing } = setUp();
    await sharing.share(tampereCounsellor, 'V-A', 'J-TRE-1');
    // Scores apart: tied candidates come in the order of their pseudonyms (see disclosure.ts), not as given.
    const list = candidates('J-TRE-1', 'J-TRE-2').map((h, i) => ({ ...h, score: 0.9 - i / 10 }));
    const forA = await sharing.candidatesOf(unitA, 'V-A', list);
    expect(forA.map((h) => [h.id.startsWith('cand-'), h.shared, h.name ?? null])).toEqual([
      [true, true, 'Tiina Tampere'],
      [true, false, null],
    ]);
    expect(forA[0]!.contact).toEqual({ email: 'tiina@example.fi' });
    expect(forA[0]!.id).toMatch(/^cand-[0-9a-f]{16}$/);
    // Another unit gets the same pseudonyms (keyed per vacancy) and no names.
    const forB = await sharing.candidatesOf(unitB, 'V-A', list);
    expect(forB.map((h) => h.id)).toEqual(forA.map((h) => h.id));
    expect(forB.map((h) => [h.shared, h.name ?? null])).toEqual([
      [false, null],
      [false, null],
    ]);
  });

  it('keys pseudonyms per vacancy, so that two lists cannot be joined', async () => {
    const { sharing } = setUp();
    const a = await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1'));
    const a2 = await sharing.candidatesOf(unitA, 'V-A2', candidates('J-TRE-1'));
    expect(a[0]!.id).not.toBe(a2[0]!.id);
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1')))[0]!.id).toBe(a[0]!.id);
  });

  it('gives a vacancy\'s new owner new pseudonyms: the unit that could name a shared candidate cannot join its list to the next owner\'s', async () => {
    const { sharing } = setUp();
    await sharing.share(tampereCounsellor, 'V-A', 'J-TRE-1');
    const [named] = await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1'));
    expect(named).toMatchObject({ shared: true, name: 'Tiina Tampere' });
    OWNERS['V-A'] = 'unit-b'; // an admin moves the vacancy (PUT /v1/admin/vacancies/:id/owner), or unit A deletes it and unit B creates it again
    try {
      const [seen] = await sharing.candidatesOf(unitB, 'V-A', candidates('J-TRE-1'));
      expect(seen!.id).toMatch(/^cand-[0-9a-f]{16}$/);
      expect(seen!.id).not.toBe(named!.id);
      expect((await sharing.candidateOf('V-A', 'J-TRE-1')).id).toBe(seen!.id); // the new owner's pipeline uses its list's pseudonym
    } finally {
      OWNERS['V-A'] = 'unit-a';
    }
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1')))[0]!.id).toBe(named!.id);
  });

  it("shows a counsellor their own area's clients as persons and others by pseudonym; shares are not for counsellors", async () => {
    const { sharing } = setUp();
    await sharing.share(admin, 'V-A', 'J-HKI-1');
    const shown = await sharing.candidatesOf(tampereCounsellor, 'V-A', candidates('J-TRE-1', 'J-HKI-1'));
    expect(shown[0]).toEqual(candidates('J-TRE-1')[0]);
    expect(shown[1]).toMatchObject({ shared: false, title: 'hitsaaja' });
    expect(shown[1]!.id).toMatch(/^cand-/);
    expect(shown[1]).not.toHaveProperty('name');
    const fromHelsinki = await sharing.candidatesOf(helsinkiCounsellor, 'V-A', candidates('J-TRE-1', 'J-HKI-1'));
    // The same pseudonym any caller sees for that person on this vacancy.
    expect(fromHelsinki.map((h) => h.id)).toEqual([(await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1')))[0]!.id, 'J-HKI-1']);
    expect(fromHelsinki[0]!.id).toMatch(/^cand-/);
  });

  it('shows an admin everyone as a person, outside any budget', async () => {
    const { sharing } = setUp({ ...SETTINGS, candidatesPerDay: 1 });
    const list = candidates('J-TRE-1', 'J-TRE-2', 'J-HKI-1', 'J-HKI-2');
    expect(await sharing.candidatesOf(admin, 'V-A', list)).toEqual(list);
  });

  it('stops showing a share once it expires, or to a unit the vacancy no longer belongs to', async () => {
    const { sharing, at } = setUp();
    await sharing.share(tampereCounsellor, 'V-A', 'J-TRE-1');
    at('2027-01-05T09:00:00Z');
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1')))[0]!.shared).toBe(true);
    at('2027-01-05T11:00:00Z');
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1')))[0]).toMatchObject({ shared: false });
  });
});

describe('the daily budget of pseudonymous candidates', () => {
  it('admits up to candidatesPerDay distinct people a day per organisation, seeing someone again free, then refuses the whole list until midnight UTC', async () => {
    const { sharing, at } = setUp();
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1', 'J-TRE-2'))).length).toBe(2);
    expect((await sharing.candidatesOf(unitA, 'V-A2', candidates('J-TRE-1', 'J-TRE-2', 'J-HKI-1'))).length).toBe(3);
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-HKI-1'))).length).toBe(1);
    // A fourth person: refused, whole, with the seconds to midnight UTC (10:00 → 14 h).
    expect(await codeOf(() => sharing.candidatesOf(unitA, 'V-A', candidates('J-TRE-1', 'J-HKI-2')))).toEqual(['rate_limited', 14 * 3600, []]);
    await expect(sharing.candidatesOf(unitA, 'V-A', candidates('J-HKI-2'))).rejects.toThrow(/shown 3 of its 3 distinct candidates today/);
    // Another organisation has its own budget; a counsellor spends on other areas' clients only.
    expect((await sharing.candidatesOf(unitB, 'V-A', candidates('J-HKI-2'))).length).toBe(1);
    expect((await sharing.candidatesOf(tampereCounsellor, 'V-A', candidates('J-TRE-1', 'J-TRE-2', 'J-HKI-1', 'J-HKI-2'))).length).toBe(4);
    at('2026-12-06T23:59:59Z');
    expect(await codeOf(() => sharing.candidatesOf(unitA, 'V-A', candidates('J-HKI-2')))).toEqual(['rate_limited', 1, []]);
    at('2026-12-07T00:00:00Z');
    expect((await sharing.candidatesOf(unitA, 'V-A', candidates('J-HKI-2'))).length).toBe(1);
  });

  it('counts ad-hoc candidate lists too, and forgets an erased person', async () => {
    const { sharing } = setUp();
    await sharing.adHocCandidates(unitA, candidates('J-TRE-1', 'J-TRE-2', 'J-HKI-1'));
    expect((await codeOf(() => sharing.adHocCandidates(unitA, candidates('J-HKI-2'))))[0]).toBe('rate_limited');
    await sharing.forgetJobseeker('J-TRE-1');
    expect((await sharing.adHocCandidates(unitA, candidates('J-HKI-2'))).length).toBe(1);
  });
});

describe('ad-hoc searches for jobseekers', () => {
  it('gives fresh pseudonyms per answer and never shows a share', async () => {
    const { sharing } = setUp();
    await sharing.share(tampereCounsellor, 'V-A', 'J-TRE-1');
    const first = await sharing.adHocCandidates(unitA, candidates('J-TRE-1'));
    const second = await sharing.adHocCandidates(unitA, candidates('J-TRE-1'));
    expect(first[0]!.id).toMatch(/^cand-[0-9a-f]{16}$/);
    expect(second[0]!.id).not.toBe(first[0]!.id);
    expect(first[0]).toMatchObject({ shared: false });
    expect(first[0]).not.toHaveProperty('name');
  });

  it('refuses more than adHocMaxK hits naming the field k, and more than adHocSearchesPerHour per key (sliding hour)', async () => {
    const { sharing, at } = setUp();
    expect(await codeOf(() => sharing.admitAdHocSearch(unitA, 21))).toEqual(['invalid_input', null, ['k']]);
    expect(await codeOf(() => sharing.admitAdHocSearch(unitA, 20))).toBe('ok');
    at('2026-12-06T10:30:00Z');
    expect(await codeOf(() => sharing.admitAdHocSearch(unitA, 5))).toBe('ok');
    at('2026-12-06T10:45:00Z');
    // The oldest of the two leaves the window at 11:00: 15 minutes.
    expect(await codeOf(() => sharing.admitAdHocSearch(unitA, 5))).toEqual(['rate_limited', 900, []]);
    // Per key: another key of the same unit searches.
    expect(await codeOf(() => sharing.admitAdHocSearch({ ...unitA, keyId: 'k-a2' }, 5))).toBe('ok');
    at('2026-12-06T11:00:01Z');
    expect(await codeOf(() => sharing.admitAdHocSearch(unitA, 5))).toBe('ok');
  });

  it('sets no limit for admins', async () => {
    const { sharing } = setUp();
    for (let i = 0; i < 5; i++) expect(await codeOf(() => sharing.admitAdHocSearch(admin, 200))).toBe('ok');
  });
});
