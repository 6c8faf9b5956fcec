/**
 * The one catalogue of domain errors: each code, its HTTP status and its text in Finnish, Swedish
 * and English. Core and adapters throw these; src/http/errors.ts answers them (the text in the
 * request's Accept-Language), and the web app shows the same texts in the page's language.
 */
import type { Lang } from './languages.js';

export type { Lang };
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
  database_unavailable: {
    status: 503,
    fi: 'Tietokantaan ei juuri nyt saada yhteyttä; muutosta ei ehkä tallennettu. Yritä hetken päästä uudelleen.',
    sv: 'Databasen kan inte nås just nu; ändringen kanske inte sparades. Försök igen om en stund.',
    en: 'The database cannot be reached just now; the change may not have been stored. Try again shortly.',
  },
  unauthorized: { status: 401, fi: 'Kirjaudu sisään.', sv: 'Logga in.', en: 'Sign in first.' },
  metrics_unavailable: {
    status: 503,
    fi: 'Kaikkien palveluprosessien mittareita ei saatu: yritä uudelleen.',
    sv: 'Mätvärdena från alla tjänsteprocesser kom inte: försök igen.',
    en: 'The metrics of every worker process did not arrive: retry.',
  },
  bad_request: { status: 400, fi: 'Pyyntöä ei voitu lukea.', sv: 'Begäran kunde inte läsas.', en: 'The request could not be read.' },
  request_timeout: { status: 408, fi: 'Pyyntö ei saapunut ajoissa.', sv: 'Begäran kom inte fram i tid.', en: 'The request did not arrive in time.' },
  payload_too_large: { status: 413, fi: 'Pyyntö on liian suuri.', sv: 'Begäran är för stor.', en: 'The request is too large.' },
  unsupported_media_type: { status: 415, fi: 'Tätä tiedostomuotoa ei tueta.', sv: 'Det här formatet stöds inte.', en: 'This content type is not supported.' },
  internal: { status: 500, fi: 'Palvelussa tapahtui virhe; yritä uudelleen.', sv: 'Ett fel uppstod i tjänsten; försök igen.', en: 'internal error' },
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
  signin_expired: {
    status: 400,
    fi: 'Tunnistuspalvelun vastaus oli jo vanhentunut (tai ei vielä voimassa), joten istuntoa ei avattu. Aloita kirjautuminen alusta; jos tämä toistuu, pyydä pääkäyttäjää tarkistamaan palvelimen kello.',
    sv: 'Identifieringstjänstens svar hade redan gått ut (eller gällde inte ännu), så ingen session öppnades. Börja om inloggningen; om det händer igen, be administratören kontrollera serverns klocka.',
    en: "The identity provider's answer had already expired (or was not yet valid), so no session was opened. Start the sign-in again; if this happens again, ask your administrator to check the server's clock.",
  },
  changed_meanwhile: {
    status: 409,
    fi: 'Joku muu muutti kohdetta {id} sen jälkeen, kun avasit sen; muutostasi ei tallennettu. Lataa tiedot uudelleen ja tee muutos uudestaan.',
    sv: 'Någon annan ändrade {id} efter att du öppnade det; din ändring sparades inte. Ladda om uppgifterna och gör ändringen på nytt.',
    en: "Someone else changed '{id}' after you opened it; your change was not stored. Reload it and make the change again.",
  },
} as const satisfies Record<string, { status: number } & Texts>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * What an answer says in place of figures it does not publish (not an error: the answer is 200), with
 * its text in fi/sv/en; the web app shows the same texts in the page's language.
 */
export const NOTICES = {
  plan_withheld: {
    fi: 'Koulutussuunnitelmaa ei näytetä: alueella on alle {minimum} tarkasteltavaa asiakasta, joten suunnitelma kertoisi yksittäisistä asiakkaista. Valitse laajempi alue.',
    sv: 'Utbildningsplanen visas inte: området har färre än {minimum} kunder att granska, så planen skulle berätta om enskilda kunder. Välj ett större område.',
    en: 'No training plan is shown: the place has fewer than {minimum} clients to examine, so a plan would tell of single clients. Choose a larger place.',
  },
} as const satisfies Record<string, Texts>;
export type NoticeId = keyof typeof NOTICES;

/**
 * The service's own messages, each with its code (status) and its text in fi/sv/en. The English
 * text is the API's English message as it was before the catalogue held it (clients may read it).
 * `{kind}` and `{role}`/`{allowed}` are named in the answer's language (KIND_NAMES, ROLE_NAMES).
 */
