import type { RecordConcepts } from '../../core/record-concepts.js';

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

/**
 * The record a row's JSON text holds. Not validated: the store wrote it from a validated record,
 * and this is on the path of every stored-profile match (the record cache's reads).
 */
export const recordOf = <R>(json: string): R => JSON.parse(json) as R;

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
