import { basename } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Engine } from '../../engine.js';

const health = z.object({
  status: z
    .enum(['ok', 'degraded'])
    .describe('degraded: the service answers, but see `problems` (e.g. the data disk is full, an index is being rebuilt)'),
  problems: z.array(z.string()).optional(),
  embedder: z.object({ id: z.string(), dimension: z.number(), description: z.string() }),
  taxonomy: z.object({ id: z.string(), source: z.string(), skills: z.number(), occupations: z.number(), languages: z.array(z.string()) }),
  jobseekers: z.object({ stored: z.number(), indexed: z.number() }),
  vacancies: z.object({ stored: z.number(), indexed: z.number() }),
});

/** Liveness and what the service runs on (embedder, record counts). */
/** The services these routes use (nothing else of the engine reaches them). */
export type HealthServices = Pick<Engine, 'embedder' | 'jobseekers' | 'normalizer' | 'storage' | 'vacancies' | 'indexing'>;

const status = (problems: string[]) =>
  problems.length === 0 ? { status: 'ok' as const } : { status: 'degraded' as const, problems };

export function healthRoutes(engine: HealthServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: { tags: ['service'], summary: 'Service status (public)', security: [], response: { 200: health } },
      },
      async () => ({
        ...status([...engine.storage().problems, ...engine.indexing()]),
        embedder: {
          id: engine.embedder.id,
          dimension: engine.embedder.dimension,
          description: engine.embedder.description,
        },
        taxonomy: {
          id: engine.normalizer.taxonomy.id,
          source: basename(engine.normalizer.taxonomy.source), // a public route: no server paths
          skills: engine.normalizer.taxonomy.skills.size,
          occupations: engine.normalizer.taxonomy.occupations.size,
          languages: engine.normalizer.taxonomy.languages,
        },
        jobseekers: { stored: engine.jobseekers.count(), indexed: engine.jobseekers.index.size },
        vacancies: { stored: engine.vacancies.count(), indexed: engine.vacancies.index.size },
      }),
    );
  };
}
