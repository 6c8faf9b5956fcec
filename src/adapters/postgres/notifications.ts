import type pg from 'pg';
import type { DeadlinePassed, NotificationScope, NotificationSource, SeenStore, ShareMade, UnitChange } from '../../core/notifications/service.js';

/** The suggestion's client lives in the scope's municipalities (a text array; null: anywhere), looked up per event by the client's id. */
const IN_AREA = (s: string, municipalities: string) =>
  `(${municipalities}::text[] IS NULL OR EXISTS (SELECT 1 FROM jobseekers j WHERE j.id = ${s}.jobseeker_id AND j.municipality = ANY(${municipalities}::text[])))`;

/**
 * Notifications read from the job suggestions and shares in PostgreSQL (see
 * SqliteNotificationSource), and up to when each reader has read them.
 */
export class PostgresNotificationSource implements NotificationSource, SeenStore {
  constructor(private readonly pool: pg.Pool) {}

  async unitChanges(since: string, most: number, scope: NotificationScope): Promise<UnitChange[]> {
    const { rows } = await this.pool.query<UnitChange>(
      `SELECT e.id AS event, s.id AS suggestion, s.jobseeker_id AS "jobseekerId", s.vacancy_id AS "vacancyId", e.state, e.at, e.actor AS by
       FROM job_suggestion_events e JOIN job_suggestions s ON s.id = e.suggestion_id
       WHERE e.role = 'employer-service' AND e.at >= $1 AND ${IN_AREA('s', '$3')} ORDER BY e.at DESC LIMIT $2`,
      [since, most, scope.municipalities ?? null],
    );
    return rows;
  }

  async sharesWith(unit: string, since: string, most: number): Promise<ShareMade[]> {
    const { rows } = await this.pool.query<ShareMade>(
      'SELECT vacancy_id AS "vacancyId", jobseeker_id AS "jobseekerId", at FROM shares WHERE owner = $1 AND at >= $2 ORDER BY at DESC LIMIT $3',
      [unit, since, most],
    );
    return rows;
  }

  async deadlinesPassed(from: string, before: string, most: number, scope: NotificationScope): Promise<DeadlinePassed[]> {
    const { rows } = await this.pool.query<Omit<DeadlinePassed, 'consent'> & { consent: number }>(
      `SELECT id AS suggestion, jobseeker_id AS "jobseekerId", vacancy_id AS "vacancyId", unit, consent, deadline
       FROM job_suggestions s WHERE state = 'suggested' AND deadline >= $1 AND deadline < $2
         AND ($5::text IS NULL OR (unit = $5 AND consent = 1)) AND ${IN_AREA('s', '$4')}
       ORDER BY deadline DESC LIMIT $3`,
      [from, before, most, scope.municipalities ?? null, scope.unit ?? null],
    );
    return rows.map((d) => ({ ...d, consent: d.consent === 1 }));
  }

  async get(reader: string): Promise<string | null> {
    return (await this.pool.query<{ seen_until: string }>('SELECT seen_until FROM notifications_seen WHERE reader = $1', [reader])).rows[0]?.seen_until ?? null;
  }

  /** Never moves back: a tab left open cannot make read notifications unread again. */
  async set(reader: string, until: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO notifications_seen (reader, seen_until) VALUES ($1, $2)
       ON CONFLICT (reader) DO UPDATE SET seen_until = greatest(notifications_seen.seen_until, excluded.seen_until)`,
      [reader, until],
    );
  }
}
