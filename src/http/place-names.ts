import { hasFields } from '../core/fields.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLang } from '../core/languages.js';
import { regions, type PlaceLang } from '../core/regions/regions.js';


/** The `lang` field of a request body, if it has one. */
const langOf = (body: unknown): unknown => (typeof body === 'object' && body !== null && 'lang' in body ? body.lang : undefined);

/**
 * The language an answer names places in: the `lang` the request gives (in its query string or
 * body; not a schema's default), else the first of fi/sv/en its Accept-Language names; undefined
 * when it names none (the Finnish name stays).
 */
export function placeLang(request: FastifyRequest): PlaceLang | undefined {
  const search = request.url.indexOf('?');
  const given = [
    search < 0 ? null : new URLSearchParams(request.url.slice(search + 1)).get('lang'),
    langOf(request.body),
  ];
  for (const lang of given) if (isLang(lang)) return lang;
  for (const part of (request.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if (isLang(tag)) return tag;
  }
  return undefined;
}

/**
 * The value with every `municipalityName` beside a `municipality` code named in `lang`. Copies what it
 * changes, never the objects it was given (they may be cached and answered in another language next).
 */
function renamed(value: unknown, lang: PlaceLang, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = renamed(item, lang, depth + 1);
      if (next !== item) (copy ??= value.slice())[i] = next;
    });
    return copy ?? value;
  }
  if (!hasFields(value)) return value;
  const record = value;
  let copy: Record<string, unknown> | undefined;
  if (typeof record.municipalityName === 'string' && typeof record.municipality === 'string') {
    const name = regions.municipalityName(record.municipality, lang);
    if (name !== undefined && name !== record.municipalityName) copy = { ...record, municipalityName: name };
  }
  for (const key in record) {
    const child = record[key];
    if (child === null || typeof child !== 'object') continue;
    const next = renamed(child, lang, depth + 1);
    if (next !== child) (copy ??= { ...record })[key] = next;
  }
  return copy ?? record;
}

/**
 * Municipality names in the answer's language, API included: a match hit's `municipalityName` is
 * Närpes, Vasa, Tammerfors for `lang=sv` (or Accept-Language: sv), Närpiö, Vaasa, Tampere otherwise.
 * The hits are made in Finnish (src/core/matching.ts); this names them at the edge, as error texts are.
 */
export function installPlaceNames(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const lang = placeLang(request);
    // Finnish and English names are the stored (Finnish) ones: only Swedish differs.
    return lang === 'sv' ? renamed(payload, lang) : payload;
  });
}