export const MESSAGES = {
  key_required: {
    code: 'unauthorized',
    fi: 'Kirjaudu sisään tai lähetä API-avain (Authorization: Bearer <avain>).',
    sv: 'Logga in eller skicka en API-nyckel (Authorization: Bearer <nyckel>).',
    en: 'an API key is required: Authorization: Bearer <key>',
  },
  key_refused: { code: 'unauthorized', fi: 'Tuntematon tai peruttu API-avain.', sv: 'Okänd eller återkallad API-nyckel.', en: 'unknown or revoked API key' },
  sign_in_refused: {
    code: 'unauthorized',
    fi: 'Kirjautuminen ei onnistunut: avain on tuntematon, vanhentunut tai peruttu. Tarkista avain.',
    sv: 'Inloggningen misslyckades: nyckeln är okänd, utgången eller återkallad. Kontrollera nyckeln.',
    en: 'unknown, expired or revoked API key',
  },
  session_ended: {
    code: 'unauthorized',
    fi: 'Istunto on päättynyt (uloskirjautuminen, vanheneminen tai avaimen peruminen): kirjaudu uudelleen.',
    sv: 'Sessionen har upphört (utloggning, utgång eller återkallad nyckel): logga in igen.',
    en: 'the session has ended (signed out, expired or its key revoked): sign in again',
  },
  no_session: { code: 'not_found', fi: 'Ei istuntoa: pyyntö käytti API-avainta.', sv: 'Ingen session: begäran använde en API-nyckel.', en: 'no session: this request used an API key' },
  csrf_required: {
    code: 'forbidden',
    fi: 'Muutos hylättiin, koska sivun istuntotunniste puuttui: lataa sivu uudelleen.',
    sv: 'Ändringen avvisades eftersom sidans sessionskod saknades: ladda om sidan.',
    en: "a change from the web app needs its session's X-CSRF-Token header",
  },
  role_refused: {
    code: 'forbidden',
    fi: 'Roolilla {role} ei ole pääsyä tähän (sallitut: {allowed}).',
    sv: 'Rollen {role} har inte tillgång till detta (tillåtna: {allowed}).',
    en: "role '{role}' may not use this route (allowed: {allowed})",
  },
  keys_refused_too_often: {
    code: 'rate_limited',
    fi: 'Tästä osoitteesta on tullut yli {limit} hylättyä API-avainta minuutissa; yritä uudelleen {wait} s kuluttua.',
    sv: 'Över {limit} avvisade API-nycklar från den här adressen på en minut; försök igen om {wait} s.',
    en: 'more than {limit} refused API keys from this address in a minute; retry in {wait} s',
  },
  sign_ins_too_often: {
    code: 'rate_limited',
    fi: 'Liian monta epäonnistunutta kirjautumista; yritä uudelleen {wait} s kuluttua.',
    sv: 'För många misslyckade inloggningar; försök igen om {wait} s.',
    en: 'too many failed sign-ins; retry in {wait} s',
  },
  report_budget_spent: {
    code: 'rate_limited',
    fi: 'Olet jo kysynyt tänään {limit} erilaista tilastoraporttia, enempää ei voi kysyä ennen huomista (UTC-vuorokausi). Samat kysymykset uudelleen toimivat yhä. Raja suojaa tilastojen henkilöitä: monesta hieman erilaisesta raportista voisi laskea yksittäisen henkilön tietoja.',
    sv: 'Du har redan frågat efter {limit} olika statistikrapporter i dag, fler går inte före i morgon (UTC-dygn). Samma frågor igen fungerar fortfarande. Gränsen skyddar personerna i statistiken: av många lite olika rapporter kunde man räkna ut enskilda personers uppgifter.',
    en: 'you have asked for {limit} different statistical reports today; no more until tomorrow (UTC day). The same questions again still work. The limit protects the people in the figures: many slightly different reports could be combined to work out one person.',
  },
  requests_too_often: {
    code: 'rate_limited',
    fi: 'Yli {max} pyyntöä minuutissa tällä avaimella; yritä uudelleen {wait} s kuluttua.',
    sv: 'Över {max} förfrågningar per minut med den här nyckeln; försök igen om {wait} s.',
    en: 'more than {max} requests per minute with this key; retry in {after}',
  },
  no_route: { code: 'not_found', fi: 'Osoitetta {method} {url} ei ole.', sv: 'Adressen {method} {url} finns inte.', en: 'no route {method} {url}' },
  metrics_local_only: {
    code: 'forbidden',
    fi: 'Mittareita voi lukea vain tältä koneelta.',
    sv: 'Mätvärdena kan bara läsas från den här maskinen.',
    en: 'the metrics are read from this machine only',
  },
  metrics_key: {
    code: 'unauthorized',
    fi: 'Mittarien lukeminen vaatii mittariavaimen (Authorization: Bearer).',
    sv: 'Mätvärdena kräver mätnyckeln (Authorization: Bearer).',
    en: 'the metrics need the metrics key (Authorization: Bearer)',
  },
  audit_full: {
    code: 'storage_full',
    fi: 'Lokia ei voi kirjoittaa (levy on täynnä); yritä uudelleen, kun tilaa on vapautettu.',
    sv: 'Granskningsloggen kan inte skrivas (disken är full); försök igen när det finns utrymme.',
    en: 'the audit trail cannot be written (the data disk is full); retry when space is freed',
  },
  disk_full: {
    code: 'storage_full',
    fi: 'Tallennustila on täynnä: mitään ei tallennettu; vapauta tilaa ja yritä uudelleen.',
    sv: 'Lagringen är full: inget sparades; frigör utrymme och försök igen.',
    en: 'the data disk is full: nothing was stored; free space and retry',
  },
  no_such: { code: 'not_found', fi: 'Ei löydy: {kind} {id}.', sv: 'Finns inte: {kind} {id}.', en: "{kind} '{id}' does not exist" },
  not_in_area: {
    code: 'not_found',
    fi: 'Työllisyysalueellasi ei ole asiakasta {id}. Toisen alueen asiakkaan tiedot saa hyväksytyllä siirtopyynnöllä.',
    sv: 'Ditt sysselsättningsområde har ingen kund {id}. Ett annat områdes kund nås genom en godkänd överföringsbegäran.',
    en: "no jobseeker '{id}' in your employment area (another area's client is reached by an approved transfer: POST /v1/jobseekers/{id}/transfers)",
  },
  too_many_in_batch: {
    code: 'too_many_records',
    fi: 'Yhdessä erässä voi olla enintään {limit} tietuetta, nyt {got}.',
    sv: 'En omgång får ha högst {limit} poster, nu {got}.',
    en: 'a batch holds at most {limit} records, got {got}',
  },
  // Known messages of core services (recognised in KNOWN below).
  outside_area: {
    code: 'forbidden',
    fi: 'Asiakas {id} asuisi alueen {area} ulkopuolella: asiakkaan kirjaavat ja muuttavat hänen asuinalueensa asiantuntijat.',
    sv: 'Kunden {id} skulle bo utanför {area}: en kund registreras och ändras av handläggarna i det område där hen bor.',
    en: "jobseeker '{id}' would live outside {area}",
  },
  transfer_moves_only: {
    code: 'forbidden',
    fi: 'Siirron aikana asiakkaan {id} kotikunnaksi voi vaihtaa vain kunnan alueelta {area} (tai hänen omalta alueeltaan).',
    sv: 'Under en överföring kan kunden {id} bara flytta till {area} (eller stanna i sitt eget område).',
    en: "under a transfer, jobseeker '{id}' moves only into {area}",
  },
  vacancy_no_unit: {
    code: 'forbidden',
    fi: 'Työpaikka {id} ei kuulu millekään yksikölle (tuotu); sitä muuttaa ylläpitäjä.',
    sv: 'Jobbet {id} hör inte till någon enhet (importerat); en administratör ändrar det.',
    en: "vacancy '{id}' belongs to no unit (imported); an admin changes it",
  },
  vacancy_other_unit: {
    code: 'forbidden',
    fi: 'Työpaikka {id} kuuluu toiselle yksikölle: vain se ja ylläpitäjät muuttavat sitä.',
    sv: 'Jobbet {id} hör till en annan enhet: bara den och administratörer ändrar det.',
    en: "vacancy '{id}' belongs to another unit: only it and admins change it",
  },
  candidates_other_unit: {
    code: 'forbidden',
    fi: 'Työpaikka {id} kuuluu toiselle yksikölle: sen ehdokkaat ovat sille yksikölle.',
    sv: 'Jobbet {id} hör till en annan enhet: dess kandidater är för den enheten.',
    en: "vacancy '{id}' belongs to another unit: its candidates are for that unit",
  },
  share_no_unit: {
    code: 'conflict',
    fi: 'Työpaikka {id} ei kuulu millekään yrityspalveluyksikölle, joten tietoja ei ole kenelle jakaa.',
    sv: 'Jobbet {id} hör inte till någon enhet för arbetsgivartjänster, så det finns ingen att dela med.',
    en: "vacancy '{id}' belongs to no employer-services unit, so there is nobody to share with",
  },
  no_transfer: { code: 'not_found', fi: 'Alueellesi ei ole siirtopyyntöä {id}.', sv: 'Ditt område har ingen överföringsbegäran {id}.', en: 'no transfer {id} for your employment area' },
  transfer_pending: {
    code: 'conflict',
    fi: 'Alueesi on jo pyytänyt asiakasta {id}: siirtopyyntö {transfer} odottaa päätöstä.',
    sv: 'Ditt område har redan begärt kunden {id}: överföringsbegäran {transfer} väntar på beslut.',
    en: "your area already asked for jobseeker '{id}': transfer {transfer} waits for a decision",
  },
  transfers_by_counsellors: {
    code: 'forbidden',
    fi: 'Siirtoa pyytää työllisyysalueen asiantuntija.',
    sv: 'En överföring begärs av en handläggare i ett sysselsättningsområde.',
    en: 'transfers are asked for by counsellors of an employment area',
  },
  transfers_per_day: {
    code: 'rate_limited',
    fi: 'Enintään {limit} siirtopyyntöä vuorokaudessa avainta kohden; yritä uudelleen {wait} s kuluttua.',
    sv: 'Högst {limit} överföringsbegäranden per dygn och nyckel; försök igen om {wait} s.',
    en: 'at most {limit} transfer requests per 24 hours per key; retry in {wait} s',
  },
  other_areas_per_day: {
    code: 'rate_limited',
    fi: 'Tällä avaimella on tänään jo tehty {limit} siirtopyyntöä tai tallennusta tunnuksella, joka on toisen alueen asiakkaan. Uusia asiakkaita ei voi tallentaa eikä siirtoja pyytää ennen kuin raja vapautuu; yritä uudelleen {wait} s kuluttua. Oman alueen asiakkaiden muokkaus toimii. Raja estää selvittämästä tunnuksia kokeilemalla, kuka on toisen alueen asiakas.',
    sv: 'Med den här nyckeln har redan {limit} överföringsbegäranden eller sparanden med ett annat områdes kunds id gjorts det senaste dygnet. Nya kunder kan inte sparas och överföringar inte begäras innan gränsen frigörs; försök igen om {wait} s. Att ändra det egna områdets kunder fungerar. Gränsen hindrar att man genom att pröva id:n tar reda på vem som är kund i ett annat område.',
    en: "this key made {limit} transfer requests or writes under an id another area's client holds in 24 hours: no new clients and no transfer requests until one of them is 24 hours old; retry in {wait} s. Changing your own area's clients still works. The limit keeps ids from being tried to find out who is a client of another area.",
  },
  referral_step: {
    code: 'conflict',
    fi: 'Lähete {id} on tilassa {state}: seuraavaksi voi tulla vain {next}. Mitään ei tallennettu.',
    sv: 'Remissen {id} är i läget {state}: därefter kan bara {next} komma. Inget sparades.',
    en: 'referral {id} is {state}: it may become only {next}; nothing was stored',
  },
  concepts_filling: {
    code: 'index_unavailable',
    fi: 'Palvelu lukee käynnistyttyään vielä tietueita ({kind}: {percent} % / {total}); yritä parin sekunnin päästä uudelleen.',
    sv: 'Tjänsten läser ännu in posterna efter start ({kind}: {percent} % av {total}); försök igen om ett par sekunder.',
    en: 'the {kind} concept index is being filled from the database ({percent} % of {total} records); retry in 2 s',
  },
  worker_restarting: { code: 'index_unavailable', fi: 'Palvelu käynnistyy uudelleen; yritä hetken päästä.', sv: 'Tjänsten startar om; försök igen om en stund.', en: 'this worker is restarting; retry' },
} as const satisfies Record<string, { code: ErrorCode } & Texts>;

