import { z } from 'zod';
import { ROLES } from '../access.js';
import { queryInt, recordId, singleLine } from '../schemas/common.js';

/**
 * A claim-to-role mapping: a person whose provider's claim (groups, app roles) holds `value` signs
 * in to `organisation` as `role`. Kept in the database and edited by admins; the providers file's
 * `roles` are the start value (see docs/sign-in.md).
 */
export const mappingInput = z
  .object({
    provider: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'letters, digits and -').describe('The identity provider (its id in the providers file)'),
    value: singleLine(300).describe('A group id or name, or an app role, as the provider puts it in the claim'),
    organisation: recordId.describe('Organisation id'),
    role: z.enum(ROLES),
  })
  .strict();
export type MappingInput = z.input<typeof mappingInput>;

/** PATCH /v1/admin/signin-mappings/:id (If-Match: the version read). */
export const mappingChange = mappingInput.omit({ provider: true }).partial().strict();
export type MappingChange = z.input<typeof mappingChange>;

export const mapping = mappingInput.extend({
  id: z.number().int(),
  version: z.number().int().describe('Send it back as If-Match: "<version>" (the ETag)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mapping = z.infer<typeof mapping>;

export const mappingList = z.object({
  items: z.array(mapping).describe("In the order they are tried: a person's first mapped value decides"),
  providers: z.array(z.object({ id: z.string(), name: z.string(), claim: z.string() })).describe('The configured identity providers'),
});
export type MappingList = z.infer<typeof mappingList>;

export const mappingParams = z.object({ id: queryInt(1, 999_999_999) });
