import { z } from 'zod';
import { auditEntry } from '../privacy/schema.js';
import { plausibleDate, queryInt, recordId, singleLine } from '../schemas/common.js';

/**
 * GET /v1/admin/audit: the audit trail for admins, newest first, a page at a time, narrowed by
 * who (a person's name, a key's id or holder), organisation, route, client and period.
 */
export const auditSearch = z
  .object({
    person: singleLine(200).optional().describe("A person's name or a key's holder (part of it), or a key id"),
    organisation: recordId.optional().describe("The caller's organisation"),
    route: singleLine(200).optional().describe('Part of the route, e.g. /v1/jobseekers'),
    client: recordId.optional().describe('A jobseeker the request read, wrote or returned'),
    from: plausibleDate.optional().describe('From this day (UTC)'),
    to: plausibleDate.optional().describe('To this day, inclusive (UTC)'),
    before: queryInt(1, 999_999_999).optional().describe('The page after: the `next` of the previous page'),
    limit: queryInt(1, 500).default(50),
  })
  .strict();
export type AuditSearch = z.output<typeof auditSearch>;

export const auditEntryForAdmin = auditEntry.extend({ organisation: z.string().nullable(), address: z.string().nullable() });
export type AuditEntryForAdmin = z.infer<typeof auditEntryForAdmin>;

export const auditPage = z.object({
  entries: z.array(auditEntryForAdmin),
  next: z.number().optional().describe('More entries: ask again with before=<next>'),
});
export type AuditPage = z.infer<typeof auditPage>;
