import { regions } from './regions/regions.js';

/** JSON with keys in order, so that two equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Stored records carry derived and bookkeeping fields; re-deriving starts from the input alone. */
export function stripDerived<In>(record: In): In {
  const { normalized: _n, region: _r, createdAt: _c, updatedAt: _u, version: _v, ...input } = record as Record<string, unknown>;
  return input as In;
}

/**
 * Whether an input says nothing the stored record does not (municipality compared by code): a record
 * sent again unchanged (a re-import) is then not derived, embedded or written again.
 */
export function sameAsStored<In extends { municipality?: string }>(input: In, stored: object): boolean {
  const municipality = input.municipality === undefined ? undefined : (regions.municipality(input.municipality)?.code ?? input.municipality);
  return canonical({ ...stripDerived(input), municipality }) === canonical(stripDerived(stored));
}
