/** Who may do what. Every HTTP route declares the roles it admits (src/http/auth.ts enforces it). */
export const ROLES = ['counsellor', 'employer-service', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The organisation a key belongs to, as access decisions need it. */
export interface Membership {
  id: string;
  kind: 'employment-area' | 'employer-services' | 'planning' | 'national';
  /** Employment area id, for employment-area organisations. */
  area?: string;
}

/** The caller behind an API key. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  organisation: Membership;
}

/** Which kinds of organisation hold keys of each role. */
export const ROLE_ORGANISATIONS: Record<Role, readonly Membership['kind'][]> = {
  counsellor: ['employment-area'],
  'employer-service': ['employer-services'],
  planner: ['planning', 'employment-area', 'national'],
  admin: ['national'],
};

/**
 * What each role is for:
 * - counsellor: their employment area's jobseekers (read, write, erase, export), their matches;
 *   vacancies (read); candidates of other areas are pseudonymous to them; another area's client
 *   only during a transfer that area approved
 * - employer-service: vacancies (read; write those of their unit), candidate lists of their unit's
 *   vacancies with per-vacancy pseudonyms (name and contact only when shared for that vacancy)
 * - planner: analytics, reference data and the training catalogue, never personal data
 * - admin: everything, plus API keys (CLI), audit log, index compaction and the record counts of the service's status
 */
export const ACCESS = {
  jobseekersRead: ['counsellor', 'admin'],
  jobseekersWrite: ['counsellor', 'admin'],
  vacanciesRead: ['counsellor', 'employer-service', 'admin'],
  vacanciesWrite: ['employer-service', 'admin'],
  matchesForJobseeker: ['counsellor', 'admin'],
  candidatesForVacancy: ['counsellor', 'employer-service', 'admin'],
  adHocMatch: ['counsellor', 'employer-service', 'admin'],
  share: ['counsellor', 'admin'],
  reference: ['counsellor', 'employer-service', 'planner', 'admin'],
  trainingsRead: ['counsellor', 'employer-service', 'planner', 'admin'],
  trainingsWrite: ['planner', 'admin'],
  gaps: ['counsellor', 'admin'],
  analytics: ['planner', 'admin'],
  oversight: ['planner', 'admin'],
  referrals: ['counsellor', 'admin'],
  /** Outcomes from registers: imported and read for the caller's area's clients (admins: all). */
  outcomes: ['counsellor', 'admin'],
  /** Suggesting vacancies to clients; the service lets an employer unit change only those shared with it. */
  jobSuggestions: ['counsellor', 'admin'],
  jobSuggestionStates: ['counsellor', 'employer-service', 'admin'],
  /** In-app notifications: each role of its own (src/core/notifications/service.ts); planners none. */
  notifications: ['counsellor', 'employer-service', 'admin'],
  /** Asking for a client of another area: counsellors only (admins reach every client anyway). */
  transfersRequest: ['counsellor'],
  /** Listing, approving, refusing and withdrawing transfers (the service checks which side). */
  transfers: ['counsellor', 'admin'],
  audit: ['admin'],
  maintenance: ['admin'],
  /** The service's status with record counts (GET /v1/admin/health; GET /health, public, has none). */
  healthCounts: ['admin'],
  organisations: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Roles that see jobseekers' real ids and personal details in match results. */
export const seesPersonalData = (role: Role) => role === 'counsellor' || role === 'admin';
