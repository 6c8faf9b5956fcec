import { z } from 'zod';
import { errorBody } from '../../core/schemas/error-answer.js';

export { errorBody };

/** For routes that take no query parameters: an unknown parameter is an error, not ignored. */
export const noQuery = z.object({}).strict();

/** For routes that take no body. */
export const noBody = z.object({}).strict().nullish();
