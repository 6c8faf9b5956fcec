import type { z } from 'zod';
import { problemsFrom } from '../../src/core/ndjson.js';

/**
 * The fields a schema refuses an input for, as a 400 names them (problemsFrom: the field's path,
 * or the unknown key), in the order found; [] when the input is valid.
 */
export function refused(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : problemsFrom(result.error).map((p) => p.field);
}

/** The message of the first problem (what the user reads after the field's name). */
export function firstMessage(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input);
  return result.success ? undefined : problemsFrom(result.error)[0]!.message;
}
