import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { defaultEmploymentAreas, EmploymentAreas } from '../core/regions/employment-areas-model.js';
import { regions } from '../core/regions/regions.js';

/** Municipalities grouped into employment areas: KOHTAANTO_EMPLOYMENT_AREAS_FILE, or the committed table. */
export function openEmploymentAreas(config: Pick<Config, 'employmentAreasFile'>): EmploymentAreas {
  return config.employmentAreasFile ? EmploymentAreas.parse(readFileSync(config.employmentAreasFile, 'utf8'), regions) : defaultEmploymentAreas(regions);
}
