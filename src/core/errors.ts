/**
 * The one catalogue of domain errors: each code, its HTTP status and its text in Finnish, Swedish
 * and English. Core and adapters throw these; src/http/errors.ts answers them (the text in the
 * request's Accept-Language), and the web app shows the same texts in the page's language.
 */
export type Lang = 'fi' | 'sv' | 'en';
export type Texts = Record<Lang, string>;

export const ERRORS = {
  not_found: { status: 404, fi: 'Tietuetta ei löydy.', sv: 'Posten finns inte.', en: 'No such record.' },
  forbidden: { status: 403, fi: 'Sinulla ei ole oikeutta tähän.', sv: 'Du har inte rätt till detta.', en: 'You may not do this.' },
  rate_limited: { status: 429, fi: 'Liian monta pyyntöä: odota hetki.', sv: 'För många förfrågningar: vänta en stund.', en: 'Too many requests: wait a moment.' },
  storage_full: { status: 507, fi: 'Tallennustila on täynnä: mitään ei tallennettu.', sv: 'Lagringen är full: inget sparades.', en: 'The data disk is full: nothing was stored.' },
  already_exists: {
    status: 409,
    fi: 'Tunnuksella {id} on jo tietue; mitään ei tallennettu.',
    sv: 'Det finns redan en post med id {id}; inget sparades.',
    en: "A record with the id '{id}' already exists; nothing was stored.",
  },
  id_taken: {
    status: 412,
    fi: 'Tunnuksella {id} on jo tietue, joten uutta ei luotu eikä mitään tallennettu. Avaa olemassa oleva tai valitse toinen tunnus.',
    sv: 'Det finns redan en post med id {id}, så ingen ny skapades och inget sparades. Öppna den befintliga eller välj ett annat id.',
    en: "A record with the id '{id}' already exists, so no new one was created and nothing was stored. Open the existing one or choose another id.",
  },
  version_mismatch: {
    status: 412,
    fi: 'Joku muu muutti tietuetta {id} sen jälkeen, kun avasit sen; muutoksiasi ei tallennettu.',
    sv: 'Någon annan ändrade posten {id} efter att du öppnade den; dina ändringar sparades inte.',
    en: "Someone else changed '{id}' after you opened it; your changes were not stored.",
  },
  version_required: {
    status: 428,
    fi: 'Muutos tarvitsee If-Match-otsakkeen (tietueen ETag) tai uusi tietue If-None-Match: *.',
    sv: 'En ändring behöver rubriken If-Match (postens ETag), en ny post If-None-Match: *.',
    en: 'A change needs If-Match (the record\'s ETag), a new record If-None-Match: *.',
  },
  conflict: { status: 409, fi: 'Tietueen nykyinen tila estää tämän.', sv: 'Postens nuvarande läge hindrar detta.', en: "The record's present state prevents this." },
  invalid_input: { status: 400, fi: 'Tiedoissa on virheitä; mitään ei tallennettu.', sv: 'Uppgifterna innehåller fel; inget sparades.', en: 'The input has errors; nothing was stored.' },
  too_many_records: { status: 413, fi: 'Liian monta tietuetta yhdessä pyynnössä.', sv: 'För många poster i en begäran.', en: 'Too many records in one request.' },
  model_unavailable: { status: 503, fi: 'Kielimalli ei ole käytettävissä.', sv: 'Språkmodellen är inte tillgänglig.', en: 'The language model is not available.' },
  index_unavailable: { status: 503, fi: 'Hakemistoa rakennetaan: yritä hetken päästä uudelleen.', sv: 'Indexet byggs: försök igen om en stund.', en: 'The index is being rebuilt: try again shortly.' },
  signin_refused: {
    status: 403,
    fi: 'Tunnistautuminen onnistui, mutta tunnuksellesi ei ole annettu Kohtaannossa organisaatiota eikä roolia, joten et voi kirjautua. Pyydä organisaatiosi pääkäyttäjää lisäämään sinut oikeaan ryhmään.',
    sv: 'Identifieringen lyckades, men ditt konto har ingen organisation eller roll i Kohtaanto, så du kan inte logga in. Be din organisations administratör att lägga till dig i rätt grupp.',
    en: 'You were identified, but your account has no organisation or role in Kohtaanto, so you cannot sign in. Ask your organisation\'s administrator to add you to the right group.',
  },
  signin_failed: {
    status: 400,
    fi: 'Kirjautuminen epäonnistui tai vanheni, eikä istuntoa avattu. Aloita kirjautuminen alusta.',
    sv: 'Inloggningen misslyckades eller gick ut, och ingen session öppnades. Börja om inloggningen.',
    en: 'The sign-in failed or expired, and no session was opened. Start the sign-in again.',
  },
} as const satisfies Record<string, { status: number } & Texts>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * Problems with one field of an input, by code, for the spreadsheet import (the other problems
 * carry the validator's English message only).
 */
export const PROBLEMS = {
  unknown_column: {
    fi: 'tuntematon sarake; sarakkeet ovat {columns}',
    sv: 'okänd kolumn; kolumnerna är {columns}',
    en: 'unknown column; the columns are {columns}',
  },
  duplicate_column: {
    fi: 'sama kenttä kahdesti: sarake {column} on sama kenttä ({name}) kuin sarake {first}',
    sv: 'samma fält två gånger: kolumn {column} är samma fält ({name}) som kolumn {first}',
    en: 'duplicate column: column {column} names the same field ({name}) as column {first}',
  },
  not_a_date: { fi: 'ei päivämäärä: "{value}" (kirjoita esim. 1.3.2026)', sv: 'inget datum: "{value}" (skriv t.ex. 1.3.2026)', en: 'not a date: "{value}" (write e.g. 1.3.2026)' },
  not_yes_no: { fi: 'ei kyllä tai ei: "{value}"', sv: 'inte ja eller nej: "{value}"', en: 'not yes or no: "{value}"' },
  not_a_number: { fi: 'ei luku: "{value}"', sv: 'inget tal: "{value}"', en: 'not a number: "{value}"' },
  unknown_value: { fi: 'tuntematon arvo "{value}"; käy: {values}', sv: 'okänt värde "{value}"; giltiga: {values}', en: 'unknown value "{value}"; valid: {values}' },
  unknown_language: { fi: 'tuntematon kieli "{value}" (kirjoita esim. suomi, ruotsi, englanti tai fi, sv, en)', sv: 'okänt språk "{value}" (skriv t.ex. finska, svenska, engelska eller fi, sv, en)', en: 'unknown language "{value}" (write e.g. Finnish, Swedish, English or fi, sv, en)' },
  too_many_cells: { fi: '{cells} solua, otsikkorivillä {columns} saraketta', sv: '{cells} celler, rubrikraden har {columns} kolumner', en: '{cells} cells, the header has {columns} columns' },
} as const satisfies Record<string, Texts>;

export type ProblemCode = keyof typeof PROBLEMS;

/** A catalogue text with its `{name}` placeholders filled. */
export const fill = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

/** The request's language from an Accept-Language header: the first of fi/sv/en it names (English otherwise). */
export function acceptedLang(header: string | undefined): Lang {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if (tag === 'fi' || tag === 'sv' || tag === 'en') return tag;
  }
  return 'en';
}

