import type { Db } from './database.js';

/**
 * The limits that keep pseudonymous candidates from being harvested, kept in the database so that
 * every worker process counts against the same budget and a restart forgets nothing:
 * - distinct candidates each organisation has been shown pseudonymously in a day (`subject` is a
 *   keyed hash of the jobseeker, never the id);
 * - ad-hoc searches for jobseekers per key, in a sliding window.
 * Each check and its count are one IMMEDIATE transaction: two workers cannot both take the last place.
 */
export class CandidateBudgetStore {
  private readonly s;
  private readonly admitViews;
  private readonly admitSearch;

  constructor(private readonly db: Db) {
    this.s = {
      used: db.prepare<[string, string], number>('SELECT count(*) FROM candidate_views WHERE organisation = ? AND day = ?').pluck(),
      seen: db.prepare<[string, string, string], number>('SELECT 1 FROM candidate_views WHERE organisation = ? AND day = ? AND subject = ?').pluck(),
      view: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO candidate_views (organisation, day, subject) VALUES (?, ?, ?)'),
      pruneViews: db.prepare<[string]>('DELETE FROM candidate_views WHERE day < ?'),
      forgetSubject: db.prepare<[string]>('DELETE FROM candidate_views WHERE subject = ?'),
      searches: db.prepare<[string, number], number>('SELECT at FROM adhoc_searches WHERE key_id = ? AND at > ? ORDER BY at').pluck(),
      search: db.prepare<[string, number]>('INSERT INTO adhoc_searches (key_id, at) VALUES (?, ?)'),
      pruneSearches: db.prepare<[number]>('DELETE FROM adhoc_searches WHERE at <= ?'),
    };
    this.admitViews = db.transaction((organisation: string, day: string, subjects: string[], limit: number) => {
      const fresh = [...new Set(subjects)].filter((subject) => this.s.seen.get(organisation, day, subject) === undefined);
      const used = this.s.used.get(organisation, day)!;
      if (used + fresh.length > limit) return { admitted: false, used };
      for (const subject of fresh) this.s.view.run(organisation, day, subject);
      return { admitted: true, used: used + fresh.length };
    });
    this.admitSearch = db.transaction((keyId: string, now: number, windowMs: number, limit: number) => {
      const recent = this.s.searches.all(keyId, now - windowMs);
      if (recent.length >= limit) return { admitted: false, retryAfterMs: recent[0]! + windowMs - now };
      this.s.search.run(keyId, now);
      return { admitted: true, retryAfterMs: 0 };
    });
  }

  /**
   * Counts `subjects` as seen by the organisation on `day`, unless that would take its distinct
   * candidates of the day past `limit` (then nothing is counted). Seeing someone again is free.
   */
  async views(organisation: string, day: string, subjects: string[], limit: number): Promise<{ admitted: boolean; used: number }> {
    return this.admitViews.immediate(organisation, day, subjects, limit);
  }

  /** One more ad-hoc search by the key at `now` (ms), unless `limit` were made in the window before. */
  async search(keyId: string, now: number, windowMs: number, limit: number): Promise<{ admitted: boolean; retryAfterMs: number }> {
    return this.admitSearch.immediate(keyId, now, windowMs, limit);
  }

  /** Drops counts no limit reads any more (days before `day`, searches before `before` ms). */
  async prune(day: string, before: number): Promise<void> {
    this.s.pruneViews.run(day);
    this.s.pruneSearches.run(before);
  }

  /** Erasure: the keyed hash of an erased jobseeker leaves the counts too. */
  async forgetSubject(subject: string): Promise<void> {
    this.s.forgetSubject.run(subject);
  }
}
