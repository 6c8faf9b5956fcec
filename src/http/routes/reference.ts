import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { regions } from '../../core/regions/regions.js';
import { placeLang } from '../place-names.js';
import { noQuery } from './shared.js';

const name = z.string().describe("The name in the request's language (Accept-Language: fi, sv or en; Finnish when it names none)");
const municipality = z.object({ code: z.string(), name, nameFi: z.string(), nameSv: z.string(), regionCode: z.string() });
const region = z.object({ code: z.string(), name, nameFi: z.string(), nameSv: z.string(), nameEn: z.string() });

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
          response: { 200: z.object({ items: z.array(municipality) }) },
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
          response: { 200: z.object({ items: z.array(region) }) },
        },
      },
      async (request) => {
        const lang = placeLang(request) ?? 'fi';
        return { items: regions.regions.map((r) => ({ ...r, name: regions.regionName(r.code, lang)! })) };
      },
    );
  };
}
