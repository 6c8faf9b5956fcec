import type { Clock } from '../../core/clock.js';
import type { Role } from '../../core/access.js';
import type { Mapping, MappingInput } from '../../core/signin-mappings/schema.js';
import type { RoleMapping } from '../../core/signin/providers.js';
import type { Db } from './database.js';
import { mappingOf as fromRow, type MappingRow as Row } from '../rows/signin-mappings.js';
import { codeOf } from '../../core/thrown.js';


const isUnique = (error: unknown) => codeOf(error) === 'SQLITE_CONSTRAINT_UNIQUE';

/** Claim-to-role mappings of the identity providers (see src/core/signin-mappings/service.ts). */
export class SignInMappingStore {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly now: Clock = () => new Date(),
  ) {
    this.s = {
      list: db.prepare<[], Row>('SELECT * FROM signin_mappings ORDER BY id'),
      get: db.prepare<[number], Row>('SELECT * FROM signin_mappings WHERE id = ?'),
      insert: db.prepare<[string, string, string, string, string, string], { id: number }>(
        'INSERT INTO signin_mappings (provider, value, organisation_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      insertUnlessMapped: db.prepare<[string, string, string, string, string, string]>(
        'INSERT OR IGNORE INTO signin_mappings (provider, value, organisation_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      change: db.prepare<[string, string, string, string, number, number]>(
        'UPDATE signin_mappings SET value = ?, organisation_id = ?, role = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      ),
      remove: db.prepare<[number, number]>('DELETE FROM signin_mappings WHERE id = ? AND version = ?'),
      seeded: db.prepare<[string, string]>('INSERT OR IGNORE INTO signin_mappings_seeded (provider, at) VALUES (?, ?)'),
    };
  }

  async list(): Promise<Mapping[]> {
    return this.s.list.all().map(fromRow);
  }

  async get(id: number): Promise<Mapping | undefined> {
    const row = this.s.get.get(id);
    return row && fromRow(row);
  }

  async add(input: MappingInput): Promise<Mapping | undefined> {
    const at = this.now().toISOString();
    try {
      const { id } = this.s.insert.get(input.provider, input.value, input.organisation, input.role, at, at)!;
      return await this.get(id);
    } catch (error) {
      if (isUnique(error)) return undefined;
      throw error;
    }
  }

  async change(id: number, version: number, to: { value: string; organisation: string; role: Role }): Promise<'changed' | 'stale' | 'taken'> {
    try {
      return this.s.change.run(to.value, to.organisation, to.role, this.now().toISOString(), id, version).changes === 1 ? 'changed' : 'stale';
    } catch (error) {
      if (isUnique(error)) return 'taken';
      throw error;
    }
  }

  async remove(id: number, version: number): Promise<boolean> {
    return this.s.remove.run(id, version).changes === 1;
  }

  async seed(provider: string, roles: readonly RoleMapping[]): Promise<void> {
    this.db
      .transaction(() => {
        const at = this.now().toISOString();
        if (this.s.seeded.run(provider, at).changes === 0) return; // seeded at an earlier start: the database's mappings stand
        for (const r of roles) this.s.insertUnlessMapped.run(provider, r.value, r.organisation, r.role, at, at);
      })
      .immediate();
  }
}
