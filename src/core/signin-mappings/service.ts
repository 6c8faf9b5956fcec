import type { Role } from '../access.js';
import { changedMeanwhile, invalidInput, notFound, problem } from '../errors.js';
import type { RoleMapping } from '../signin/providers.js';
import type { Mapping, MappingChange, MappingInput, MappingList } from './schema.js';

type Fields = { value: string; organisation: string; role: Role };

export interface SignInMappingPorts {
  store: {
    list(): Promise<Mapping[]>;
    get(id: number): Promise<Mapping | undefined>;
    /** Undefined when the provider already maps this value. */
    add(input: MappingInput): Promise<Mapping | undefined>;
    /** False when the mapping is no longer at `version` (or its new value is mapped already: `taken`). */
    change(id: number, version: number, to: Fields): Promise<'changed' | 'stale' | 'taken'>;
    remove(id: number, version: number): Promise<boolean>;
    /** Stores a provider's mappings from the providers file, once per provider (later starts leave the database's as they are). */
    seed(provider: string, roles: readonly RoleMapping[]): Promise<void>;
  };
  /** Throws invalid input naming `field` unless the organisation exists and its kind holds `role`. */
  checkOrganisation(id: string, role: Role, field: string): Promise<void>;
  /** The configured identity providers. */
  providers: readonly { id: string; name: string; claim: string; roles: readonly RoleMapping[] }[];
}

/**
 * Which identity-provider claim value (group, app role) gives which organisation and role: edited by
 * admins in the app, read at every sign-in and every re-check of a session (a change applies to a
 * signed-in person at their session's next re-check).
 */
export class SignInMappings {
  constructor(private readonly ports: SignInMappingPorts) {}

  async list(): Promise<MappingList> {
    return { items: await this.ports.store.list(), providers: this.ports.providers.map(({ id, name, claim }) => ({ id, name, claim })) };
  }

  /** What a provider's people map to, in the order tried. */
  async forProvider(provider: string): Promise<RoleMapping[]> {
    return (await this.ports.store.list())
      .filter((m) => m.provider === provider)
      .map(({ value, organisation, role }) => ({ value, organisation, role }));
  }

  /** The providers file's mappings, stored the first time each provider is started with (checked at start: see discoverProviders). */
  async seed(providers: readonly { id: string; roles: readonly RoleMapping[] }[] = this.ports.providers): Promise<void> {
    for (const p of providers) await this.ports.store.seed(p.id, p.roles);
  }

  async add(input: MappingInput): Promise<Mapping> {
    if (!this.ports.providers.some((p) => p.id === input.provider)) throw invalidInput([problem('provider', 'unknown_provider', { value: input.provider })]);
    await this.ports.checkOrganisation(input.organisation, input.role, 'organisation');
    const added = await this.ports.store.add(input);
    if (!added) throw invalidInput([problem('value', 'mapping_taken', { value: input.value, provider: input.provider })]);
    return added;
  }

  async change(id: number, version: number, change: MappingChange): Promise<Mapping> {
    const current = await this.existing(id, version);
    const to = { value: change.value ?? current.value, organisation: change.organisation ?? current.organisation, role: change.role ?? current.role };
    await this.ports.checkOrganisation(to.organisation, to.role, 'organisation');
    const result = await this.ports.store.change(id, version, to);
    if (result === 'stale') throw changedMeanwhile(String(id));
    if (result === 'taken') throw invalidInput([problem('value', 'mapping_taken', { value: to.value, provider: current.provider })]);
    return (await this.ports.store.get(id))!;
  }

  async remove(id: number, version: number): Promise<void> {
    await this.existing(id, version);
    if (!(await this.ports.store.remove(id, version))) throw changedMeanwhile(String(id));
  }

  private async existing(id: number, version: number): Promise<Mapping> {
    const current = await this.ports.store.get(id);
    if (!current) throw notFound('sign-in mapping', String(id));
    if (current.version !== version) throw changedMeanwhile(String(id));
    return current;
  }
}
