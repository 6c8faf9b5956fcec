import { createHmac, randomBytes } from 'node:crypto';
import type { Principal } from './access.js';
import { discloseCandidates } from './disclosure.js';
import { invalidInput, rateLimited } from './errors.js';
import type { Guard } from './guard.js';
import type { MatchHit } from './schemas/match.js';

/** A share as stored (see src/adapters/sqlite/shares.ts). */
export interface Share {
  vacancyId: string;
  jobseekerId: string;
  owner: string;
  keyId: string;
  at: string;
  expiresAt: string;
}

export interface SharingPorts {
  shares: {
    add(share: Share): void;
    activeFor(vacancyId: string, owner: string, now: string): Set<string>;
  };
  owners: { ownerOf(vacancyId: string): string | null };
  /** Throws not found for an unknown vacancy. */
  vacancy(id: string): unknown;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): { name?: string; contact?: { email?: string; phone?: string } };
  guard: Guard;
  /** Keys pseudonyms; kept outside the database file (see src/runtime/secret.ts). */
  pseudonymKey: Buffer;
  now?: () => Date;
}

export interface SharingSettings {
  /** Days a share lasts. */
  shareDays: number;
  /** Ad-hoc searches for jobseekers (target=jobseekers) a key may make per hour (admins: no limit). */
  adHocSearchesPerHour: number;
  /** Most hits of an ad-hoc search for jobseekers (admins: the match limit). */
  adHocMaxK: number;
}

export const DEFAULT_SHARING_SETTINGS: SharingSettings = { shareDays: 30, adHocSearchesPerHour: 30, adHocMaxK: 20 };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Who sees which candidate as a person. Employer services see candidates by pseudonym — keyed per
 * vacancy, so that two lists cannot be joined — with name and contact details only for those a
 * counsellor shared for that vacancy while its unit owns it. Counsellors see their own area's
 * clients as persons. Ad-hoc searches for jobseekers get a fresh pseudonym key per request and
 * are limited in size and rate, so the population cannot be harvested.
 */
export class Sharing {
  private readonly now: () => Date;
  private readonly adHocUse = new Map<string, number[]>();

  constructor(
    private readonly ports: SharingPorts,
    private readonly settings: SharingSettings,
  ) {
    this.now = ports.now ?? (() => new Date());
  }

  /** A counsellor shares a client of their area with the unit that owns the vacancy. */
  share(p: Principal, vacancyId: string, jobseekerId: string): Share {
    this.ports.vacancy(vacancyId);
    this.ports.guard.jobseeker(p, jobseekerId); // first: another area's client and an unknown id get one answer
    this.ports.jobseeker(jobseekerId);
    const now = this.now();
    const share: Share = {
      vacancyId,
      jobseekerId,
      owner: this.ports.owners.ownerOf(vacancyId) ?? '',
      keyId: p.keyId,
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.shareDays * DAY_MS).toISOString(),
    };
    this.ports.shares.add(share);
    return share;
  }

  /** A vacancy's candidate list as the caller may see it. */
  candidatesOf(p: Principal, vacancyId: string, hits: MatchHit[]): MatchHit[] {
    const owner = this.ports.owners.ownerOf(vacancyId) ?? '';
    const key = createHmac('sha256', this.ports.pseudonymKey).update(`vacancy\0${vacancyId}`).digest();
    return this.disclose(p, hits, key, this.ports.shares.activeFor(vacancyId, owner, this.now().toISOString()));
  }

  /** Candidates for ad-hoc text, with pseudonyms for this answer only. */
  adHocCandidates(p: Principal, hits: MatchHit[]): MatchHit[] {
    return this.disclose(p, hits, randomBytes(32), new Set());
  }

  /** Checks an ad-hoc search for jobseekers against the limits before it runs, and counts it. */
  admitAdHocSearch(p: Principal, k: number): void {
    if (p.role === 'admin') return;
    if (k > this.settings.adHocMaxK) {
      throw invalidInput([{ field: 'k', message: `at most ${this.settings.adHocMaxK} for target=jobseekers (so that the population cannot be listed)` }]);
    }
    const now = this.now().getTime();
    const recent = (this.adHocUse.get(p.keyId) ?? []).filter((t) => now - t < HOUR_MS);
    if (recent.length >= this.settings.adHocSearchesPerHour) {
      const wait = Math.ceil((recent[0]! + HOUR_MS - now) / 1000);
      throw rateLimited(`at most ${this.settings.adHocSearchesPerHour} ad-hoc searches for jobseekers per hour per key; retry in ${wait} s`, wait);
    }
    recent.push(now);
    this.adHocUse.set(p.keyId, recent);
  }

  private disclose(p: Principal, hits: MatchHit[], key: Buffer, shared: ReadonlySet<string>): MatchHit[] {
    const guard = this.ports.guard;
    return discloseCandidates(hits, {
      seesPerson: (hit) => p.role === 'admin' || (p.role === 'counsellor' && guard.servesMunicipality(p, hit.municipality)),
      shared,
      pseudonym: (id) => `cand-${createHmac('sha256', key).update(id).digest('hex').slice(0, 16)}`,
      contactOf: (id) => {
        const { name, contact } = this.ports.jobseeker(id);
        return { name, contact };
      },
    });
  }
}