export type MessageId = keyof typeof MESSAGES;

/** Record kinds as messages name them. */
export const KIND_NAMES: Record<string, Texts> = {
  jobseeker: { fi: 'työnhakija', sv: 'arbetssökande', en: 'jobseeker' },
  vacancy: { fi: 'työpaikka', sv: 'ledigt jobb', en: 'vacancy' },
  training: { fi: 'koulutus', sv: 'utbildning', en: 'training' },
  override: { fi: 'ohitus', sv: 'åsidosättning', en: 'override' },
  share: { fi: 'tietojen luovutus', sv: 'delning av uppgifter', en: 'share' },
  organisation: { fi: 'organisaatio', sv: 'organisation', en: 'organisation' },
  'usable API key': { fi: 'käytettävä API-avain', sv: 'användbar API-nyckel', en: 'usable API key' },
  'active API key': { fi: 'voimassa oleva API-avain', sv: 'giltig API-nyckel', en: 'active API key' },
  'sign-in mapping': { fi: 'kirjautumisen liitos', sv: 'inloggningskoppling', en: 'sign-in mapping' },
};

/** Roles as messages name them (the web app's words). */
export const ROLE_NAMES: Record<string, Texts> = {
  counsellor: { fi: 'asiantuntija', sv: 'handläggare', en: 'counsellor' },
  'employer-service': { fi: 'yrityspalvelut', sv: 'arbetsgivartjänster', en: 'employer-service' },
  planner: { fi: 'suunnittelija', sv: 'planerare', en: 'planner' },
  admin: { fi: 'ylläpitäjä', sv: 'administratör', en: 'admin' },
};

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
  unknown_municipality: { fi: 'tuntematon kunta "{value}"', sv: 'okänd kommun "{value}"', en: "unknown municipality '{value}'" },
  unknown_region: { fi: 'tuntematon maakunta "{value}"', sv: 'okänt landskap "{value}"', en: "unknown region '{value}'" },
  unknown_area: { fi: 'tuntematon työllisyysalue "{value}"', sv: 'okänt sysselsättningsområde "{value}"', en: "unknown employment area '{value}'" },
  one_place: { fi: 'anna vain yksi: alue, maakunta tai kunta', sv: 'ange bara ett: område, landskap eller kommun', en: 'give only one of area, region, municipality' },
  distance_needs_municipality: { fi: 'etäisyys tarvitsee kunnan, josta se mitataan', sv: 'ett avstånd behöver en kommun att mäta från', en: 'a distance needs a municipality to measure from' },
  id_differs: { fi: 'tiedon tunnus {body} on eri kuin osoitteen {path}', sv: 'postens id {body} skiljer sig från adressens {path}', en: "body id '{body}' differs from the path id '{path}'" },
  vacancy_closed: { fi: 'työpaikka {id} on suljettu', sv: 'jobbet {id} är stängt', en: "vacancy '{id}' is closed" },
  already_client: { fi: 'asiakas {id} on jo työllisyysalueesi asiakas: siirtoa ei tarvita', sv: 'kunden {id} är redan kund i ditt område: ingen överföring behövs', en: "jobseeker '{id}' is already a client of your employment area" },
  no_records: { fi: 'ei tietueita: lähetä yksi JSON-olio riviä kohden', sv: 'inga poster: skicka ett JSON-objekt per rad', en: 'no records: send one JSON object per line' },
  at_most_records: { fi: 'enintään {limit} tietuetta pyyntöä kohden', sv: 'högst {limit} poster per begäran', en: 'at most {limit} records per request' },
  required: { fi: 'pakollinen tieto puuttuu', sv: 'obligatorisk uppgift saknas', en: 'required' },
  municipality_input: {
    fi: 'tuntematon kunta: anna kunnan nimi suomeksi tai ruotsiksi tai kuntakoodi (esim. 091)',
    sv: 'okänd kommun: ange kommunens namn på finska eller svenska eller kommunkoden (t.ex. 091)',
    en: 'unknown municipality: give a Finnish municipality code (e.g. "091") or its Finnish or Swedish name',
  },
  region_input: {
    fi: 'tuntematon maakunta: anna maakunnan nimi tai koodi (esim. Pirkanmaa tai 06)',
    sv: 'okänt landskap: ange landskapets namn eller kod (t.ex. Birkaland eller 06)',
    en: 'unknown region: give a region (maakunta) code (e.g. "06") or name (e.g. "Pirkanmaa")',
  },
  not_subsidy_eligible: {
    fi: 'asiakasta {id} ei ole arvioitu palkkatukeen oikeutetuksi: kirjaa arvio asiakkaan tietoihin ennen tätä rajausta',
    sv: 'kunden {id} har inte bedömts ha rätt till lönesubvention: anteckna bedömningen i kundens uppgifter före den här avgränsningen',
    en: "client '{id}' is not assessed eligible for a pay subsidy: record the assessment on the client before this filter",
  },
  date_between: { fi: 'päivämäärä väliltä {from}–{to}', sv: 'ett datum mellan {from} och {to}', en: 'a date between {from} and {to}' },
  period_days_order: { fi: 'alkupäivä {from} on loppupäivän {to} jälkeen', sv: 'startdagen {from} är efter slutdagen {to}', en: 'the first day {from} is after the last day {to}' },
  period_too_long: { fi: 'enintään {max} päivän jakso', sv: 'en period på högst {max} dagar', en: 'a period of at most {max} days' },
  past_date: { fi: 'mennyt päivämäärä (viimeistään tänään)', sv: 'ett datum som har varit (senast i dag)', en: 'a date in the past (today at the latest)' },
  one_line: { fi: 'yksi rivi tekstiä ilman sarkaimia, rivinvaihtoja tai ohjausmerkkejä', sv: 'en rad text utan tabbar, radbrytningar eller styrtecken', en: 'one line of text' },
  no_control: { fi: 'tekstissä ei saa olla ohjausmerkkejä', sv: 'texten får inte innehålla styrtecken', en: 'no control characters' },
  id_chars: { fi: 'vain kirjaimia, numeroita ja merkkejä . _ : -, alussa kirjain tai numero', sv: 'bara bokstäver, siffror och . _ : -, först en bokstav eller siffra', en: 'letters, digits and . _ : - only' },
  language_code: { fi: 'kielikoodi, esim. fi, sv tai en', sv: 'en språkkod, t.ex. fi, sv eller en', en: 'an ISO 639 language code such as "fi", "sv" or "en"' },
  whole_number: { fi: 'kokonaisluku numeroin', sv: 'ett heltal i siffror', en: 'a whole number in decimal digits' },
  decimal_number: { fi: 'luku numeroin, esim. 40 tai 12.5', sv: 'ett tal i siffror, t.ex. 40 eller 12.5', en: 'a number in decimal digits' },
  at_most_chars: { fi: 'enintään {max} merkkiä', sv: 'högst {max} tecken', en: 'at most {max} characters' },
  at_least_chars: { fi: 'vähintään {min} merkkiä', sv: 'minst {min} tecken', en: 'at least {min} characters' },
  at_most_number: { fi: 'enintään {max}', sv: 'högst {max}', en: 'at most {max}' },
  at_least_number: { fi: 'vähintään {min}', sv: 'minst {min}', en: 'at least {min}' },
  one_of: { fi: 'jokin näistä: {values}', sv: 'ett av: {values}', en: 'one of {values}' },
  unknown_field: { fi: 'tuntematon kenttä: {keys}', sv: 'okänt fält: {keys}', en: 'unknown field: {keys}' },
  email: { fi: 'sähköpostiosoite', sv: 'en e-postadress', en: 'an e-mail address' },
  invalid_value: { fi: 'virheellinen arvo', sv: 'ogiltigt värde', en: 'invalid value' },
  no_rows: { fi: 'ei rivejä: otsikkorivi ({columns}) ja yksi tietue riviä kohden', sv: 'inga rader: en rubrikrad ({columns}) och en post per rad', en: 'no rows: a header ({columns}) and one record per line' },
  not_csv: { fi: 'ei kelvollista CSV:tä ({reason})', sv: 'inte giltig CSV ({reason})', en: 'not valid CSV ({reason})' },
  ndjson_or_csv: { fi: 'lähetä application/x-ndjson (yksi JSON-tietue riviä kohden) tai text/csv', sv: 'skicka application/x-ndjson (en JSON-post per rad) eller text/csv', en: 'send application/x-ndjson (one JSON record per line) or text/csv' },
  duplicate_id: { fi: 'sama tunnus kahdesti', sv: 'samma id två gånger', en: 'duplicate id' },
  referral_next: { fi: 'tilasta {state} voi siirtyä vain tilaan {next}', sv: 'från läget {state} går det bara till {next}', en: 'from {state} only {next} may follow' },
  no_client: {
    fi: 'työllisyysalueellasi ei ole asiakasta {id}; mitään riviä ei tallennettu',
    sv: 'ditt sysselsättningsområde har ingen kund {id}; ingen rad sparades',
    en: "no client '{id}' in your employment area; no line was stored",
  },
  create_only: {
    fi: "vain 'If-None-Match: *' (luo uusi, älä korvaa) ymmärretään, eikä yhdessä If-Match-otsakkeen kanssa",
    sv: "bara 'If-None-Match: *' (skapa ny, ersätt aldrig) förstås, och inte tillsammans med If-Match",
    en: "only 'If-None-Match: *' (create, never replace) is understood, and not together with If-Match",
  },
  // Administration (organisations, sign-in mappings).
  area_required: { fi: 'työllisyysalueen organisaatiolle on valittava työllisyysalue', sv: 'en organisation för ett sysselsättningsområde behöver sitt område', en: 'an employment-area organisation names its employment area' },
  area_not_for_kind: {
    fi: 'vain työllisyysalueen organisaatiolla on alue, ei lajilla {orgKind}',
    sv: 'bara organisationer för sysselsättningsområden har ett område, inte typen {orgKind}',
    en: 'only employment-area organisations have an area, not {orgKind}',
  },
  no_organisation: { fi: 'organisaatiota {value} ei ole', sv: 'organisationen {value} finns inte', en: "no organisation '{value}'" },
  role_not_in_kind: {
    fi: 'roolia {role} ei voi antaa organisaatiossa {value} (laji {orgKind}); rooli kuuluu lajeille {orgKinds}',
    sv: 'rollen {role} kan inte ges i organisationen {value} (typ {orgKind}); rollen hör till typerna {orgKinds}',
    en: "a {role} key belongs to an organisation of kind {orgKinds}; '{value}' is {orgKind}",
  },
  mapping_role_not_in_kind: {
    fi: 'roolia {role} ei voi antaa organisaatiossa {value} (laji {orgKind}); rooli kuuluu lajeille {orgKinds}',
    sv: 'rollen {role} kan inte ges i organisationen {value} (typ {orgKind}); rollen hör till typerna {orgKinds}',
    en: "the role {role} is held in an organisation of kind {orgKinds}; '{value}' is {orgKind}",
  },
  unknown_provider: { fi: 'tunnistuspalvelua {value} ei ole määritetty', sv: 'identitetsleverantören {value} är inte konfigurerad', en: "no identity provider '{value}' is configured" },
  period_order: { fi: 'jakson loppu on ennen sen alkua', sv: 'periodens slut är före dess början', en: 'the end of the period comes before its start' },
  mapping_taken: {
    fi: 'arvo {value} on jo liitetty tunnistuspalvelussa {provider}',
    sv: 'värdet {value} är redan kopplat hos identitetsleverantören {provider}',
    en: "the value '{value}' of provider '{provider}' is mapped already",
  },
} as const satisfies Record<string, Texts>;

