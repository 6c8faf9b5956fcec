import type { SuggestionOutcome } from '../../core/what-works/schema.js';
import type { WhatWorksSource } from '../../core/what-works/service.js';
import type { ClientFacts, ReferralFacts } from '../../core/what-works/training-effects.js';
import type { Db } from './database.js';
import { dayAfter, suggestionOutcomes } from '../what-works-rows.js';
import { shownRankSql } from './shown-rank.js';


/**
 * The outcomes of job suggestions for the planners' "what works" report, in one grouped pass over the events: each
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
    // The clients are the referred ones' comparison pool: with no referral there is nothing to compare (300,000 read for nothing).
    if (referrals.length === 0) return { referrals, clients: [] };
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
    const area = (column: string) => (filter.municipalities ? `AND ${column} IN (SELECT value FROM json_each(@municipalities))` : '');
    const inArea: Record<string, string> = filter.municipalities ? { municipalities: JSON.stringify(filter.municipalities) } : {};
    // SQLite joins by looking each row up in an index (a few µs each, several per suggestion: most of the
    // 9 s Finland's 444,445 suggestions took). So the facts a suggestion only looks up are read once each,
    // in one pass, into maps: the clients' unemployment start, the vacancies' publication day, the clients'
    // pay-subsidised employments; only the events are joined, grouped per suggestion.
    const rows = this.db
      .prepare<Record<string, string>, { jobseeker_id: string; label: number; vacancy_id: string; created_at: string; states: string | null; hired_at: string | null; rank: number | null }>(
        `SELECT s.jobseeker_id, j.label, s.vacancy_id, s.created_at,
           group_concat(e.state) AS states,
           min(CASE WHEN e.state = 'hired' THEN e.at END) AS hired_at,
           CASE WHEN s.rank_recorded THEN s.shown_rank ELSE ${shownRankSql('s.jobseeker_id', 's.vacancy_id', 's.created_at')} END AS rank
         FROM job_suggestions s
         JOIN jobseekers j ON j.id = s.jobseeker_id
         LEFT JOIN job_suggestion_events e ON e.suggestion_id = s.id
         WHERE s.created_at >= @from AND s.created_at < @after ${area('j.municipality')}
         GROUP BY s.id`,
      )
      .all({
        from: filter.from,
        // The last day whole: everything before the next day.
        after: dayAfter(filter.to),
        ...inArea,
      });
    if (rows.length === 0) return [];
    const unemployedSince = new Map(
      this.db
        .prepare<Record<string, string>, [number, string]>(`SELECT label, unemployed_since FROM analytics_records WHERE kind = 'jobseekers' AND unemployed_since IS NOT NULL ${area('municipality')}`)
        .raw()
        .all(inArea),
    );
    const published = new Map(
      this.db
        .prepare<[], [string, string]>(`SELECT v.id, a.published FROM vacancies v JOIN analytics_records a ON a.kind = 'vacancies' AND a.label = v.label WHERE a.published IS NOT NULL`)
        .raw()
        .all(),
    );
    const subsidisedOn = new Map(
      this.db.prepare<[], [string, string]>(`SELECT jobseeker_id, group_concat(happened_on) FROM outcomes WHERE event = 'employed-subsidised' GROUP BY jobseeker_id`).raw().all(),
    );
    return suggestionOutcomes(
      rows.map((r) => ({
        jobseeker_id: r.jobseeker_id,
        created_at: r.created_at,
        unemployed_since: unemployedSince.get(r.label) ?? null,
        states: r.states,
        hired_at: r.hired_at,
        published: published.get(r.vacancy_id) ?? null,
        rank: r.rank,
        subsidised_on: subsidisedOn.get(r.jobseeker_id) ?? null,
      })),
    );
  }
}
