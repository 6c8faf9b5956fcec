import type { Organisation, OrganisationInput } from '../../core/organisations/schema.js';
import type { Db } from './database.js';
import type { Clock } from '../../core/clock.js';

import { ORGANISATION_COLUMNS, organisationFromRow, type OrganisationRow } from '../rows/organisations.js';

/** Organisations that keys belong to (see src/core/organisations.ts for what each may do). */
export class OrganisationStore {
  private readonly s;

  constructor(
    db: Db,
    private readonly now: Clock = () => new Date(),
  ) {
    this.s = {
      insert: db.prepare<[string, string, string, string | null, string]>(
        'INSERT INTO organisations (id, name, kind, area, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ),
      get: db.prepare<[string], OrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = ?`),
      list: db.prepare<[], OrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations ORDER BY id`),
      change: db.prepare<[string, string | null, string, string, number]>(
        'UPDATE organisations SET name = ?, area = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      ),
    };
  }

  /** Adds an organisation; false when the id is taken (one statement: of two adds of one id only the first stores). `area` is already resolved to an area id. */
  async add(input: OrganisationInput): Promise<boolean> {
    return this.s.insert.run(input.id, input.name, input.kind, input.area ?? null, this.now().toISOString()).changes === 1;
  }

  /**
   * Renames an organisation or moves it to another area if it is still at `version` (one statement:
   * of two changes of the same version only the first is stored); false when it was changed meanwhile.
   */
  async change(id: string, version: number, to: { name: string; area: string | null }): Promise<boolean> {
    return this.s.change.run(to.name, to.area, this.now().toISOString(), id, version).changes === 1;
  }

  async get(id: string): Promise<Organisation | undefined> {
    const row = this.s.get.get(id);
    return row ? organisationFromRow(row) : undefined;
  }

  async list(): Promise<Organisation[]> {
    return this.s.list.all().map(organisationFromRow);
  }
}
