import { ROLE_ORGANISATIONS, type Role } from './access.js';
import { alreadyExists, invalidInput, notFound } from './errors.js';
import type { EmploymentAreas } from './regions/employment-areas-model.js';
import type { ApiKeyInfo, Organisation, OrganisationInput } from './organisations/schema.js';

export interface OrganisationPorts {
  organisations: { add(input: OrganisationInput): boolean; get(id: string): Organisation | undefined; list(): Organisation[] };
  keys: {
    create(role: Role, name: string, organisationId: string, expiresInDays: number): { id: string; key: string; expiresAt: string };
    rotate(id: string, graceDays: number, expiresInDays: number): { id: string; key: string; expiresAt: string; oldExpiresAt: string } | undefined;
    revoke(id: string): boolean;
    list(): ApiKeyInfo[];
  };
  owners: { ownerOf(vacancyId: string): string | null; set(vacancyId: string, organisationId: string | null): void };
  shares: { forgetVacancy(vacancyId: string): void };
  /** Throws not found for an unknown vacancy. */
  vacancy(id: string): unknown;
  areas: EmploymentAreas;
}

/**
 * Organisations, their API keys and who owns which vacancy: what an admin manages, from the CLI
 * (`npm run keys`) or /v1/admin. Checks that a key's role fits its organisation (a counsellor key
 * belongs to an employment area's services, an employer-service key to a unit, …).
 */
export class Organisations {
  constructor(private readonly ports: OrganisationPorts) {}

  add(input: OrganisationInput): Organisation {
    let area: string | undefined;
    if (input.kind === 'employment-area') {
      if (!input.area) throw invalidInput([{ field: 'area', message: 'an employment-area organisation names its employment area' }]);
      area = this.ports.areas.area(input.area)?.id;
      if (!area) throw invalidInput([{ field: 'area', message: `unknown employment area '${input.area}'` }]);
    } else if (input.area !== undefined) {
      throw invalidInput([{ field: 'area', message: `only employment-area organisations have an area, not ${input.kind}` }]);
    }
    if (!this.ports.organisations.add({ ...input, ...(area ? { area } : {}) })) throw alreadyExists('organisation', input.id);
    return this.ports.organisations.get(input.id)!;
  }

  list(): Organisation[] {
    return this.ports.organisations.list();
  }

  /** Issues a key; the key itself is in the answer only. */
  issueKey(input: { role: Role; name: string; organisation: string; expiresInDays: number }) {
    const organisation = this.ports.organisations.get(input.organisation);
    if (!organisation) throw invalidInput([{ field: 'organisation', message: `no organisation '${input.organisation}'` }]);
    const kinds = ROLE_ORGANISATIONS[input.role];
    if (!kinds.includes(organisation.kind)) {
      throw invalidInput([
        { field: 'organisation', message: `a ${input.role} key belongs to an organisation of kind ${kinds.join(' or ')}; '${organisation.id}' is ${organisation.kind}` },
      ]);
    }
    return this.ports.keys.create(input.role, input.name, organisation.id, input.expiresInDays);
  }

  rotateKey(id: string, graceDays: number, expiresInDays: number) {
    const rotated = this.ports.keys.rotate(id, graceDays, expiresInDays);
    if (!rotated) throw notFound('usable API key', id);
    return rotated;
  }

  revokeKey(id: string): void {
    if (!this.ports.keys.revoke(id)) throw notFound('active API key', id);
  }

  keys(): ApiKeyInfo[] {
    return this.ports.keys.list();
  }

  /** Hands a vacancy to another unit (or to none); the shares made for the old owner end. */
  setVacancyOwner(vacancyId: string, organisationId: string | null): { vacancyId: string; owner: string | null } {
    this.ports.vacancy(vacancyId);
    if (organisationId !== null) {
      const organisation = this.ports.organisations.get(organisationId);
      if (!organisation || organisation.kind !== 'employer-services') {
        throw invalidInput([{ field: 'organisation', message: `no employer-services organisation '${organisationId}'` }]);
      }
    }
    if (this.ports.owners.ownerOf(vacancyId) !== organisationId) {
      this.ports.owners.set(vacancyId, organisationId);
      this.ports.shares.forgetVacancy(vacancyId);
    }
    return { vacancyId, owner: organisationId };
  }
}
