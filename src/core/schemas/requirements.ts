import { z } from 'zod';
import { CARD_IDS, LANGUAGE_LEVELS, LICENCE_CLASSES } from '../requirements/vocabulary.js';

export const licenceClass = z.enum(LICENCE_CLASSES).describe('Finnish driving-licence class');
export const licenceClasses = z.array(licenceClass).max(LICENCE_CLASSES.length);
export const languageLevel = z.enum(LANGUAGE_LEVELS).describe('basic (A2), good (B1–B2), fluent (C1–C2), native');
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as "fi", "sv" or "en"');
export const cardId = z.enum(CARD_IDS).describe('A card or certificate (hygieniapassi, työturvallisuuskortti, trukkikortti, …)');
export const cardList = z.array(cardId).max(CARD_IDS.length);

/** A language a vacancy asks for, at a level; `required: false` is an advantage. */
export const languageRequirement = z
  .object({ code: languageCode, level: languageLevel.default('good'), required: z.boolean().default(true) })
  .strict();
export type LanguageRequirement = z.output<typeof languageRequirement>;
/** A language a jobseeker works in, at a level. */
export const languageSkill = z.object({ code: languageCode, level: languageLevel }).strict();

const evidence = z.string().describe('The field, or the words of the description, it was read from');
/** A vacancy's hard requirements as the engine reads them: the fields, and what the description requires. */
export const vacancyRequirements = z.object({
  licences: z.array(z.object({ class: licenceClass, required: z.boolean(), evidence })),
  languages: z.array(z.object({ code: z.string(), level: languageLevel, required: z.boolean(), evidence })),
  cards: z.array(z.object({ id: cardId, required: z.boolean(), evidence })),
});
export type VacancyRequirements = z.output<typeof vacancyRequirements>;