export type ProblemCode = keyof typeof PROBLEMS;

/** A catalogue text with its `{name}` placeholders filled; `{kind}`, `{role}` and `{allowed}` named in `lang`. */
export const fill = (text: string, params: Record<string, string | number> = {}, lang: Lang = 'en') =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const value = String(params[name]);
    if (name === 'kind') return KIND_NAMES[value]?.[lang] ?? value;
    if (name === 'role') return ROLE_NAMES[value]?.[lang] ?? value;
    if (name === 'allowed') return value.split(', ').map((r) => ROLE_NAMES[r]?.[lang] ?? r).join(', ');
    return value;
  });

/**
 * English messages of core services that are not yet made from the catalogue, recognised so that
 * a fi/sv answer says them in its language (anything else is answered with its code's text).
 * A message's named groups are its parameters.
 */
const KNOWN_MESSAGES: [RegExp, MessageId][] = [
  [/^jobseeker '(?<id>[^']*)' would live outside (?<area>.+?): a client is registered/, 'outside_area'],
  [/^under a transfer, jobseeker '(?<id>[^']*)' moves only into (?<area>.+?) \(or stays/, 'transfer_moves_only'],
  [/^vacancy '(?<id>[^']*)' belongs to no unit \(imported\)/, 'vacancy_no_unit'],
  [/^vacancy '(?<id>[^']*)' belongs to another unit: only it/, 'vacancy_other_unit'],
  [/^vacancy '(?<id>[^']*)' belongs to another unit: its candidates/, 'candidates_other_unit'],
  [/^vacancy '(?<id>[^']*)' belongs to no employer-services unit/, 'share_no_unit'],
  [/^no transfer (?<id>\d+) for your employment area$/, 'no_transfer'],
  [/^your area already asked for jobseeker '(?<id>[^']*)': transfer (?<transfer>\d+) waits/, 'transfer_pending'],
  [/^transfers are asked for by counsellors/, 'transfers_by_counsellors'],
  [/^at most (?<limit>\d+) transfer requests per 24 hours per key; retry in (?<wait>\d+) s$/, 'transfers_per_day'],
  [/^this worker is restarting/, 'worker_restarting'],
  [/^the (?<kind>jobseeker|vacancy) concept index is being filled from the database \((?<percent>\d+) % of (?<total>\d+) records\)/, 'concepts_filling'],
];

