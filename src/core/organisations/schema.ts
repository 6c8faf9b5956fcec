import { z } from 'zod';
import { ROLES } from '../access.js';
import { recordId, singleLine } from '../schemas/common.js';

export const organisationKind = z
  .enum(['employment-area', 'employer-services', 'planning', 'national'])
  .describe(
    "employment-area: an area's jobseeker services (counsellors, planners); employer-services: a unit serving employers; " +
      'planning: a planning office; national: administration (admins)',
  );
export type OrganisationKind = z.output<typeof organisationKind>;

export const organisationInput = z
  .object({
    id: recordId.describe('Stable id, e.g. "tampere-jobseekers"'),
    name: singleLine(200),
    kind: organisationKind,
    area: singleLine(100)
      .optional()
      .describe('Employment area (id or name) whose clients an employment-area organisation serves; required for that kind'),
  })
  .strict();
export type OrganisationInput = z.input<typeof organisationInput>;

export const organisation = organisationInput.extend({
  createdAt: z.string(),
  version: z.number().int().describe('Changes with every change; send it back as If-Match: "<version>" (the ETag)'),
});
export type Organisation = z.output<typeof organisation>;

/** PATCH /v1/admin/organisations/:id (If-Match: the version read): a new name, another employment area. The kind stays. */
export const organisationChange = z
  .object({
    name: singleLine(200).optional(),
    area: singleLine(100).optional().describe('Employment area (id or name); only employment-area organisations have one'),
  })
  .strict();
export type OrganisationChange = z.input<typeof organisationChange>;

const expiresInDays = z.number().int().min(1).max(3650);

export const keyInput = z
  .object({
    role: z.enum(ROLES),
    name: singleLine(200).describe('Who or what holds the key'),
    owner: singleLine(200).optional().describe('The person answerable for the key (default: the admin issuing it)'),
    organisation: recordId.describe('Organisation id'),
    expiresInDays: expiresInDays.default(365),
  })
  .strict();
export type KeyInput = z.input<typeof keyInput>;

export const keyRotation = z
  .object({
    graceDays: z.number().int().min(0).max(90).default(7).describe('Days the old key keeps working'),
    expiresInDays: expiresInDays.default(365),
  })
  .strict();

export const apiKeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisation: z.string().nullable(),
  owner: z.string().nullable().describe('The person answerable for the key'),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z
    .string()
    .nullable()
    .describe('When the key was last used, to the minute (recorded at most once a minute per key, with the audit trail)'),
});
export type ApiKeyInfo = z.output<typeof apiKeyInfo>;

/** A key as issued: its secret is shown only in this answer. */
export const issuedKey = z.object({
  id: z.string(),
  key: z.string().describe('Shown only in this answer: hand it to its holder'),
  expiresAt: z.string(),
});
/** A successor key, and when the old one stops working. */
export type IssuedKey = z.infer<typeof issuedKey>;
export const rotatedKey = issuedKey.extend({ oldExpiresAt: z.string() });

export const organisationList = z.object({ items: z.array(organisation) });
export type OrganisationList = z.infer<typeof organisationList>;
export const apiKeyList = z.object({ items: z.array(apiKeyInfo) });
export type ApiKeyList = z.infer<typeof apiKeyList>;

/** PUT /v1/admin/vacancies/:id/owner: the employer-services unit that owns a vacancy (null: none). */
export const vacancyOwnerInput = z.object({ organisation: recordId.nullable() }).strict();
export const vacancyOwner = z.object({ vacancyId: z.string(), owner: z.string().nullable() });
