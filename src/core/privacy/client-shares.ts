import { unaudited, type AuditNote } from '../audit-note.js';
import type { Principal } from '../access.js';
import type { Clock } from '../clock.js';
import type { Guard } from '../guard.js';
import type { ClientShares, Share } from './schema.js';

export interface ClientSharesPorts {
  shares: { ofJobseeker(jobseekerId: string): Promise<Share[]> };
  /** The unit owning a vacancy now (null: none, or the vacancy is gone). */
  ownerOf(vacancyId: string): Promise<string | null>;
  /** A stored vacancy's title; undefined when it is not stored. */
  vacancyTitle(vacancyId: string): Promise<string | undefined>;
  /** An organisation's name; undefined when it is not stored. */
  unitName(organisationId: string): Promise<string | undefined>;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<unknown>;
  guard: Guard;
  now: Clock;
}

/**
 * A client's current shares with employer-services units, for the counsellor who may end one when
 * the client withdraws consent (DELETE /v1/vacancies/:id/shares/:jobseekerId). A share counts while
 * it has not expired and the vacancy is still owned by the unit it was made for (src/core/sharing.ts);
 * only those are listed. Read as the client's other data is: a counsellor of their area (or an admin),
 * another area's client and an unknown id get the same not found, and the read is audited under the client.
 */
export class ClientSharesList {
  constructor(private readonly ports: ClientSharesPorts) {}

  async of(p: Principal, jobseekerId: string, audit: AuditNote = unaudited()): Promise<ClientShares> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.guard.jobseeker(p, jobseekerId); // first: another area's client and an unknown id get one answer
    await this.ports.jobseeker(jobseekerId);
    const now = this.ports.now().toISOString();
    const items: ClientShares['items'] = [];
    for (const share of await this.ports.shares.ofJobseeker(jobseekerId)) {
      if (share.expiresAt <= now || (await this.ports.ownerOf(share.vacancyId)) !== share.owner) continue;
      items.push({
        vacancyId: share.vacancyId,
        vacancyTitle: (await this.ports.vacancyTitle(share.vacancyId)) ?? null,
        unit: { id: share.owner, name: (await this.ports.unitName(share.owner)) ?? share.owner },
        sharedAt: share.at,
        sharedBy: share.sharedBy ?? null,
        expiresAt: share.expiresAt,
      });
    }
    return { items };
  }
}
