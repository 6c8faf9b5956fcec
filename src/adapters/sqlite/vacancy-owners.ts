import type { Db } from './database.js';

/**
 * Which employer-services unit owns each vacancy (a vacancy without a row belongs to no unit).
 * `claim`, `forget` and `ownerWithin` run inside a record write's transaction (RecordAccess's
 * `within` and `removed`), so they answer synchronously until RecordStore's writes take them in.
 */
export class VacancyOwnerStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[string], string>('SELECT organisation_id FROM vacancy_owners WHERE vacancy_id = ?').pluck(),
      claim: db.prepare<[string, string]>('INSERT OR IGNORE INTO vacancy_owners (vacancy_id, organisation_id) VALUES (?, ?)'),
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
    return this.ownerWithin(vacancyId);
  }

  /** The owner, read inside a record write's transaction. */
  ownerWithin(vacancyId: string): string | null {
    return this.s.get.get(vacancyId) ?? null;
  }

  /** Records the owner of vacancies that have none yet. */
  claim(vacancyIds: string[], organisationId: string): void {
    for (const id of vacancyIds) this.s.claim.run(id, organisationId);
  }

  async set(vacancyId: string, organisationId: string | null): Promise<void> {
    if (organisationId === null) this.s.remove.run(vacancyId);
    else this.s.set.run(vacancyId, organisationId);
  }

  forget(vacancyIds: string[]): void {
    for (const id of vacancyIds) this.s.remove.run(id);
  }

  /** Ids of the vacancies an organisation owns, in id order (cursor `after`). */
  async ownedBy(organisationId: string, after: string, limit: number): Promise<string[]> {
    return this.s.owned.all(organisationId, after, limit);
  }
}
