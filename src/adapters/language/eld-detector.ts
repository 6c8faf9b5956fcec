import { eld } from 'eld/medium';
import { LANGS } from '../../core/languages.js';
import type { LanguageDetector } from '../../core/ports.js';

/**
 * Language of a text by `eld` (Efficient Language Detector, Apache-2.0; n-gram model bundled, no
 * download), limited to the languages clients and vacancies in Finland are mostly written in so
 * that short texts are not taken for a far-off language. Answers fi, sv or en, else undefined.
 */
const SUBSET = ['fi', 'sv', 'en', 'et', 'ru', 'uk', 'de', 'ar', 'so', 'fa'];
const ANSWERED = new Set<string>(LANGS);
let configured = false;

export const eldDetector: LanguageDetector = {
  detect(text: string): string | undefined {
    if (!configured) {
      eld.setLanguageSubset(SUBSET);
      configured = true;
    }
    const language = eld.detect(text).language;
    return ANSWERED.has(language) ? language : undefined;
  },
};
