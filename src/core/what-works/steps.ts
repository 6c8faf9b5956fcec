// No imports: the web app takes these from here too (without zod).

/** The funnel from a job suggestion to a hire; `reached` is the furthest step of one suggestion. */
export const FUNNEL_STEPS = ['suggested', 'applied', 'interview', 'offer', 'hired'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** One value per step, in the funnel's order. */
export const perStep = <T>(value: (step: FunnelStep) => T): Record<FunnelStep, T> => ({
  suggested: value('suggested'),
  applied: value('applied'),
  interview: value('interview'),
  offer: value('offer'),
  hired: value('hired'),
});

/** The bands of the rank at which the engine showed a suggested vacancy. */
export const RANK_BANDS = ['1', '2-3', '4-10', '11-20', '21+', 'not shown'] as const;
export type RankBand = (typeof RANK_BANDS)[number];
