import type { Principal } from '../../core/access.js';
import type { SessionEnd } from '../../core/sessions.js';
import type { PersonSessions } from '../../core/signin/sessions.js';
import type { IdentityProvider } from './providers.js';
import { messageOf } from '../../core/thrown.js';

export type SessionFound = { principal: Principal; csrf: string; expiresAt: string };
export type SessionChecked = SessionFound | { ended: SessionEnd };

/**
 * A person's session from its cookie token, with the claims checked again when the re-check
 * interval has passed: the provider's refresh token gives a new, validated ID token and the claims
 * as they are now, mapped again (another group: another role; no mapped group, a refused refresh, a
 * provider no longer configured or unreachable: the session ends). Requests of one session arriving
 * together share one re-check: in this process they wait for it; in another worker process they go on
 * with the session as last checked (see PersonSessions.claimRecheck).
 */
export function personSessionResolver(people: PersonSessions, providers: Map<string, IdentityProvider>, warn: (message: string) => void) {
  const checking = new Map<string, Promise<void>>();

  async function recheck(record: NonNullable<Awaited<ReturnType<PersonSessions['find']>>>['record']): Promise<void> {
    const provider = providers.get(record.provider);
    if (!provider || !record.refreshToken) return people.rechecked(record, undefined);
    try {
      const answer = await provider.refresh(record.refreshToken, record.subject);
      await people.rechecked(record, answer.person, { idToken: answer.idToken, ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}) });
    } catch (error) {
      warn(`sign-in re-check with '${record.provider}' refused or failed, the session ends: ${messageOf(error)}`);
      await people.rechecked(record, undefined);
    }
  }

  return async (token: string): Promise<SessionChecked> => {
    const found = await people.check(token);
    if ('ended' in found || !found.recheckDue) return found;
    let running = checking.get(found.record.tokenHash);
    if (!running) {
      if (!(await people.claimRecheck(found.record))) return found; // another worker process is checking it
      running = recheck(found.record).finally(() => checking.delete(found.record.tokenHash));
      checking.set(found.record.tokenHash, running);
    }
    await running;
    return (await people.find(token)) ?? { ended: 'revoked' }; // gone when the re-check ended it
  };
}
