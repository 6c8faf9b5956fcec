import { z } from 'zod';
import { multiLine, recordId } from '../schemas/common.js';

/** Least length of the reason given for a transfer request or a refusal (the audit keeps it). */
export const TRANSFER_REASON_MIN = 10;

const reason = multiLine(2000).refine((r) => r.length >= TRANSFER_REASON_MIN, {
  message: `at least ${TRANSFER_REASON_MIN} characters: say why (the audit keeps it)`,
});

/** A counsellor asks to reach a client of another employment area: POST /v1/jobseekers/:id/transfers. */
export const transferRequest = z.object({ reason }).strict();
export type TransferRequest = z.infer<typeof transferRequest>;

/** A counsellor of the client's area (or an admin) refuses, saying why. */
export const transferRefusal = z.object({ reason }).strict();
export type TransferRefusal = z.infer<typeof transferRefusal>;

/** pending → approved | refused | withdrawn; pending and approved ones expire (shown as `expired`). */
export const TRANSFER_STATUSES = ['pending', 'approved', 'refused', 'withdrawn', 'expired'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const transferListQuery = z
  .object({
    direction: z.enum(['incoming', 'outgoing']).optional().describe("incoming: asked of my area (its clients); outgoing: asked by my area; both when left out"),
    status: z.enum(TRANSFER_STATUSES).optional(),
  })
  .strict();
export type TransferListQuery = z.infer<typeof transferListQuery>;

export const transferParams = z
  .object({ id: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a transfer number (decimal digits)').transform(Number) })
  .strict();

/** A transfer as the client's data export shows it (GDPR access request). */
export const transferExport = z.object({
  id: z.number(),
  fromArea: z.string().nullable(),
  toArea: z.string(),
  reason: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  expiresAt: z.string(),
  refusal: z.string().nullable(),
});
export type TransferExport = z.infer<typeof transferExport>;

/** The alerts of the audit view: GET /v1/audit/alerts. */
export const alertQuery = z
  .object({ days: z.coerce.number().int().min(1).max(366).default(30).describe('How many days back (default 30)') })
  .strict();
export type AlertQuery = z.infer<typeof alertQuery>;

/** A transfer as stored (see src/adapters/sqlite/transfers.ts). */
export const storedTransfer = z.object({
  id: z.number(),
  jobseekerId: recordId,
  /** The client's employment area when asked; null when no client has the id (nobody can approve it). */
  fromArea: z.string().nullable(),
  toArea: z.string(),
  requesterKey: z.string(),
  requesterName: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn']),
  requestedAt: z.string(),
  /** A pending request lapses, an approved transfer ends, at this time. */
  expiresAt: z.string(),
  decidedKey: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusal: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type StoredTransfer = z.infer<typeof storedTransfer>;

/**
 * A transfer as a caller sees it. The requesting side is not told the client's area (nor whether
 * the id belongs to anyone): only the approving side knows.
 */
export const transferView = z.object({
  id: z.number(),
  jobseekerId: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'other']).describe('other: seen by an admin'),
  fromArea: z.string().nullable().optional().describe("The client's area (incoming, admins)"),
  toArea: z.string(),
  requester: z.object({ keyId: z.string(), name: z.string() }),
  reason: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  requestedAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
  refusal: z.string().nullable(),
});
export type TransferView = z.infer<typeof transferView>;
export const transferList = z.object({ items: z.array(transferView) });

export const transferAlerts = z.object({
  since: z.string(),
  approved: z.array(
    z.object({
      transfer: z.number(),
      jobseekerId: z.string(),
      fromArea: z.string().nullable(),
      toArea: z.string(),
      requesterKey: z.string(),
      approvedBy: z.string().nullable(),
      approvedAt: z.string().nullable(),
      expiresAt: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  busyRequesters: z
    .array(z.object({ keyId: z.string(), name: z.string(), day: z.string(), requests: z.number() }))
    .describe('Counsellors with more transfer requests in one (UTC) day than KOHTAANTO_TRANSFER_ALERT_PER_DAY'),
  refusedIds: z
    .array(z.object({ keyId: z.string(), name: z.string(), day: z.string(), refused: z.number() }))
    .describe(
      "Counsellors with more writes refused in one (UTC) day than KOHTAANTO_REFUSED_IDS_ALERT_PER_DAY because the id is another area's client " +
        '(creating a client under such an id tells that someone is a client elsewhere: each refused id counts against KOHTAANTO_TRANSFER_REQUESTS_PER_DAY; ' +
        'the audit trail names the ids)',
    ),
});
export type TransferAlerts = z.infer<typeof transferAlerts>;
