import type pg from 'pg';
import { inTransaction } from './pool.js';

/**
 * Which employer-services unit owns each vacancy, in PostgreSQL (see the SQLite VacancyOwnerStore;
 * a unit's claim to a vacancy it creates, and forgetting a deleted vacancy's owner, are made by
 * PostgresRecordStore inside the write's own transaction).
 */
export class PostgresVacancyOwnerStore {
  constructor(private readonly pool: pg.Pool) {}

  async ownerOf(vacancyId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ organisation_id: string }>('SELECT organisation_id FROM vacancy_owners WHERE vacancy_id = $1', [vacancyId]);
    return rows[0]?.organisation_id ?? null;
  }

  /**
   * Hands a vacancy to a unit (null: to none) and ends the shares made for the old owner, in one
   * transaction (the vacancy's row locked, so that of two hand-overs each sees the other's result);
   * false when it already had that owner.
   */
  async set(vacancyId: string, organisationId: string | null): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 35))', [`vacancy-owner:${vacancyId}`]);
      const { rows } = await client.query<{ organisation_id: string }>('SELECT organisation_id FROM vacancy_owners WHERE vacancy_id = $1', [vacancyId]);
      if ((rows[0]?.organisation_id ?? null) === organisationId) return false;
      if (organisationId === null) await client.query('DELETE FROM vacancy_owners WHERE vacancy_id = $1', [vacancyId]);
      else {
        await client.query(
          'INSERT INTO vacancy_owners (vacancy_id, organisation_id) VALUES ($1, $2) ON CONFLICT (vacancy_id) DO UPDATE SET organisation_id = excluded.organisation_id',
          [vacancyId, organisationId],
        );
      }
      await client.query('DELETE FROM shares WHERE vacancy_id = $1', [vacancyId]);
      return true;
    });
  }

  /** Ids of the vacancies an organisation owns, in id order (cursor `after`). */
  async ownedBy(organisationId: string, after: string, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ vacancy_id: string }>(
      'SELECT vacancy_id FROM vacancy_owners WHERE organisation_id = $1 AND vacancy_id > $2 ORDER BY vacancy_id LIMIT $3',
      [organisationId, after, limit],
    );
    return rows.map((r) => r.vacancy_id);
  }
}
