import { z } from 'zod';

const name = z.string().describe("The name in the request's language (Accept-Language: fi, sv or en; Finnish when it names none)");

/** A municipality as GET /v1/municipalities gives it (Statistics Finland's code and names). */
export const municipalityView = z.object({ code: z.string(), name, nameFi: z.string(), nameSv: z.string(), regionCode: z.string() });
export type MunicipalityView = z.infer<typeof municipalityView>;

/** A region (maakunta / landskap) as GET /v1/regions gives it. */
export const regionView = z.object({ code: z.string(), name, nameFi: z.string(), nameSv: z.string(), nameEn: z.string() });
export type RegionView = z.infer<typeof regionView>;

export const municipalityList = z.object({ items: z.array(municipalityView) });
export type MunicipalityList = z.infer<typeof municipalityList>;
export const regionList = z.object({ items: z.array(regionView) });
export type RegionList = z.infer<typeof regionList>;
