/**
 * Municipalities and regions in the forms: shown by their names in the page's language (Tammerfors,
 * Birkaland), sent as the service reads them. A record stores a code ("837"); a person reads and
 * types a name, in Finnish or Swedish.
 */
import { api } from './api';
import { placeName } from './i18n';
import type { MunicipalityList, MunicipalityView, RegionList, RegionView } from '../core/regions/schema';

/** A municipality or a region: its code and names (only regions have an English one). */
export type Place = Pick<RegionView, 'code' | 'nameFi' | 'nameSv'> & Partial<Pick<RegionView, 'nameEn'>>;
export interface Places {
  municipalities: MunicipalityView[];
  regions: RegionView[];
}

let loading: Promise<Places> | undefined;
/** The reference lists, loaded once per page load (they do not change while the service runs). */
export function loadPlaces(): Promise<Places> {
  loading ??= Promise.all([api<MunicipalityList>('GET', '/v1/municipalities'), api<RegionList>('GET', '/v1/regions')]).then(
    ([m, r]) => ({ municipalities: m.items, regions: r.items }),
    (error: unknown) => {
      loading = undefined; // tried again next time
      throw error;
    },
  );
  return loading;
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi');

/** The place a code or a name (Finnish, Swedish, English) names, as the service resolves it. */
export const placeOf = (list: Place[], text: string) => {
  const key = fold(text);
  return list.find((p) => [p.code, String(Number(p.code)), p.nameFi, p.nameSv, p.nameEn].some((k) => k !== undefined && fold(k) === key));
};

/** A stored value (a code or a name) as the form shows it: the name in the page's language. */
export const shownPlace = (list: Place[], value: string) => {
  const place = placeOf(list, value);
  return place ? placeName(place) : value;
};

/** Stored values as the form shows them: names, comma-separated. */
export const shownPlaces = (list: Place[], values: string[] | undefined) => (values ?? []).map((v) => shownPlace(list, v)).join(', ');

/**
 * What the form sends: the stored value when the person left the field as it was shown (an edit
 * elsewhere changes nothing here), else what they typed (the service reads names in Finnish or
 * Swedish and codes, and names what it cannot read).
 */
export const sentPlace = <T>(typed: T, shown: T, stored: T) => (typed === shown ? stored : typed);
