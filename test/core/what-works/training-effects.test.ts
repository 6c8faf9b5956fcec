import { describe, expect, it } from 'vitest';
import { MIN_EVIDENCE, trainingEffects, type ClientFacts, type ReferralFacts } from '../../../src/core/what-works/training-effects.js';

/**
 * Training effects against matched comparison clients, on planted populations: a welding course
 * whose participants find work twice as often as similar clients not referred, a course with no
 * effect, and one with too few participants to say.
 */
const TODAY = '2026-12-01';
const ENDED = '2026-03-31';
let n = 0;
/** A client in ISCO group 7, unemployed since 2025-09 (6-12 months at the end day), born 1990; employed on `employedOn` if given. */
const client = (referred: boolean, employedOn?: string, overrides: Partial<ClientFacts> = {}): ClientFacts => ({
  jobseekerId: `J-${++n}`,
  isco: '7212',
  unemployedSince: '2025-09-01',
  birthYear: 1990,
  referred,
  employed: employedOn ? [employedOn] : [],
  ...overrides,
});
const referral = (c: ClientFacts, trainingId: string, state = 'completed', endedOn: string | null = ENDED): ReferralFacts => ({
  jobseekerId: c.jobseekerId,
  trainingId,
  title: trainingId === 'T-WELD' ? 'Hitsauskurssi' : trainingId,
  provider: trainingId === 'T-WELD' ? 'Opisto A' : 'Opisto B',
  state,
  endedOn,
});
/** `count` clients of whom the first `employed` find work 30 days after the end day. */
const population = (count: number, employed: number, referred: boolean, overrides: Partial<ClientFacts> = {}) =>
  Array.from({ length: count }, (_, i) => client(referred, i < employed ? '2026-04-30' : undefined, overrides));

describe('training effects against matched comparison clients', () => {
  it('finds a planted effect within its interval, and no effect where there is none', () => {
    const weld = population(40, 24, true); // 60 % employed within 3 months
    const none = population(40, 12, true); // 30 %
    const controls = population(100, 30, false); // 30 % of similar clients not referred
    const referrals = [...weld.map((c) => referral(c, 'T-WELD')), ...none.map((c) => referral(c, 'T-NONE'))];
    const { trainings, providers } = trainingEffects(referrals, [...weld, ...none, ...controls], TODAY);
    const weldEffect = trainings.find((t) => t.trainingId === 'T-WELD')!;
    expect(weldEffect).toMatchObject({ title: 'Hitsauskurssi', provider: 'Opisto A', referred: 40, completed: 40, interrupted: '<5', completion: 1 });
    const [three, six] = weldEffect.horizons;
    expect(three).toMatchObject({ months: 3, participants: 40, comparisonClients: 100, employed: 0.65, comparison: 0.3, effect: 0.3, evidence: 'enough' }); // employed: 25 of 40 as published (24 exactly)
    expect(three!.low!).toBeLessThan(0.3);
    expect(three!.low!).toBeGreaterThan(0.05); // clearly above zero
    expect(three!.high!).toBeGreaterThan(0.3);
    expect(six).toMatchObject({ months: 6, effect: 0.3 }); // the same people, observed six months on
    const noneEffect = trainings.find((t) => t.trainingId === 'T-NONE')!.horizons[0]!;
    expect(noneEffect).toMatchObject({ effect: 0, evidence: 'enough' });
    expect(noneEffect.low!).toBeLessThan(0);
    expect(noneEffect.high!).toBeGreaterThan(0);
    expect(providers.map((p) => [p.provider, p.referred])).toEqual([
      ['Opisto A', 40],
      ['Opisto B', 40],
    ]);
  });

  it('compares each participant only with clients of the same occupation group, duration and age, still jobless on the end day', () => {
    const weld = population(MIN_EVIDENCE, 10, true);
    // Clients who would all look employed: another occupation group, or already working before the end day.
    const otherGroup = population(50, 50, false, { isco: '2221' });
    const working = population(50, 50, false, { employed: ['2026-02-01', '2026-04-30'] });
    const older = population(50, 50, false, { birthYear: 1960 });
    const similar = population(30, 3, false);
    const [three] = trainingEffects(weld.map((c) => referral(c, 'T-WELD')), [...weld, ...otherGroup, ...working, ...older, ...similar], TODAY).trainings[0]!.horizons;
    expect(three).toMatchObject({ comparisonClients: 30, employed: 0.5, comparison: 0.1, effect: 0.4 });
  });

  it('says "not enough evidence" below the minimum, counts interruptions, and waits until a horizon has passed', () => {
    const few = population(MIN_EVIDENCE - 1, 10, true);
    const controls = population(60, 10, false);
    const referrals = [...few.map((c) => referral(c, 'T-WELD')), ...population(6, 0, true).map((c) => referral(c, 'T-WELD', 'interrupted'))];
    const [effect] = trainingEffects(referrals, [...few, ...controls], TODAY).trainings;
    expect(effect).toMatchObject({ completed: 20, interrupted: 5, completion: 0.8 }); // 20 of 25 as published (19 of 25 exactly)
    expect(effect!.horizons[0]).toMatchObject({ participants: 20, effect: null, low: null, high: null, evidence: 'not enough' });
    // Ended a month ago: neither horizon observed yet.
    const recent = population(30, 0, true);
    const [late] = trainingEffects(recent.map((c) => referral(c, 'T-NEW', 'completed', '2026-11-01')), [...recent, ...controls], TODAY).trainings;
    expect(late!.horizons.map((h) => [h.participants, h.evidence])).toEqual([
      ['<5', 'not enough'],
      ['<5', 'not enough'],
    ]);
  });
});
