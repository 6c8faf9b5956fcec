import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import {
  demandQuery,
  employmentAreaList,
  mismatch,
  mismatchQuery,
  occupationRows,
  planRequest,
  skillRows,
  trainingPlan,
  type OccupationRow,
  type SkillRow,
} from '../../core/analytics/schema.js';
import type { Counted } from '../../core/analytics/kept-answers.js';
import { whatWorks, whatWorksQuery, type WhatWorks } from '../../core/what-works/schema.js';
import type { Lang } from '../../core/errors.js';
import type { Services } from '../../runtime/compose.js';
import { sendCsv, toCsv } from '../csv.js';
import { errorBody, noQuery } from './shared.js';

const csv = sendCsv;

/** When a kept answer was counted (src/runtime/kept-answers.ts): nothing when it was counted at the request. */
export const whenCounted = (counted: Counted | undefined) => (counted ? { countedAt: counted.at, countedCurrent: counted.current } : {});

const skillCsv = (rows: SkillRow[], lang: Lang) =>
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
const occupationCsv = (rows: OccupationRow[], lang: Lang) =>
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

/** One row per rank band, with the period's funnel beside it (the CSV a planner opens in a spreadsheet). */
const whatWorksCsv = (r: WhatWorks, lang: Lang) =>
  toCsv(r.byRank, [
    ['area', () => r.area.id],
    ['from', () => r.from],
    ['to', () => r.to],
    ['rank', (b) => b.rank],
    ['suggestions', (b) => b.suggestions],
    ['interviews', (b) => b.interviews],
    ['hires', (b) => b.hires],
    ['subsidised_hires', (b) => b.subsidisedHires],
    ['interview_rate', (b) => b.interviewRate.rate],
    ['hire_rate', (b) => b.hireRate.rate],
    ['hire_rate_margin95', (b) => b.hireRate.margin95],
  ], lang);

/**
 * The planners' view: demand against supply per skill and occupation, mismatch indicators and a
 * training purchase plan, per employment area, region or municipality. Aggregates only: counts of
 * fewer than 5 jobseekers are shown as "<5".
 */
/** The services these routes use (nothing else of the composition reaches them). */
export type AnalyticsServices = Pick<Services, 'planning' | 'employmentAreas'>;

export function analyticsRoutes(services: AnalyticsServices): FastifyPluginAsyncZod {
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
          response: { 200: employmentAreaList },
        },
      },
      async () => ({ items: services.employmentAreas.all }),
    );

    for (const [path, what] of [
      ['/v1/analytics/skills', 'skills'],
      ['/v1/analytics/occupations', 'occupations'],
    ] as const) {
      app.get(
        path,
        {
          config: { roles: ACCESS.analytics, noisyReport: what },
          schema: {
            querystring: demandQuery,
            tags: ['analytics'],
            summary:
              what === 'skills'
                ? 'Demand (open vacancies) against supply (active jobseekers) per skill concept, largest gap first'
                : 'Demand against supply per occupation, largest gap first',
            description:
              'JSON, or CSV with format=csv. Counts of jobseekers are rounded at random to a multiple of 5, the same for the same question ("<5": 0-4 people, and their gap and ratio are null; 5: 3-9; another 5k: 5k-4 to 5k+4), so that two areas cannot be subtracted to find one jobseeker.',
            response: {
              200: what === 'skills' ? skillRows : occupationRows,
              400: errorBody,
            },
          },
        },
        async (request, reply) => {
          const q = request.query;
          if (what === 'skills') {
            const { area, asOf, rows, counted } = await services.planning.skills(q);
            if (q.format === 'csv') return csv(reply, `skills-${area.id}`, skillCsv(rows.slice(0, q.limit), q.lang));
            return { area, asOf, total: rows.length, items: rows.slice(0, q.limit), ...whenCounted(counted) };
          }
          const { area, asOf, rows, counted } = await services.planning.occupations(q);
          if (q.format === 'csv') return csv(reply, `occupations-${area.id}`, occupationCsv(rows.slice(0, q.limit), q.lang));
          return { area, asOf, total: rows.length, items: rows.slice(0, q.limit), ...whenCounted(counted) };
        },
      );
    }

    app.get(
      '/v1/analytics/mismatch',
      {
        config: { roles: ACCESS.analytics, noisyReport: 'mismatch' },
        schema: {
          querystring: mismatchQuery,
          tags: ['analytics'],
          summary: 'Mismatch indicators of an area: vacancies per jobseeker, staffing and long-term unemployment from the match engine, shortage and surplus occupations',
          description:
            'The two shares come from the match engine, over every record of the area or an evenly spread sample (KOHTAANTO_ANALYTICS_SAMPLE) with its 95 % margin. "Local" means living (or located) in the area. Counts of jobseekers are rounded at random to a multiple of 5 as in the occupations\' figures, and the long-term unemployed\'s share is worked out from such counts.',
          response: { 200: mismatch, 400: errorBody },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const summary = await services.planning.mismatch(q);
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

    app.get(
      '/v1/analytics/what-works',
      {
        config: { roles: ACCESS.analytics, noisyReport: 'what-works' },
        schema: {
          querystring: whatWorksQuery,
          tags: ['analytics'],
          summary: 'What became of the vacancies counsellors suggested: the funnel to hire, long-term unemployed placed, days to fill, rates by the rank the engine showed',
          description:
            'Suggestions made in the period to clients living in the area. Counts are rounded at random to a multiple of 5, the same for the same question ("<5": 0-4 people; 5: 3-9; another 5k: 5k-4 to 5k+4), so that two reports cannot be subtracted to find one client; shares are worked out from the published counts, to 0.05, none where a count is "<5"; the rank is the vacancy\'s position in the last ranking of the client\'s vacancies served before the suggestion (decision records, 30 days).',
          response: { 200: whatWorks, 400: errorBody },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const report = await services.planning.whatWorks(q);
        if (q.format === 'csv') return csv(reply, `what-works-${report.area.id}`, whatWorksCsv(report, q.lang));
        return report;
      },
    );

    app.post(
      '/v1/analytics/training-plan',
      {
        config: { roles: ACCESS.analytics, noisyReport: 'training-plan' },
        schema: {
          querystring: noQuery,
          body: planRequest,
          tags: ['analytics'],
          summary: 'Which trainings to buy in an area, and how many places, for the most expected employment (or open vacancies within reach) per budget',
          description:
            'Greedy choice over client–training pairs found by recomputing the match with the taught skills added: by expected employment gain per unit of budget (the measured effect of earlier participants in the area where there is enough evidence, shrunk toward the skill-based estimate; each purchase says which), or with objective=vacancies by vacancies newly put within reach (a set cover). The plan names no client, and its counts of clients (examined, candidate pairs, places) are rounded at random to a multiple of 5 as the other planner figures are ("<5": 0-4; a purchase of "<5" places shows no cost, reach or gain); a place with fewer clients examined than KOHTAANTO_PLAN_MIN_CLIENTS (20) gets no plan, only `withheld` saying why.',
          response: { 200: trainingPlan, 400: errorBody },
        },
      },
      async (request) => services.planning.trainingPlan(request.body),
    );
  };
}
