import { z } from 'zod';
import { multiLine, recordId } from '../schemas/common.js';

/** POST /v1/referrals: refer a client to a training. */
export const referralInput = z.object({ jobseekerId: recordId, trainingId: recordId, reason: multiLine(2000).optional() }).strict();
export type ReferralInput = z.infer<typeof referralInput>;

/** A referral as stored (src/adapters/sqlite/referrals.ts) and answered. */
export const referral = z.object({
  id: z.number(),
  jobseekerId: z.string(),
  trainingId: z.string(),
  keyId: z.string(),
  counsellor: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type Referral = z.infer<typeof referral>;

/** GET /v1/jobseekers/:id/referrals */
export const referralList = z.object({ items: z.array(referral) });
export type ReferralList = z.infer<typeof referralList>;

/** A referral in the client's data export (GDPR access request). */
export const referralExport = referral.pick({ trainingId: true, counsellor: true, reason: true, at: true });
export type ReferralExport = z.infer<typeof referralExport>;
