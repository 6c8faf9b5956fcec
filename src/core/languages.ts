/**
 * The service's languages: of its texts, labels, explanations and exports (Finnish, Swedish,
 * English). Declared once; the zod enum is `language` in schemas/common.ts. No zod here: the web
 * app imports this file.
 */
export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Whether a value names one of the service's languages. */
export const isLang = (value: unknown): value is Lang => LANGS.some((lang) => lang === value);
