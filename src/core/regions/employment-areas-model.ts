import { EMPLOYMENT_AREA_TABLE } from './employment-areas.js';
import type { Regions } from './regions.js';

export interface EmploymentArea {
  id: string;
  nameFi: string;
  nameSv: string;
  /** Official municipality codes. */
  municipalities: string[];
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi');

/** Municipalities grouped into employment areas; every municipality belongs to exactly one. */
export class EmploymentAreas {
  private readonly byKey = new Map<string, EmploymentArea>();
  private readonly byMunicipality = new Map<string, EmploymentArea>();

  private constructor(readonly all: EmploymentArea[]) {
    for (const area of all) {
      for (const key of [area.id, area.nameFi, area.nameSv]) this.byKey.set(fold(key), area);
      for (const code of area.municipalities) this.byMunicipality.set(code, area);
    }
  }

  /**
   * Reads `id;name_fi;name_sv;municipalities` lines (municipalities by code or name, comma-separated).
   * Throws naming the line when a municipality is unknown or listed twice, or when any is missing.
   */
  static parse(table: string, regions: Regions): EmploymentAreas {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    const lines = table.trim().split('\n');
    const areas = lines.slice(1).flatMap((line, i) => {
      if (line.trim() === '') return [];
      const [id, nameFi, nameSv, list] = line.split(';').map((s) => s.trim());
      if (!id || !nameFi || !nameSv || !list) {
        problems.push(`line ${i + 2}: expected id;name_fi;name_sv;municipalities`);
        return [];
      }
      const municipalities = list.split(',').flatMap((ref) => {
        const m = regions.municipality(ref);
        if (!m) problems.push(`line ${i + 2}: unknown municipality '${ref.trim()}'`);
        else if (seen.has(m.code)) problems.push(`line ${i + 2}: ${m.nameFi} is already in ${seen.get(m.code)}`);
        else seen.set(m.code, id);
        return m ? [m.code] : [];
      });
      return [{ id, nameFi, nameSv, municipalities }];
    });
    const missing = regions.municipalities.filter((m) => !seen.has(m.code)).map((m) => m.nameFi);
    if (missing.length > 0) problems.push(`municipalities in no area: ${missing.join(', ')}`);
    if (problems.length > 0) throw new Error(`employment areas: ${problems.join('; ')}`);
    return new EmploymentAreas(areas);
  }

  /** By id ("tampere") or Finnish or Swedish name. */
  area(idOrName: string): EmploymentArea | undefined {
    return this.byKey.get(fold(idOrName));
  }

  areaOf(municipalityCode: string): EmploymentArea {
    return this.byMunicipality.get(municipalityCode)!;
  }
}

export const defaultEmploymentAreas = (regions: Regions) => EmploymentAreas.parse(EMPLOYMENT_AREA_TABLE, regions);

/** The id of the employment area a municipality (code or name) lies in; undefined for none or an unknown one. */
export function employmentAreaIdOf(areas: EmploymentAreas, regions: Regions, municipality: string | undefined): string | undefined {
  const code = municipality === undefined ? undefined : regions.municipality(municipality)?.code;
  return code === undefined ? undefined : areas.areaOf(code)?.id;
}
