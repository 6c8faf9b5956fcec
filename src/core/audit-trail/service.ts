import { invalidInput, problem } from '../errors.js';
import type { AuditPage, AuditSearch } from './schema.js';

export interface AuditTrailPorts {
  /** Entries matching the search, newest first, at most `limit` + 1 of them (the one more tells that a next page exists). */
  search(search: AuditSearch): Promise<AuditPage['entries']>;
}

/** The audit trail as admins page through it (src/web/pages/Admin.tsx). */
export class AuditTrailSearch {
  constructor(private readonly ports: AuditTrailPorts) {}

  async page(search: AuditSearch): Promise<AuditPage> {
    if (search.from && search.to && search.from > search.to) {
      throw invalidInput([problem('to', 'period_order')]);
    }
    const found = await this.ports.search(search);
    const entries = found.slice(0, search.limit);
    return found.length > search.limit ? { entries, next: entries[entries.length - 1]!.id } : { entries };
  }
}
