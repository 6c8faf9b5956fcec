import { z } from 'zod';
import { jobSearchExport } from '../job-search/schema.js';
import { jobSuggestionView } from '../job-suggestions/schema.js';
import { referralExport } from '../referrals/schema.js';
import { outcomeExport } from '../outcomes/schema.js';
import { queryInt, recordId } from '../schemas/common.js';
import { storedJobseeker } from '../jobseekers/schema.js';
import { decisionsExport, override } from '../oversight/schema.js';
import { transferExport } from '../transfers/schema.js';

/** An entry of the audit trail as answered (GET /v1/audit). */
export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  keyId: z.string().nullable(),
  person: z.string().optional().describe('A person signed in with an identity provider: their name (keyId is person:<provider>:<subject>)'),
  role: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  status: z.number(),
  jobseekers: z.array(z.string()).describe('Jobseekers read or returned; `detail` refers to them by position'),
  detail: z.unknown(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

/** An entry of the audit trail as stored (src/adapters/sqlite/audit-log.ts): with the caller's network address. */
export const auditRecord = auditEntry.extend({ address: z.string().nullable() });
export type AuditRecord = z.infer<typeof auditRecord>;

/** When a jobseeker was erased, and by which key. */
export const erasure = z.object({ erasedAt: z.string(), keyId: z.string().nullable() });
export type Erasure = z.infer<typeof erasure>;

/** GET /v1/audit */
export const auditQuery = z.object({ jobseeker: recordId.optional(), limit: queryInt(1, 10_000).default(100) }).strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditTrail = z.object({ entries: z.array(auditEntry), erasure: erasure.optional() });
export type AuditTrail = z.infer<typeof auditTrail>;

/** A share of a client with the unit that owns a vacancy, as stored (src/adapters/sqlite/shares.ts). */
export const share = z.object({
  vacancyId: z.string(),
  jobseekerId: z.string(),
  owner: z.string(),
  keyId: z.string(),
  at: z.string(),
  expiresAt: z.string(),
  /** The counsellor's name when they shared (none for shares made by a key no longer stored before schema 26). */
  sharedBy: z.string().optional(),
});
export type Share = z.infer<typeof share>;

/** POST /v1/vacancies/:id/shares */
export const shareInput = z.object({ jobseekerId: recordId }).strict();
/** A share by its vacancy and client (ending it early). */
export const vacancyShareParams = z.object({ id: recordId, jobseekerId: recordId });
export const shareView = share.pick({ vacancyId: true, jobseekerId: true, expiresAt: true });
export type ShareView = z.infer<typeof shareView>;
/** GET /v1/jobseekers/:id/shares: one of a client's current shares, as the client page lists it. */
export const clientShare = z.object({
  vacancyId: z.string(),
  vacancyTitle: z.string().nullable().describe('null when the vacancy is no longer stored'),
  unit: z.object({ id: z.string(), name: z.string() }).describe('The employer-services unit that owns the vacancy and sees the client by name'),
  sharedAt: z.string(),
  sharedBy: z.string().nullable().describe("The counsellor's name when they shared; null for an older share whose key is gone"),
  expiresAt: z.string(),
});
export type ClientShare = z.infer<typeof clientShare>;
export const clientShares = z.object({ items: z.array(clientShare).describe('Unexpired shares for vacancies still owned by the unit shared with, oldest first') });
export type ClientShares = z.infer<typeof clientShares>;
/** A share in the client's data export. */
export const shareExport = share.pick({ vacancyId: true, at: true, expiresAt: true });
export type ShareExport = z.infer<typeof shareExport>;

/** GET /v1/jobseekers/:id/export: everything held on a jobseeker (GDPR access request). */
export const personalDataExport = z.object({
  jobseeker: storedJobseeker,
  sharedWithEmployerServices: z.array(shareExport),
  referrals: z.array(referralExport).describe('Referrals to trainings, each with its state and the history of its changes'),
  accessLog: z.array(auditEntry.omit({ jobseekers: true, detail: true })),
  decisions: decisionsExport,
  counsellorOverrides: z.array(override.omit({ jobseekerId: true })),
  transfers: z.array(transferExport).describe('Transfers of the client between employment areas'),
  jobSuggestions: z.array(jobSuggestionView.omit({ jobseekerId: true })).describe('Vacancies suggested to the client, with what became of each'),
  jobSearch: jobSearchExport.describe("The client's job-search obligation changes and the applications they reported"),
  outcomes: z.array(outcomeExport).describe('Labour-market events from registers (employed, training, other service, left the register), oldest first'),
});

/** POST /v1/admin/compact */
export const compaction = z.object({ dropped: z.object({ jobseekers: z.number(), vacancies: z.number() }) });
