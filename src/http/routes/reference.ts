import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { regions } from '../../core/regions/regions.js';
import { municipalityList, regionList } from '../../core/regions/schema.js';
import { placeLang } from '../place-names.js';
import { noQuery } from './shared.js';

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
          summary: 'Finnish municipalities with codes, Finnish and Swedish names (Statistics Finland) and region',
          response: { 200: municipalityList },
        },
      },
      async (request) => {
        const lang = placeLang(request) ?? 'fi';
        return { items: regions.municipalities.map((m) => ({ ...m, name: lang === 'sv' ? m.nameSv : m.nameFi })) };
      },
    );
    app.get(
      '/v1/regions',
      {
        config: { roles: ACCESS.reference },
        schema: {
          querystring: noQuery,
          tags: ['reference'],
          summary: 'Regions (maakunnat / landskap) with Finnish, Swedish and English names',
          response: { 200: regionList },
        },
      },
      async (request) => {
        const lang = placeLang(request) ?? 'fi';
        return { items: regions.regions.map((r) => ({ ...r, name: regions.regionName(r.code, lang)! })) };
      },
    );
  };
}
