import type { Lang } from '../core/languages.js';

/**
 * Dates as the page's language writes them, the same in every browser (the browser's own locale, its
 * ICU version or its date input never decide): Finnish and Swedish 7.12.2026, English 7 Dec 2026.
 * The one formatter of the web app (i18n's `date` and `dateTime` call it), and the reading of a typed date.
 */
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Day {
  year: number;
  month: number;
  day: number;
}

/** A calendar day ("2026-12-07" as it is, a timestamp in the browser's time zone), or undefined for what is not a date. */
function dayOf(value: string): Day | undefined {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return real(Number(plain[1]), Number(plain[2]), Number(plain[3]));
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return undefined;
  return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
}

/** The day if it exists in the calendar (no 31.2.). */
function real(year: number, month: number, day: number): Day | undefined {
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day && year >= 1000 ? { year, month, day } : undefined;
}

const written = (d: Day, lang: Lang) => (lang === 'en' ? `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}` : `${d.day}.${d.month}.${d.year}`);

/** A date (ISO day or timestamp) in the language's form; a value that is no date is shown as it is. */
export function formatDate(value: string, lang: Lang): string {
  const d = dayOf(value);
  return d ? written(d, lang) : value;
}

/** A timestamp's day and time in the language's form: 7.12.2026 and 14.05 (fi, sv), 7 Dec 2026 and 14:05 (en). */
export function formatDateAndTime(value: string, lang: Lang): { date: string; time: string } {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return { date: value, time: '' };
  const hh = String(at.getHours()).padStart(2, '0');
  const mm = String(at.getMinutes()).padStart(2, '0');
  return { date: formatDate(value, lang), time: lang === 'en' ? `${hh}:${mm}` : `${hh}.${mm}` };
}

/**
 * A typed date as an ISO day: 7.12.2026 (any language), 2026-12-07, or 7 Dec 2026; undefined when it
 * is not one (the caller sends the text as typed, and the service names the field).
 */
export function parseDate(text: string): string | undefined {
  const typed = text.trim();
  let d: Day | undefined;
  const dotted = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const english = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(typed);
  if (dotted) d = real(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  else if (iso) d = real(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (english) {
    const month = MONTHS_EN.findIndex((m) => m.toLowerCase() === english[2]!.toLowerCase()) + 1;
    d = month ? real(Number(english[3]), month, Number(english[1])) : undefined;
  }
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : undefined;
}
