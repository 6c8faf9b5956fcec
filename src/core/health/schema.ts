import { z } from 'zod';

const counts = z.object({ stored: z.number(), indexed: z.number() });

/**
 * GET /health (public): liveness, and what the service runs on (embedder, taxonomy). No record counts:
 * polled before and after a person's visit, a count that moves tells whether a client record was created
 * or erased (being a client of the employment service is personal data). Counts: `healthWithCounts`.
 */
export const health = z.object({
  status: z
    .enum(['ok', 'degraded'])
    .describe('degraded: the service answers, but see `problems` (e.g. the data disk is full, an index is being rebuilt)'),
  problems: z.array(z.string()).optional(),
  embedder: z.object({ id: z.string(), dimension: z.number(), description: z.string() }),
  taxonomy: z.object({ id: z.string(), source: z.string(), skills: z.number(), occupations: z.number(), languages: z.array(z.string()) }),
});
export type Health = z.infer<typeof health>;

/** GET /v1/admin/health (admins): the same, with stored and indexed records per kind, and the problems with their counts. */
export const healthWithCounts = health.extend({
  jobseekers: counts,
  vacancies: counts,
});
export type HealthWithCounts = z.infer<typeof healthWithCounts>;
