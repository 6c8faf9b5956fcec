import { ROLE_ORGANISATIONS, type Role } from './access.js';
import { alreadyExists, changedMeanwhile, invalidInput, notFound, problem } from './errors.js';
import type { EmploymentAreas } from './regions/employment-areas-model.js';
import type { ApiKeyInfo, Organisation, OrganisationChange, OrganisationInput } from './organisations/schema.js';

export interface OrganisationPorts {
  organisations: {
    /** False when the id is taken. */
    add(input: OrganisationInput): Promise<boolean>;
    get(id: string): Promise<Organisation | undefined>;
    list(): Promise<Organisation[]>;
    /** False when the organisation is no longer at `version`. */
    change(id: string, version: number, to: { name: string; area: string | null }): Promise<boolean>;
  };
  keys: {
    create(role: Role, name: string, organisationId: string, expiresInDays: number, owner?: string): Promise<{ id: string; key: string; expiresAt: string }>;
    rotate(id: string, graceDays: number, expiresInDays: number): Promise<{ id: string; key: string; expiresAt: string; oldExpiresAt: string } | undefined>;
    revoke(id: string): Promise<boolean>;
    list(): Promise<ApiKeyInfo[]>;
  };
  owners: {
    /** Hands the vacancy to the organisation (null: none) and ends the shares made for the old owner, in one transaction; false when unchanged. */
    set(vacancyId: string, organisationId: string | null): Promise<boolean>;
  };
  /** Throws not found for an unknown vacancy. */
  vacancy(id: string): Promise<unknown>;
  areas: EmploymentAreas;
}

/**
 * Organisations, their API keys and who owns which vacancy: what an admin manages, from the CLI
 * (`npm run keys`) or /v1/admin. Checks that a key's role fits its organisation (a counsellor key
 * belongs to an employment area's services, an employer-service key to a unit, …).
 */
export class Organisations {
  constructor(private readonly ports: OrganisationPorts) {}

  async add(input: OrganisationInput): Promise<Organisation> {
    const area = this.areaFor(input.kind, input.area);
    if (!(await this.ports.organisations.add({ ...input, ...(area ? { area } : {}) }))) throw alreadyExists('organisation', input.id);
    return (await this.ports.organisations.get(input.id))!;
  }

  /**
   * Renames an organisation or moves an employment-area organisation to another area (its
   * counsellors then serve that area's clients, at their next request). `version` is the one the
   * admin read: a change made meanwhile by someone else is refused (changed_meanwhile), nothing stored.
   */
  async change(id: string, version: number, change: OrganisationChange): Promise<Organisation> {
    const current = await this.ports.organisations.get(id);
    if (!current) throw notFound('organisation', id);
    if (current.version !== version) throw changedMeanwhile(id);
    const area = change.area === undefined ? (current.area ?? null) : (this.areaFor(current.kind, change.area) ?? null);
    if (!(await this.ports.organisations.change(id, version, { name: change.name ?? current.name, area }))) throw changedMeanwhile(id);
    return (await this.ports.organisations.get(id))!;
  }

  /** The area id an organisation of `kind` is given, checked: employment-area organisations need one, the others have none. */
  private areaFor(kind: Organisation['kind'], given: string | undefined): string | undefined {
    if (kind === 'employment-area') {
      if (!given) throw invalidInput([problem('area', 'area_required')]);
      const area = this.ports.areas.area(given)?.id;
      if (!area) throw invalidInput([{ field: 'area', message: `unknown employment area '${given}'` }]);
      return area;
    }
    if (given !== undefined) throw invalidInput([problem('area', 'area_not_for_kind', { orgKind: kind })]);
    return undefined;
  }

  /** The organisation's name as an admin gave it (the header of the web app shows it); none when it is not stored. */
  async nameOf(id: string): Promise<string | undefined> {
    return (await this.ports.organisations.get(id))?.name;
  }

  async list(): Promise<Organisation[]> {
    return this.ports.organisations.list();
  }

  /** Issues a key; the key itself is in the answer only. */
  async issueKey(input: { role: Role; name: string; owner?: string; organisation: string; expiresInDays: number }) {
    const organisation = await this.holding(input.organisation, input.role, 'organisation');
    return this.ports.keys.create(input.role, input.name, organisation.id, input.expiresInDays, input.owner);
  }

  /** The organisation `id`, which must exist and be of a kind that holds `role` (else invalid input naming `field`). */
  async holding(id: string, role: Role, field: string, what: 'key' | 'mapping' = 'key'): Promise<Organisation> {
    const organisation = await this.ports.organisations.get(id);
    if (!organisation) throw invalidInput([problem(field, 'no_organisation', { value: id })]);
    const kinds = ROLE_ORGANISATIONS[role];
    if (!kinds.includes(organisation.kind)) {
      const params = { role, value: organisation.id, orgKind: organisation.kind, orgKinds: kinds.join(' or ') };
      throw invalidInput([problem(field, what === 'key' ? 'role_not_in_kind' : 'mapping_role_not_in_kind', params)]);
    }
    return organisation;
  }

  async rotateKey(id: string, graceDays: number, expiresInDays: number) {
    const rotated = await this.ports.keys.rotate(id, graceDays, expiresInDays);
    if (!rotated) throw notFound('usable API key', id);
    return rotated;
  }

  async revokeKey(id: string): Promise<void> {
    if (!(await this.ports.keys.revoke(id))) throw notFound('active API key', id);
  }

  async keys(): Promise<ApiKeyInfo[]> {
    return this.ports.keys.list();
  }

  /** Hands a vacancy to another unit (or to none); the shares made for the old owner end. */
  async setVacancyOwner(vacancyId: string, organisationId: string | null): Promise<{ vacancyId: string; owner: string | null }> {
    await this.ports.vacancy(vacancyId);
    if (organisationId !== null) {
      const organisation = await this.ports.organisations.get(organisationId);
      if (!organisation || organisation.kind !== 'employer-services') {
        throw invalidInput([{ field: 'organisation', message: `no employer-services organisation '${organisationId}'` }]);
      }
    }
    await this.ports.owners.set(vacancyId, organisationId);
    return { vacancyId, owner: organisationId };
  }
}
