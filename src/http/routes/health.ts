import { basename } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health } from '../../core/health/schema.js';
import type { Engine } from '../../engine.js';

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
