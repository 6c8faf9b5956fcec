import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { exposureQuery, exposureResponse } from '../../core/oversight/schema.js';
import type { Services } from '../../runtime/compose.js';
import { sendCsv, toCsv } from '../csv.js';
import { errorBody } from './shared.js';
import { whenCounted } from './analytics.js';

/** The services these routes use. */
export type OversightServices = Pick<Services, 'exposureReports'>;

/** Oversight for planners and admins: exposure of groups in the candidate rankings. */
export function oversightRoutes(services: OversightServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/oversight/exposure',
      {
        config: { roles: ACCESS.oversight, noisyReport: 'exposure' },
        schema: {
          tags: ['oversight'],
          summary: "Each group's share of candidate-ranking exposure against its share of the area's jobseekers (JSON or CSV)",
          description:
            'Groups: age band, gender, mother tongue (fi/sv/other), long-term unemployed, municipality. Counts of eligible jobseekers are rounded at random to a multiple of 5, the same for the same place ("<5": 0-4, and the group has no shares).',
          querystring: exposureQuery,
          response: { 200: exposureResponse, 400: errorBody },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const { answer: report, counted } = await services.exposureReports.report(q);
        if (q.format === 'csv') {
          return sendCsv(
            reply,
            `exposure-${report.area.id}`,
            toCsv(report.groups, [
              ['dimension', (g) => g.dimension],
              ['group', (g) => g.group],
              ['eligible', (g) => g.eligible],
              ['eligible_share', (g) => g.eligibleShare],
              ['exposure_share', (g) => g.exposureShare],
              ['ratio', (g) => g.ratio],
              ['ratio_low', (g) => g.ratioLow],
              ['ratio_high', (g) => g.ratioHigh],
              ['flagged', (g) => g.flagged],
            ]),
          );
        }
        return { ...report, ...whenCounted(counted) };
      },
    );
  };
}
