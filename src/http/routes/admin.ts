import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { idParams } from '../../core/schemas/common.js';
import { etag, expectedVersion } from '../if-match.js';
import {
  apiKeyList,
  issuedKey,
  keyInput,
  keyRotation,
  organisation,
  organisationChange,
  organisationInput,
  organisationList,
  rotatedKey,
  vacancyOwner,
  vacancyOwnerInput,
} from '../../core/organisations/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noBody, noQuery } from './shared.js';

/** Organisations, API keys and vacancy ownership (admins). */
export type AdminServices = Pick<Services, 'organisations'>;

export function adminRoutes(services: AdminServices): FastifyPluginAsyncZod {
  const config = { roles: ACCESS.organisations };
  const tags = ['administration'];
  return async (app) => {
    app.get(
      '/v1/admin/organisations',
      { config, schema: { tags, summary: 'Organisations', querystring: noQuery, response: { 200: organisationList } } },
      async () => ({ items: await services.organisations.list() }),
    );

    app.post(
      '/v1/admin/organisations',
      {
        config,
        schema: {
          tags,
          summary: 'Add an organisation',
          querystring: noQuery,
          body: organisationInput,
          response: { 201: organisation, 400: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const added = await services.organisations.add(request.body);
        return reply.status(201).header('etag', etag(added.version)).send(added);
      },
    );

    app.patch(
      '/v1/admin/organisations/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Rename an organisation, or give an employment-area organisation another area (If-Match: its version)',
          params: idParams,
          querystring: noQuery,
          body: organisationChange,
          response: { 200: organisation, 400: errorBody, 404: errorBody, 409: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        const changed = await services.organisations.change(request.params.id, expectedVersion(request, request.params.id), request.body);
        return reply.header('etag', etag(changed.version)).send(changed);
      },
    );

    app.get(
      '/v1/admin/keys',
      { config, schema: { tags, summary: 'API keys (never their secrets)', querystring: noQuery, response: { 200: apiKeyList } } },
      async () => ({ items: await services.organisations.keys() }),
    );

    app.post(
      '/v1/admin/keys',
      {
        config,
        schema: { tags, summary: 'Issue an API key', querystring: noQuery, body: keyInput, response: { 201: issuedKey, 400: errorBody } },
      },
      // The admin issuing a key answers for it unless another owner is named.
      async (request, reply) => reply.status(201).send(await services.organisations.issueKey({ ...request.body, owner: request.body.owner ?? request.principal!.name })),
    );

    app.post(
      '/v1/admin/keys/:id/rotate',
      {
        config,
        schema: {
          tags,
          summary: 'Issue a successor key; the old one works for `graceDays` more',
          params: idParams,
          querystring: noQuery,
          body: keyRotation,
          response: { 201: rotatedKey, 404: errorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await services.organisations.rotateKey(request.params.id, request.body.graceDays, request.body.expiresInDays)),
    );

    app.post(
      '/v1/admin/keys/:id/revoke',
      {
        config,
        schema: { tags, summary: 'Revoke an API key now', params: idParams, querystring: noQuery, body: noBody, response: { 204: z.null(), 404: errorBody } },
      },
      async (request, reply) => {
        await services.organisations.revokeKey(request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/v1/admin/vacancies/:id/owner',
      {
        config,
        schema: {
          tags,
          summary: 'Hand a vacancy to an employer-services unit (null: to none); its shares end',
          params: idParams,
          querystring: noQuery,
          body: vacancyOwnerInput,
          response: { 200: vacancyOwner, 400: errorBody, 404: errorBody },
        },
      },
      async (request) => services.organisations.setVacancyOwner(request.params.id, request.body.organisation),
    );
  };
}
