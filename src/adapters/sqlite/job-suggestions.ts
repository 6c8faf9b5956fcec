import type { JobSuggestionEvent, JobSuggestionState, StoredJobSuggestion } from '../../core/job-suggestions/schema.js';
import { alreadySuggested, type JobSuggestionStore } from '../../core/job-suggestions/service.js';
import { NEXT_STATES } from '../../core/job-suggestions/states.js';
import type { Db } from './database.js';
import { suggestionsWithHistory, type SuggestionEventRow as EventRow, type SuggestionRow as Row } from '../rows/job-suggestions.js';
import { shownRankSql } from './shown-rank.js';

/** States something may still follow (a `suggested` one past its deadline has expired: final too). */
const OPEN_STATES = Object.entries(NEXT_STATES).flatMap(([state, next]) => (next.length > 0 ? [`'${state}'`] : [])).join(', ');

/** The client's open suggestion of the vacancy on the day of `@at` (see JobSuggestions' isFinal). */
const OPEN = `FROM job_suggestions
  WHERE jobseeker_id = @jobseeker AND vacancy_id = @vacancy AND state IN (${OPEN_STATES})
    AND NOT (state = 'suggested' AND deadline < substr(@at, 1, 10))`;

/**
 * Job suggestions and their history (see src/core/job-suggestions/service.ts), read from the tables
 * every time so that all worker processes share them. Personal data: erased with the client.
 */
export class SqliteJobSuggestionStore implements JobSuggestionStore {
  private readonly s;

  constructor(
    private readonly db: Db,
    /** Writes this process's waiting decision records first (the rank the vacancy was shown at is read from them). */
    private readonly settle: () => void = () => undefined,
  ) {
    this.s = {
      // The rank at which the engine last showed the vacancy to the client's counsellor is kept with the
      // suggestion (for the planners' "what works"), so that it outlives the decision records' retention.
      // Nothing is inserted while the client has an open suggestion of the vacancy (checked in the same
      // statement, inside the IMMEDIATE transaction: two suggest calls at once cannot both insert).
      insert: db.prepare<Record<string, string | number | null>, { id: number }>(
        `INSERT INTO job_suggestions (jobseeker_id, vacancy_id, unit, state, deadline, consent, note, created_at, created_key, created_name, shown_rank, rank_recorded)
         SELECT @jobseeker, @vacancy, @unit, @state, @deadline, @consent, @note, @at, @key, @name, ${shownRankSql('@jobseeker', '@vacancy', '@at')}, 1
         WHERE NOT EXISTS (SELECT 1 ${OPEN}) RETURNING id`,
      ),
      open: db.prepare<Record<string, string>, { id: number; state: JobSuggestionState }>(`SELECT id, state ${OPEN} LIMIT 1`),
      event: db.prepare<[number, string, string, string, string, string | null]>(
        'INSERT INTO job_suggestion_events (suggestion_id, state, at, actor, role, reason) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[number], Row>('SELECT * FROM job_suggestions WHERE id = ?'),
      ofJobseeker: db.prepare<[string], Row>('SELECT * FROM job_suggestions WHERE jobseeker_id = ? ORDER BY id DESC'),
      ofVacancy: db.prepare<[string], Row>('SELECT * FROM job_suggestions WHERE vacancy_id = ? ORDER BY id DESC'),
      events: db.prepare<[string], EventRow>(
        'SELECT suggestion_id, state, at, actor, role, reason FROM job_suggestion_events WHERE suggestion_id IN (SELECT value FROM json_each(?)) ORDER BY id',
      ),
      change: db.prepare<[string, number, number]>('UPDATE job_suggestions SET state = ?, version = version + 1 WHERE id = ? AND version = ?'),
      withdraw: db.prepare<[string, string]>('UPDATE job_suggestions SET consent = 0, version = version + 1 WHERE vacancy_id = ? AND jobseeker_id = ? AND consent = 1'),
      forgetEvents: db.prepare<[string]>('DELETE FROM job_suggestion_events WHERE suggestion_id IN (SELECT id FROM job_suggestions WHERE jobseeker_id = ?)'),
      forget: db.prepare<[string]>('DELETE FROM job_suggestions WHERE jobseeker_id = ?'),
    };
  }

  async add(s: Omit<StoredJobSuggestion, 'id' | 'version' | 'history'>, first: JobSuggestionEvent): Promise<StoredJobSuggestion> {
    this.settle();
    const id = this.db.transaction(() => {
      const inserted = this.s.insert.get({
        jobseeker: s.jobseekerId,
        vacancy: s.vacancyId,
        unit: s.unit,
        state: s.state,
        deadline: s.deadline,
        consent: s.consent ? 1 : 0,
        note: s.note,
        at: s.createdAt,
        key: s.createdKey,
        name: s.createdName,
      });
      if (!inserted) {
        const open = this.s.open.get({ jobseeker: s.jobseekerId, vacancy: s.vacancyId, at: s.createdAt })!;
        throw alreadySuggested(s.vacancyId, open.id, open.state);
      }
      this.s.event.run(inserted.id, first.state, first.at, first.by, first.role, first.reason);
      return inserted.id;
    }).immediate();
    return (await this.get(id))!;
  }

  async get(id: number): Promise<StoredJobSuggestion | undefined> {
    const row = this.s.get.get(id);
    return row && this.withHistory([row])[0];
  }

  async ofJobseeker(jobseekerId: string): Promise<StoredJobSuggestion[]> {
    return this.withHistory(this.s.ofJobseeker.all(jobseekerId));
  }

  async ofVacancy(vacancyId: string): Promise<StoredJobSuggestion[]> {
    return this.withHistory(this.s.ofVacancy.all(vacancyId));
  }

  async change(id: number, version: number, state: JobSuggestionState, event: JobSuggestionEvent): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.s.change.run(state, id, version).changes === 0) return false;
      this.s.event.run(id, event.state, event.at, event.by, event.role, event.reason);
      return true;
    }).immediate();
  }

  async withdrawConsent(vacancyId: string, jobseekerId: string): Promise<void> {
    this.s.withdraw.run(vacancyId, jobseekerId);
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.db.transaction(() => {
      this.s.forgetEvents.run(jobseekerId);
      this.s.forget.run(jobseekerId);
    }).immediate();
  }

  private withHistory(rows: Row[]): StoredJobSuggestion[] {
    if (rows.length === 0) return [];
    return suggestionsWithHistory(rows, this.s.events.all(JSON.stringify(rows.map((r) => r.id))));
  }
}
