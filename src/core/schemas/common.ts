import { z } from 'zod';
import { regions } from '../regions/regions.js';

/** The caller's own stable identifier for a record. */
export const recordId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only, starting with a letter or digit')
  .describe("The caller's own stable id");

export const skillName = z.string().trim().min(1).max(100);
export const skillList = z.array(skillName).max(100).describe('Skills as free strings');

export const municipalityRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => regions.municipality(value) !== undefined, {
    message: 'unknown municipality: give a Finnish municipality code (e.g. "091") or its Finnish or Swedish name',
  })
  .describe('Finnish municipality code (e.g. "091") or name (e.g. "Helsinki", "Helsingfors")');

export const regionRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => regions.region(value) !== undefined, {
    message: 'unknown region: give a region (maakunta) code (e.g. "06") or name (e.g. "Pirkanmaa")',
  })
  .describe('Region (maakunta) code or name');

export const languageList = z
  .array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as "fi", "sv" or "en"'))
  .max(20);

export const educationLevel = z
  .enum(['basic', 'upper-secondary', 'vocational', 'bachelor', 'master', 'doctorate'])
  .describe('Highest (jobseeker) or minimum (vacancy) education level');

export const freeText = z.string().trim().min(1).max(20_000);
export const title = z.string().trim().min(1).max(200);

/** Timestamps and resolved location the service adds to every stored record. */
export const storedFields = {
  region: z.string().describe('Region (maakunta) code resolved from the municipality'),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const idParams = z.object({ id: recordId });
