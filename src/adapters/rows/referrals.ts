import type { Referral, ReferralEvent, ReferralState } from '../../core/referrals/schema.js';

/** A row of `referrals`, the same in SQLite and PostgreSQL. */
export type ReferralRow = { id: number; jobseeker_id: string; training_id: string; key_id: string; counsellor: string; reason: string | null; at: string; state: ReferralState | null; version: number };
/** A row of `referral_events`. */
export type ReferralEventRow = { referral_id: number; state: ReferralState; happened_on: string; at: string; actor: string; role: string; note: string | null };

/** The referrals of these rows, each with its history from `events` (in the order they happened). */
export function referralsWithHistory(rows: ReferralRow[], events: Iterable<ReferralEventRow>): Referral[] {
  const history = new Map<number, ReferralEvent[]>();
  for (const e of events) {
    const list = history.get(e.referral_id) ?? [];
    list.push({ state: e.state, on: e.happened_on, at: e.at, by: e.actor, role: e.role, note: e.note });
    history.set(e.referral_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    jobseekerId: r.jobseeker_id,
    trainingId: r.training_id,
    keyId: r.key_id,
    counsellor: r.counsellor,
    reason: r.reason,
    at: r.at,
    state: r.state ?? 'referred',
    version: r.version,
    history: history.get(r.id) ?? [],
  }));
}
