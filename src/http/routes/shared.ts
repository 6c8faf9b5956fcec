import { z } from 'zod';

/** The shape of every error answer (see src/http/errors.ts). */
export const errorBody = z.object({
  error: z.string().describe('Stable error code, e.g. invalid_input, not_found, payload_too_large'),
  message: z.string(),
  problems: z
    .array(z.object({ field: z.string(), message: z.string(), line: z.number().optional() }))
    .optional()
    .describe('One entry per offending field (with its line for NDJSON and CSV bodies); at most the first 100'),
  problemCount: z.number().optional().describe('How many problems there were, when more than those listed'),
});

/** For routes that take no query parameters: an unknown parameter is an error, not ignored. */
export const noQuery = z.object({}).strict();

/** For routes that take no body. */
export const noBody = z.object({}).strict().nullish();
