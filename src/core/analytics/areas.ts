import { invalidInput } from '../errors.js';
import type { EmploymentAreas } from '../regions/employment-areas-model.js';
import type { Regions } from '../regions/regions.js';
import type { AnalysisArea, AreaQuery } from './schema.js';

export type { AnalysisArea, AreaQuery };

/** Resolves at most one of `area` (employment area), `region`, `municipality`; none means Finland. */
export function resolveArea(query: AreaQuery, regions: Regions, areas: EmploymentAreas): AnalysisArea {
  const given = (['area', 'region', 'municipality'] as const).filter((f) => query[f] !== undefined);
  if (given.length > 1) {
    throw invalidInput(given.slice(1).map((field) => ({ field, message: `give only one of area, region, municipality (got ${given.join(', ')})` })));
  }
  if (query.area !== undefined) {
    const a = areas.area(query.area);
    if (!a) throw invalidInput([{ field: 'area', message: `unknown employment area '${query.area}' (see GET /v1/employment-areas)` }]);
    return { kind: 'employment-area', id: a.id, nameFi: a.nameFi, nameSv: a.nameSv, municipalities: a.municipalities };
  }
  if (query.region !== undefined) {
    const r = regions.region(query.region);
    if (!r) throw invalidInput([{ field: 'region', message: `unknown region '${query.region}'` }]);
    return { kind: 'region', id: r.code, nameFi: r.nameFi, nameSv: r.nameSv, municipalities: regions.municipalitiesIn(r.code).map((m) => m.code) };
  }
  if (query.municipality !== undefined) {
    const m = regions.municipality(query.municipality);
    if (!m) throw invalidInput([{ field: 'municipality', message: `unknown municipality '${query.municipality}'` }]);
    return { kind: 'municipality', id: m.code, nameFi: m.nameFi, nameSv: m.nameSv, municipalities: [m.code] };
  }
  return { kind: 'country', id: 'FI', nameFi: 'Suomi', nameSv: 'Finland' };
}