export interface FieldProblem {
  /** Path of the offending field, e.g. "skills.3" or "municipality". */
  field: string;
  message: string;
  /** 1-based line number for NDJSON bulk bodies. */
  line?: number;
  /** A problem of the catalogue (PROBLEMS): `message` is its English text, answered in the request's language. */
  code?: ProblemCode;
  params?: Record<string, string | number>;
}

/** A problem from the catalogue: its English text now, the request's language when answered. */
export const problem = (field: string, code: ProblemCode, params: Record<string, string | number> = {}, line?: number): FieldProblem => ({
  field,
  message: fill(PROBLEMS[code].en, params),
  ...(line === undefined ? {} : { line }),
  code,
  params,
});

/** A problem's message in a language (the English message when it is not from the catalogue). */
export const problemText = (p: FieldProblem, lang: Lang) => (p.code ? fill(PROBLEMS[p.code][lang], p.params) : p.message);

export class KohtaantoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** When given, the message is the catalogue's text filled with these (answered in the request's language). */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'KohtaantoError';
  }

  /** The message in a language: the catalogue's text for errors made from it (fi, sv), else the English message. */
  text(lang: Lang): string {
    return this.params && lang !== 'en' ? fill(ERRORS[this.code][lang], this.params) : this.message;
  }
}

