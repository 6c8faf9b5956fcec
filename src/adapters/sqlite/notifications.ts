import type { DeadlinePassed, NotificationScope, NotificationSource, SeenStore, ShareMade, UnitChange } from '../../core/notifications/service.js';
import type { Db } from './database.js';

type Params = { since: string; most: number; municipalities: string | null };

/**
 * The suggestion's client lives in the scope's municipalities (a JSON array; null: anywhere): looked
 * up per event by the client's id, so a read walks the newest events until it has `most`, whatever the area's size.
 */
const IN_AREA = (s: string) =>
  `(@municipalities IS NULL OR EXISTS (SELECT 1 FROM jobseekers j WHERE j.id = ${s}.jobseeker_id AND j.municipality IN (SELECT value FROM json_each(@municipalities))))`;
const area = (scope: NotificationScope) => (scope.municipalities ? JSON.stringify(scope.municipalities) : null);

/**
 * Notifications read from the job suggestions and shares themselves (so erasing a client erases
 * theirs), and the one thing notifications store: up to when each reader has read them.
 */
export class SqliteNotificationSource implements NotificationSource, SeenStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      unitChanges: db.prepare<[Params], UnitChange>(
        `SELECT e.id AS event, s.id AS suggestion, s.jobseeker_id AS jobseekerId, s.vacancy_id AS vacancyId, e.state, e.at, e.actor AS by
         FROM job_suggestion_events e JOIN job_suggestions s ON s.id = e.suggestion_id
         WHERE e.role = 'employer-service' AND e.at >= @since AND ${IN_AREA('s')} ORDER BY e.at DESC LIMIT @most`,
      ),
      shares: db.prepare<[string, string, number], ShareMade>(
        'SELECT vacancy_id AS vacancyId, jobseeker_id AS jobseekerId, at FROM shares WHERE owner = ? AND at >= ? ORDER BY at DESC LIMIT ?',
      ),
      deadlines: db.prepare<[Params & { before: string; unit: string | null }], Omit<DeadlinePassed, 'consent'> & { consent: number }>(
        `SELECT id AS suggestion, jobseeker_id AS jobseekerId, vacancy_id AS vacancyId, unit, consent, deadline
         FROM job_suggestions s WHERE state = 'suggested' AND deadline >= @since AND deadline < @before
           AND (@unit IS NULL OR (unit = @unit AND consent = 1)) AND ${IN_AREA('s')}
         ORDER BY deadline DESC LIMIT @most`,
      ),
      seen: db.prepare<[string], string>('SELECT seen_until FROM notifications_seen WHERE reader = ?').pluck(),
      setSeen: db.prepare<[string, string]>(
        'INSERT INTO notifications_seen (reader, seen_until) VALUES (?, ?) ON CONFLICT (reader) DO UPDATE SET seen_until = max(seen_until, excluded.seen_until)',
      ),
    };
  }

  async unitChanges(since: string, most: number, scope: NotificationScope): Promise<UnitChange[]> {
    return this.s.unitChanges.all({ since, most, municipalities: area(scope) });
  }

  async sharesWith(unit: string, since: string, most: number): Promise<ShareMade[]> {
    return this.s.shares.all(unit, since, most);
  }

  async deadlinesPassed(from: string, before: string, most: number, scope: NotificationScope): Promise<DeadlinePassed[]> {
    return this.s.deadlines.all({ since: from, before, most, municipalities: area(scope), unit: scope.unit ?? null }).map((d) => ({ ...d, consent: d.consent === 1 }));
  }

  async get(reader: string): Promise<string | null> {
    return this.s.seen.get(reader) ?? null;
  }

  /** Never moves back: a tab left open cannot make read notifications unread again. */
  async set(reader: string, until: string): Promise<void> {
    this.s.setSeen.run(reader, until);
  }
}
