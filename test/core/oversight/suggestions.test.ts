import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { OverrideStore } from '../../../src/adapters/sqlite/overrides.js';
import { unaudited } from '../../../src/core/audit-note.js';
import { Guard } from '../../../src/core/guard.js';
import { Decisions, type DecisionRecord } from '../../../src/core/oversight/decisions.js';
import { Suggestions } from '../../../src/core/oversight/suggestions.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';
import { hit, principals } from '../../helpers/hits.js';

const { tampereCounsellor, helsinkiCounsellor } = principals;
const query = { k: 3, failedGates: 'last' as const, lang: 'fi' as const };

/**
 * Suggestions with the real Guard, the SQLite override store (in memory) and Decisions; the matcher
 * is a test double ranking V-1…V-6 by score for J-1, and the decision log an array.
 */
function setUp() {
  const asked: string[] = [];
  const served: DecisionRecord[] = [];
  let now = new Date('2026-12-06T10:00:00Z');
  const closed = new Set<string>();
  const suggestions = new Suggestions({
    matcher: {
      vacanciesForJobseeker: async (id, q) => (asked.push(`rank:${id}:${q.k}`), ['V-1', 'V-2', 'V-3', 'V-4', 'V-5', 'V-6'].slice(0, q.k).map((v, i) => hit(v, { score: 0.9 - i / 10 }))),
      pair: async (id, vacancyId) => (asked.push(`pair:${id}:${vacancyId}`), hit(vacancyId, { score: 0.3, title: 'hitsaaja', municipalityName: 'Tampere' })),
    },
    overrides: new OverrideStore(openDatabase(':memory:')),
    isOpen: async (id) => id !== 'V-CLOSED' && !closed.has(id),
    guard: new Guard(
      { jobseekerMunicipality: (id) => (id === 'J-1' ? '837' : undefined), vacancyOwner: async () => undefined, transferAdmits: async () => false, refuseIds: async () => undefined },
      defaultEmploymentAreas(regions),
    ),
    decisions: new Decisions(
      {
        log: { record: (d) => void served.push(d), forJobseeker: async () => [], appearancesOf: async () => [], candidateRankings: async () => [], extent: async () => '', eraseJobseeker: async () => {}, pruneBefore: async () => 0 },
        context: () => ({ model: 'm', taxonomy: 't', settings: {} }),
        municipalityOf: () => '837',
      },
      30,
      () => now,
    ),
    now: () => now,
  });
  return { suggestions, asked, served, closed, tick: () => (now = new Date(now.getTime() + 60_000)) };
}

describe('Suggestions', () => {
  it("ranks a client's vacancies without those set aside, with those put forward first, and logs what was served", async () => {
    const { suggestions, asked, served, tick } = setUp();
    await suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-2', action: 'set-aside', reason: 'Asiakas ei halua tätä.' });
    tick();
    const forward = await suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-9', action: 'put-forward', reason: 'Työnantaja tuntee asiakkaan.' });
    expect(forward).toEqual({ vacancyId: 'V-9', action: 'put-forward', reason: 'Työnantaja tuntee asiakkaan.', jobseekerId: 'J-1', counsellor: 'k-tre', at: '2026-12-06T10:01:00.000Z' });
    const hits = await suggestions.vacanciesFor(tampereCounsellor, 'J-1', query);
    expect(hits.map((h) => h.id)).toEqual(['V-9', 'V-1', 'V-3']);
    expect(hits[0]!.counsellorOverride).toEqual({ action: 'put-forward', reason: 'Työnantaja tuntee asiakkaan.', at: '2026-12-06T10:01:00.000Z' });
    expect(hits[1]).not.toHaveProperty('counsellorOverride');
    // k widened by one set aside and one put forward, so that k remain.
    expect(asked).toEqual(['rank:J-1:5', 'pair:J-1:V-9']);
    expect(served.map((d) => [d.direction, d.subject, d.ranked.map((r) => r.id)])).toEqual([['vacancies', 'J-1', ['V-9', 'V-1', 'V-3']]]);
  });

  it('lists a vacancy put forward once, and ignores one that has closed since', async () => {
    const { suggestions, closed, asked } = setUp();
    await suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-2', action: 'put-forward', reason: 'Hyvä työnantaja.' });
    await suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-8', action: 'put-forward', reason: 'Hyvä työnantaja.' });
    closed.add('V-8');
    expect((await suggestions.vacanciesFor(tampereCounsellor, 'J-1', query)).map((h) => h.id)).toEqual(['V-2', 'V-1', 'V-3']);
    expect(asked).toEqual(['rank:J-1:4', 'pair:J-1:V-2']);
    await expect(Promise.resolve().then(() => suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-CLOSED', action: 'put-forward', reason: 'Hyvä työnantaja.' }))).rejects.toMatchObject({ code: 'not_found' });
    // A closed vacancy may still be set aside.
    expect((await suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-CLOSED', action: 'set-aside', reason: 'Ei enää auki.' })).action).toBe('set-aside');
  });

  it("refuses another area's client, before reading or writing anything", async () => {
    const { suggestions, asked, served } = setUp();
    await expect(suggestions.vacanciesFor(helsinkiCounsellor, 'J-1', query)).rejects.toMatchObject({ code: 'not_found' });
    await expect(suggestions.override(helsinkiCounsellor, 'J-1', { vacancyId: 'V-1', action: 'set-aside', reason: 'Ei sovi hänelle.' })).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(suggestions.overrides(helsinkiCounsellor, 'J-1')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(suggestions.explanation(helsinkiCounsellor, 'J-1', 'V-1', 'fi')).rejects.toMatchObject({ code: 'not_found' });
    expect(asked).toEqual([]);
    expect(served).toEqual([]);
    expect(await suggestions.overrides(tampereCounsellor, 'J-1')).toEqual([]);
  });

  it('withdraws an override, or answers not found; explains a pair to the person and notes the client for the audit', async () => {
    const { suggestions } = setUp();
    await suggestions.override(tampereCounsellor, 'J-1', { vacancyId: 'V-2', action: 'set-aside', reason: 'Asiakas ei halua tätä.' });
    const audit = unaudited();
    await suggestions.withdraw(tampereCounsellor, 'J-1', 'V-2', audit);
    expect(audit.jobseekers).toEqual(['J-1']);
    expect(await suggestions.overrides(tampereCounsellor, 'J-1')).toEqual([]);
    await expect(suggestions.withdraw(tampereCounsellor, 'J-1', 'V-2')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    const explained = unaudited();
    const explanation = await suggestions.explanation(tampereCounsellor, 'J-1', 'V-4', 'en', explained);
    expect(explanation.vacancy).toBe('V-4');
    expect(explanation.sentences[0]).toBe('You were suggested the vacancy hitsaaja, Tampere. Why:');
    expect(explained.jobseekers).toEqual(['J-1']);
  });
});