/** Field problems of core services and the validator, recognised likewise. */
const KNOWN_PROBLEMS: [RegExp, ProblemCode][] = [
  [/^unknown municipality '(?<value>.*)'$/, 'unknown_municipality'],
  [/^unknown region '(?<value>.*)'$/, 'unknown_region'],
  [/^unknown employment area '(?<value>[^']*)'/, 'unknown_area'],
  [/^give only one of area, region, municipality/, 'one_place'],
  [/^a distance needs a municipality/, 'distance_needs_municipality'],
  [/^body id '(?<body>[^']*)' differs from the path id '(?<path>[^']*)'$/, 'id_differs'],
  [/^vacancy '(?<id>[^']*)' is closed$/, 'vacancy_closed'],
  [/^jobseeker '(?<id>[^']*)' is already a client of your employment area/, 'already_client'],
  [/^no records: send one JSON object per line$/, 'no_records'],
  [/^at most (?<limit>\d+) records per request$/, 'at_most_records'],
  [/^(Required|Invalid input: expected \w+, received undefined)$/, 'required'],
  // The schemas' own messages (src/core/schemas/common.ts) and zod's.
  [/^unknown municipality: give/, 'municipality_input'],
  [/^unknown region: give/, 'region_input'],
  [/^a date between (?<from>\S+) and (?<to>\S+)$/, 'date_between'],
  [/^a date in the past/, 'past_date'],
  [/^one line of text/, 'one_line'],
  [/^no control character/, 'no_control'],
  [/^letters, digits and/, 'id_chars'],
  [/^an ISO 639 language code/, 'language_code'],
  [/^a whole number in decimal digits$/, 'whole_number'],
  [/^a number in decimal digits/, 'decimal_number'],
  [/^Too big: expected string to have <=? ?(?<max>\d+) characters?$/, 'at_most_chars'],
  [/^Too small: expected string to have >=? ?(?<min>\d+) characters?$/, 'at_least_chars'],
  [/^Too big: expected (number|array) to (be|have) <=? ?(?<max>[\d.]+)( items?)?$/, 'at_most_number'],
  [/^Too small: expected (number|array) to (be|have) >=? ?(?<min>[\d.]+)( items?)?$/, 'at_least_number'],
  [/^Invalid option: expected one of (?<values>.+)$/, 'one_of'],
  [/^Unrecognized keys?: (?<keys>.+)$/, 'unknown_field'],
  [/^Invalid email/, 'email'],
];

