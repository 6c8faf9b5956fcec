import { describe, expect, it } from 'vitest';
import { ACCESS, ROLES, ROLE_ORGANISATIONS, seesPersonalData, type Role } from '../../src/core/access.js';

const rolesFor = (role: Role) =>
  Object.entries(ACCESS)
    .filter(([, roles]) => (roles as readonly Role[]).includes(role))
    .map(([name]) => name)
    .sort();

/** Who may do what: the table every route's roles come from (privacy: planners never see persons). */
describe('access', () => {
  it('knows four roles, each held by its kinds of organisation only', () => {
    expect(ROLES).toEqual(['counsellor', 'employer-service', 'planner', 'admin']);
    expect(ROLE_ORGANISATIONS).toEqual({
      counsellor: ['employment-area'],
      'employer-service': ['employer-services'],
      planner: ['planning', 'employment-area', 'national'],
      admin: ['national'],
    });
  });

  it('gives planners aggregates, reference data and the training catalogue, never a route with personal data', () => {
    expect(rolesFor('planner')).toEqual(['analytics', 'oversight', 'reference', 'trainingsRead', 'trainingsWrite']);
  });

  it('gives employer services vacancies and their candidate lists, never jobseeker records, gaps, referrals or shares', () => {
    expect(rolesFor('employer-service')).toEqual([
      'adHocMatch',
      'candidatesForVacancy',
      'jobSuggestionStates',
      'notifications',
      'reference',
      'trainingsRead',
      'vacanciesRead',
      'vacanciesWrite',
    ]);
  });

  it('gives counsellors their clients, matches, gaps, shares, referrals and transfers, never analytics, audit or administration', () => {
    expect(rolesFor('counsellor')).toEqual([
      'adHocMatch',
      'candidatesForVacancy',
      'gaps',
      'jobSuggestionStates',
      'jobSuggestions',
      'jobseekersRead',
      'jobseekersWrite',
      'matchesForJobseeker',
      'notifications',
      'outcomes',
      'reference',
      'referrals',
      'share',
      'trainingsRead',
      'transfers',
      'transfersRequest',
      'vacanciesRead',
    ]);
  });

  it('keeps the audit trail, maintenance, organisations and record counts to admins, and transfer requests to counsellors (admins reach every client anyway)', () => {
    expect(ACCESS.audit).toEqual(['admin']);
    expect(ACCESS.maintenance).toEqual(['admin']);
    expect(ACCESS.healthCounts).toEqual(['admin']);
    expect(ACCESS.organisations).toEqual(['admin']);
    expect(ACCESS.transfersRequest).toEqual(['counsellor']);
    expect(rolesFor('admin')).toEqual(Object.keys(ACCESS).filter((name) => name !== 'transfersRequest').sort());
  });

  it('shows personal data in match results to counsellors and admins only', () => {
    expect(ROLES.filter(seesPersonalData)).toEqual(['counsellor', 'admin']);
  });
});
