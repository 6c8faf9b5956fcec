import type pg from 'pg';
import type { Clock } from '../../core/clock.js';
import type { Role } from '../../core/access.js';
import type { Mapping, MappingInput } from '../../core/signin-mappings/schema.js';
import type { RoleMapping } from '../../core/signin/providers.js';
import type { SignInMappingStore } from '../sqlite/signin-mappings.js';
import { mappingOf as fromRow, type MappingRow as Row } from '../rows/signin-mappings.js';
import { inTransaction } from './pool.js';
import { codeOf } from '../../core/thrown.js';


/** PostgreSQL's unique_violation: the provider already maps this value. */
const isUnique = (error: unknown) => codeOf(error) === '23505';

/** What the services call on the claim-to-role mappings (the SQLite adapter's public methods). */
export type SignInMappingPort = Pick<SignInMappingStore, 'list' | 'get' | 'add' | 'change' | 'remove' | 'seed'>;

/** Claim-to-role mappings of the identity providers in PostgreSQL (see src/core/signin-mappings/service.ts). */
export class PostgresSignInMappingStore implements SignInMappingPort {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: Clock = () => new Date(),
  ) {}

  async list(): Promise<Mapping[]> {
    return (await this.pool.query<Row>('SELECT * FROM signin_mappings ORDER BY id')).rows.map(fromRow);
  }

  async get(id: number): Promise<Mapping | undefined> {
    const row = (await this.pool.query<Row>('SELECT * FROM signin_mappings WHERE id = $1', [id])).rows[0];
    return row && fromRow(row);
  }

  async add(input: MappingInput): Promise<Mapping | undefined> {
    const at = this.now().toISOString();
    try {
      const { rows } = await this.pool.query<Row>(
        'INSERT INTO signin_mappings (provider, value, organisation_id, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
        [input.provider, input.value, input.organisation, input.role, at, at],
      );
      return fromRow(rows[0]!);
    } catch (error) {
      if (isUnique(error)) return undefined;
      throw error;
    }
  }

  async change(id: number, version: number, to: { value: string; organisation: string; role: Role }): Promise<'changed' | 'stale' | 'taken'> {
    try {
      const { rowCount } = await this.pool.query(
        'UPDATE signin_mappings SET value = $1, organisation_id = $2, role = $3, updated_at = $4, version = version + 1 WHERE id = $5 AND version = $6',
        [to.value, to.organisation, to.role, this.now().toISOString(), id, version],
      );
      return rowCount === 1 ? 'changed' : 'stale';
    } catch (error) {
      if (isUnique(error)) return 'taken';
      throw error;
    }
  }

  async remove(id: number, version: number): Promise<boolean> {
    return (await this.pool.query('DELETE FROM signin_mappings WHERE id = $1 AND version = $2', [id, version])).rowCount === 1;
  }

  /** The provider's mappings from its file, once: after the first start the database's stand (nodes starting together seed once). */
  async seed(provider: string, roles: readonly RoleMapping[]): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      const at = this.now().toISOString();
      const seeded = await c.query('INSERT INTO signin_mappings_seeded (provider, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [provider, at]);
      if (seeded.rowCount === 0) return;
      for (const r of roles) {
        await c.query(
          'INSERT INTO signin_mappings (provider, value, organisation_id, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (provider, value) DO NOTHING',
          [provider, r.value, r.organisation, r.role, at, at],
        );
      }
    });
  }
}
