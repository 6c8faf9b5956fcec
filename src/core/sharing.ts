import { createHmac, randomBytes } from 'node:crypto';
import type { Principal } from './access.js';
import { unaudited, type AuditNote } from './audit-note.js';
import { discloseCandidates } from './disclosure.js';
import { conflict, invalidInput, KohtaantoError, notFound, rateLimited } from './errors.js';
import type { Guard } from './guard.js';
import type { MatchHit } from './matches/schema.js';
import type { Share } from './privacy/schema.js';
import type { Clock } from './clock.js';
import { candidateListContent } from './vacancies/candidate-list-content.js';

export type { Share };

export interface SharingPorts {
  shares: {
    add(share: Share): Promise<void>;
    /** Whether a share of the client for the vacancy existed (it is gone now). */
    remove(vacancyId: string, jobseekerId: string): Promise<boolean>;
    activeFor(vacancyId: string, owner: string, now: string): Promise<Set<string>>;
  };
  owners: { ownerOf(vacancyId: string): Promise<string | null> };
  /** The harvest limits, counted in the database (shared by the worker processes, kept across restarts). */
  budget: {
    views(organisation: string, day: string, subjects: string[], limit: number): Promise<{ admitted: boolean; used: number }>;
    search(keyId: string, now: number, windowMs: number, limit: number): Promise<{ admitted: boolean; retryAfterMs: number }>;
    prune(day: string, before: number): Promise<void>;
    forgetSubject(subject: string): Promise<void>;
  };
  /** The stored vacancy (its pseudonyms are keyed by what ranks its candidates); throws not found for an unknown one. */
  vacancy(id: string): Promise<unknown>;
  /** Throws not found for an unknown jobseeker. */
  jobseeker(id: string): Promise<{ name?: string; contact?: { email?: string; phone?: string } }>;
  guard: Guard;
  /** Keys pseudonyms; kept outside the database file (see src/runtime/secret.ts). */
  pseudonymKey: Buffer;
  /** The client withdrew consent to be shared for the vacancy: what else rests on it ends too (job suggestions). */
  consentWithdrawn(vacancyId: string, jobseekerId: string): Promise<void>;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

export interface SharingSettings {
  /** Days a share lasts. */
  shareDays: number;
  /** Ad-hoc searches for jobseekers (target=jobseekers) a key may make per hour (admins: no limit). */
  adHocSearchesPerHour: number;
  /** Most hits of an ad-hoc search for jobseekers (admins: the match limit). */
  adHocMaxK: number;
  /**
   * Distinct jobseekers an organisation may be shown pseudonymously in a day, over every candidate
   * list and ad-hoc search of all its keys (admins: no limit). Seeing someone again that day is free.
   */
  candidatesPerDay: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Who sees which candidate as a person. Employer services see candidates by pseudonym — keyed per
 * vacancy, so that two lists cannot be joined — with name and contact details only for those a
 * counsellor shared for that vacancy with the unit that owns it, and only when they are that unit.
 * Counsellors see their own area's clients as persons, everyone else by pseudonym (shares are not
 * for them). A pseudonymous candidate shows the taxonomy occupation and skills only, never free
 * text. Ad-hoc searches for jobseekers get a fresh pseudonym key per request and are limited in
 * size and rate, and every organisation is shown at most `candidatesPerDay` distinct pseudonymous
 * candidates a day, so the population cannot be harvested.
 */
export class Sharing {
  private readonly now: Clock;
  private prunedDay = '';

  constructor(
    private readonly ports: SharingPorts,
    private readonly settings: SharingSettings,
  ) {
    this.now = ports.now;
  }

