import type { Db } from './database.js';

/** Which candidates a counsellor has shared with employer services, per vacancy. */
export class ShareStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare<[string, string, string, string]>(
        'INSERT OR REPLACE INTO shares (vacancy_id, jobseeker_id, key_id, at) VALUES (?, ?, ?, ?)',
      ),
      forVacancy: db.prepare<[string], { jobseeker_id: string; key_id: string; at: string }>(
        'SELECT jobseeker_id, key_id, at FROM shares WHERE vacancy_id = ? ORDER BY at',
      ),
      forJobseeker: db.prepare<[string], { vacancy_id: string; at: string }>(
        'SELECT vacancy_id, at FROM shares WHERE jobseeker_id = ? ORDER BY at',
      ),
      removeJobseeker: db.prepare<[string]>('DELETE FROM shares WHERE jobseeker_id = ?'),
      removeVacancy: db.prepare<[string]>('DELETE FROM shares WHERE vacancy_id = ?'),
    };
  }

  share(vacancyId: string, jobseekerId: string, keyId: string): void {
    this.s.add.run(vacancyId, jobseekerId, keyId, new Date().toISOString());
  }

  sharedFor(vacancyId: string): Set<string> {
    return new Set(this.s.forVacancy.all(vacancyId).map((r) => r.jobseeker_id));
  }

  ofJobseeker(jobseekerId: string): { vacancyId: string; at: string }[] {
    return this.s.forJobseeker.all(jobseekerId).map((r) => ({ vacancyId: r.vacancy_id, at: r.at }));
  }

  forgetJobseeker(jobseekerId: string): void {
    this.s.removeJobseeker.run(jobseekerId);
  }

  forgetVacancy(vacancyId: string): void {
    this.s.removeVacancy.run(vacancyId);
  }
}
