import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { gapAnswer, gapQuery } from '../../core/gaps/schema.js';
import { idParams } from '../../core/schemas/common.js';
import { referral, referralChange, referralInput, referralList, referralParams } from '../../core/referrals/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

/** What would get a client into work, which training gives it, and referrals to trainings. */
/** The services these routes use (nothing else of the composition reaches them). */
export type GapServices = Pick<Services, 'clientGaps' | 'referrals'>;

export function gapRoutes(services: GapServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/jobseekers/:id/gaps',
      {
        config: { roles: ACCESS.gaps },
        schema: {
          tags: ['gaps and training'],
          summary: 'Missing skills ranked by the vacancies they would open, with trainings; or the gap to one vacancy',
          description:
            'reach: municipality, region (default) or country around `municipality` (default: the client\'s). ' +
            'With `vacancy`, the gap to that vacancy only. Trainings: labour-market training only, within the client\'s reach or online, ' +
            'never a programme for an occupation the client holds; a language-for-work course first for a language, a short course before a programme.',
          params: idParams,
          querystring: gapQuery,
          response: { 200: gapAnswer, 400: errorBody, 404: errorBody },
        },
      },
      (request) => services.clientGaps.of(request.principal!, request.params.id, request.query, request.audited),
    );

    app.post(
      '/v1/referrals',
      {
        config: { roles: ACCESS.referrals },
        schema: {
          tags: ['gaps and training'],
          summary: 'Refer a client to a training',
          querystring: noQuery,
          body: referralInput,
          response: { 201: referral, 400: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await services.referrals.refer(request.principal!, request.body, request.audited)),
    );

    app.get(
      '/v1/jobseekers/:id/referrals',
      {
        config: { roles: ACCESS.referrals },
        schema: {
          tags: ['gaps and training'],
          summary: "A client's referrals to trainings, each with its state and the history of its changes",
          params: idParams,
          querystring: noQuery,
          response: { 200: referralList, 404: errorBody },
        },
      },
      async (request) => ({ items: await services.referrals.ofJobseeker(request.principal!, request.params.id, request.audited) }),
    );

    app.post(
      '/v1/referrals/:id/state',
      {
        config: { roles: ACCESS.referrals },
        schema: {
          tags: ['gaps and training'],
          summary: 'Record what became of a referral (accepted, started, completed, interrupted, declined, cancelled)',
          description:
            'referred → accepted → started → completed | interrupted; declined (with a note) or cancelled before it starts. ' +
            'A move the table does not allow is refused with 409 naming `state`; send the version you read: a change someone else made since is refused with 412, never overwritten. ' +
            "By a counsellor of the client's area (or an admin); a training provider updates through this route with an API key of the counsellor's organisation.",
          params: referralParams,
          querystring: noQuery,
          body: referralChange,
          response: { 200: referral, 400: errorBody, 404: errorBody, 409: errorBody, 412: errorBody },
        },
      },
      async (request) => services.referrals.change(request.principal!, request.params.id, request.body, request.audited),
    );
  };
}
