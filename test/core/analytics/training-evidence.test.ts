import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_EVIDENCE } from '../../../src/config.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import { estimatedGain, evidenceFromOutcomes, expectedGain, rememberedEvidence, type TrainingEvidence } from '../../../src/core/analytics/training-evidence.js';
import type { WhatWorksSource } from '../../../src/core/what-works/service.js';
import { questionDraws } from '../../../src/core/what-works/published-effects.js';
import { trainingEffects, type ClientFacts, type ReferralFacts } from '../../../src/core/what-works/training-effects.js';

const KEY = Buffer.from('installation key');

const AREA: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };

describe('the skill-based estimate of a place', () => {
  it('gives the configured gain per vacancy newly put within reach, capped', () => {
    const s = { gainPerVacancy: 0.02, maxEstimatedGain: 0.2 };
    expect([0, 1, 3, 10, 50].map((v) => Math.round(estimatedGain(v, s) * 1000) / 1000)).toEqual([0, 0.02, 0.06, 0.2, 0.2]);
    expect(estimatedGain(-2, s)).toBe(0);
  });
});

describe('the measured effect shrunk toward the estimate', () => {
  it('is the estimate where nothing was measured', () => {
    expect(expectedGain(0.08, undefined, 40)).toEqual({ gain: 0.08, basis: 'estimated', participants: 0 });
    expect(expectedGain(0.08, { participants: 0, effect: 0.5 }, 40)).toEqual({ gain: 0.08, basis: 'estimated', participants: 0 });
  });

  it('weighs n participants against the prior\'s weight: (n × measured + k × estimate) / (n + k)', () => {
    const at = (n: number) => expectedGain(0.1, { participants: n, effect: 0.3 }, 40);
    expect(at(40).gain).toBeCloseTo(0.2, 10); // as much evidence as prior: halfway
    expect(at(20).gain).toBeCloseTo((20 * 0.3 + 40 * 0.1) / 60, 10); // thin: nearer the estimate
    expect(at(4000).gain).toBeCloseTo(0.298, 3); // plenty: the measured effect decides
    expect(at(20)).toMatchObject({ basis: 'measured', participants: 20 });
    // A measured harm pulls a good estimate below zero once the evidence outweighs it.
    expect(expectedGain(0.05, { participants: 100, effect: -0.1 }, 40).gain).toBeLessThan(0);
    // No prior weight: the measured effect as it is.
    expect(expectedGain(0.05, { participants: 25, effect: 0.12 }, 0).gain).toBeCloseTo(0.12, 10);
  });
});

describe('the measured effects the plan reads', () => {
  const ENDED = '2026-03-31';
  let n = 0;
  const client = (referred: boolean, employedOn?: string): ClientFacts => ({
    jobseekerId: `J-${++n}`,
    isco: '7212',
    unemployedSince: '2025-09-01',
    birthYear: 1990,
    referred,
    employed: employedOn ? [employedOn] : [],
  });
  const people = (count: number, employed: number, referred: boolean) => Array.from({ length: count }, (_, i) => client(referred, i < employed ? '2026-05-15' : undefined));
  const refer = (trainingId: string) => (c: ClientFacts): ReferralFacts => ({ jobseekerId: c.jobseekerId, trainingId, title: trainingId, provider: 'Opisto', state: 'completed', endedOn: ENDED });

  it('come from the what-works facts of the area and period, and only where the report would give an effect', async () => {
    const strong = people(40, 24, true); // 60 % against 30 %
    const thin = people(12, 9, true); // too few to say: published as 10 or 15
    const controls = people(100, 30, false);
    const asked: unknown[] = [];
    const source: WhatWorksSource = {
      suggestionOutcomes: async () => [],
      trainingFacts: async (filter) => {
        asked.push(filter);
        return { referrals: [...strong.map(refer('T-STRONG')), ...thin.map(refer('T-THIN'))], clients: [...strong, ...thin, ...controls] };
      },
    };
    const measured = await evidenceFromOutcomes(source, DEFAULT_TRAINING_EVIDENCE, KEY).measured(AREA, '2026-12-01');
    // Counted at the month end before (as What works counts): 36 months of referrals up to it.
    expect(asked).toEqual([{ municipalities: ['837'], from: '2023-11-01', to: '2026-11-30' }]);
    expect([...measured.keys()]).toEqual(['T-STRONG']);
    expect(measured.get('T-STRONG')).toMatchObject({ months: 6, participants: 40 });
    expect([0.2, 0.33]).toContain(measured.get('T-STRONG')!.effect); // 20 or 25 of 40 (24 exactly) less 0.3
    // As What works publishes it for the same place and period: the same draws, one answer, not two to average.
    const facts = await source.trainingFacts({ from: '2023-11-01', to: '2026-11-30' });
    const report = trainingEffects(facts.referrals, facts.clients, '2026-11-30', questionDraws(KEY, ['837'], '2023-11-01', '2026-11-30'));
    const six = report.trainings.find((t) => t.trainingId === 'T-STRONG')!.horizons.find((h) => h.months === 6)!;
    expect(measured.get('T-STRONG')).toEqual({ months: 6, effect: six.effect, low: six.low, high: six.high, participants: six.participants });
    // Observed 6 months after the end from 2026-09-29 on; counted at the month end before the day asked,
    // the whole of September says nothing yet, and its last day (a month end) does.
    const on = async (day: string) => (await evidenceFromOutcomes(source, DEFAULT_TRAINING_EVIDENCE, KEY).measured(AREA, day)).size;
    expect([await on('2026-08-31'), await on('2026-09-15'), await on('2026-09-29'), await on('2026-09-30')]).toEqual([0, 0, 0, 1]);
  });
});

describe('the measured effects a counsellor\'s gap reports reuse', () => {
  it('are read once per area and day for the minutes given, then again', async () => {
    let reads = 0;
    const inner: TrainingEvidence = { measured: async () => (reads++, new Map()) };
    let now = Date.parse('2026-12-01T10:00:00Z');
    const kept = rememberedEvidence(inner, () => new Date(now), 10);
    await kept.measured({ municipalities: ['837'] }, '2026-12-01');
    await kept.measured({ municipalities: ['837'] }, '2026-12-01');
    expect(reads).toBe(1);
    await kept.measured({ municipalities: ['091'] }, '2026-12-01'); // another area
    await kept.measured({ municipalities: ['837'] }, '2026-12-02'); // another day
    expect(reads).toBe(3);
    now += 11 * 60_000;
    await kept.measured({ municipalities: ['837'] }, '2026-12-01');
    expect(reads).toBe(4);
  });
});
