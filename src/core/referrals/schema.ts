import { z } from 'zod';
import { multiLine, pastDate, recordId } from '../schemas/common.js';
import { REFERRAL_STATES, SETTABLE_REFERRAL_STATES } from './states.js';

export { NEXT_REFERRAL_STATES, REFERRAL_STATES, SETTABLE_REFERRAL_STATES, type ReferralState, type SettableReferralState } from './states.js';

/** POST /v1/referrals: refer a client to a training. */
export const referralInput = z.object({ jobseekerId: recordId, trainingId: recordId, reason: multiLine(2000).optional() }).strict();
export type ReferralInput = z.infer<typeof referralInput>;

/** POST /v1/referrals/:id/state: the counsellor's (or, through the same route, the provider's) update. */
export const referralChange = z
  .object({
    state: z.enum(SETTABLE_REFERRAL_STATES),
    on: pastDate.optional().describe('The day it happened (YYYY-MM-DD; default today): not before the previous change, not in the future'),
    note: multiLine(1000).optional().describe('A note (required for declined: say why)'),
    version: z.number().int().min(1).describe('The version read: a change made by someone else since is refused (412), not overwritten'),
  })
  .strict();
export type ReferralChange = z.infer<typeof referralChange>;

export const referralParams = z
  .object({ id: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a referral number (decimal digits)').transform(Number) })
  .strict();

/** One change of a referral's state: the day it happened, when it was recorded, by whom. */
export const referralEvent = z.object({
  state: z.enum(REFERRAL_STATES),
  on: z.string().describe('The day it happened'),
  at: z.string().describe('When it was recorded'),
  by: z.string().describe('The name of the person or key that recorded it'),
  role: z.string(),
  note: z.string().nullable(),
});
export type ReferralEvent = z.infer<typeof referralEvent>;

/** A referral as stored (src/adapters/sqlite/referrals.ts) and answered. */
export const referral = z.object({
  id: z.number(),
  jobseekerId: z.string(),
  trainingId: z.string(),
  keyId: z.string(),
  counsellor: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  state: z.enum(REFERRAL_STATES),
  version: z.number(),
  history: z.array(referralEvent),
});
export type Referral = z.infer<typeof referral>;

/** GET /v1/jobseekers/:id/referrals */
export const referralList = z.object({ items: z.array(referral) });
export type ReferralList = z.infer<typeof referralList>;

/** A referral in the client's data export (GDPR access request). */
export const referralExport = referral.pick({ trainingId: true, counsellor: true, reason: true, at: true, state: true, history: true });
export type ReferralExport = z.infer<typeof referralExport>;
