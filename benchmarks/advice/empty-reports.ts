/**
 * Why a gap report lists no skill (benchmarks/advice.ts and benchmarks/review.ts): read from the
 * vacancies the report looks at (the client's region, the best 100, as GapAnalysis.matchQuery asks),
 * with the definition of suitable — the score and the essential skills reach the line
 * (src/core/suitability.ts), no hard requirement fails, and the vacancy is within the commuting range
 * (or remote, wished, or the client would move).
 *
 * - `nothing-in-line`: no vacancy of the client's line of work (occupation part ≥ 0.5, or unknown) within reach;
 * - `all-suitable`: every such vacancy within reach is suitable already;
 * - `no-skill-helps`: those not suitable fail on working time, or miss no skill and no card, licence or
 *   language (the score is short for other reasons);
 * - `skills-missing`: a vacancy within reach is not suitable and misses skills or a card, licence or
 *   language the client could learn: the report should have named them. This is the counted failure.
 */
import { isSuitable } from '../../src/core/suitability.js';

export type EmptyReason = 'nothing-in-line' | 'all-suitable' | 'no-skill-helps' | 'skills-missing';

/* eslint-disable @typescript-eslint/no-explicit-any -- works on a baseline build's hits too */
interface Hit {
  score: number;
  parts: { occupation: number | null; essential: number | null };
  gates: Record<string, string | undefined>;
  missingSkills: { importance: string }[];
}

const fails = (g: Hit['gates']) => ['language', 'licence', 'cards', 'workingTime', 'commute'].some((k) => g[k] === 'fail');

export function whyEmpty(hits: Hit[], suitableScore: number): EmptyReason {
  const within = hits.filter((h) => (h.parts.occupation === null || h.parts.occupation >= 0.5) && h.gates.commute !== 'fail');
  if (within.length === 0) return 'nothing-in-line';
  const notSuitable = within.filter((h) => !isSuitable(h as any, suitableScore) || fails(h.gates));
  if (notSuitable.length === 0) return 'all-suitable';
  const learnable = notSuitable.filter(
    (h) =>
      h.gates.workingTime !== 'fail' &&
      (h.missingSkills.some((s) => s.importance === 'essential') || h.gates.cards === 'fail' || h.gates.licence === 'fail' || h.gates.language === 'fail'),
  );
  return learnable.length > 0 ? 'skills-missing' : 'no-skill-helps';
}

/** The hits a gap report of reach `region` looks at, asked of any build's engine. */
export async function reportPool(engine: any, client: { id: string; region?: string; municipality: string }, regionOf: (m: string) => string | undefined, lang: string) {
  const region = client.region ?? regionOf(client.municipality);
  return engine.matcher.vacanciesForJobseeker(client.id, { k: 100, lang, ...(region ? { region } : {}) }) as Promise<Hit[]>;
}
