import { describe, expect, it } from 'vitest';
import { cellDraws, type CellDraws } from '../../../src/core/analytics/random-rounding.js';
import { effectMeasurer, MIN_EVIDENCE, trainingEffects as effectsUnder, type ClientFacts, type ReferralFacts } from '../../../src/core/what-works/training-effects.js';

/**
 * Training effects against matched comparison clients, on planted populations: a welding course
 * whose participants find work twice as often as similar clients not referred, a course with no
 * effect, and one with too few participants to say.
 */
const TODAY = '2026-12-01';
/** One question's draws under a test key (counts that are multiples of 5 are published as they are whatever the draw). */
const DRAWS = cellDraws(Buffer.from('test key'), 'a question');
const trainingEffects = (referrals: ReferralFacts[], clients: ClientFacts[], today: string, draws: CellDraws = DRAWS) => effectsUnder(referrals, clients, today, draws);
/** Every count rounded down (a draw of 0.999…), or up (a draw of 0) where it is not a multiple of 5. */
const DOWN: CellDraws = () => 0.999999;
const UP: CellDraws = () => 0;
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
    const weld = population(40, 24, true); // 60 % employed within 3 months (published as 20 or 25 of 40)
    const none = population(40, 12, true); // 30 % (10 or 15 of 40)
    const controls = population(100, 30, false); // 30 % of similar clients not referred
    const referrals = [...weld.map((c) => referral(c, 'T-WELD')), ...none.map((c) => referral(c, 'T-NONE'))];
    const { trainings, providers } = trainingEffects(referrals, [...weld, ...none, ...controls], TODAY);
    const weldEffect = trainings.find((t) => t.trainingId === 'T-WELD')!;
    expect(weldEffect).toMatchObject({ title: 'Hitsauskurssi', provider: 'Opisto A', referred: 40, completed: 40, interrupted: '<5', completion: 1 });
    const [three, six] = weldEffect.horizons;
    expect(three).toMatchObject({ months: 3, participants: 40, comparisonClients: 100, comparison: 0.3, evidence: 'enough' });
    // From the published counts only: 20 or 25 employed of 40, less the comparison's 0.3.
    expect([0.5, 0.65]).toContain(three!.employed);
    expect([0.2, 0.33]).toContain(three!.effect);
    expect(three!.low!).toBeLessThan(three!.effect!);
    expect(three!.low!).toBeGreaterThan(0); // clearly above zero
    expect(three!.high!).toBeGreaterThan(0.3);
    expect(six).toMatchObject({ months: 6 }); // the same people, observed six months on
    expect([0.2, 0.33]).toContain(six!.effect);
    const noneEffect = trainings.find((t) => t.trainingId === 'T-NONE')!.horizons[0]!;
    expect(noneEffect).toMatchObject({ evidence: 'enough' });
    expect([-0.05, 0.08]).toContain(noneEffect.effect);
    expect(noneEffect.low!).toBeLessThan(0);
    expect(noneEffect.high!).toBeGreaterThan(0);
    expect(providers.map((p) => [p.provider, p.referred])).toEqual([
      ['Opisto A', 40],
      ['Opisto B', 40],
    ]);
  });

  it("counts the uncertainty of a comparison rate once per cell that participants share, not once per participant", () => {
    // 40 participants (60 % employed) in one cell whose 20 comparison clients are 30 % employed: all 40 rest on one estimated rate.
    const weld = population(40, 24, true);
    const controls = population(20, 6, false);
    const measured = effectMeasurer([...weld, ...controls], TODAY)(weld.map((c) => referral(c, 'T-WELD')))[0]!;
    expect(measured.effect).toBeCloseTo(0.3, 10);
    // Participants' share: 0.6 × 0.4 / 40; the one comparison rate: 0.3 × 0.7 / 20 (not a fortieth of it).
    expect(measured.se).toBeCloseTo(Math.sqrt((0.6 * 0.4) / 40 + (0.3 * 0.7) / 20), 10);
  });

  it('compares each participant only with clients of the same occupation group, duration and age, still jobless on the end day', () => {
    const weld = population(MIN_EVIDENCE, 10, true);
    // Clients who would all look employed: another occupation group, or already working before the end day.
    const otherGroup = population(50, 50, false, { isco: '2221' });
    const working = population(50, 50, false, { employed: ['2026-02-01', '2026-04-30'] });
    const older = population(50, 50, false, { birthYear: 1960 });
    const similar = population(30, 3, false);
    const [three] = trainingEffects(weld.map((c) => referral(c, 'T-WELD')), [...weld, ...otherGroup, ...working, ...older, ...similar], TODAY).trainings[0]!.horizons;
    expect(three).toMatchObject({ participants: 20, comparisonClients: 30, employed: 0.5, comparison: 0.1, effect: 0.4 }); // every count a multiple of 5: published as it is
  });

  it('says "not enough evidence" below the minimum, counts interruptions, and waits until a horizon has passed', () => {
    const few = population(MIN_EVIDENCE - 1, 10, true);
    const controls = population(60, 10, false);
    const referrals = [...few.map((c) => referral(c, 'T-WELD')), ...population(6, 0, true).map((c) => referral(c, 'T-WELD', 'interrupted'))];
    const [effect] = trainingEffects(referrals, [...few, ...controls], TODAY, DOWN).trainings;
    expect(effect).toMatchObject({ completed: 15, interrupted: 5, completion: 0.75 }); // 19 and 6, both rounded down: 15 of 20 as published
    expect(effect!.horizons[0]).toMatchObject({ participants: 15, effect: null, low: null, high: null, evidence: 'not enough' });
    // Rounded up, 19 participants are published as 20 and the effect is given: evidence is judged on what is published.
    expect(trainingEffects(referrals, [...few, ...controls], TODAY, UP).trainings[0]!.horizons[0]).toMatchObject({ participants: 20, evidence: 'enough' });
    // Ended a month ago: neither horizon observed yet.
    const recent = population(30, 0, true);
    const [late] = trainingEffects(recent.map((c) => referral(c, 'T-NEW', 'completed', '2026-11-01')), [...recent, ...controls], TODAY).trainings;
    expect(late!.horizons.map((h) => [h.participants, h.evidence])).toEqual([
      ['<5', 'not enough'],
      ['<5', 'not enough'],
    ]);
  });

  it('publishes the effect and its interval from the randomly rounded counts alone, the interval widened by the rounding', () => {
    // 23 participants, 11 employed (0.478), against 40 comparison clients 10 % employed: exactly an effect of 0.378.
    const weld = population(23, 11, true);
    const controls = population(40, 4, false);
    const clients = [...weld, ...controls];
    const referrals = weld.map((c) => referral(c, 'T-WELD'));
    const exact = effectMeasurer(clients, TODAY)(referrals)[0]!;
    expect(exact.effect).toBeCloseTo(11 / 23 - 0.1, 10);
    const down = trainingEffects(referrals, clients, TODAY, DOWN).trainings[0]!.horizons[0]!;
    const up = trainingEffects(referrals, clients, TODAY, UP).trainings[0]!.horizons[0]!;
    // Down: 10 of 20 less 0.1; up: 15 of 25 less 0.1 (the comparison, 0.1, is a multiple of 0.05 either way).
    expect(down).toMatchObject({ participants: 20, employed: 0.5, comparison: 0.1, effect: 0.4, evidence: 'enough' });
    expect(up).toMatchObject({ participants: 25, employed: 0.6, comparison: 0.1, effect: 0.5, evidence: 'enough' });
    for (const h of [down, up]) {
      // Wider than the sampling error alone of the same published counts: the rounding's own error is counted.
      const n = h.participants as number;
      const sampling = 1.96 * Math.sqrt((h.employed! * (1 - h.employed!)) / n + exact.comparisonVariance);
      expect(h.high! - h.low!).toBeGreaterThan(2 * sampling + 0.02);
      expect(h.low!).toBeLessThan(exact.effect); // and each still holds the exact effect
      expect(h.high!).toBeGreaterThan(exact.effect);
    }
    // A provider of this one training is the same cell: the same draws, the same figures, not a second draw to average.
    const { trainings, providers } = trainingEffects(referrals, clients, TODAY);
    expect(providers[0]!.horizons).toEqual(trainings[0]!.horizons);
    expect(providers[0]!.referred).toEqual(trainings[0]!.referred);
  });
});
