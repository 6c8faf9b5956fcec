import type { Organisation } from '../../core/organisations/schema.js';

/** A row of `organisations`, the same in SQLite and PostgreSQL. */
export type OrganisationRow = { id: string; name: string; kind: Organisation['kind']; area: string | null; created_at: string; version: number };

export const ORGANISATION_COLUMNS = 'id, name, kind, area, created_at, version';

export const organisationFromRow = (r: OrganisationRow): Organisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  ...(r.area ? { area: r.area } : {}),
  createdAt: r.created_at,
  version: r.version,
});
