import type { JobSuggestionEvent, JobSuggestionState, StoredJobSuggestion } from '../../core/job-suggestions/schema.js';

/** A row of `job_suggestions`, the same in SQLite and PostgreSQL. */
export type SuggestionRow = {
  id: number;
  jobseeker_id: string;
  vacancy_id: string;
  unit: string | null;
  state: JobSuggestionState;
  deadline: string;
  consent: number;
  note: string | null;
  created_at: string;
  created_key: string;
  created_name: string;
  version: number;
};
/** A row of `job_suggestion_events`. */
export type SuggestionEventRow = { suggestion_id: number; state: JobSuggestionState; at: string; actor: string; role: string; reason: string | null };

/** The suggestions of these rows, each with its history from `events` (in the order they happened). */
export function suggestionsWithHistory(rows: SuggestionRow[], events: Iterable<SuggestionEventRow>): StoredJobSuggestion[] {
  const history = new Map<number, JobSuggestionEvent[]>();
  for (const e of events) {
    const list = history.get(e.suggestion_id) ?? [];
    list.push({ state: e.state, at: e.at, by: e.actor, role: e.role, reason: e.reason });
    history.set(e.suggestion_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    jobseekerId: r.jobseeker_id,
    vacancyId: r.vacancy_id,
    unit: r.unit,
    state: r.state,
    deadline: r.deadline,
    consent: r.consent === 1,
    note: r.note,
    createdAt: r.created_at,
    createdKey: r.created_key,
    createdName: r.created_name,
    version: r.version,
    history: history.get(r.id) ?? [],
  }));
}
