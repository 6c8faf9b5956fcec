/**
 * What a use case tells the audit trail about the request it serves: which jobseekers it touched,
 * and what it decided (a ranking's scores, a transfer's reason...). The HTTP layer hands each use
 * case its request's note and writes the entry when the answer is sent (src/http/audit.ts).
 */
export interface AuditNote {
  jobseekers: string[];
  detail?: unknown;
}

/** A note no one writes: for use cases called outside a request (commands, in-process tests). */
export const unaudited = (): AuditNote => ({ jobseekers: [] });

/**
 * Detail fields holding what someone wrote about a client in their own words (a transfer's reason
 * or refusal, why the job-search obligation changed). The trail keeps them while the client is
 * kept; erasing the client drops them with the id (src/adapters/sqlite/audit-log.ts).
 */
export const FREE_TEXT_DETAILS = ['reason', 'refused'] as const;
