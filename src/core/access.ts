/** Who may do what. Every HTTP route declares the roles it admits (src/http/auth.ts enforces it). */
export const ROLES = ['counsellor', 'employer-service', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller behind an API key. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

/**
 * What each role is for:
 * - counsellor: jobseekers (read, write, erase, export), their matches; vacancies (read)
 * - employer-service: vacancies (read, write), candidate lists with pseudonymous ids until shared
 * - planner: analytics, reference data and the training catalogue, never personal data
 * - admin: everything, plus API keys (CLI), audit log and index compaction
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
  referrals: ['counsellor', 'admin'],
  audit: ['admin'],
  maintenance: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Roles that see jobseekers' real ids and personal details in match results. */
export const seesPersonalData = (role: Role) => role === 'counsellor' || role === 'admin';