function recognise<T extends string>(known: [RegExp, T][], message: string): { id: T; params: Record<string, string> } | undefined {
  for (const [pattern, id] of known) {
    const found = pattern.exec(message);
    if (found) return { id, params: { ...found.groups } };
  }
  return undefined;
}

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

/**
 * A problem's message in a language: the catalogue's text; in English a message not from the
 * catalogue as it is; in Finnish and Swedish a known one's text, else "invalid value" (never English).
 */
export function problemText(p: FieldProblem, lang: Lang): string {
  if (p.code) return fill(PROBLEMS[p.code][lang], p.params, lang);
  if (lang === 'en') return p.message;
  const known = recognise(KNOWN_PROBLEMS, p.message);
  return known ? fill(PROBLEMS[known.id][lang], known.params, lang) : PROBLEMS.invalid_value[lang];
}

const LINE: Texts = { fi: 'rivi', sv: 'rad', en: 'line' };
const MORE: Texts = { fi: 'ja {n} muuta', sv: 'och {n} till', en: 'and {n} more' };

/** Problems as one sentence in a language ("rivi 3: municipality: tuntematon kunta …; …"). */
export const problemsText = (problems: FieldProblem[], lang: Lang, count = problems.length) =>
  problems.map((p) => `${p.line ? `${LINE[lang]} ${p.line}: ` : ''}${p.field}: ${problemText(p, lang)}`).join('; ') +
  (count > problems.length ? `; ${fill(MORE[lang], { n: count - problems.length })}` : '');

