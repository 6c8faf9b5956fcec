import type { JobSuggestionState } from '../../core/job-suggestions/states.js';
import type { DeadlinePassed, NotificationSource, SeenStore, ShareMade, UnitChange } from '../../core/notifications/service.js';
import type { Db } from './database.js';

/**
 * Notifications read from the job suggestions and shares themselves (so erasing a client erases
 * theirs), and the one thing notifications store: up to when each reader has read them.
 */
export class SqliteNotificationSource implements NotificationSource, SeenStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      unitChanges: db.prepare<[string, number], { event: number; suggestion: number; jobseekerId: string; vacancyId: string; state: JobSuggestionState; at: string; by: string }>(
        `SELECT e.id AS event, s.id AS suggestion, s.jobseeker_id AS jobseekerId, s.vacancy_id AS vacancyId, e.state, e.at, e.actor AS by
         FROM job_suggestion_events e JOIN job_suggestions s ON s.id = e.suggestion_id
         WHERE e.role = 'employer-service' AND e.at >= ? ORDER BY e.at DESC LIMIT ?`,
      ),
      shares: db.prepare<[string, string, number], ShareMade>(
        'SELECT vacancy_id AS vacancyId, jobseeker_id AS jobseekerId, at FROM shares WHERE owner = ? AND at >= ? ORDER BY at DESC LIMIT ?',
      ),
      deadlines: db.prepare<[string, string, number], Omit<DeadlinePassed, 'consent'> & { consent: number }>(
        `SELECT id AS suggestion, jobseeker_id AS jobseekerId, vacancy_id AS vacancyId, unit, consent, deadline
         FROM job_suggestions WHERE state = 'suggested' AND deadline >= ? AND deadline < ? ORDER BY deadline DESC LIMIT ?`,
      ),
      seen: db.prepare<[string], string>('SELECT seen_until FROM notifications_seen WHERE reader = ?').pluck(),
      setSeen: db.prepare<[string, string]>(
        'INSERT INTO notifications_seen (reader, seen_until) VALUES (?, ?) ON CONFLICT (reader) DO UPDATE SET seen_until = max(seen_until, excluded.seen_until)',
      ),
    };
  }

  async unitChanges(since: string, most: number): Promise<UnitChange[]> {
    return this.s.unitChanges.all(since, most);
  }

  async sharesWith(unit: string, since: string, most: number): Promise<ShareMade[]> {
    return this.s.shares.all(unit, since, most);
  }

  async deadlinesPassed(from: string, before: string, most: number): Promise<DeadlinePassed[]> {
    return this.s.deadlines.all(from, before, most).map((d) => ({ ...d, consent: d.consent === 1 }));
  }

  async get(reader: string): Promise<string | null> {
    return this.s.seen.get(reader) ?? null;
  }

  /** Never moves back: a tab left open cannot make read notifications unread again. */
  async set(reader: string, until: string): Promise<void> {
    this.s.setSeen.run(reader, until);
  }
}
