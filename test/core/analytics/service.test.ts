import { describe, expect, it } from 'vitest';
import { AnalyticsQuestions, type AnalyticsPorts } from '../../../src/core/analytics/service.js';
import { fixedClock } from '../../../src/core/clock.js';
import { KohtaantoError } from '../../../src/core/errors.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';

/**
 * The planners' use cases resolve the place and the day themselves (issue 30: the route makes one
 * call): over the real region and employment-area tables and a fixed clock, with the figures' sources
 * recording what they are asked.
 */
function setUp(now = '2026-03-15T10:00:00Z') {
  const asked: { port: string; area?: unknown; query: unknown }[] = [];
  const counted = { at: '2026-03-15T09:00:00.000Z', current: true };
  const ports: AnalyticsPorts = {
    regions,
    areas: defaultEmploymentAreas(regions),
    clock: fixedClock(now),
    demand: {
      skills: async (query) => (asked.push({ port: 'skills', query }), { answer: [], counted }),
      occupations: async (query) => (asked.push({ port: 'occupations', query }), { answer: [] }),
    },
    mismatch: { forArea: async (area, query) => (asked.push({ port: 'mismatch', area, query }), { area } as never) },
    whatWorks: { report: async (area, query) => (asked.push({ port: 'whatWorks', area, query }), { area } as never) },
    trainingPlan: { forArea: async (area, query) => (asked.push({ port: 'trainingPlan', area, query }), { area } as never) },
  };
  return { questions: new AnalyticsQuestions(ports), asked, counted };
}

describe('AnalyticsQuestions', () => {
  it("counts demand against supply for the place's municipalities as of the month end before the clock's day, and says when it was counted", async () => {
    const { questions, asked, counted } = setUp();
    const skills = await questions.skills({ area: 'tampere', lang: 'fi', occupationGroup: '7' });
    expect(skills).toMatchObject({ area: { kind: 'employment-area', id: 'tampere' }, asOf: '2026-02-28', rows: [], counted });
    expect(asked[0]).toMatchObject({ port: 'skills', query: { occupationGroup: '7', lang: 'fi', today: '2026-02-28' } });
    expect((asked[0]!.query as { municipalities: string[] }).municipalities).toHaveLength(23);
    const occupations = await questions.occupations({ region: 'Birkaland', lang: 'sv', asOf: '2025-06-30' });
    expect(occupations).toMatchObject({ area: { kind: 'region', id: '06' }, asOf: '2025-06-30' });
    expect(occupations.counted).toBeUndefined();
  });

  it('resolves the place and the day of mismatch, what works and the training plan before counting', async () => {
    const { questions, asked } = setUp();
    await questions.mismatch({ municipality: '837', candidates: 3, lang: 'en' });
    await questions.whatWorks({ to: '2026-01-31' });
    const plan = await questions.trainingPlan({ area: 'tampere', budget: { places: 10 }, objective: 'employment', lang: 'fi' });
    expect(asked).toEqual([
      { port: 'mismatch', area: expect.objectContaining({ kind: 'municipality', id: '837' }), query: { candidates: 3, lang: 'en', today: '2026-03-15' } },
      { port: 'whatWorks', area: expect.objectContaining({ kind: 'country', id: 'FI' }), query: { to: '2026-01-31' } },
      { port: 'trainingPlan', area: expect.objectContaining({ id: 'tampere' }), query: { budget: { places: 10 }, objective: 'employment', lang: 'fi', today: '2026-02-28' } },
    ]);
    expect(plan.asOf).toBe('2026-02-28');
  });

  it('refuses an unknown place or two places as invalid input, counting nothing', async () => {
    const { questions, asked } = setUp();
    await expect(questions.skills({ area: 'atlantis', lang: 'fi' })).rejects.toBeInstanceOf(KohtaantoError);
    await expect(questions.mismatch({ area: 'tampere', region: '06', candidates: 3, lang: 'fi' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(asked).toEqual([]);
  });
});