export class KohtaantoError extends Error {
  /** The catalogue's message this error says (MESSAGES), answered in the request's language. */
  messageId?: MessageId;
  /** How many problems there were, when more than those listed (see `problems`); set only then. */
  declare problemCount?: number;
  /** When the request may be sent again (the answer's Retry-After); set only then. */
  declare retryAfterSeconds?: number;

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

  /**
   * The message in a language. English: the message as made. Finnish and Swedish: the catalogue's
   * message, the code's text filled with the params, a known core message, invalid input with its
   * problems; else the code's text. Never English in a Finnish or Swedish answer.
   */
  text(lang: Lang): string {
    if (lang === 'en') return this.message;
    if (this.messageId) return fill(MESSAGES[this.messageId][lang], this.params, lang);
    if (this.params) return fill(ERRORS[this.code][lang], this.params, lang);
    const known = recognise(KNOWN_MESSAGES, this.message);
    if (known) return fill(MESSAGES[known.id][lang], known.params, lang);
    if (this.code === 'invalid_input' && this.problems.length > 0) {
      return `${ERRORS.invalid_input[lang]} ${problemsText(this.problems, lang, this.problemCount)}`;
    }
    return ERRORS[this.code][lang];
  }
}

/** An error whose message is the catalogue's text for its code. */
const catalogued = (code: ErrorCode, params: Record<string, string | number>) => new KohtaantoError(code, fill(ERRORS[code].en, params), [], params);

