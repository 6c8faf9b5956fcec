import { createHash, randomBytes } from 'node:crypto';
import type { Membership, Principal, Role } from '../access.js';
import type { SessionEnd, SessionSettings } from '../sessions.js';
import type { Clock } from '../clock.js';

/** A signed-in person's session as stored: only the hash of the cookie's token. */
export interface PersonSessionRecord {
  tokenHash: string;
  provider: string;
  subject: string;
  name: string;
  role: Role;
  organisationId: string;
  csrf: string;
  createdAt: string;
  lastSeen: string;
  expiresAt: string;
  /** When the provider last confirmed the person's claims (sign-in or refresh). */
  checkedAt: string;
  /** To check the claims again; without one the session ends at the re-check instead. */
  refreshToken?: string;
  /** For the provider's sign-out (id_token_hint). */
  idToken: string;
}

/** Who signed in, as the provider's claims and the configured mapping say. */
export interface Person {
  provider: string;
  subject: string;
  name: string;
  organisation: string;
  role: Role;
}

export interface PersonSessionPorts {
  store: {
    add(r: PersonSessionRecord): Promise<void>;
    get(tokenHash: string): Promise<PersonSessionRecord | undefined>;
    touch(tokenHash: string, at: string): Promise<void>;
    checked(tokenHash: string, r: Pick<PersonSessionRecord, 'name' | 'role' | 'organisationId' | 'checkedAt' | 'refreshToken' | 'idToken'>): Promise<void>;
    /** Sets checkedAt to `at` if it is still `seen`; false when another process got there first. */
    claimRecheck(tokenHash: string, seen: string, at: string): Promise<boolean>;
    remove(tokenHash: string): Promise<void>;
    removeExpired(now: string, idleSince: string): Promise<void>;
  };
  organisation(id: string): Promise<Membership | undefined>;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

export interface PersonSessionSettings extends SessionSettings {
  /** How often a session's claims are checked with the provider again (a person removed from the group loses access then). */
  recheckMinutes: number;
}

const TOUCH_MS = 60_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The principal of a person: audited as `person:<provider>:<subject>` under their own name. */
export const personKeyId = (provider: string, subject: string) => `person:${provider}:${subject}`;

/**
 * Sessions of people signed in with an identity provider: the same cookie, CSRF token and timeouts
 * as a key's session (src/core/sessions.ts). Every `recheckMinutes` the caller checks the person's
 * claims with the provider again (`recheckDue`) and reports the result (`rechecked`); a session
 * opened without a refresh token cannot be checked, so it ends at its first re-check instead.
 */
export class PersonSessions {
  private readonly now: Clock;

  constructor(
    private readonly ports: PersonSessionPorts,
    readonly settings: PersonSessionSettings,
  ) {
    this.now = ports.now;
  }

  async open(person: Person, tokens: { idToken: string; refreshToken?: string }): Promise<{ token: string; csrf: string; principal: Principal; expiresAt: string; maxAgeSeconds: number }> {
    const membership = await this.ports.organisation(person.organisation);
    if (!membership) throw new Error(`organisation '${person.organisation}' does not exist`);
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const lifetimeMs = tokens.refreshToken ? this.settings.maxHours * 3_600_000 : Math.min(this.settings.maxHours * 60, this.settings.recheckMinutes) * 60_000;
    const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
    await this.ports.store.removeExpired(now.toISOString(), this.idleSince(now));
    await this.ports.store.add({
      tokenHash: sha256(token),
      provider: person.provider,
      subject: person.subject,
      name: person.name,
      role: person.role,
      organisationId: person.organisation,
      csrf,
      createdAt: now.toISOString(),
      lastSeen: now.toISOString(),
      expiresAt,
      checkedAt: now.toISOString(),
      idToken: tokens.idToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    });
    return { token, csrf, principal: this.principalOf(person, membership), expiresAt, maxAgeSeconds: Math.floor(lifetimeMs / 1000) };
  }

  /** The session behind a cookie's token while it lasts, and whether its claims are due to be checked again. */
  async find(token: string): Promise<{ principal: Principal; csrf: string; expiresAt: string; record: PersonSessionRecord; recheckDue: boolean } | undefined> {
    const found = await this.check(token);
    return 'ended' in found ? undefined : found;
  }

  /** As `find`, or why the session is no longer valid (see SessionEnd). */
  async check(token: string): Promise<{ principal: Principal; csrf: string; expiresAt: string; record: PersonSessionRecord; recheckDue: boolean } | { ended: SessionEnd }> {
    const hash = sha256(token);
    const record = await this.ports.store.get(hash);
    if (!record) return { ended: 'ended' };
    const now = this.now();
    const membership = await this.ports.organisation(record.organisationId);
    if (record.expiresAt <= now.toISOString() || record.lastSeen <= this.idleSince(now) || !membership) {
      await this.ports.store.remove(hash);
      return { ended: membership ? 'timeout' : 'revoked' };
    }
    if (now.getTime() - Date.parse(record.lastSeen) > TOUCH_MS) await this.ports.store.touch(hash, now.toISOString());
    const recheckDue = now.getTime() - Date.parse(record.checkedAt) >= this.settings.recheckMinutes * 60_000;
    const person = { provider: record.provider, subject: record.subject, name: record.name, organisation: record.organisationId, role: record.role };
    return { principal: this.principalOf(person, membership), csrf: record.csrf, expiresAt: record.expiresAt, record, recheckDue };
  }

  /**
   * Takes the due re-check for this request: false when another request (of any worker process)
   * took it, which then goes on with the session as last checked (the provider's refresh tokens are
   * often used once: two refreshes at once would end the session).
   */
  async claimRecheck(record: PersonSessionRecord): Promise<boolean> {
    return this.ports.store.claimRecheck(record.tokenHash, record.checkedAt, this.now().toISOString());
  }

  /**
   * The provider's answer at a re-check: the person as their claims map now (the session goes on,
   * with the organisation and role they map to now), or undefined (removed from the group, account
   * closed, refresh refused: the session ends).
   */
  async rechecked(record: PersonSessionRecord, person: Person | undefined, tokens?: { idToken?: string; refreshToken?: string }): Promise<void> {
    if (!person || !(await this.ports.organisation(person.organisation))) {
      await this.ports.store.remove(record.tokenHash);
      return;
    }
    const refreshToken = tokens?.refreshToken ?? record.refreshToken;
    await this.ports.store.checked(record.tokenHash, {
      name: person.name,
      role: person.role,
      organisationId: person.organisation,
      checkedAt: this.now().toISOString(),
      idToken: tokens?.idToken ?? record.idToken,
      ...(refreshToken ? { refreshToken } : {}),
    });
  }

  /** Ends the session; returns what it was (for the provider's sign-out). */
  async close(token: string): Promise<PersonSessionRecord | undefined> {
    const hash = sha256(token);
    const record = await this.ports.store.get(hash);
    if (record) await this.ports.store.remove(hash);
    return record;
  }

  private principalOf(person: Person, organisation: Membership): Principal {
    return { keyId: personKeyId(person.provider, person.subject), name: person.name, role: person.role, organisation };
  }

  private idleSince(now: Date): string {
    return new Date(now.getTime() - this.settings.idleMinutes * 60_000).toISOString();
  }
}
