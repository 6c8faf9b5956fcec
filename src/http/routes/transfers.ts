import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { idParams } from '../../core/schemas/common.js';
import {
  alertQuery,
  transferAlerts,
  transferListQuery,
  transferParams,
  transferRefusal,
  transferRequest,
  transferList,
  transferView,
} from '../../core/transfers/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noBody, noQuery } from './shared.js';

export type TransferServices = Pick<Services, 'transfers'>;

const tags = ['transfers'];

/**
 * Transfers of clients between employment areas: a counsellor asks, the client's area approves or
 * refuses, and only an approved transfer lets the asking area reach that one client for a while.
 * Each request, decision and withdrawal is audited with the client's id and the transfer.
 */
export function transferRoutes(services: TransferServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/jobseekers/:id/transfers',
      {
        config: { roles: ACCESS.transfersRequest },
        schema: {
          querystring: noQuery,
          tags,
          summary: 'Ask for a client of another employment area (a transfer), saying why',
          description:
            "The client's area approves or refuses it (POST /v1/transfers/:id/approve or /refuse); once approved, your area " +
            'reads and changes that client for KOHTAANTO_TRANSFER_DAYS, typically to record their new home municipality. ' +
            'The answer is the same whether or not a client has the id. At most KOHTAANTO_TRANSFER_REQUESTS_PER_DAY per key in 24 hours.',
          params: idParams,
          body: transferRequest,
          response: { 201: transferView, 400: errorBody, 409: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await services.transfers.request(request.principal!, request.params.id, request.body, request.audited)),
    );

    app.get(
      '/v1/transfers',
      {
        config: { roles: ACCESS.transfers },
        schema: {
          tags,
          summary: "Transfers asked of my area (incoming: its clients) and by it (outgoing); admins: all",
          querystring: transferListQuery,
          response: { 200: transferList },
        },
      },
      async (request) => ({ items: await services.transfers.list(request.principal!, request.query) }),
    );

    app.get(
      '/v1/transfers/:id',
      {
        config: { roles: ACCESS.transfers },
        schema: { querystring: noQuery, tags, summary: 'One transfer of my area', params: transferParams, response: { 200: transferView, 404: errorBody } },
      },
      async (request) => services.transfers.get(request.principal!, request.params.id),
    );

    app.post(
      '/v1/transfers/:id/approve',
      {
        config: { roles: ACCESS.transfers },
        schema: {
          querystring: noQuery,
          tags,
          summary: "Approve a transfer asked of my area (a counsellor of the client's area, or an admin)",
          params: transferParams,
          body: noBody,
          response: { 200: transferView, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => services.transfers.approve(request.principal!, request.params.id, request.audited),
    );

    app.post(
      '/v1/transfers/:id/refuse',
      {
        config: { roles: ACCESS.transfers },
        schema: {
          querystring: noQuery,
          tags,
          summary: 'Refuse a transfer asked of my area, saying why',
          params: transferParams,
          body: transferRefusal,
          response: { 200: transferView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => services.transfers.refuse(request.principal!, request.params.id, request.body, request.audited),
    );

    app.delete(
      '/v1/transfers/:id',
      {
        config: { roles: ACCESS.transfers },
        schema: {
          querystring: noQuery,
          tags,
          summary: 'Withdraw my request, or end an approved transfer early (the requester, or an admin)',
          params: transferParams,
          response: { 204: z.null(), 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        await services.transfers.withdraw(request.principal!, request.params.id, request.audited);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/audit/alerts',
      {
        config: { roles: ACCESS.audit },
        schema: {
          tags: ['data protection'],
          summary: 'Transfer alerts: every approved transfer, and counsellors asking for many transfers in a day',
          querystring: alertQuery,
          response: { 200: transferAlerts },
        },
      },
      async (request) => services.transfers.alerts(request.query),
    );
  };
}
