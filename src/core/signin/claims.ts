import { hasFields } from '../fields.js';
import type { Role } from '../access.js';
import type { RoleMapping } from './providers.js';

/** What the provider says of a person (the ID token's claims, with the userinfo endpoint's). */
export type Claims = Record<string, unknown>;

/** A claim by name, or by a dotted path into an object (realm_access.roles), as a list of strings. */
export function claimValues(claims: Claims, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!hasFields(value)) return [];
    value = value[part];
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The organisation and role a person's claims give: the first mapping whose value they hold, or none. */
export function mapClaims(claims: Claims, claim: string, roles: readonly RoleMapping[]): { organisation: string; role: Role } | undefined {
  const held = new Set(claimValues(claims, claim));
  const found = roles.find((r) => held.has(r.value));
  return found && { organisation: found.organisation, role: found.role };
}

/** The name the audit and the page show: the person's name, else a user name or e-mail, else the subject. */
export function displayName(claims: Claims): string {
  for (const key of ['name', 'preferred_username', 'email']) {
    const v = claims[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  return String(claims.sub);
}
