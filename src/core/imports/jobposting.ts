import { createHash } from 'node:crypto';
import type { FieldProblem } from '../errors.js';
import { regions } from '../regions/regions.js';
import type { Stored } from '../kinds.js';
import type { StoredVacancy, Vacancy, VacancyInput } from '../vacancies/schema.js';
import { isProse } from '../skills.js';

/**
 * schema.org JobPosting (JSON-LD, as job boards and Google for Jobs publish vacancies) to a
 * vacancy and back. What cannot be mapped is reported per record, never dropped silently.
 */

type Json = Record<string, unknown>;

export interface MappedRecord<T> {
  /** Undefined when the record cannot become one (problems say why). */
  record?: T;
  problems: FieldProblem[];
  /** Fields present in the source that the mapping does not use, with why. */
  unmapped: string[];
}

/** The JobPosting objects of a JSON-LD document: a single object, an array, or an `@graph`. */
export function jobPostingsIn(document: unknown): Json[] {
  const items = Array.isArray(document) ? document : isObject(document) && Array.isArray(document['@graph']) ? document['@graph'] : [document];
  return items.filter((item): item is Json => isObject(item) && types(item).includes('JobPosting'));
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const types = (o: Json) => [o['@type']].flat().filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(https?:\/\/)?schema\.org\//, ''));
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isObject(v)) return text(v.name ?? v.value ?? v.description ?? v['@value']);
  return undefined;
};

/** The first `max` UTF-16 units, without half of a character cut at the end (the schemas refuse lone surrogates). */
const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max).replace(/[\uD800-\uDBFF]$/, ''));

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML as plain text: tags dropped (blocks become line breaks), entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/h\d|\/tr)[^>]*>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\s\n]*/g, '\n')
    .trim();
}

