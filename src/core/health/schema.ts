import { z } from 'zod';

/** GET /health: liveness, and what the service runs on (embedder, taxonomy, record counts). */
export const health = z.object({
  status: z
    .enum(['ok', 'degraded'])
    .describe('degraded: the service answers, but see `problems` (e.g. the data disk is full, an index is being rebuilt)'),
  problems: z.array(z.string()).optional(),
  embedder: z.object({ id: z.string(), dimension: z.number(), description: z.string() }),
  taxonomy: z.object({ id: z.string(), source: z.string(), skills: z.number(), occupations: z.number(), languages: z.array(z.string()) }),
  jobseekers: z.object({ stored: z.number(), indexed: z.number() }),
  vacancies: z.object({ stored: z.number(), indexed: z.number() }),
});
export type Health = z.infer<typeof health>;
