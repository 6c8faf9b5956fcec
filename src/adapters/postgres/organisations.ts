import type pg from 'pg';
import type { Clock } from '../../core/clock.js';
import type { Organisation, OrganisationInput } from '../../core/organisations/schema.js';

import { ORGANISATION_COLUMNS, organisationFromRow, type OrganisationRow } from '../rows/organisations.js';

/** Organisations that keys belong to, in PostgreSQL (see the SQLite OrganisationStore). */
export class PostgresOrganisationStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: Clock = () => new Date(),
    /** Told of each organisation changed here (the API keys this node verified carry its area). */
    private readonly changed: (id: string) => void = () => undefined,
  ) {}

  /** Adds an organisation; false when the id is taken (one statement: of two adds of one id only the first stores). */
  async add(input: OrganisationInput): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO organisations (id, name, kind, area, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING', [
      input.id,
      input.name,
      input.kind,
      input.area ?? null,
      this.now().toISOString(),
    ]);
    return result.rowCount === 1;
  }

  /** Renames or moves an organisation still at `version` (one statement: of two changes of one version only the first stores). */
  async change(id: string, version: number, to: { name: string; area: string | null }): Promise<boolean> {
    const result = await this.pool.query('UPDATE organisations SET name = $1, area = $2, updated_at = $3, version = version + 1 WHERE id = $4 AND version = $5', [
      to.name,
      to.area,
      this.now().toISOString(),
      id,
      version,
    ]);
    if (result.rowCount === 1) this.changed(id);
    return result.rowCount === 1;
  }

  async get(id: string): Promise<Organisation | undefined> {
    const { rows } = await this.pool.query<OrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = $1`, [id]);
    return rows[0] && organisationFromRow(rows[0]);
  }

  async list(): Promise<Organisation[]> {
    const { rows } = await this.pool.query<OrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations ORDER BY id`);
    return rows.map(organisationFromRow);
  }
}
