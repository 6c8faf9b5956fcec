import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryInt } from '../../core/schemas/common.js';
import { ACCESS } from '../../core/access.js';
import { resolveArea } from '../../core/analytics/areas.js';
import { publishedAsOf } from '../../core/analytics/suppression.js';
import type { OccupationRow, SkillRow } from '../../core/analytics/demand-supply.js';
import { regions } from '../../core/regions/regions.js';
import { labelLang } from '../../core/schemas/skills.js';
import type { Engine } from '../../engine.js';
import { dayOf } from '../../core/clock.js';
import { sendCsv, toCsv } from '../csv.js';
import { errorBody, noQuery } from './shared.js';

const date = z.iso.date();
/** Figures over jobseekers are counted at a month end: see publishedAsOf. */
const asOf = date
  .optional()
  .describe('Day long-term unemployment is counted at (default today); taken back to the last day of the month before, unless it is a month end. The answer gives the day used.');
const count = z.union([z.number(), z.literal('<5')]).describe('A count of jobseekers; "<5" when fewer than 5 (suppressed)');

const areaQuery = {
  area: z.string().max(200).optional().describe('Employment area: id or name (see GET /v1/employment-areas)'),
  region: z.string().max(100).optional().describe('Region (maakunta): code or name'),
  municipality: z.string().max(100).optional().describe('Municipality: code or name'),
};
const demandQuery = z
  .object({
    ...areaQuery,
    from: date.optional().describe('Vacancies published on or after this date'),
    to: date.optional().describe('Vacancies published on or before this date'),
    occupationGroup: z.string().regex(/^\d{1,4}$/, '1 to 4 digits of an ISCO code').optional().describe('ISCO group, e.g. 5 or 7212'),
    language: z.enum(['fi', 'sv', 'en']).optional().describe('Vacancies requiring, and jobseekers working in, this language'),
    lang: labelLang,
    asOf: asOf,
    limit: queryInt(1, 20_000).default(500),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

const area = z.object({
  kind: z.enum(['country', 'employment-area', 'region', 'municipality']),
  id: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  municipalities: z.array(z.string()).optional(),
});
const skillRow = z.object({
  uri: z.string(),
  label: z.string(),
  demand: z.object({ vacancies: z.number(), essential: z.number(), optional: z.number(), positions: z.number() }),
  supply: count,
  gap: z.number().nullable().describe('Vacancies minus jobseekers; null when the supply is suppressed'),
  shortageRatio: z.number().nullable().describe('Vacancies per jobseeker; null when none or suppressed'),
});
const occupationRow = z.object({
  occupation: z.string().nullable(),
  isco: z.string().nullable(),
  label: z.string(),
  demand: z.object({ vacancies: z.number(), positions: z.number() }),
  supply: count,
  longTermUnemployed: count,
  gap: z.number().nullable(),
  shortageRatio: z.number().nullable(),
});
const matchedShare = z.object({
  share: z.number().nullable().describe('null when nothing was matched, or when suppressed'),
  suppressed: z.string().optional().describe('Why the share is not published: it would describe fewer than 5 jobseekers'),
  matched: z.number().describe('Records put through the match engine'),
  of: z.union([z.number(), z.literal('<5')]),
  margin95: z.number().describe('Half-width of the 95 % confidence interval (0 when all were matched)'),
});
const mismatch = z.object({
  area,
  asOf: z.string().describe('The day long-term unemployment was counted at (a month end)'),
  threshold: z.number(),
  vacancies: z.number(),
  positions: z.number(),
  jobseekers: count,
  longTermUnemployed: count,
  vacanciesPerJobseeker: z.number().nullable(),
  vacanciesWithSuitableCandidates: matchedShare.extend({ candidates: z.number() }),
  longTermWithoutSuitableVacancy: matchedShare,
  shortageOccupations: z.array(occupationRow),
  surplusOccupations: z.array(occupationRow),
});
const planRequest = z
  .object({
    ...areaQuery,
    budget: z.union([
      z.object({ places: z.number().int().min(1).max(10_000) }).strict(),
      z.object({ euros: z.number().min(1).max(100_000_000) }).strict(),
    ]).describe('Training places, or euros (each place costs the training\'s price)'),
    lang: labelLang,
    asOf,
  })
  .strict();
const plan = z.object({
  area,
  asOf: z.string().describe('The day long-term unemployment was counted at (a month end)'),
  clientsExamined: z.number(),
  candidatePairs: z.number(),
  purchases: z.array(
    z.object({
      training: z.object({
        id: z.string(),
        title: z.string(),
        provider: z.string(),
        municipality: z.string().optional(),
        online: z.boolean(),
        costPerPlace: z.number(),
      }),
      places: z.number(),
      cost: z.number(),
      vacanciesOpened: z.number().describe('Vacancies this purchase puts within reach that earlier picks did not'),
      explanation: z.string(),
    }),
  ),
  places: z.number(),
  cost: z.number(),
  vacanciesOpened: z.number(),
  budget: z
    .object({
      unit: z.enum(['places', 'euros']),
      given: z.number(),
      spent: z.number(),
      unspent: z.number(),
      stoppedBecause: z.string().describe('Why the plan stopped: budget spent, nothing further fits, or nothing further opens vacancies'),
    })
    .describe('Courses without a price are never bought: they add no capacity to purchase'),
});

const csv = sendCsv;

const skillCsv = (rows: SkillRow[], lang: 'fi' | 'sv' | 'en') =>
  toCsv(rows, [
    ['uri', (r) => r.uri],
    ['label', (r) => r.label],
    ['demand_vacancies', (r) => r.demand.vacancies],
    ['demand_essential', (r) => r.demand.essential],
    ['demand_optional', (r) => r.demand.optional],
    ['demand_positions', (r) => r.demand.positions],
    ['supply_jobseekers', (r) => r.supply],
    ['gap', (r) => r.gap],
    ['shortage_ratio', (r) => r.shortageRatio],
  ], lang);
const occupationCsv = (rows: OccupationRow[], lang: 'fi' | 'sv' | 'en') =>
  toCsv(rows, [
    ['occupation', (r) => r.occupation],
    ['isco', (r) => r.isco],
    ['label', (r) => r.label],
    ['demand_vacancies', (r) => r.demand.vacancies],
    ['demand_positions', (r) => r.demand.positions],
    ['supply_jobseekers', (r) => r.supply],
    ['long_term_unemployed', (r) => r.longTermUnemployed],
    ['gap', (r) => r.gap],
    ['shortage_ratio', (r) => r.shortageRatio],
  ], lang);

/**
 * The planners' view: demand against supply per skill and occupation, mismatch indicators and a
 * training purchase plan, per employment area, region or municipality. Aggregates only: counts of
 * fewer than 5 jobseekers are shown as "<5".
 */
/** The services these routes use (nothing else of the engine reaches them). */
export type AnalyticsServices = Pick<Engine, 'analytics' | 'employmentAreas' | 'clock'>;

export function analyticsRoutes(engine: AnalyticsServices): FastifyPluginAsyncZod {
  const where = (q: { area?: string; region?: string; municipality?: string }) => resolveArea(q, regions, engine.employmentAreas);
  const today = () => dayOf(engine.clock());
  return async (app) => {
    app.get(
      '/v1/employment-areas',
      {
        config: { roles: ACCESS.reference },
        schema: {
          querystring: noQuery,
          tags: ['reference'],
          summary: 'Employment areas (TE24) and their municipalities',
          description: 'The committed table is a reconstruction to verify (see README); KOHTAANTO_EMPLOYMENT_AREAS_FILE replaces it.',
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), nameFi: z.string(), nameSv: z.string(), municipalities: z.array(z.string()) })) }) },
        },
      },
      async () => ({ items: engine.employmentAreas.all }),
    );

    for (const [path, what] of [
      ['/v1/analytics/skills', 'skills'],
      ['/v1/analytics/occupations', 'occupations'],
    ] as const) {
      app.get(
        path,
        {
          config: { roles: ACCESS.analytics },
          schema: {
            querystring: demandQuery,
            tags: ['analytics'],
            summary:
              what === 'skills'
                ? 'Demand (open vacancies) against supply (active jobseekers) per skill concept, largest gap first'
                : 'Demand against supply per occupation, largest gap first',
            description: 'JSON, or CSV with format=csv. Counts of fewer than 5 jobseekers are "<5"; their gap and ratio are null.',
            response: {
              200: z.object({ area, asOf: z.string(), total: z.number(), items: z.array(what === 'skills' ? skillRow : occupationRow) }),
              400: errorBody,
            },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const scope = where(q);
          const query = { municipalities: scope.municipalities, from: q.from, to: q.to, language: q.language, occupationGroup: q.occupationGroup, lang: q.lang, today: publishedAsOf(q.asOf ?? today()) };
          if (what === 'skills') {
            const rows = engine.analytics.demandSupply.skills(query);
            if (q.format === 'csv') return csv(reply, `skills-${scope.id}`, skillCsv(rows.slice(0, q.limit), q.lang));
            return { area: scope, asOf: query.today, total: rows.length, items: rows.slice(0, q.limit) };
          }
          const rows = engine.analytics.demandSupply.occupations(query);
          if (q.format === 'csv') return csv(reply, `occupations-${scope.id}`, occupationCsv(rows.slice(0, q.limit), q.lang));
          return { area: scope, asOf: query.today, total: rows.length, items: rows.slice(0, q.limit) };
        },
      );
    }

    app.get(
      '/v1/analytics/mismatch',
      {
        config: { roles: ACCESS.analytics },
        schema: {
          querystring: z
            .object({
              ...areaQuery,
              candidates: queryInt(1, 50).default(3).describe('"At least N suitable local candidates"'),
              lang: labelLang,
              asOf,
              format: z.enum(['json', 'csv']).default('json'),
            })
            .strict(),
          tags: ['analytics'],
          summary: 'Mismatch indicators of an area: vacancies per jobseeker, staffing and long-term unemployment from the match engine, shortage and surplus occupations',
          description:
            'The two shares come from the match engine, over every record of the area or an evenly spread sample (KOHTAANTO_ANALYTICS_SAMPLE) with its 95 % margin. "Local" means living (or located) in the area.',
          response: { 200: mismatch, 400: errorBody },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const summary = await engine.analytics.mismatch.forArea(where(q), { candidates: q.candidates, lang: q.lang, today: q.asOf ?? today() });
        if (q.format === 'csv') {
          const s = summary;
          return csv(
            reply,
            `mismatch-${s.area.id}`,
            toCsv([s], [
              ['area', (r) => r.area.id],
              ['area_name', (r) => r.area.nameFi],
              ['vacancies', (r) => r.vacancies],
              ['positions', (r) => r.positions],
              ['jobseekers', (r) => r.jobseekers],
              ['long_term_unemployed', (r) => r.longTermUnemployed],
              ['vacancies_per_jobseeker', (r) => r.vacanciesPerJobseeker],
              [`share_vacancies_with_${q.candidates}_suitable_candidates`, (r) => r.vacanciesWithSuitableCandidates.share],
              ['share_long_term_without_suitable_vacancy', (r) => r.longTermWithoutSuitableVacancy.share],
              ['top_shortage_occupations', (r) => r.shortageOccupations.map((o) => o.label).join('; ')],
              ['top_surplus_occupations', (r) => r.surplusOccupations.map((o) => o.label).join('; ')],
            ], q.lang),
          );
        }
        return summary;
      },
    );

    app.post(
      '/v1/analytics/training-plan',
      {
        config: { roles: ACCESS.analytics },
        schema: {
          querystring: noQuery,
          body: planRequest,
          tags: ['analytics'],
          summary: 'Which trainings to buy in an area, and how many places, to put the most open vacancies within reach',
          description:
            'Greedy set cover over client–training pairs whose gain was found by recomputing the match with the taught skills added. The plan names no client.',
          response: { 200: plan, 400: errorBody },
        },
      },
      async (request) => {
        const b = request.body;
        const { picks: _clients, ...result } = await engine.analytics.planner.plan(where(b), { budget: b.budget, lang: b.lang, today: b.asOf ?? today() });
        return { ...result, asOf: publishedAsOf(b.asOf ?? today()) };
      },
    );
  };
}
