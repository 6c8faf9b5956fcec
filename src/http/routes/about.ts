import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemCard } from '../../core/oversight/system-card.js';
import type { Services } from '../../runtime/compose.js';
import { latestEvaluation } from '../../runtime/evaluation.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The services these routes use. */
export type AboutServices = Pick<Services, 'embedder' | 'normalizer' | 'matcher' | 'decisions'>;

/** The system card (public: what the system does and does not decide, model, figures, limits, oversight). */
export function aboutRoutes(services: AboutServices): FastifyPluginAsyncZod {
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
  const card = systemCard({
    version,
    model: { id: services.embedder.id, dimension: services.embedder.dimension, description: services.embedder.description },
    taxonomy: { id: services.normalizer.taxonomy.id, skills: services.normalizer.taxonomy.skills.size, occupations: services.normalizer.taxonomy.occupations.size },
    settings: services.matcher.settingsInUse,
    decisionRetentionDays: services.decisions.retentionDays,
    evaluation: latestEvaluation(join(ROOT, 'benchmarks', 'results'), services.embedder.id),
  });
  return async (app) => {
    app.get(
      '/v1/about',
      {
        config: { public: true },
        schema: {
          tags: ['service'],
          summary: 'System card: what Kohtaanto decides and does not, model and data, evaluation figures, known limits, oversight (public)',
          security: [],
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async () => card,
    );
  };
}