  /** A counsellor shares a client of their area with the unit that owns the vacancy. */
  async share(p: Principal, vacancyId: string, jobseekerId: string, audit: AuditNote = unaudited()): Promise<Share> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.vacancy(vacancyId);
    await this.ports.guard.jobseeker(p, jobseekerId); // first: another area's client and an unknown id get one answer
    await this.ports.jobseeker(jobseekerId);
    const owner = await this.ports.owners.ownerOf(vacancyId);
    if (owner === null) {
      throw conflict(
        `vacancy '${vacancyId}' belongs to no employer-services unit, so there is nobody to share with: ` +
          'an admin hands it to a unit first (PUT /v1/admin/vacancies/:id/owner)',
      );
    }
    const now = this.now();
    const share: Share = {
      vacancyId,
      jobseekerId,
      owner,
      keyId: p.keyId,
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.shareDays * DAY_MS).toISOString(),
      sharedBy: p.name,
    };
    await this.ports.shares.add(share);
    return share;
  }

  /**
   * A client withdraws consent: a counsellor of their area ends the share for the vacancy before it
   * expires, and the unit sees the client by pseudonym again from its next list (GDPR art. 7(3)).
   * Another area's client and an unknown one get the same answer; so does a share that does not exist.
   */
  async unshare(p: Principal, vacancyId: string, jobseekerId: string, audit: AuditNote = unaudited()): Promise<void> {
    audit.jobseekers.push(jobseekerId);
    await this.ports.vacancy(vacancyId);
    await this.ports.guard.jobseeker(p, jobseekerId);
    const removed = await this.ports.shares.remove(vacancyId, jobseekerId);
    // The consent a job suggestion recorded ends with the share (also one expired already): the unit no longer
    // follows the client's steps under the pseudonym it knew them by (see JobSuggestions).
    await this.ports.consentWithdrawn(vacancyId, jobseekerId);
    if (!removed) throw notFound('share', `${vacancyId}/${jobseekerId}`);
  }

  /**
   * A vacancy's candidate list as the caller may see it, counted against the organisation's daily
   * budget (refused whole, 429, when the pseudonymous candidates in it would exceed it).
   */
  async candidatesOf(p: Principal, vacancyId: string, hits: MatchHit[]): Promise<MatchHit[]> {
    const owner = await this.ports.owners.ownerOf(vacancyId);
    // Shares are for the owning unit only: not for other units, not for counsellors (of any area).
    const forOwner = owner !== null && p.role === 'employer-service' && p.organisation.id === owner;
    const shared = forOwner ? await this.ports.shares.activeFor(vacancyId, owner, this.now().toISOString()) : new Set<string>();
    return await this.disclose(p, hits, await this.vacancyKey(vacancyId, owner), shared);
  }

  /**
   * One client as the unit owning a vacancy sees them on its candidate list: the same pseudonym,
   * and name and contact while a share for that vacancy lasts (a job suggestion's pipeline).
   */
  async candidateOf(vacancyId: string, jobseekerId: string): Promise<{ id: string; shared: boolean; name?: string; contact?: { email?: string; phone?: string } }> {
    const owner = await this.ports.owners.ownerOf(vacancyId);
    const id = pseudonymOf(await this.vacancyKey(vacancyId, owner), jobseekerId);
    if (owner === null || !(await this.ports.shares.activeFor(vacancyId, owner, this.now().toISOString())).has(jobseekerId)) return { id, shared: false };
    const { name, contact } = await this.ports.jobseeker(jobseekerId);
    return { id, shared: true, ...(name ? { name } : {}), ...(contact ? { contact } : {}) };
  }

  /** Candidates for ad-hoc text, with pseudonyms for this answer only (counted against the daily budget). */
  async adHocCandidates(p: Principal, hits: MatchHit[], key: Buffer = this.answerKey()): Promise<MatchHit[]> {
    return await this.disclose(p, hits, key, new Set());
  }

  /** The key of a vacancy's candidate list as its owner now stands: its pseudonyms, and the order of its ties (tieOrder). */
  async listKey(vacancyId: string): Promise<Buffer> {
    return await this.vacancyKey(vacancyId, await this.ports.owners.ownerOf(vacancyId));
  }

  /** A new key for one ad-hoc answer (adHocCandidates): its pseudonyms, and the order of its ties. */
  answerKey(): Buffer {
    return randomBytes(32);
  }

  /** Checks an ad-hoc search for jobseekers against the limits before it runs, and counts it. */
  async admitAdHocSearch(p: Principal, k: number): Promise<void> {
    if (p.role === 'admin') return;
    if (k > this.settings.adHocMaxK) {
      throw invalidInput([{ field: 'k', message: `at most ${this.settings.adHocMaxK} for target=jobseekers (so that the population cannot be listed)` }]);
    }
    const now = this.now().getTime();
    await this.prune(now);
    const { admitted, retryAfterMs } = await this.ports.budget.search(p.keyId, now, HOUR_MS, this.settings.adHocSearchesPerHour);
    if (!admitted) {
      const wait = Math.max(1, Math.ceil(retryAfterMs / 1000));
      throw rateLimited(`at most ${this.settings.adHocSearchesPerHour} ad-hoc searches for jobseekers per hour per key; retry in ${wait} s`, wait);
    }
  }

  /** Erasure: the person leaves the budget counts too. */
  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await this.ports.budget.forgetSubject(this.subject(jobseekerId));
  }

  private async disclose(p: Principal, hits: MatchHit[], key: Buffer, shared: ReadonlySet<string>): Promise<MatchHit[]> {
    const guard = this.ports.guard;
    const seesPerson = (hit: MatchHit) => p.role === 'admin' || (p.role === 'counsellor' && guard.servesMunicipality(p, hit.municipality));
    await this.spend(p, hits.filter((hit) => !seesPerson(hit)).map((hit) => this.subject(hit.id)));
    // The shared candidates' names and contacts, read before (only those are shown).
    const sharedIds = hits.filter((hit) => !seesPerson(hit) && shared.has(hit.id)).map((hit) => hit.id);
    const people = new Map(await Promise.all(sharedIds.map(async (id) => [id, await this.ports.jobseeker(id)] as const)));
    return discloseCandidates(hits, {
      seesPerson,
      shared,
      pseudonym: (id) => pseudonymOf(key, id),
      contactOf: (id) => {
        const { name, contact } = people.get(id)!;
        return { name, contact };
      },
    });
  }

  /** Counts pseudonymous candidates shown against the organisation's budget for today, or refuses the list. */
  private async spend(p: Principal, subjects: string[]): Promise<void> {
    if (p.role === 'admin' || subjects.length === 0) return;
    const now = this.now();
    await this.prune(now.getTime());
    const day = now.toISOString().slice(0, 10);
    const limit = this.settings.candidatesPerDay;
    const { admitted, used } = await this.ports.budget.views(p.organisation.id, day, subjects, limit);
    if (admitted) return;
    const wait = Math.max(1, Math.ceil((DAY_MS - (now.getTime() % DAY_MS)) / 1000));
    throw rateLimited(
      `your organisation has been shown ${used} of its ${limit} distinct candidates today; this list would show more ` +
        `(the limit keeps the population from being listed); retry after midnight UTC, in ${wait} s`,
      wait,
    );
  }

  /** Keys the pseudonyms of a vacancy's candidate list. */
  private async vacancyKey(vacancyId: string, owner: string | null): Promise<Buffer> {
    // With the owner: a vacancy moved to another unit (or deleted and created again by one) gets new
    // pseudonyms, so the unit that could name its shared candidates cannot join its list to the next owner's.
    // With what ranks its candidates: a unit editing its requirements gets new pseudonyms too, so that two
    // versions of one list cannot be joined (each candidate's answers to both sets of requirements).
    const key = createHmac('sha256', this.ports.pseudonymKey).update(owner === null ? `vacancy\0${vacancyId}` : `vacancy\0${vacancyId}\0owner\0${owner}`);
    return key.update(`\0ranked by\0${await this.rankedBy(vacancyId)}`).digest();
  }

  /** The digest of what ranks a vacancy's candidates; '' for a vacancy gone (a job suggestion outlives it). */
  private async rankedBy(vacancyId: string): Promise<string> {
    try {
      return candidateListContent(await this.ports.vacancy(vacancyId));
    } catch (error) {
      if (error instanceof KohtaantoError && error.code === 'not_found') return '';
      throw error;
    }
  }

  /** A jobseeker in the budget counts: keyed, so a database copy does not name anyone. */
  private subject(jobseekerId: string): string {
    return createHmac('sha256', this.ports.pseudonymKey).update(`budget\0${jobseekerId}`).digest('base64url').slice(0, 22);
  }

  /** Forgets counts no limit reads any more, once a day. */
  private async prune(now: number): Promise<void> {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day === this.prunedDay) return;
    this.prunedDay = day;
    await this.ports.budget.prune(day, now - HOUR_MS);
  }
}

/**
 * The order of a list's tied candidates under its key (listKey, answerKey): the order of their pseudonyms,
 * for the ranking to break ties by instead of the real ids (CandidateOptions.tieOrder).
 */
export const tieOrder =
  (key: Buffer) =>
  (jobseekerId: string): string =>
    pseudonymOf(key, jobseekerId);

/** A candidate's pseudonym under a list's key. */
const pseudonymOf = (key: Buffer, jobseekerId: string) => `cand-${createHmac('sha256', key).update(jobseekerId).digest('hex').slice(0, 16)}`;
