import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { regions } from '../../core/regions/regions.js';
import { noQuery } from './shared.js';

const municipality = z.object({ code: z.string(), nameFi: z.string(), nameSv: z.string(), regionCode: z.string() });
const region = z.object({ code: z.string(), nameFi: z.string(), nameSv: z.string() });

/** Reference data: the municipalities and regions records can name. */
export function referenceRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/municipalities',
      {
        config: { roles: ACCESS.reference },
        schema: {
          querystring: noQuery,
          tags: ['reference'],
          summary: 'Finnish municipalities with codes, Finnish and Swedish names and region',
          response: { 200: z.object({ items: z.array(municipality) }) },
        },
      },
      async () => ({ items: regions.municipalities }),
    );
    app.get(
      '/v1/regions',
      {
        config: { roles: ACCESS.reference },
        schema: {
          querystring: noQuery,
          tags: ['reference'],
          summary: 'Regions (maakunnat)',
          response: { 200: z.object({ items: z.array(region) }) },
        },
      },
      async () => ({ items: regions.regions }),
    );
  };
}
