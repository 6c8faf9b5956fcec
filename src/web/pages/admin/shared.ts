import { api } from '../../api';
import type { EmploymentAreaList } from '../../../core/analytics/schema';
import type { OrganisationList } from '../../../core/organisations/schema';
import { useLoad } from '../../components/ui';

/** The roles, and the kinds of organisation that hold each (src/core/access.ts ROLE_ORGANISATIONS). */
export const ROLE_KINDS = {
  counsellor: ['employment-area'],
  'employer-service': ['employer-services'],
  planner: ['planning', 'employment-area', 'national'],
  admin: ['national'],
} as const;
export const ROLES = Object.keys(ROLE_KINDS) as (keyof typeof ROLE_KINDS)[];
export const KINDS = ['employment-area', 'employer-services', 'planning', 'national'] as const;

export const useOrganisations = () => useLoad(() => api<OrganisationList>('GET', '/v1/admin/organisations'), []);
export const useAreas = () => useLoad(() => api<EmploymentAreaList>('GET', '/v1/employment-areas'), []);

/** If-Match for a change of the version read. */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const inputValue = (e: Event) => (e.target as HTMLInputElement).value;