/** A date (YYYY-MM-DD) from a schema.org Date or DateTime. */
const dateOf = (v: unknown) => {
  const s = text(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
};

/** A stable record id from the source and its own id: allowed characters only, long ones hashed. */
export function externalRecordId(source: string, externalId: string): string {
  const id = `${source}:${externalId}`.replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return id.length <= 128 ? id : `${id.slice(0, 100)}~${createHash('sha256').update(`${source}:${externalId}`).digest('hex').slice(0, 16)}`;
}

const EDUCATION: [RegExp, VacancyInput['educationLevel']][] = [
  [/doctor|phd|tohtori/i, 'doctorate'],
  [/postgraduate|master|ylempi/i, 'master'],
  [/bachelor|amk|kandidaatti/i, 'bachelor'],
  [/professional certificate|vocational|ammatillinen|associate/i, 'vocational'],
  [/high school|upper secondary|lukio|toinen aste/i, 'upper-secondary'],
];

/** Fields this mapping reads; any other field of the posting is reported as unmapped. */
const MAPPED = new Set([
  '@context', '@type', '@id', 'identifier', 'url', 'title', 'name', 'description', 'datePosted', 'validThrough',
  'employmentType', 'jobLocation', 'jobLocationType', 'hiringOrganization', 'occupationalCategory', 'skills',
  'qualifications', 'experienceRequirements', 'totalJobOpenings', 'educationRequirements', 'inLanguage', 'jobStartDate',
]);

/** Short items (a skill's name) from a list or a comma/semicolon/line separated text; long ones are prose. */
function splitSkills(values: unknown[]): { skills: string[]; prose: string[] } {
  const skills: string[] = [];
  const prose: string[] = [];
  for (const value of values) {
    const s = text(value);
    if (!s) continue;
    const plain = htmlToText(s);
    const parts = plain.split(/[,;\n•]+/).map((p) => p.replace(/^[-\s]+/, '').trim()).filter(Boolean);
    if (parts.every((p) => !isProse(p))) skills.push(...parts);
    else prose.push(plain);
  }
  return { skills: [...new Set(skills)].slice(0, 100), prose };
}

/** A postal code's municipality code (from a postal-code table the user supplies), or undefined. */
export type PostalCodes = (postalCode: string) => string | undefined;

/** One JobPosting to a vacancy input (still to be validated by the vacancy schema). */
export function fromJobPosting(posting: Json, source: string, postalCodes?: PostalCodes): MappedRecord<VacancyInput> {
  const problems: FieldProblem[] = [];
  const unmapped: string[] = Object.keys(posting).filter((k) => !MAPPED.has(k)).map((k) => `${k}: not used by Kohtaanto`);

  // A PropertyValue identifier's value is the id (its name is the scheme); a URL counts without its scheme.
  const identifier =
    list(posting.identifier).map((i) => (isObject(i) ? text(i.value ?? i['@value']) : text(i))).find(Boolean) ??
    [text(posting.url), text(posting['@id'])].find(Boolean)?.replace(/^https?:\/\//, '');
  if (!identifier) problems.push({ field: 'identifier', message: 'no identifier, url or @id: the posting cannot be kept in step with its source' });
  const title = text(posting.title) ?? text(posting.name);
  if (!title) problems.push({ field: 'title', message: 'required' });

  // `skills` items are skills; `qualifications` and `experienceRequirements` are requirement texts
  // ("Edellytämme B-ajokorttia", "2 years of experience"): read by extraction, never one skill each.
  const skillSources = list(posting.skills);
  const requirementTexts = [...list(posting.qualifications), ...list(posting.experienceRequirements)].map(text).filter((t): t is string => Boolean(t)).map(htmlToText);
  for (const field of ['skills', 'qualifications', 'experienceRequirements'] as const) {
    for (const item of list(posting[field])) {
      if (isObject(item) && !text(item)) unmapped.push(`${field}: ${Object.keys(item).filter((k) => !k.startsWith('@')).join(', ')} (only names and descriptions are read)`);
    }
  }
  const { skills, prose } = splitSkills(skillSources);
  const description = [htmlToText(text(posting.description) ?? ''), ...prose, ...requirementTexts].filter(Boolean).join('\n\n');
  if (!description) problems.push({ field: 'description', message: 'required' });

  // Where: the first location whose locality names a Finnish municipality, or whose postal code is
  // in the postal-code table (a post office's name, e.g. "Tapiola", is no municipality).
  const places = list(posting.jobLocation).filter(isObject);
  let municipality: string | undefined;
  for (const place of places) {
    const address = isObject(place.address) ? place.address : place;
    const locality = text(address.addressLocality);
    const postalCode = text(address.postalCode)?.replace(/\s+/g, '');
    const found = (locality && regions.municipality(locality.replace(/\s+\d+$/, ''))?.code) || (postalCode && postalCodes?.(postalCode));
    if (found) {
      municipality = found;
      break;
    }
    if (postalCode) {
      unmapped.push(postalCodes ? `jobLocation.address.postalCode: '${postalCode}' is not in the postal-code table` : `jobLocation.address.postalCode: '${postalCode}' read only with a postal-code table (--postal-codes)`);
    }
    if (locality) unmapped.push(`jobLocation.address.addressLocality: '${locality}' is no Finnish municipality`);
  }
  const remote = list(posting.jobLocationType).some((t) => text(t) === 'TELECOMMUTE');
  if (!municipality) problems.push({ field: 'jobLocation', message: 'no jobLocation whose address names a Finnish municipality (addressLocality in Finnish or Swedish, or a postal code in the postal-code table)' });
  if (places.length > 1 && municipality) unmapped.push(`jobLocation: ${places.length} places; the first Finnish municipality is used`);

  const employment = list(posting.employmentType).map(text).filter((t): t is string => Boolean(t));
  const workingTime = employment.includes('FULL_TIME') ? 'full' : employment.includes('PART_TIME') ? 'part' : undefined;
  const term = employment.includes('TEMPORARY') ? 'fixed-term' : employment.includes('PERMANENT') ? 'permanent' : undefined;
  for (const e of employment) if (!['FULL_TIME', 'PART_TIME', 'TEMPORARY', 'PERMANENT'].includes(e)) unmapped.push(`employmentType: ${e} (working time is full or part, employment permanent or fixed-term)`);

  const occupationRef = list(posting.occupationalCategory)
    .map((c) => (isObject(c) ? (text(c.codeValue) ?? text(c.name)) : text(c)))
    .find(Boolean);
  const isco = occupationRef && /^\s*(\d{4})\b/.exec(occupationRef)?.[1];
  const occupation = occupationRef ? (occupationRef.includes('data.europa.eu/esco') ? occupationRef.trim() : (isco ?? occupationRef.trim())) : undefined;

  const openings = text(posting.totalJobOpenings);
  const positions = openings !== undefined && /^\d+$/.test(openings) ? Number(openings) : undefined;
  if (openings !== undefined && positions === undefined) problems.push({ field: 'totalJobOpenings', message: `'${openings}' is not a whole number` });

  const education = list(posting.educationRequirements).map((e) => (isObject(e) ? text(e.credentialCategory) ?? text(e) : text(e))).find(Boolean);
  const educationLevel = education ? EDUCATION.find(([re]) => re.test(education))?.[1] : undefined;
  if (education && !educationLevel) unmapped.push(`educationRequirements: '${education}' matches no education level`);

  const employer = text(posting.hiringOrganization);
  if (problems.length > 0) return { problems, unmapped };
  const record: VacancyInput = {
    id: externalRecordId(source, identifier!),
    title: clip(title!.trim(), 200),
    description: clip(description, 20_000),
    municipality: municipality!,
    skills,
    ...(employer ? { employer: clip(employer.trim(), 200) } : {}),
    ...(occupation ? { occupation: clip(occupation, 200) } : {}),
    ...(workingTime ? { workingTime } : {}),
    ...(term ? { employment: term } : {}),
    ...(dateOf(posting.jobStartDate) ? { startDate: dateOf(posting.jobStartDate) } : {}),
    ...(remote ? { remote } : {}),
    ...(positions ? { positions } : {}),
    ...(educationLevel ? { educationLevel } : {}),
    ...(dateOf(posting.datePosted) ? { publishedAt: dateOf(posting.datePosted) } : {}),
    ...(dateOf(posting.validThrough) ? { expiresAt: dateOf(posting.validThrough) } : {}),
  };
  return { record, problems, unmapped };
}

/** A stored vacancy as a schema.org JobPosting (for job boards and feeds). */
export function toJobPosting(v: Stored<Vacancy> & { normalized?: Pick<StoredVacancy['normalized'], 'occupation'> }): Json {
  const municipality = regions.municipality(v.municipality);
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: 'kohtaanto', value: v.id },
    title: v.title,
    description: v.description,
    ...(v.publishedAt ? { datePosted: v.publishedAt } : {}),
    ...(v.expiresAt ? { validThrough: v.expiresAt } : {}),
    employmentType: v.workingTime === 'part' ? 'PART_TIME' : 'FULL_TIME',
    ...(v.employer ? { hiringOrganization: { '@type': 'Organization', name: v.employer } } : {}),
    jobLocation: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: municipality?.nameFi ?? v.municipality, addressRegion: v.region, addressCountry: 'FI' },
    },
    ...(v.remote ? { jobLocationType: 'TELECOMMUTE' } : {}),
    ...(v.normalized?.occupation?.isco ? { occupationalCategory: v.normalized.occupation.uri ?? v.normalized.occupation.isco } : {}),
    ...(v.skills.length > 0 ? { skills: v.skills.join(', ') } : {}),
    totalJobOpenings: v.positions,
  };
}
