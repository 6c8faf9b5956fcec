import { z } from 'zod';

/** The shape of every error answer (see src/http/errors.ts; its codes and texts: src/core/errors.ts). */
export const errorBody = z.object({
  error: z.string().describe('Stable error code, e.g. invalid_input, not_found, payload_too_large'),
  message: z.string(),
  problems: z
    .array(z.object({ field: z.string(), message: z.string(), line: z.number().optional() }))
    .optional()
    .describe('One entry per offending field (with its line for NDJSON and CSV bodies); at most the first 100'),
  problemCount: z.number().optional().describe('How many problems there were, when more than those listed'),
});
export type ErrorBody = z.infer<typeof errorBody>;
