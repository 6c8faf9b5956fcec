import type pg from 'pg';
import type { JobSuggestionEvent, JobSuggestionState, StoredJobSuggestion } from '../../core/job-suggestions/schema.js';
import { alreadySuggested, type JobSuggestionStore } from '../../core/job-suggestions/service.js';
import { NEXT_STATES } from '../../core/job-suggestions/states.js';
import { inTransaction } from './pool.js';
import { suggestionsWithHistory, type SuggestionEventRow as EventRow, type SuggestionRow as Row } from '../rows/job-suggestions.js';
import { shownRankSql } from './shown-rank.js';


const OPEN_STATES = Object.entries(NEXT_STATES).flatMap(([state, next]) => (next.length > 0 ? [`'${state}'`] : [])).join(', ');
/** The client's open suggestion of the vacancy on the day of $3 (as SqliteJobSuggestionStore's OPEN). */
const OPEN = `SELECT id, state FROM job_suggestions
  WHERE jobseeker_id = $1 AND vacancy_id = $2 AND state IN (${OPEN_STATES})
    AND NOT (state = 'suggested' AND deadline < substr($3::text, 1, 10)) LIMIT 1`;

const EVENT = 'INSERT INTO job_suggestion_events (suggestion_id, state, at, actor, role, reason) VALUES ($1, $2, $3, $4, $5, $6)';

/**
 * Job suggestions and their history in PostgreSQL (see SqliteJobSuggestionStore): the rank at which
 * the vacancy was last shown to the client is kept with the suggestion; a state changes only from
 * the version read (checked in the UPDATE). Erased with the client.
 */
export class PostgresJobSuggestionStore implements JobSuggestionStore {
  constructor(
    private readonly pool: pg.Pool,
    /** Writes this process's waiting decision records first (the rank the vacancy was shown at is read from them). */
    private readonly settle: () => Promise<unknown> | void = () => undefined,
  ) {}

  async add(s: Omit<StoredJobSuggestion, 'id' | 'version' | 'history'>, first: JobSuggestionEvent): Promise<StoredJobSuggestion> {
    await this.settle();
    const id = await inTransaction(this.pool, async (c) => {
      // One open suggestion per client and vacancy: under READ COMMITTED two inserts guarded by
      // NOT EXISTS could both pass, so the pair's check and insert hold a transaction lock of its own.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`job-suggestion|${s.jobseekerId}|${s.vacancyId}`]);
      const open = (await c.query<{ id: number; state: JobSuggestionState }>(OPEN, [s.jobseekerId, s.vacancyId, s.createdAt])).rows[0];
      if (open) throw alreadySuggested(s.vacancyId, open.id, open.state);
      const { rows } = await c.query<{ id: number }>(
        `INSERT INTO job_suggestions (jobseeker_id, vacancy_id, unit, state, deadline, consent, note, created_at, created_key, created_name, shown_rank, rank_recorded)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${shownRankSql('$1::text', '$2::text', '$8::text')}, 1) RETURNING id`,
        [s.jobseekerId, s.vacancyId, s.unit, s.state, s.deadline, s.consent ? 1 : 0, s.note, s.createdAt, s.createdKey, s.createdName],
      );
      await c.query(EVENT, [rows[0]!.id, first.state, first.at, first.by, first.role, first.reason]);
      return rows[0]!.id;
    });
    return (await this.get(id))!;
  }

  async get(id: number): Promise<StoredJobSuggestion | undefined> {
    return (await this.withHistory((await this.pool.query<Row>('SELECT * FROM job_suggestions WHERE id = $1', [id])).rows))[0];
  }

  async ofJobseeker(jobseekerId: string): Promise<StoredJobSuggestion[]> {
    return this.withHistory((await this.pool.query<Row>('SELECT * FROM job_suggestions WHERE jobseeker_id = $1 ORDER BY id DESC', [jobseekerId])).rows);
  }

  async ofVacancy(vacancyId: string): Promise<StoredJobSuggestion[]> {
    return this.withHistory((await this.pool.query<Row>('SELECT * FROM job_suggestions WHERE vacancy_id = $1 ORDER BY id DESC', [vacancyId])).rows);
  }

  async change(id: number, version: number, state: JobSuggestionState, event: JobSuggestionEvent): Promise<boolean> {
    return inTransaction(this.pool, async (c) => {
      const { rowCount } = await c.query('UPDATE job_suggestions SET state = $1, version = version + 1 WHERE id = $2 AND version = $3', [state, id, version]);
      if (rowCount === 0) return false;
      await c.query(EVENT, [id, event.state, event.at, event.by, event.role, event.reason]);
      return true;
    });
  }

  async withdrawConsent(vacancyId: string, jobseekerId: string): Promise<void> {
    await this.pool.query('UPDATE job_suggestions SET consent = 0, version = version + 1 WHERE vacancy_id = $1 AND jobseeker_id = $2 AND consent = 1', [vacancyId, jobseekerId]);
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM job_suggestion_events WHERE suggestion_id IN (SELECT id FROM job_suggestions WHERE jobseeker_id = $1)', [jobseekerId]);
      await c.query('DELETE FROM job_suggestions WHERE jobseeker_id = $1', [jobseekerId]);
    });
  }

  private async withHistory(rows: Row[]): Promise<StoredJobSuggestion[]> {
    if (rows.length === 0) return [];
    const events = await this.pool.query<EventRow>(
      'SELECT suggestion_id, state, at, actor, role, reason FROM job_suggestion_events WHERE suggestion_id = ANY($1::bigint[]) ORDER BY id',
      [rows.map((r) => r.id)],
    );
    return suggestionsWithHistory(rows, events.rows);
  }
}
