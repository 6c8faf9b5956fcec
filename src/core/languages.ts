/**
 * The service's languages: of its texts, labels, explanations and exports (Finnish, Swedish,
 * English). Declared once; the zod enum is `language` in schemas/common.ts. No zod here: the web
 * app imports this file.
 */
export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Whether a value names one of the service's languages. */
export const isLang = (value: unknown): value is Lang => LANGS.some((lang) => lang === value);

/** The locale each language writes numbers, dates and plural forms in. */
export const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * The form of a word that names `n` of something, by the language's plural rules (Intl.PluralRules):
 * "1 avoin työpaikka" / "2 avointa työpaikkaa", "1 ledigt jobb" / "2 lediga jobb". Every text that names
 * a count picks its form here: the web app's `plural` (src/web/i18n.ts) and the service's sentences
 * (src/core/explanations.ts).
 */
export const pluralForm = (lang: Lang, n: number): 'one' | 'other' => (new Intl.PluralRules(LOCALES[lang]).select(n) === 'one' ? 'one' : 'other');
