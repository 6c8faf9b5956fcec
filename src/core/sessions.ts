import { createHash, randomBytes } from 'node:crypto';
import type { Membership, Principal } from './access.js';
import type { Clock } from './clock.js';

export interface SessionRecord {
  /** SHA-256 of the cookie's token: a copy of the database holds no usable session. */
  tokenHash: string;
  keyId: string;
  /** Sent back by the page with every write (X-CSRF-Token). */
  csrf: string;
  createdAt: string;
  lastSeen: string;
  expiresAt: string;
}

export interface SessionPorts {
  keys: { verify(presented: string): Promise<Principal | undefined>; principalOf(keyId: string): Promise<Principal | undefined> };
  store: {
    add(r: SessionRecord): Promise<void>;
    get(tokenHash: string): Promise<SessionRecord | undefined>;
    touch(tokenHash: string, at: string): Promise<void>;
    remove(tokenHash: string): Promise<void>;
    removeExpired(now: string, idleSince: string): Promise<void>;
  };
  /** An organisation's name (the web app's header names the signed-in person's), undefined when unknown. */
  organisationName(id: string): Promise<string | undefined>;
  /** "Now": the system clock in the service, a fixed one in tests. */
  now: Clock;
}

export interface SessionSettings {
  /** A session ends this long after sign-in, however busy. */
  maxHours: number;
  /** ... or after this long without a request. */
  idleMinutes: number;
}

/**
 * Why a session presented is no longer valid, for the sign-in page: it timed out (idle or its
 * maximum length), was revoked (its key revoked, its person no longer in a mapped group), or ended
 * otherwise (signed out elsewhere, or ended before).
 */
export type SessionEnd = 'timeout' | 'revoked' | 'ended';


/** How stale `lastSeen` may be before a request writes it again (one write per minute per session, not per request). */
const TOUCH_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Web app sign-in: an API key is exchanged once for a session (the key never stays in the page).
 * The session names the key, so revoking or expiring the key ends its sessions too; it ends on
 * sign-out, `maxHours` after sign-in, or after `idleMinutes` without a request.
 */
export class Sessions {
  private readonly now: Clock;

  constructor(
    private readonly ports: SessionPorts,
    private readonly settings: SessionSettings,
  ) {
    this.now = ports.now;
  }

  /**
   * A new session for a valid key, or undefined (the caller counts the refusal); with the key's
   * organisation named, as the web app's header shows it.
   */
  async open(
    presentedKey: string,
  ): Promise<{ token: string; csrf: string; principal: Principal; organisation: Membership & { name?: string }; expiresAt: string; maxAgeSeconds: number } | undefined> {
    const principal = await this.ports.keys.verify(presentedKey);
    if (!principal) return undefined;
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const lifetimeMs = this.settings.maxHours * 3_600_000;
    const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
    await this.ports.store.removeExpired(now.toISOString(), this.idleSince(now));
    await this.ports.store.add({ tokenHash: sha256(token), keyId: principal.keyId, csrf, createdAt: now.toISOString(), lastSeen: now.toISOString(), expiresAt });
    const name = await this.ports.organisationName(principal.organisation.id);
    return { token, csrf, principal, organisation: name === undefined ? principal.organisation : { ...principal.organisation, name }, expiresAt, maxAgeSeconds: Math.floor(lifetimeMs / 1000) };
  }

  /** The caller behind a session token, while the session and its key last. */
  async resolve(token: string): Promise<{ principal: Principal; csrf: string; expiresAt: string } | undefined> {
    const found = await this.check(token);
    return 'ended' in found ? undefined : found;
  }

  /** As `resolve`, or why the session is no longer valid. */
  async check(token: string): Promise<{ principal: Principal; csrf: string; expiresAt: string } | { ended: SessionEnd }> {
    const hash = sha256(token);
    const session = await this.ports.store.get(hash);
    if (!session) return { ended: 'ended' };
    const now = this.now();
    if (session.expiresAt <= now.toISOString() || session.lastSeen <= this.idleSince(now)) {
      await this.ports.store.remove(hash);
      return { ended: 'timeout' };
    }
    const principal = await this.ports.keys.principalOf(session.keyId);
    if (!principal) return { ended: 'revoked' };
    if (now.getTime() - Date.parse(session.lastSeen) > TOUCH_MS) await this.ports.store.touch(hash, now.toISOString());
    return { principal, csrf: session.csrf, expiresAt: session.expiresAt };
  }

  async close(token: string): Promise<void> {
    await this.ports.store.remove(sha256(token));
  }

  private idleSince(now: Date): string {
    return new Date(now.getTime() - this.settings.idleMinutes * 60_000).toISOString();
  }
}