/** An error saying one of the catalogue's messages (its code from the catalogue). */
export const said = (id: MessageId, params: Record<string, string | number> = {}) =>
  Object.assign(new KohtaantoError(MESSAGES[id].code, fill(MESSAGES[id].en, params), [], params), { messageId: id });

export const notFound = (kind: string, id: string) => said('no_such', { kind, id });

export const alreadyExists = (kind: string, id: string) =>
  new KohtaantoError('already_exists', `${kind} '${id}' already exists; use PUT to replace it`, [], { id });

/** A create (PUT with If-None-Match: *) on an id that is taken. */
export const idTaken = (id: string) => catalogued('id_taken', { id });

/** A change whose If-Match names a version that is no longer the stored one (or a record that is gone). */
export const versionMismatch = (id: string) => catalogued('version_mismatch', { id });

/** A change from the web app without If-Match or If-None-Match. */
export const versionRequired = () => catalogued('version_required', {});

/** GET /metrics with several worker processes: one of them did not answer in time (one restarting). */
export const metricsUnavailable = () => Object.assign(catalogued('metrics_unavailable', {}), { retryAfterSeconds: 5 });

/**
 * A counsellor asked for a jobseeker who is not a client of their employment area: the same answer
 * whether the id belongs to another area's client or to no one (the answer must not tell which).
 */
export const notInArea = (id: string) => said('not_in_area', { id });

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
  Object.assign(new KohtaantoError('too_many_records', fill(MESSAGES.too_many_in_batch.en, { limit, got }), [problem('body', 'at_most_records', { limit })], { limit, got }), {
    messageId: 'too_many_in_batch' as const,
  });

/** The request cannot be done in the record's present state (e.g. a share for a vacancy no unit owns). */
export const conflict = (message: string) => new KohtaantoError('conflict', message);

/** The caller's organisation may not see or change this record (roles are checked before, in HTTP). */
export const forbidden = (message: string) => new KohtaantoError('forbidden', message);

export const rateLimited = (message: string, retryAfterSeconds: number) =>
  Object.assign(new KohtaantoError('rate_limited', message), { retryAfterSeconds });

/** The disk holding the data directory is full: nothing was written. */
export const storageFull = () => said('disk_full');

/** Matching cannot answer yet: the vector index is being rebuilt (or this worker is restarting). */
export const indexUnavailable = (message: string, retryAfterSeconds: number) =>
  Object.assign(new KohtaantoError('index_unavailable', message), { retryAfterSeconds });

/**
 * No PostgreSQL primary is reachable (a failover under way, the database down): the write was
 * refused or its outcome is unknown; `cause` holds what the driver said (for the log, not the answer).
 */
export const databaseUnavailable = (retryAfterSeconds: number, cause?: unknown) =>
  Object.assign(catalogued('database_unavailable', {}), { retryAfterSeconds, cause });

/** An admin's change whose If-Match names a version that is no longer the stored one (409; see docs/sign-in.md). */
export const changedMeanwhile = (id: string) => catalogued('changed_meanwhile', { id });
