import type { SuggestionOutcome } from '../../core/what-works/schema.js';
import type { WhatWorksSource } from '../../core/what-works/service.js';
import type { ClientFacts, ReferralFacts } from '../../core/what-works/training-effects.js';
import type { Db } from './database.js';
import { dayAfter, suggestionOutcome, type SuggestionRow } from '../what-works-rows.js';
import { shownRankSql } from './shown-rank.js';


/**
 * The outcomes of job suggestions for the planners' "what works" report, in one query: each
 * suggestion made in the period to a client living in the area, the states it reached, the client's
 * unemployment start, the vacancy's publication day and the vacancy's position in the last ranking
 * of the client's vacancies served before the suggestion (kept with the suggestion when it was made;
 * for suggestions older than that, read from the decision records within 30 days). Only the
 * report's aggregates leave the core.
 */
export class SqliteWhatWorksSource implements WhatWorksSource {
  constructor(
    private readonly db: Db,
    /** Writes this process's waiting decision records first (they are written in groups: see SqliteDecisionLog). */
    private readonly settle: () => void = () => undefined,
  ) {}

  async trainingFacts(filter: { municipalities?: string[]; from: string; to: string }): Promise<{ referrals: ReferralFacts[]; clients: ClientFacts[] }> {
    const area = filter.municipalities ? 'AND j.municipality IN (SELECT value FROM json_each(@municipalities))' : '';
    const params = {
      from: filter.from,
      after: dayAfter(filter.to),
      ...(filter.municipalities ? { municipalities: JSON.stringify(filter.municipalities) } : {}),
    };
    const referrals = this.db
      .prepare<Record<string, string>, { jobseeker_id: string; training_id: string; state: string | null; ended_on: string | null; title: string | null; provider: string | null }>(
        `SELECT r.jobseeker_id, r.training_id, r.state,
           (SELECT max(e.happened_on) FROM referral_events e WHERE e.referral_id = r.id AND e.state IN ('completed', 'interrupted')) AS ended_on,
           t.record ->> '$.title' AS title, t.record ->> '$.provider' AS provider
         FROM referrals r JOIN jobseekers j ON j.id = r.jobseeker_id LEFT JOIN trainings t ON t.id = r.training_id
         WHERE r.at >= @from AND r.at < @after ${area}`,
      )
      .all(params)
      .map((r) => ({
        jobseekerId: r.jobseeker_id,
        trainingId: r.training_id,
        title: r.title ?? r.training_id,
        provider: r.provider ?? '–',
        state: r.state ?? 'referred',
        endedOn: r.ended_on,
      }));
    const employed = new Map<string, string[]>();
    const events = this.db
      .prepare<Record<string, string>, { jobseeker_id: string; happened_on: string }>(
        `SELECT o.jobseeker_id, o.happened_on FROM outcomes o JOIN jobseekers j ON j.id = o.jobseeker_id
         WHERE o.event IN ('employed-open', 'employed-subsidised', 'self-employed') ${area} ORDER BY o.happened_on`,
      )
      .all(filter.municipalities ? { municipalities: params.municipalities! } : {});
    for (const e of events) employed.set(e.jobseeker_id, [...(employed.get(e.jobseeker_id) ?? []), e.happened_on]);
    // The clients' facts from the analytics columns (schema step 24), not their records' JSON; the clients
    // read first (CROSS JOIN: for all of Finland their ids from the id index alone), then their facts by key.
    const clients = this.db
      .prepare<Record<string, string>, { id: string; isco: string | null; since: string | null; born: number | null; referred: number }>(
        `SELECT j.id, a.isco, a.unemployed_since AS since, a.birth_year AS born, EXISTS (SELECT 1 FROM referrals r WHERE r.jobseeker_id = j.id) AS referred
         FROM jobseekers j CROSS JOIN analytics_records a ON a.kind = 'jobseekers' AND a.label = j.label WHERE 1 ${area}`,
      )
      .all(filter.municipalities ? { municipalities: params.municipalities! } : {})
      .map((c) => ({ jobseekerId: c.id, isco: c.isco, unemployedSince: c.since, birthYear: c.born, referred: c.referred === 1, employed: employed.get(c.id) ?? [] }));
    return { referrals, clients };
  }

  async suggestionOutcomes(filter: { municipalities?: string[]; from: string; to: string }): Promise<SuggestionOutcome[]> {
    this.settle();
    const area = filter.municipalities ? 'AND j.municipality IN (SELECT value FROM json_each(@municipalities))' : '';
    const rows = this.db
      .prepare<Record<string, string>, SuggestionRow>(
        `SELECT s.jobseeker_id, s.created_at, a.unemployed_since,
           (SELECT group_concat(e.state) FROM job_suggestion_events e WHERE e.suggestion_id = s.id) AS states,
           (SELECT min(e.at) FROM job_suggestion_events e WHERE e.suggestion_id = s.id AND e.state = 'hired') AS hired_at,
           (SELECT group_concat(o.happened_on) FROM outcomes o WHERE o.jobseeker_id = s.jobseeker_id AND o.event = 'employed-subsidised') AS subsidised_on,
           (SELECT va.published FROM vacancies v JOIN analytics_records va ON va.kind = 'vacancies' AND va.label = v.label WHERE v.id = s.vacancy_id) AS published,
           CASE WHEN s.rank_recorded THEN s.shown_rank ELSE ${shownRankSql('s.jobseeker_id', 's.vacancy_id', 's.created_at')} END AS rank
         FROM job_suggestions s
         JOIN jobseekers j ON j.id = s.jobseeker_id
         LEFT JOIN analytics_records a ON a.kind = 'jobseekers' AND a.label = j.label
         WHERE s.created_at >= @from AND s.created_at < @after ${area}`,
      )
      .all({
        from: filter.from,
        // The last day whole: everything before the next day.
        after: dayAfter(filter.to),
        ...(filter.municipalities ? { municipalities: JSON.stringify(filter.municipalities) } : {}),
      });
    return rows.map(suggestionOutcome);
  }
}
