import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { mapping, mappingChange, mappingInput, mappingList, mappingParams } from '../../core/signin-mappings/schema.js';
import type { Services } from '../../runtime/compose.js';
import { etag, expectedVersion } from '../if-match.js';
import { errorBody, noBody, noQuery } from './shared.js';

/** Which identity-provider group or app role signs a person in to which organisation and role (admins). */
export function signInMappingRoutes(services: Pick<Services, 'signInMappings'>): FastifyPluginAsyncZod {
  const config = { roles: ACCESS.organisations };
  const tags = ['administration'];
  const path = '/v1/admin/signin-mappings';
  return async (app) => {
    app.get(
      path,
      { config, schema: { tags, summary: 'Claim-to-role mappings of the identity providers, in the order tried', querystring: noQuery, response: { 200: mappingList } } },
      async () => services.signInMappings.list(),
    );

    app.post(
      path,
      {
        config,
        schema: { tags, summary: 'Map a claim value (group, app role) to an organisation and a role', querystring: noQuery, body: mappingInput, response: { 201: mapping, 400: errorBody } },
      },
      async (request, reply) => {
        const added = await services.signInMappings.add(request.body);
        return reply.status(201).header('etag', etag(added.version)).send(added);
      },
    );

    app.patch(
      `${path}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Change a mapping (If-Match: its version); signed-in people get it at their next re-check',
          params: mappingParams,
          querystring: noQuery,
          body: mappingChange,
          response: { 200: mapping, 400: errorBody, 404: errorBody, 409: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        const changed = await services.signInMappings.change(request.params.id, expectedVersion(request, String(request.params.id)), request.body);
        return reply.header('etag', etag(changed.version)).send(changed);
      },
    );

    app.delete(
      `${path}/:id`,
      {
        config,
        schema: {
          tags,
          summary: 'Remove a mapping (If-Match: its version)',
          params: mappingParams,
          querystring: noQuery,
          body: noBody,
          response: { 204: z.null(), 404: errorBody, 409: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        await services.signInMappings.remove(request.params.id, expectedVersion(request, String(request.params.id)));
        return reply.status(204).send(null);
      },
    );
  };
}
