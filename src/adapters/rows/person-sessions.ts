import type { Role } from '../../core/access.js';
import type { PersonSessionRecord } from '../../core/signin/sessions.js';

/** A row of `person_sessions`, the same in SQLite and PostgreSQL, and the record it holds. */
export type PersonSessionRow = {
  token_sha256: string;
  provider: string;
  subject: string;
  name: string;
  role: Role;
  organisation_id: string;
  csrf: string;
  created_at: string;
  last_seen: string;
  expires_at: string;
  checked_at: string;
  refresh_token: string | null;
  id_token: string;
};

export const personSessionFromRow = (r: PersonSessionRow): PersonSessionRecord => ({
  tokenHash: r.token_sha256,
  provider: r.provider,
  subject: r.subject,
  name: r.name,
  role: r.role,
  organisationId: r.organisation_id,
  csrf: r.csrf,
  createdAt: r.created_at,
  lastSeen: r.last_seen,
  expiresAt: r.expires_at,
  checkedAt: r.checked_at,
  idToken: r.id_token,
  ...(r.refresh_token ? { refreshToken: r.refresh_token } : {}),
});
