import { signal } from '@preact/signals';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';
import { isLang, LANGS, LOCALES, pluralForm, type Lang } from '../core/languages';
import { formatDate, formatDateAndTime } from './dates';

export { LANGS, type Lang };
const TEXTS: Record<Lang, Record<string, string>> = { fi, sv, en };

const stored = localStorage.getItem('kohtaanto.lang');
/** The user's language, kept in the browser between visits. */
export const lang = signal<Lang>(isLang(stored) ? stored : 'fi');

export function setLang(next: Lang) {
  lang.value = next;
  localStorage.setItem('kohtaanto.lang', next);
  document.documentElement.lang = next;
}
document.documentElement.lang = lang.value;

/** A text in the user's language; `{name}` placeholders are filled from `vars`. */
export function t(key: string, vars: Record<string, string | number> = {}): string {
  const text = TEXTS[lang.value][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => (name in vars ? formatValue(vars[name]!) : `{${name}}`));
}

const formatValue = (v: string | number) => (typeof v === 'number' ? num(v) : v);

/**
 * A text that names a count, in the form the language's plural rules ask for (Intl.PluralRules): the
 * keys `${key}.one` and `${key}.other` (Finnish "1 henkilö", "2 henkilöä"); `{n}` is the count in the
 * user's locale, to `digits` decimals (1,5 is plural).
 */
export function plural(key: string, n: number, vars: Record<string, string | number> = {}, digits = 0): string {
  const shown = Number(n.toFixed(digits));
  return t(`${key}.${pluralForm(lang.value, shown)}`, { ...vars, n: num(shown, digits) });
}

/** Numbers and dates in the user's locale. */
export const num = (n: number, digits = 0) => new Intl.NumberFormat(LOCALES[lang.value], { maximumFractionDigits: digits }).format(n);
export const pct = (share: number) => new Intl.NumberFormat(LOCALES[lang.value], { style: 'percent', maximumFractionDigits: 0 }).format(share);
export const eur = (n: number) => new Intl.NumberFormat(LOCALES[lang.value], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
/** A date in the page's language, the same in every browser: 7.12.2026 (fi, sv), 7 Dec 2026 (en); see dates.ts. */
export const date = (iso: string) => formatDate(iso, lang.value);
/** A timestamp's day and time in the page's language: "7.12.2026 klo 14.05", "7.12.2026 kl. 14.05", "7 Dec 2026, 14:05". */
export const dateTime = (iso: string) => {
  const at = formatDateAndTime(iso, lang.value);
  return at.time ? t('date.at', at) : at.date;
};

/** A place (municipality, region, employment area) by its name in the user's language: Närpes and Österbotten in Swedish. */
export const placeName = (o: { nameFi: string; nameSv: string; nameEn?: string }) =>
  lang.value === 'sv' ? o.nameSv : lang.value === 'en' ? (o.nameEn ?? o.nameFi) : o.nameFi;

/** A text of a value of the service (a status, a group, a kind) by `${prefix}.${value}`; the value itself when there is none. */
export function valueText(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return TEXTS[lang.value][key] ?? TEXTS.en[key] ?? value;
}
