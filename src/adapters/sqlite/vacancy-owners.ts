import type { Db } from './database.js';

/**
 * Which employer-services unit owns each vacancy (a vacancy without a row belongs to no unit). A
 * unit's claim to a vacancy it creates, and the forgetting of a deleted vacancy's owner, are made by
 * the vacancies' record store inside the write's own transaction (see SqliteRecordStore).
 */
export class VacancyOwnerStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      get: db.prepare<[string], string>('SELECT organisation_id FROM vacancy_owners WHERE vacancy_id = ?').pluck(),
      forgetShares: db.prepare<[string]>('DELETE FROM shares WHERE vacancy_id = ?'),
      set: db.prepare<[string, string]>(
        'INSERT INTO vacancy_owners (vacancy_id, organisation_id) VALUES (?, ?) ON CONFLICT (vacancy_id) DO UPDATE SET organisation_id = excluded.organisation_id',
      ),
      remove: db.prepare<[string]>('DELETE FROM vacancy_owners WHERE vacancy_id = ?'),
      owned: db.prepare<[string, string, number], string>(
        'SELECT vacancy_id FROM vacancy_owners WHERE organisation_id = ? AND vacancy_id > ? ORDER BY vacancy_id LIMIT ?',
      ).pluck(),
    };
  }

  async ownerOf(vacancyId: string): Promise<string | null> {
    return this.s.get.get(vacancyId) ?? null;
  }

  /**
   * Hands a vacancy to a unit (null: to none) and ends the shares made for the old owner, in one
   * transaction; false when the vacancy already had that owner (nothing changes).
   */
  async set(vacancyId: string, organisationId: string | null): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.s.get.get(vacancyId) ?? null) === organisationId) return false;
      if (organisationId === null) this.s.remove.run(vacancyId);
      else this.s.set.run(vacancyId, organisationId);
      this.s.forgetShares.run(vacancyId);
      return true;
    }).immediate();
  }

  /** Ids of the vacancies an organisation owns, in id order (cursor `after`). */
  async ownedBy(organisationId: string, after: string, limit: number): Promise<string[]> {
    return this.s.owned.all(organisationId, after, limit);
  }
}