/** An error whose message is the catalogue's text for its code. */
const catalogued = (code: ErrorCode, params: Record<string, string | number>) => new KohtaantoError(code, fill(ERRORS[code].en, params), [], params);

export const notFound = (kind: string, id: string) =>
  new KohtaantoError('not_found', `${kind} '${id}' does not exist`);

export const alreadyExists = (kind: string, id: string) =>
  new KohtaantoError('already_exists', `${kind} '${id}' already exists; use PUT to replace it`, [], { id });

/** A create (PUT with If-None-Match: *) on an id that is taken. */
export const idTaken = (id: string) => catalogued('id_taken', { id });

/** A change whose If-Match names a version that is no longer the stored one (or a record that is gone). */
export const versionMismatch = (id: string) => catalogued('version_mismatch', { id });

/** A change from the web app without If-Match or If-None-Match. */
export const versionRequired = () => catalogued('version_required', {});

/**
 * A counsellor asked for a jobseeker who is not a client of their employment area: the same answer
 * whether the id belongs to another area's client or to no one (the answer must not tell which).
 */
export const notInArea = (id: string) =>
  new KohtaantoError('not_found', `no jobseeker '${id}' in your employment area (another area's client is reached by an approved transfer: POST /v1/jobseekers/${id}/transfers)`);

/** Most problems an error answer lists; beyond them it gives their number (`problemCount`). */
export const MAX_PROBLEMS_LISTED = 100;

export const invalidInput = (problems: FieldProblem[], message?: string) => {
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  const more = problems.length - listed.length;
  const text = listed.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.field}: ${p.message}`).join('; ');
  const error = new KohtaantoError('invalid_input', message ?? (more > 0 ? `${text}; and ${more} more (${problems.length} problems)` : text), listed);
  return more > 0 ? Object.assign(error, { problemCount: problems.length }) : error;
};

export const tooManyRecords = (limit: number, got: number) =>
  new KohtaantoError('too_many_records', `a batch holds at most ${limit} records, got ${got}`, [
    { field: 'body', message: `at most ${limit} records per request` },
  ]);

/** The request cannot be done in the record's present state (e.g. a share for a vacancy no unit owns). */
export const conflict = (message: string) => new KohtaantoError('conflict', message);

/** The caller's organisation may not see or change this record (roles are checked before, in HTTP). */
export const forbidden = (message: string) => new KohtaantoError('forbidden', message);

export const rateLimited = (message: string, retryAfterSeconds: number) =>
  Object.assign(new KohtaantoError('rate_limited', message), { retryAfterSeconds });

/** The disk holding the data directory is full: nothing was written. */
export const storageFull = () =>
  new KohtaantoError('storage_full', 'the data disk is full: nothing was stored; free space and retry');

/** Matching cannot answer yet: the vector index is being rebuilt (or this worker is restarting). */
export const indexUnavailable = (message: string, retryAfterSeconds: number) =>
  Object.assign(new KohtaantoError('index_unavailable', message), { retryAfterSeconds });
