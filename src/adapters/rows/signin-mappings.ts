import type { Role } from '../../core/access.js';
import type { Mapping } from '../../core/signin-mappings/schema.js';

/** A row of `signin_mappings`, the same in SQLite and PostgreSQL. */
export type MappingRow = { id: number; provider: string; value: string; organisation_id: string; role: Role; version: number; created_at: string; updated_at: string };

export const mappingOf = (r: MappingRow): Mapping => ({
  id: r.id,
  provider: r.provider,
  value: r.value,
  organisation: r.organisation_id,
  role: r.role,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
