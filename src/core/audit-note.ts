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
