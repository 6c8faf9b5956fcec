// No imports: the web app takes the table from here too (without zod).

/**
 * A referral of a client to a training, and what became of it:
 * `referred → accepted → started → completed | interrupted`; before it starts, the client or the
 * provider may say no (`declined`, with a note) or the counsellor may call it off (`cancelled`).
 */
export const REFERRAL_STATES = ['referred', 'accepted', 'started', 'completed', 'interrupted', 'declined', 'cancelled'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
/** The states a change may set (`referred` is where each referral begins). */
export const SETTABLE_REFERRAL_STATES = ['accepted', 'started', 'completed', 'interrupted', 'declined', 'cancelled'] as const;
export type SettableReferralState = (typeof SETTABLE_REFERRAL_STATES)[number];

/** Which state may follow which; a state with none is final. */
export const NEXT_REFERRAL_STATES: Record<ReferralState, readonly SettableReferralState[]> = {
  referred: ['accepted', 'declined', 'cancelled'],
  accepted: ['started', 'declined', 'cancelled'],
  started: ['completed', 'interrupted'],
  completed: [],
  interrupted: [],
  declined: [],
  cancelled: [],
};
