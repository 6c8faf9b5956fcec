import { ROLE_ORGANISATIONS, ROLES, type Membership } from '../../../core/access';
import { api } from '../../api';
import type { EmploymentAreaList } from '../../../core/analytics/schema';
import type { OrganisationList } from '../../../core/organisations/schema';
import { useLoad } from '../../components/ui';

/** The roles, and the kinds of organisation that hold each: the service's own table. */
export { ROLES };
export const ROLE_KINDS = ROLE_ORGANISATIONS;
export const KINDS = ['employment-area', 'employer-services', 'planning', 'national'] as const satisfies readonly Membership['kind'][];

export const useOrganisations = () => useLoad(() => api<OrganisationList>('GET', '/v1/admin/organisations'), []);
export const useAreas = () => useLoad(() => api<EmploymentAreaList>('GET', '/v1/employment-areas'), []);

/** If-Match for a change of the version read. */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** The value of the field an input or change event came from. */
export const inputValue = (e: { currentTarget: { value: string } }) => e.currentTarget.value;
