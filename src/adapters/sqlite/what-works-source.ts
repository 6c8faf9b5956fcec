import type { FunnelStep, SuggestionOutcome } from '../../core/what-works/schema.js';
import type { WhatWorksSource } from '../../core/what-works/service.js';
import type { Db } from './database.js';

/** How far back a ranking counts as the one a suggestion was made from (days). */
const RANKING_WINDOW_DAYS = 30;

/** The furthest funnel step among a suggestion's states (an interview implies an application, a hire every step). */
const STEP_OF: Record<string, FunnelStep | undefined> = { applied: 'applied', interview: 'interview', offer: 'offer', hired: 'hired' };
const ORDER: FunnelStep[] = ['suggested', 'applied', 'interview', 'offer', 'hired'];

interface Row {
  jobseeker_id: string;
  created_at: string;
  unemployed_since: string | null;
  states: string | null;
  hired_at: string | null;
  published: string | null;
  rank: number | null;
}

/**
 * The outcomes of job suggestions for the planners' "what works" report, in one query: each
 * suggestion made in the period to a client living in the area, the states it reached, the client's
 * unemployment start, the vacancy's publication day and the vacancy's position in the last ranking
 * of the client's vacancies served before the suggestion (within 30 days; from the decision records,
 * joined here and nowhere else). Only the report's aggregates leave the core.
 */
export class SqliteWhatWorksSource implements WhatWorksSource {
  constructor(
    private readonly db: Db,
    /** Writes this process's waiting decision records first (they are written in groups: see SqliteDecisionLog). */
    private readonly settle: () => void = () => undefined,
  ) {}

  suggestionOutcomes(filter: { municipalities?: string[]; from: string; to: string }): SuggestionOutcome[] {
    this.settle();
    const area = filter.municipalities ? 'AND j.municipality IN (SELECT value FROM json_each(@municipalities))' : '';
    const rows = this.db
      .prepare<Record<string, string>, Row>(
        `SELECT s.jobseeker_id, s.created_at, a.unemployed_since,
           (SELECT group_concat(e.state) FROM job_suggestion_events e WHERE e.suggestion_id = s.id) AS states,
           (SELECT min(e.at) FROM job_suggestion_events e WHERE e.suggestion_id = s.id AND e.state = 'hired') AS hired_at,
           (SELECT va.published FROM vacancies v JOIN analytics_records va ON va.kind = 'vacancies' AND va.label = v.label WHERE v.id = s.vacancy_id) AS published,
           (SELECT CAST(r.key AS INTEGER) + 1 FROM decisions d, json_each(d.ranked) r
             WHERE d.subject = s.jobseeker_id AND d.direction = 'vacancies'
               AND d.at <= s.created_at AND d.at >= strftime('%Y-%m-%dT%H:%M:%fZ', s.created_at, '-${RANKING_WINDOW_DAYS} days')
               AND r.value ->> '$[0]' = s.vacancy_id
             ORDER BY d.id DESC LIMIT 1) AS rank
         FROM job_suggestions s
         JOIN jobseekers j ON j.id = s.jobseeker_id
         LEFT JOIN analytics_records a ON a.kind = 'jobseekers' AND a.label = j.label
         WHERE s.created_at >= @from AND s.created_at < @after ${area}`,
      )
      .all({
        from: filter.from,
        // The last day whole: everything before the next day.
        after: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
        ...(filter.municipalities ? { municipalities: JSON.stringify(filter.municipalities) } : {}),
      });
    return rows.map((r) => {
      let reached: FunnelStep = 'suggested';
      for (const state of r.states?.split(',') ?? []) {
        const step = STEP_OF[state];
        if (step && ORDER.indexOf(step) > ORDER.indexOf(reached)) reached = step;
      }
      const suggestedOn = r.created_at.slice(0, 10);
      const yearBefore = new Date(Date.parse(`${suggestedOn}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
      const days = (a: string, b: string) => Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
      return {
        jobseekerId: r.jobseeker_id,
        reached,
        rank: r.rank,
        longTerm: r.unemployed_since !== null && r.unemployed_since <= yearBefore,
        daysToHire: reached === 'hired' && r.hired_at && r.published ? Math.max(0, days(r.published, r.hired_at)) : null,
      };
    });
  }
}
