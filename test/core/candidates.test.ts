import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { CandidateLists, type CandidateListPorts } from '../../src/core/candidates.js';
import { rateLimited } from '../../src/core/errors.js';
import { Guard } from '../../src/core/guard.js';
import type { MatchHit } from '../../src/core/matches/schema.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';
import { hit, principals } from '../helpers/hits.js';

const { unitA, unitB, tampereCounsellor, admin } = principals;
const RANKED = [hit('J-1'), hit('J-2')];
const shownTo = (p: Principal, hits: MatchHit[]) => hits.map((h) => ({ ...h, id: `${p.keyId}:${h.id}` }));

/**
 * The candidate-list use cases with the real Guard (V-A belongs to unit-a); the matcher, Sharing and
 * the decision log are test doubles that write what they were asked, in order, into one list.
 */
function setUp(overBudget = false) {
  const calls: unknown[] = [];
  /** The tie order each ranking was given, and the key each ad-hoc answer was disclosed with. */
  const ties: (((id: string) => string) | undefined)[] = [];
  const disclosedWith: (Buffer | undefined)[] = [];
  const ports: CandidateListPorts = {
    guard: new Guard(
      { jobseekerMunicipality: () => undefined, vacancyOwner: async (id) => (id === 'V-A' ? { owner: 'unit-a' } : undefined), transferAdmits: async () => false, refuseIds: async () => undefined },
      defaultEmploymentAreas(regions),
    ),
    matcher: {
      candidatesForVacancy: async (id, query, options) => (calls.push(['rank', id, query.k, options?.conceptsOnly]), ties.push(options?.tieOrder), RANKED),
      forText: async (profile, target, query, options) => (calls.push(['rank text', profile.text, target, query.k, options.conceptsOnly]), ties.push(options.tieOrder), RANKED),
    },
    sharing: {
      candidatesOf: async (p, vacancyId, hits) => {
        calls.push(['disclose', p.keyId, vacancyId, hits.map((h) => h.id)]);
        if (overBudget) throw rateLimited('over budget', 60);
        return shownTo(p, hits);
      },
      adHocCandidates: async (p, hits, key) => (calls.push(['disclose ad hoc', p.keyId, hits.map((h) => h.id)]), disclosedWith.push(key), shownTo(p, hits)),
      listKey: async (vacancyId) => Buffer.from(`list ${vacancyId}`),
      answerKey: () => Buffer.from(`answer ${disclosedWith.length}`),
      admitAdHocSearch: async (p, k) => {
        calls.push(['admit', p.keyId, k]);
        if (overBudget) throw rateLimited('too many searches', 60);
      },
    },
    decisions: { served: (p, direction, hits, subject) => calls.push(['served', p?.keyId, direction, hits.map((h) => h.id), subject]) },
  };
  return { lists: new CandidateLists(ports), calls, ties, disclosedWith };
}

const query = { k: 10, lang: 'fi' as const };

describe('CandidateLists.forVacancy', () => {
  it('ranks over taxonomy concepts for everyone but admins, shows what Sharing allows, and logs the real ranking', async () => {
    const { lists, calls } = setUp();
    const list = await lists.forVacancy(unitA, 'V-A', query);
    expect(list.ranked.map((h) => h.id)).toEqual(['J-1', 'J-2']);
    expect(list.shown.map((h) => h.id)).toEqual(['k-a:J-1', 'k-a:J-2']);
    expect(calls).toEqual([
      ['rank', 'V-A', 10, true],
      ['disclose', 'k-a', 'V-A', ['J-1', 'J-2']],
      ['served', 'k-a', 'candidates', ['J-1', 'J-2'], 'V-A'],
    ]);
    const forAdmin = setUp();
    await forAdmin.lists.forVacancy(admin, 'V-A', query);
    expect(forAdmin.calls[0]).toEqual(['rank', 'V-A', 10, false]);
    const forCounsellor = setUp();
    await forCounsellor.lists.forVacancy(tampereCounsellor, 'V-A', query);
    expect(forCounsellor.calls[0]).toEqual(['rank', 'V-A', 10, true]);
  });

  it("breaks the ranking's ties by the list's pseudonym order for everyone but admins (never by real ids)", async () => {
    const { lists, ties } = setUp();
    await lists.forVacancy(unitA, 'V-A', query);
    await lists.forVacancy(tampereCounsellor, 'V-A', query);
    await lists.forVacancy(admin, 'V-A', query);
    const [unit, counsellor, forAdmin] = ties;
    expect(unit, 'a unit').toBeTypeOf('function');
    expect(counsellor, 'a counsellor').toBeTypeOf('function');
    expect(forAdmin, 'an admin: real ids').toBeUndefined();
    // The list's key, whoever asks: one order per list, not the id's.
    expect(unit!('J-1')).toBe(counsellor!('J-1'));
    expect(unit!('J-1')).not.toBe('J-1');
    expect(unit!('J-1')).not.toBe(unit!('J-2'));
  });

  it("refuses another unit's vacancy before ranking anything", async () => {
    const { lists, calls } = setUp();
    await expect(lists.forVacancy(unitB, 'V-A', query)).rejects.toMatchObject({ code: 'forbidden' });
    expect(calls).toEqual([]);
  });

  it('logs no decision for a list refused by the daily budget', async () => {
    const { lists, calls } = setUp(true);
    await expect(lists.forVacancy(unitA, 'V-A', query)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(calls.map((c) => (c as string[])[0])).toEqual(['rank', 'disclose']);
  });
});

describe('CandidateLists.forText', () => {
  it('admits the search first, then ranks, discloses with fresh pseudonyms and logs without a subject', async () => {
    const { lists, calls } = setUp();
    const list = await lists.forText(unitB, { text: 'hitsaaja', skills: [] }, { ...query, k: 5 });
    expect(list.shown.map((h) => h.id)).toEqual(['k-b:J-1', 'k-b:J-2']);
    expect(calls).toEqual([
      ['admit', 'k-b', 5],
      ['rank text', 'hitsaaja', 'jobseekers', 5, true],
      ['disclose ad hoc', 'k-b', ['J-1', 'J-2']],
      ['served', 'k-b', 'text-candidates', ['J-1', 'J-2'], undefined],
    ]);
  });

  it("breaks an ad-hoc ranking's ties by the order of the pseudonyms of that answer", async () => {
    const { lists, ties, disclosedWith } = setUp();
    await lists.forText(unitB, { text: 'hitsaaja', skills: [] }, query);
    await lists.forText(unitB, { text: 'hitsaaja', skills: [] }, query);
    expect(disclosedWith.map((k) => k?.toString())).toEqual(['answer 0', 'answer 1']);
    expect(ties[0]!('J-1')).not.toBe(ties[1]!('J-1')); // a new order per answer
  });

  it('ranks nothing when the search is not admitted', async () => {
    const { lists, calls } = setUp(true);
    await expect(lists.forText(unitB, { text: 'x', skills: [] }, query)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(calls).toEqual([['admit', 'k-b', 10]]);
  });
});
