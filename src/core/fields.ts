/**
 * Whether a value is an object whose fields can be read by name (a JSON object or array, a record):
 * reading any of its fields gives an unknown value.
 */
export const hasFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
