import type { RecordConcepts } from '../../core/record-concepts.js';
import { interned } from '../../core/taxonomy/interned.js';

/** The two record kinds' tables, the same in SQLite and PostgreSQL. */
export type RecordTable = 'jobseekers' | 'vacancies';

/**
 * A stored record's row with its label, as PostgreSQL holds it and a node's SQLite replica copies
 * it (the columns under their record names).
 */
export interface RecordRow {
  label: number;
  id: string;
  municipality: string;
  region: string;
  matchable: number;
  /** The record's JSON text, its version set. */
  record: string;
  textHash: string;
  embedder: string;
  derivedBy: string;
  vector: Buffer;
  updatedAt: string;
  /** The record's concepts as conceptsText writes them; null when written without them. */
  concepts: string | null;
}

/** A vector as a row's blob (no copy) and back (a copy: the blob's buffer is the driver's). */
export const toBlob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
export const fromBlob = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/** How a taxonomy concept's URI begins: ESCO's (http:) and the local extension's (urn:kohtaanto:local:). */
const CONCEPT = /^(https?:|urn:)/;

/** The values of a parsed record's derived fields with each concept URI replaced by its one shared copy. */
function shareUris(value: unknown): unknown {
  if (typeof value === 'string') {
    return CONCEPT.test(value) ? interned(value) : value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = shareUris(value[i]);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) Reflect.set(value, key, shareUris(Reflect.get(value, key)));
  }
  return value;
}

/**
 * The record a row's JSON text holds. Not validated: the store wrote it from a validated record,
 * and this is on the path of every stored-profile match (the record cache's reads). The concept
 * URIs of its derived fields (`normalized`: about half of a record's text) share one copy each:
 * parsed, every record held its own, and the record caches of a worker at national scale held
 * hundreds of megabytes of the same few thousand strings.
 */
export function recordOf<R>(json: string): R {
  const record = JSON.parse(json);
  if (record?.normalized !== undefined) shareUris(record.normalized);
  return record;
}

/**
 * A record's concepts as the `concepts` column holds them (schema step 28): one JSON array, the
 * place first, then the keys (a fill of the concept index parses these, not the record).
 */
export const conceptsText = (concepts: RecordConcepts | undefined): string | null => (concepts ? JSON.stringify([concepts.place, ...concepts.keys]) : null);

/** The concepts a `concepts` column holds (see conceptsText); undefined for none. */
export function conceptsFrom(text: string | null): RecordConcepts | undefined {
  if (text === null) return undefined;
  const [place, ...keys] = JSON.parse(text) as [string, ...RecordConcepts['keys']];
  return { place, keys };
}
