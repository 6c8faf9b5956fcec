import type pg from 'pg';
import type { SuggestionOutcome } from '../../core/what-works/schema.js';
import type { WhatWorksSource } from '../../core/what-works/service.js';
import type { ClientFacts, ReferralFacts } from '../../core/what-works/training-effects.js';
import { dayAfter, suggestionOutcomes, type SuggestionRow } from '../what-works-rows.js';
import { shownRankSql } from './shown-rank.js';

/** Clients living in the area ($3: municipality codes; null: anywhere). */
const IN_AREA = '($3::text[] IS NULL OR j.municipality = ANY($3::text[]))';

/**
 * The outcomes of job suggestions and referrals for the planners' "what works" report in
 * PostgreSQL (see SqliteWhatWorksSource): the same reads, only the report's aggregates leave the core.
 */
export class PostgresWhatWorksSource implements WhatWorksSource {
  constructor(
    private readonly pool: pg.Pool,
    /** Writes this process's waiting decision records first (they are written in groups). */
    private readonly settle: () => Promise<unknown> | void = () => undefined,
  ) {}

  async trainingFacts(filter: { municipalities?: string[]; from: string; to: string }): Promise<{ referrals: ReferralFacts[]; clients: ClientFacts[] }> {
    const params = [filter.from, dayAfter(filter.to), filter.municipalities ?? null];
    const referrals = await this.pool.query<{ jobseeker_id: string; training_id: string; state: string | null; ended_on: string | null; title: string | null; provider: string | null }>(
      `SELECT r.jobseeker_id, r.training_id, r.state,
         (SELECT max(e.happened_on) FROM referral_events e WHERE e.referral_id = r.id AND e.state IN ('completed', 'interrupted')) AS ended_on,
         t.record ->> 'title' AS title, t.record ->> 'provider' AS provider
       FROM referrals r JOIN jobseekers j ON j.id = r.jobseeker_id LEFT JOIN trainings t ON t.id = r.training_id
       WHERE r.at >= $1 AND r.at < $2 AND ${IN_AREA} ORDER BY r.id`,
      params,
    );
    // The clients are the referred ones' comparison pool: with no referral there is nothing to compare.
    if (referrals.rows.length === 0) return { referrals: [], clients: [] };
    const employed = new Map<string, string[]>();
    const events = await this.pool.query<{ jobseeker_id: string; happened_on: string }>(
      `SELECT o.jobseeker_id, o.happened_on FROM outcomes o JOIN jobseekers j ON j.id = o.jobseeker_id
       WHERE o.event IN ('employed-open', 'employed-subsidised', 'self-employed') AND ($1::text[] IS NULL OR j.municipality = ANY($1::text[])) ORDER BY o.happened_on, o.id`,
      [filter.municipalities ?? null],
    );
    for (const e of events.rows) employed.set(e.jobseeker_id, [...(employed.get(e.jobseeker_id) ?? []), e.happened_on]);
    const clients = await this.pool.query<{ id: string; isco: string | null; since: string | null; born: number | null; referred: boolean }>(
      `SELECT j.id, a.isco, a.unemployed_since AS since, a.birth_year AS born, EXISTS (SELECT 1 FROM referrals r WHERE r.jobseeker_id = j.id) AS referred
       FROM jobseekers j JOIN analytics_records a ON a.kind = 'jobseekers' AND a.label = j.label
       WHERE ($1::text[] IS NULL OR j.municipality = ANY($1::text[])) ORDER BY j.label`,
      [filter.municipalities ?? null],
    );
    return {
      referrals: referrals.rows.map((r) => ({
        jobseekerId: r.jobseeker_id,
        trainingId: r.training_id,
        title: r.title ?? r.training_id,
        provider: r.provider ?? '–',
        state: r.state ?? 'referred',
        endedOn: r.ended_on,
      })),
      clients: clients.rows.map((c) => ({ jobseekerId: c.id, isco: c.isco, unemployedSince: c.since, birthYear: c.born, referred: c.referred, employed: employed.get(c.id) ?? [] })),
    };
  }

  async suggestionOutcomes(filter: { municipalities?: string[]; from: string; to: string }): Promise<SuggestionOutcome[]> {
    await this.settle();
    const { rows } = await this.pool.query<SuggestionRow>(
      // One pass (see SqliteWhatWorksSource): each suggestion joined with its events and grouped, the
      // clients' pay-subsidised employments grouped once, the rest joined (PostgreSQL hashes them).
      `SELECT s.jobseeker_id, s.created_at, min(a.unemployed_since) AS unemployed_since,
         string_agg(e.state, ',' ORDER BY e.id) AS states,
         min(e.at) FILTER (WHERE e.state = 'hired') AS hired_at,
         min(subsidised.days) AS subsidised_on,
         min(va.published) AS published,
         CASE WHEN s.rank_recorded = 1 THEN s.shown_rank ELSE ${shownRankSql('s.jobseeker_id', 's.vacancy_id', 's.created_at')} END AS rank
       FROM job_suggestions s
       JOIN jobseekers j ON j.id = s.jobseeker_id
       LEFT JOIN analytics_records a ON a.kind = 'jobseekers' AND a.label = j.label
       LEFT JOIN (SELECT jobseeker_id, string_agg(happened_on, ',') AS days FROM outcomes WHERE event = 'employed-subsidised' GROUP BY jobseeker_id) subsidised
         ON subsidised.jobseeker_id = s.jobseeker_id
       LEFT JOIN vacancies v ON v.id = s.vacancy_id
       LEFT JOIN analytics_records va ON va.kind = 'vacancies' AND va.label = v.label
       LEFT JOIN job_suggestion_events e ON e.suggestion_id = s.id
       WHERE s.created_at >= $1 AND s.created_at < $2 AND ${IN_AREA}
       GROUP BY s.id ORDER BY s.id`,
      // The last day whole: everything before the next day.
      [filter.from, dayAfter(filter.to), filter.municipalities ?? null],
    );
    return suggestionOutcomes(rows);
  }
}
